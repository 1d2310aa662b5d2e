//! Household files into the registry: the rows of a [`HouseholdFile`] are checked on their own
//! thread, two batches ahead of the writes; valid households go into one registration
//! transaction that commits only if the mode allows. The CLI (`twiza registry import`) and the
//! API's upload both use it.

use crate::{HouseholdRecord, IndexValue, PersonalDataKeys, Result, Store, StoreError};
use std::io::Read;
use std::time::Instant;
use twiza_domain::pmt::PmtModel;
use twiza_domain::registry_file::{FileError, FileHousehold, HouseholdFile, RowError};
use twiza_domain::{OrgScope, UserId};

/// How an import treats invalid rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    DryRun,
    AllOrNothing,
    ValidOnly,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    pub rows: u64,
    pub households_valid: u64,
    pub persons_valid: u64,
    pub households_invalid: u64,
    pub imported_households: u64,
    pub imported_persons: u64,
    /// The first [`MAX_LISTED_ERRORS`] errors.
    pub errors: Vec<RowError>,
    pub error_count: u64,
    pub seconds: f64,
}

/// Errors kept for the report; the rest are counted.
const MAX_LISTED_ERRORS: usize = 100_000;
/// Households handed to the store at a time.
const BATCH: usize = 2000;

fn record(h: FileHousehold, model: &PmtModel, today: time::Date) -> HouseholdRecord {
    let index = match h.index {
        Some(ix) => Some(IndexValue {
            value: ix.value,
            source: ix.source,
            effective_on: ix.effective_on,
        }),
        None => IndexValue::from_model(model, h.household.area, &h.members, &h.living, today),
    };
    HouseholdRecord {
        household: h.household,
        members: h.members,
        living: h.living,
        incident_id: None,
        consent: h.consent,
        index,
    }
}

/// What an import did with a file whose header was refused (or that could not be read at all):
/// nothing, and why.
pub fn refused_file(error: FileError) -> ImportOutcome {
    let errors = match error {
        FileError::Header(errors) => errors,
        other => vec![RowError {
            row: 1,
            field: String::new(),
            code: other.code(),
        }],
    };
    ImportOutcome {
        error_count: errors.len() as u64,
        errors,
        ..ImportOutcome::default()
    }
}

impl Store {
    /// Reads a household file once: every row is checked; valid households go into one
    /// transaction that commits only if the mode allows (all or nothing: no invalid row at all).
    /// Households without an imported index get one from the default proxy-means-test model.
    pub async fn import_households<R: Read + Send + 'static>(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        file: HouseholdFile<R>,
        by: UserId,
        mode: Mode,
    ) -> Result<ImportOutcome> {
        let started = Instant::now();
        let today = time::OffsetDateTime::now_utc().date();
        let model = PmtModel::default_model();
        let store = self;
        let mut registration = match mode {
            Mode::DryRun => None,
            _ => Some(store.begin_registration(scope, keys, by).await?),
        };
        // Reading and checking the file runs on its own thread, two batches ahead of the writes.
        let (batches, mut incoming) = tokio::sync::mpsc::channel::<Vec<HouseholdRecord>>(2);
        let reader = tokio::task::spawn_blocking(move || {
            let mut outcome = ImportOutcome::default();
            let mut batch = Vec::with_capacity(BATCH);
            for result in file {
                match result {
                    Ok(h) => {
                        outcome.households_valid += 1;
                        outcome.persons_valid += h.members.len() as u64;
                        outcome.rows += h.members.len() as u64;
                        let writing = match mode {
                            Mode::DryRun => false,
                            Mode::AllOrNothing => outcome.error_count == 0,
                            Mode::ValidOnly => true,
                        };
                        if writing {
                            batch.push(record(h, &model, today));
                            if batch.len() == BATCH {
                                // A closed channel means the writer failed: it reports why.
                                if batches.blocking_send(std::mem::take(&mut batch)).is_err() {
                                    break;
                                }
                            }
                        }
                    }
                    Err(errors) => {
                        outcome.households_invalid += 1;
                        outcome.error_count += errors.len() as u64;
                        let room = MAX_LISTED_ERRORS.saturating_sub(outcome.errors.len());
                        outcome.errors.extend(errors.into_iter().take(room));
                        if mode == Mode::AllOrNothing {
                            batch.clear();
                        }
                    }
                }
            }
            if !batch.is_empty() {
                let _ = batches.blocking_send(batch);
            }
            outcome
        });
        while let Some(batch) = incoming.recv().await {
            if let Some(r) = registration.as_mut() {
                r.add(&batch).await?;
            }
        }
        let mut outcome = reader
            .await
            .map_err(|_| StoreError::Corrupt("the file reader stopped"))?;
        if let Some(r) = registration {
            let commit = match mode {
                Mode::AllOrNothing => outcome.error_count == 0,
                Mode::ValidOnly => true,
                Mode::DryRun => false,
            };
            if commit {
                let (h, p) = r.counts();
                r.commit().await?;
                outcome.imported_households = h;
                outcome.imported_persons = p;
            }
            // Otherwise dropping the registration rolls its transaction back.
        }
        outcome.seconds = started.elapsed().as_secs_f64();
        Ok(outcome)
    }
}
