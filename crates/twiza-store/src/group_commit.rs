//! Group commit: one task per kind of write takes every submission waiting (up to a batch
//! limit), commits them in ONE transaction, then answers each submitter. A submission is
//! answered only after that commit, so nothing acknowledged is lost, and one fsync serves the
//! whole batch. The donations' [`crate::Sequencer`] and the needs' [`crate::NeedIntake`] are
//! built on it; what a batch writes, and the refusals that must never abort the others, belong to
//! each [`Batch`].

use crate::{Result, Store};
use std::future::Future;
use tokio::sync::{mpsc, oneshot};

/// What one kind of group-committed write does with a batch.
pub(crate) trait Batch: Send + Sync + 'static {
    type Job: Send + 'static;
    type Answer: Send + 'static;

    /// Writes `jobs` in one transaction and commits it; one answer per job, in order. An error
    /// means nothing was written.
    fn commit(
        &self,
        store: &Store,
        jobs: &[Self::Job],
    ) -> impl Future<Output = Result<Vec<Self::Answer>>> + Send;

    /// The answer to a job whose batch failed (nothing written).
    fn failed(job: &Self::Job) -> Self::Answer;

    /// What the log calls this batch.
    const NAME: &'static str;
}

type Submission<B> = (<B as Batch>::Job, oneshot::Sender<<B as Batch>::Answer>);

/// Handle to a group-commit task. Cheap to clone; the task ends when every handle is dropped.
pub(crate) struct GroupCommit<B: Batch> {
    jobs: mpsc::Sender<Submission<B>>,
}

impl<B: Batch> Clone for GroupCommit<B> {
    fn clone(&self) -> Self {
        GroupCommit {
            jobs: self.jobs.clone(),
        }
    }
}

impl<B: Batch> GroupCommit<B> {
    /// Starts the task (inside a Tokio runtime); at most `max_batch` jobs per transaction.
    pub(crate) fn start(store: Store, batch: B, max_batch: usize) -> GroupCommit<B> {
        let (jobs, rx) = mpsc::channel(max_batch * 4);
        tokio::spawn(run(store, batch, rx, max_batch));
        GroupCommit { jobs }
    }

    /// Submits a job and waits for its answer; `None` if the task has stopped.
    pub(crate) async fn submit(&self, job: B::Job) -> Option<B::Answer> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send((job, reply)).await.ok()?;
        answer.await.ok()
    }
}

async fn run<B: Batch>(
    store: Store,
    batch: B,
    mut rx: mpsc::Receiver<Submission<B>>,
    max_batch: usize,
) {
    let mut waiting = Vec::with_capacity(max_batch);
    while rx.recv_many(&mut waiting, max_batch).await > 0 {
        let (jobs, replies): (Vec<_>, Vec<_>) = std::mem::take(&mut waiting).into_iter().unzip();
        match batch.commit(&store, &jobs).await {
            Ok(answers) => {
                for (reply, answer) in replies.into_iter().zip(answers) {
                    let _ = reply.send(answer);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, batch = jobs.len(), kind = B::NAME, "batch failed; nothing was written");
                for (reply, job) in replies.into_iter().zip(&jobs) {
                    let _ = reply.send(B::failed(job));
                }
            }
        }
    }
}
