//! Volunteering on the ground: a shift's roster and attendance (check-in and check-out by the
//! shift's code or by the coordinator, the minutes counted within the shift and added to the
//! volunteer's hours, no-shows), the job that closes a shift at its end (a forgotten check-out
//! closed at the end and flagged `closed_at_end`, the absent marked `no_show`) and the one
//! that texts reminders before a shift; certificates of volunteering with their leaf in the
//! transparency log, written in the same transaction; each mission's message board.

use crate::logged::{volunteer_certificate_leaf, IssuedCertificate};
use crate::tlog::{append_at, lock_size, NewLeaf};
use crate::{now, NewMail, NewSms, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::volunteer::minutes_worked;
use twiza_domain::{OrgScope, Refusal, UserId};

/// Check-in opens this long before a shift starts (seconds).
pub const CHECKIN_OPENS_BEFORE: i64 = 3600;

/// A shift as its coordinator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroundShift {
    pub id: i64,
    pub mission_id: i64,
    pub mission_title: String,
    pub mission_kind: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub places: i64,
    pub taken: i64,
    pub checkin_code: String,
    pub closed_at: Option<i64>,
}

/// A volunteer accepted on a shift, with their attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLine {
    pub application_id: i64,
    pub volunteer_id: i64,
    pub name: String,
    pub checked_in_at: Option<i64>,
    pub checked_out_at: Option<i64>,
    pub minutes: Option<i64>,
    /// `present`, `closed_at_end`, `no_show`, `reviewed`; `None` before check-in.
    pub status: Option<String>,
}

/// Who records an attendance: the volunteer with the shift's code, or a coordinator.
#[derive(Debug, Clone, Copy)]
pub enum Recorder<'a> {
    Volunteer { code: &'a str },
    Coordinator,
}

/// A shift a volunteer is accepted on, as their home lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyShift {
    pub shift_id: i64,
    pub mission_id: i64,
    pub mission_title: String,
    pub organization_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub checked_in_at: Option<i64>,
    pub checked_out_at: Option<i64>,
    pub minutes: Option<i64>,
}

/// A volunteer to remind of a shift.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub shift_id: i64,
    pub starts_at: i64,
    pub mission_title: String,
    pub volunteer_id: i64,
    pub volunteer_reference: String,
    pub user_id: i64,
    pub phone_sealed: Option<Vec<u8>>,
    /// The language the volunteer's account last used.
    pub locale: Option<String>,
}

/// What a certificate for a volunteer with an association would say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateFacts {
    pub volunteer_id: i64,
    pub volunteer_name: String,
    pub host: String,
    pub minutes: i64,
    /// The missions' titles, first worked first.
    pub missions: Vec<String>,
    /// First and last shift's start (Unix seconds).
    pub first_at: i64,
    pub last_at: i64,
}

/// A certificate to write.
#[derive(Debug, Clone)]
pub struct NewCertificate {
    pub code: String,
    pub volunteer_id: i64,
    pub minutes: i64,
    pub missions: i64,
    pub period_from: String,
    pub period_until: String,
    pub content: String,
    /// Hex.
    pub salt: String,
    pub commitment: String,
    pub issue_key: String,
}

/// A certificate as anyone checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateView {
    pub id: i64,
    pub code: String,
    pub organization_id: i64,
    pub volunteer_id: i64,
    pub minutes: i64,
    pub missions: i64,
    pub period_from: String,
    pub period_until: String,
    pub content: String,
    pub salt: String,
    pub commitment: String,
    pub issued_at: i64,
    /// The leaf's index in the transparency log.
    pub leaf_index: Option<i64>,
}

/// A message on a mission's board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardMessage {
    pub id: i64,
    /// `announcement` or `reply`.
    pub kind: String,
    pub author_id: i64,
    /// The author's name: the account's display name for a coordinator, the volunteer's name
    /// for a reply.
    pub author: String,
    pub reply_to: Option<i64>,
    pub body: String,
    pub created_at: i64,
}

/// A coordinator's announcement to post, with the messages that carry it.
#[derive(Debug)]
pub struct Announcement<'a> {
    pub mission_id: i64,
    pub body: &'a str,
    pub post_key: &'a str,
    pub sms: &'a [NewSms],
    pub mails: &'a [NewMail],
}

/// A volunteer an announcement goes to.
#[derive(Debug, Clone)]
pub struct BoardRecipient {
    pub volunteer_id: i64,
    pub volunteer_reference: String,
    pub user_id: i64,
    pub email: String,
    pub phone_sealed: Option<Vec<u8>>,
    pub notify_sms: bool,
    pub notify_email: bool,
    pub locale: Option<String>,
}

fn refused(r: Refusal) -> StoreError {
    StoreError::Refused(r)
}

type ShiftRow = (
    i64,
    i64,
    String,
    String,
    i64,
    i64,
    i64,
    i64,
    String,
    Option<i64>,
);

fn ground_shift(r: ShiftRow) -> GroundShift {
    GroundShift {
        id: r.0,
        mission_id: r.1,
        mission_title: r.2,
        mission_kind: r.3,
        starts_at: r.4,
        ends_at: r.5,
        places: r.6,
        taken: r.7,
        checkin_code: r.8,
        closed_at: r.9,
    }
}

const SHIFT_SELECT: &str = "SELECT s.id, s.mission_id, m.title, m.kind, s.starts_at, s.ends_at, \
     s.places, s.taken, s.checkin_code, s.closed_at FROM mission_shifts s \
     JOIN missions m ON m.id = s.mission_id ";

/// Adds a check-out's minutes to the attendance and the volunteer's hours.
async fn close_attendance(
    conn: &mut AnyConnection,
    application_id: i64,
    volunteer_id: i64,
    out_at: i64,
    minutes: i64,
    status: &str,
    by: Option<i64>,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE shift_attendance SET checked_out_at = $1, checked_out_by = $2, minutes = $3, \
         status = $4 WHERE application_id = $5 AND checked_out_at IS NULL \
         AND checked_in_at IS NOT NULL",
    )
    .bind(out_at)
    .bind(by)
    .bind(minutes)
    .bind(status)
    .bind(application_id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        sqlx::query("UPDATE volunteers SET minutes_given = minutes_given + $1 WHERE id = $2")
            .bind(minutes)
            .bind(volunteer_id)
            .execute(&mut *conn)
            .await?;
        crate::volunteers::copy_ranking_facts(conn, volunteer_id).await?;
    }
    Ok(())
}

impl Store {
    /// One of the association's shifts.
    pub async fn ground_shift(&self, scope: &OrgScope, shift_id: i64) -> Result<GroundShift> {
        let sql = format!("{SHIFT_SELECT} WHERE s.id = $1 AND m.organization_id = $2");
        let row: Option<ShiftRow> = sqlx::query_as(&sql)
            .bind(shift_id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?;
        row.map(ground_shift).ok_or(StoreError::NotFound)
    }

    /// The volunteers accepted on a shift (of the association), by name, with their attendance.
    pub async fn shift_roster(&self, scope: &OrgScope, shift_id: i64) -> Result<Vec<RosterLine>> {
        type Row = (
            i64,
            i64,
            String,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT a.id, v.id, v.name, t.checked_in_at, t.checked_out_at, t.minutes, t.status \
             FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
             LEFT JOIN shift_attendance t ON t.application_id = a.id \
             WHERE a.shift_id = $1 AND a.organization_id = $2 AND a.status = 'accepted' \
             ORDER BY v.name, a.id",
        )
        .bind(shift_id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| RosterLine {
                application_id: r.0,
                volunteer_id: r.1,
                name: r.2,
                checked_in_at: r.3,
                checked_out_at: r.4,
                minutes: r.5,
                status: r.6,
            })
            .collect())
    }

    /// A new check-in code for a shift of the association.
    pub async fn set_checkin_code(
        &self,
        scope: &OrgScope,
        shift_id: i64,
        code: &str,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE mission_shifts SET checkin_code = $1 WHERE id = $2 AND mission_id IN \
             (SELECT id FROM missions WHERE organization_id = $3)",
        )
        .bind(code)
        .bind(shift_id)
        .bind(scope.org_id().0)
        .execute(self.writer())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The accepted application of `volunteer_id` on `shift_id` and the shift's times and code
    /// (`shift_not_accepted` otherwise). `organization`: only the association's shifts.
    async fn accepted_on(
        conn: &mut AnyConnection,
        shift_id: i64,
        volunteer_id: i64,
        organization: Option<i64>,
    ) -> Result<(i64, i64, i64, String)> {
        let row: Option<(i64, i64, i64, String)> = sqlx::query_as(
            "SELECT a.id, s.starts_at, s.ends_at, s.checkin_code FROM applications a \
             JOIN mission_shifts s ON s.id = a.shift_id \
             WHERE a.shift_id = $1 AND a.volunteer_id = $2 AND a.status = 'accepted' \
             AND ($3 = 0 OR a.organization_id = $3)",
        )
        .bind(shift_id)
        .bind(volunteer_id)
        .bind(organization.unwrap_or(0))
        .fetch_optional(&mut *conn)
        .await?;
        row.ok_or(refused(Refusal::ShiftNotAccepted))
    }

    /// Checks a volunteer in at `at`: accepted on the shift (`shift_not_accepted`), within
    /// `[start − 1 h, end]` (`shift_not_open`), with the shift's code when the volunteer does it
    /// (`checkin_code_invalid`). A second check-in keeps the first.
    pub async fn check_in(
        &self,
        organization: Option<i64>,
        shift_id: i64,
        volunteer_id: i64,
        recorder: Recorder<'_>,
        by: UserId,
        at: i64,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let (application, starts, ends, code) =
            Self::accepted_on(&mut tx, shift_id, volunteer_id, organization).await?;
        if at < starts - CHECKIN_OPENS_BEFORE || at > ends {
            return Err(refused(Refusal::ShiftNotOpen));
        }
        if let Recorder::Volunteer { code: typed } = recorder {
            if !same_code(typed, &code) {
                return Err(refused(Refusal::CheckinCodeInvalid));
            }
        }
        sqlx::query(
            "INSERT INTO shift_attendance (application_id, shift_id, volunteer_id, checked_in_at, \
             checked_in_by, status) VALUES ($1, $2, $3, $4, $5, 'present') \
             ON CONFLICT (application_id) DO NOTHING",
        )
        .bind(application)
        .bind(shift_id)
        .bind(volunteer_id)
        .bind(at)
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a volunteer out at `at`, after their check-in (`shift_not_open` without one or
    /// outside the shift's window); the minutes worked within the shift are added to their
    /// hours. A second check-out changes nothing. Answers the minutes counted.
    pub async fn check_out(
        &self,
        organization: Option<i64>,
        shift_id: i64,
        volunteer_id: i64,
        recorder: Recorder<'_>,
        by: UserId,
        at: i64,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let (application, starts, ends, code) =
            Self::accepted_on(&mut tx, shift_id, volunteer_id, organization).await?;
        if at < starts - CHECKIN_OPENS_BEFORE || at > ends {
            return Err(refused(Refusal::ShiftNotOpen));
        }
        if let Recorder::Volunteer { code: typed } = recorder {
            if !same_code(typed, &code) {
                return Err(refused(Refusal::CheckinCodeInvalid));
            }
        }
        let row: Option<(Option<i64>, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT checked_in_at, checked_out_at, minutes FROM shift_attendance \
             WHERE application_id = $1",
        )
        .bind(application)
        .fetch_optional(&mut *tx)
        .await?;
        let minutes = match row {
            Some((Some(_), Some(_), minutes)) => minutes.unwrap_or(0),
            Some((Some(check_in), None, _)) => {
                let minutes = minutes_worked((starts, ends), check_in, at);
                close_attendance(
                    &mut tx,
                    application,
                    volunteer_id,
                    at,
                    minutes,
                    "present",
                    Some(by.0),
                )
                .await?;
                minutes
            }
            _ => return Err(refused(Refusal::ShiftNotOpen)),
        };
        tx.commit().await?;
        Ok(minutes)
    }

    /// A coordinator records that an accepted volunteer did not come (not once they checked
    /// in).
    pub async fn mark_no_show(
        &self,
        scope: &OrgScope,
        shift_id: i64,
        volunteer_id: i64,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let (application, starts, _, _) =
            Self::accepted_on(&mut tx, shift_id, volunteer_id, Some(scope.org_id().0)).await?;
        if now() < starts {
            return Err(refused(Refusal::ShiftNotOpen));
        }
        sqlx::query(
            "INSERT INTO shift_attendance (application_id, shift_id, volunteer_id, status) \
             VALUES ($1, $2, $3, 'no_show') ON CONFLICT (application_id) DO NOTHING",
        )
        .bind(application)
        .bind(shift_id)
        .bind(volunteer_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A coordinator marks an attendance closed at the shift's end as reviewed.
    pub async fn mark_reviewed(
        &self,
        scope: &OrgScope,
        shift_id: i64,
        volunteer_id: i64,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let (application, _, _, _) =
            Self::accepted_on(&mut tx, shift_id, volunteer_id, Some(scope.org_id().0)).await?;
        sqlx::query(
            "UPDATE shift_attendance SET status = 'reviewed' WHERE application_id = $1 \
             AND status = 'closed_at_end'",
        )
        .bind(application)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the shifts ended by `at` and not closed yet, each in its own transaction: a
    /// check-in without check-out is closed at the shift's end (`closed_at_end`, to review),
    /// an accepted volunteer who never came is a `no_show`. Answers the shifts closed.
    pub async fn close_ended_shifts(&self, at: i64, limit: i64) -> Result<u64> {
        let shifts: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT id, starts_at, ends_at FROM mission_shifts \
             WHERE ends_at <= $1 AND closed_at IS NULL ORDER BY ends_at, id LIMIT $2",
        )
        .bind(at)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        let mut closed = 0;
        for (shift, starts, ends) in shifts {
            let mut tx = self.writer().begin().await?;
            let done = sqlx::query(
                "UPDATE mission_shifts SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL",
            )
            .bind(at)
            .bind(shift)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                continue;
            }
            let open: Vec<(i64, i64, i64)> = sqlx::query_as(
                "SELECT application_id, volunteer_id, checked_in_at FROM shift_attendance \
                 WHERE shift_id = $1 AND checked_in_at IS NOT NULL AND checked_out_at IS NULL",
            )
            .bind(shift)
            .fetch_all(&mut *tx)
            .await?;
            for (application, volunteer, check_in) in open {
                let minutes = minutes_worked((starts, ends), check_in, ends);
                close_attendance(
                    &mut tx,
                    application,
                    volunteer,
                    ends,
                    minutes,
                    "closed_at_end",
                    None,
                )
                .await?;
            }
            sqlx::query(
                "INSERT INTO shift_attendance (application_id, shift_id, volunteer_id, status) \
                 SELECT a.id, a.shift_id, a.volunteer_id, 'no_show' FROM applications a \
                 WHERE a.shift_id = $1 AND a.status = 'accepted' AND NOT EXISTS \
                 (SELECT 1 FROM shift_attendance t WHERE t.application_id = a.id)",
            )
            .bind(shift)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            closed += 1;
        }
        Ok(closed)
    }

    /// The accepted volunteers who asked for text messages, on shifts starting within
    /// `(at, at + horizon]` not reminded yet.
    pub async fn reminders_due(&self, at: i64, horizon: i64, limit: i64) -> Result<Vec<Reminder>> {
        type Row = (
            i64,
            i64,
            String,
            i64,
            String,
            i64,
            Option<Vec<u8>>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT s.id, s.starts_at, m.title, v.id, v.reference, v.user_id, v.phone_sealed, \
             u.locale FROM mission_shifts s JOIN missions m ON m.id = s.mission_id \
             JOIN applications a ON a.shift_id = s.id AND a.status = 'accepted' \
             JOIN volunteers v ON v.id = a.volunteer_id JOIN users u ON u.id = v.user_id \
             WHERE s.starts_at > $1 AND s.starts_at <= $2 AND s.reminded_at IS NULL \
             AND v.notify_sms <> 0 ORDER BY s.starts_at, s.id, v.id LIMIT $3",
        )
        .bind(at)
        .bind(at + horizon)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Reminder {
                shift_id: r.0,
                starts_at: r.1,
                mission_title: r.2,
                volunteer_id: r.3,
                volunteer_reference: r.4,
                user_id: r.5,
                phone_sealed: r.6,
                locale: r.7,
            })
            .collect())
    }

    /// Queues a shift's reminders (each once: the outbox's key) and marks the shifts starting
    /// within `(at, at + horizon]` reminded, in one transaction.
    pub async fn queue_reminders(
        &self,
        messages: &[NewSms],
        shifts: &[i64],
        at: i64,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        for sms in messages {
            crate::sms_outbox::queue_sms_in(&mut tx, sms).await?;
        }
        for shift in shifts {
            sqlx::query("UPDATE mission_shifts SET reminded_at = $1 WHERE id = $2")
                .bind(at)
                .bind(shift)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Shifts starting within `(at, at + horizon]` not reminded yet whose volunteers asked for
    /// no text message: marked reminded so they are not looked at again.
    pub async fn mark_quiet_shifts_reminded(&self, at: i64, horizon: i64) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE mission_shifts SET reminded_at = $1 WHERE starts_at > $1 AND starts_at <= $2 \
             AND reminded_at IS NULL AND NOT EXISTS (SELECT 1 FROM applications a \
             JOIN volunteers v ON v.id = a.volunteer_id WHERE a.shift_id = mission_shifts.id \
             AND a.status = 'accepted' AND v.notify_sms <> 0)",
        )
        .bind(at)
        .bind(at + horizon)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected())
    }

    /// The shifts the signed-in volunteer is accepted on, soonest first, with their attendance.
    pub async fn my_shifts(&self, user: UserId, limit: i64) -> Result<Vec<MyShift>> {
        type Row = (
            i64,
            i64,
            String,
            i64,
            i64,
            i64,
            Option<i64>,
            Option<i64>,
            Option<i64>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT s.id, m.id, m.title, m.organization_id, s.starts_at, s.ends_at, \
             t.checked_in_at, t.checked_out_at, t.minutes FROM applications a \
             JOIN volunteers v ON v.id = a.volunteer_id JOIN mission_shifts s ON s.id = a.shift_id \
             JOIN missions m ON m.id = a.mission_id \
             LEFT JOIN shift_attendance t ON t.application_id = a.id \
             WHERE v.user_id = $1 AND a.status = 'accepted' ORDER BY s.starts_at DESC LIMIT $2",
        )
        .bind(user.0)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| MyShift {
                shift_id: r.0,
                mission_id: r.1,
                mission_title: r.2,
                organization_id: r.3,
                starts_at: r.4,
                ends_at: r.5,
                checked_in_at: r.6,
                checked_out_at: r.7,
                minutes: r.8,
            })
            .collect())
    }

    /// What a certificate of the association for a volunteer would say: their minutes on the
    /// association's shifts, the missions, the first and last shift. `NotFound` for a
    /// volunteer who never applied to the association.
    pub async fn certificate_facts(
        &self,
        scope: &OrgScope,
        volunteer_id: i64,
    ) -> Result<CertificateFacts> {
        let head: Option<(String, String)> = sqlx::query_as(
            "SELECT v.name, o.name_fr FROM volunteers v JOIN organizations o ON o.id = $2 \
             WHERE v.id = $1 AND EXISTS (SELECT 1 FROM applications a WHERE a.volunteer_id = v.id \
             AND a.organization_id = $2)",
        )
        .bind(volunteer_id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        let (volunteer_name, host) = head.ok_or(StoreError::NotFound)?;
        let worked: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT m.id, m.title, CAST(SUM(t.minutes) AS BIGINT), CAST(MIN(s.starts_at) AS BIGINT) \
             FROM shift_attendance t JOIN mission_shifts s ON s.id = t.shift_id \
             JOIN missions m ON m.id = s.mission_id \
             WHERE t.volunteer_id = $1 AND m.organization_id = $2 AND t.minutes > 0 \
             GROUP BY m.id, m.title ORDER BY 4, m.id",
        )
        .bind(volunteer_id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        let (last_at,): (Option<i64>,) = sqlx::query_as(
            "SELECT CAST(MAX(s.starts_at) AS BIGINT) FROM shift_attendance t \
             JOIN mission_shifts s ON s.id = t.shift_id JOIN missions m ON m.id = s.mission_id \
             WHERE t.volunteer_id = $1 AND m.organization_id = $2 AND t.minutes > 0",
        )
        .bind(volunteer_id)
        .bind(scope.org_id().0)
        .fetch_one(self.reader())
        .await?;
        Ok(CertificateFacts {
            volunteer_id,
            volunteer_name,
            host,
            minutes: worked.iter().map(|w| w.2).sum(),
            first_at: worked.iter().map(|w| w.3).min().unwrap_or(0),
            last_at: last_at.unwrap_or(0),
            missions: worked.into_iter().map(|w| w.1).collect(),
        })
    }

    /// Writes a certificate and appends its leaf to the transparency log in the same
    /// transaction (once per issue key: a repeat answers the first). Answers its id, code and
    /// leaf index.
    pub async fn issue_certificate(
        &self,
        scope: &OrgScope,
        c: &NewCertificate,
        by: UserId,
    ) -> Result<(i64, String, u64)> {
        let mut tx = self.writer().begin().await?;
        let size = lock_size(&mut tx, self.backend()).await?;
        let first: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, code FROM volunteer_certificates WHERE organization_id = $1 AND issue_key = $2",
        )
        .bind(scope.org_id().0)
        .bind(&c.issue_key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id, code)) = first {
            let (idx,): (i64,) = sqlx::query_as(
                "SELECT idx FROM log_entries WHERE kind = 'volunteer_certificate' AND ref_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            return Ok((id, code, idx as u64));
        }
        let at = now();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO volunteer_certificates (code, organization_id, volunteer_id, minutes, \
             missions, period_from, period_until, content, salt, commitment, issued_by, issued_at, \
             issue_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(&c.code)
        .bind(scope.org_id().0)
        .bind(c.volunteer_id)
        .bind(c.minutes)
        .bind(c.missions)
        .bind(&c.period_from)
        .bind(&c.period_until)
        .bind(&c.content)
        .bind(&c.salt)
        .bind(&c.commitment)
        .bind(by.0)
        .bind(at)
        .bind(&c.issue_key)
        .fetch_one(&mut *tx)
        .await?;
        let leaf = volunteer_certificate_leaf(&IssuedCertificate {
            id,
            at,
            organization: scope.org_id().0,
            minutes: c.minutes,
            missions: c.missions,
            period_from: &c.period_from,
            period_until: &c.period_until,
            commitment: &c.commitment,
        });
        append_at(
            &mut tx,
            size,
            &[NewLeaf {
                kind: "volunteer_certificate",
                ref_id: id,
                bytes: leaf,
                at,
            }],
        )
        .await?;
        tx.commit().await?;
        Ok((id, c.code.clone(), size))
    }

    /// A certificate by its code, with its leaf's index.
    pub async fn certificate_by_code(&self, code: &str) -> Result<Option<CertificateView>> {
        self.certificate_where("c.code = $1", code).await
    }

    async fn certificate_where(
        &self,
        filter: &str,
        value: &str,
    ) -> Result<Option<CertificateView>> {
        type Row = (
            i64,
            String,
            i64,
            i64,
            i64,
            i64,
            String,
            String,
            String,
            String,
            String,
            i64,
            Option<i64>,
        );
        let sql = format!(
            "SELECT c.id, c.code, c.organization_id, c.volunteer_id, c.minutes, c.missions, \
             c.period_from, c.period_until, c.content, c.salt, c.commitment, c.issued_at, e.idx \
             FROM volunteer_certificates c LEFT JOIN log_entries e \
             ON e.kind = 'volunteer_certificate' AND e.ref_id = c.id WHERE {filter}"
        );
        let row: Option<Row> = sqlx::query_as(&sql)
            .bind(value)
            .fetch_optional(self.reader())
            .await?;
        Ok(row.map(|r| CertificateView {
            id: r.0,
            code: r.1,
            organization_id: r.2,
            volunteer_id: r.3,
            minutes: r.4,
            missions: r.5,
            period_from: r.6,
            period_until: r.7,
            content: r.8,
            salt: r.9,
            commitment: r.10,
            issued_at: r.11,
            leaf_index: r.12,
        }))
    }

    /// The signed-in volunteer's certificates, newest first: id, code, host, minutes.
    pub async fn my_certificates(&self, user: UserId) -> Result<Vec<(i64, String, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.code, o.name_fr, c.minutes FROM volunteer_certificates c \
             JOIN volunteers v ON v.id = c.volunteer_id JOIN organizations o ON o.id = c.organization_id \
             WHERE v.user_id = $1 ORDER BY c.id DESC LIMIT 50",
        )
        .bind(user.0)
        .fetch_all(self.reader())
        .await?)
    }

    /// The certificates an association issued to a volunteer: id, code, minutes.
    pub async fn org_certificates_of(
        &self,
        scope: &OrgScope,
        volunteer_id: i64,
    ) -> Result<Vec<(i64, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT id, code, minutes FROM volunteer_certificates \
             WHERE organization_id = $1 AND volunteer_id = $2 ORDER BY id DESC",
        )
        .bind(scope.org_id().0)
        .bind(volunteer_id)
        .fetch_all(self.reader())
        .await?)
    }

    /// The accepted volunteers of a mission of the association, to send an announcement to.
    pub async fn board_recipients(
        &self,
        scope: &OrgScope,
        mission_id: i64,
    ) -> Result<Vec<BoardRecipient>> {
        type Row = (
            i64,
            String,
            i64,
            String,
            Option<Vec<u8>>,
            i64,
            i64,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT DISTINCT v.id, v.reference, v.user_id, u.email, v.phone_sealed, v.notify_sms, \
             v.notify_email, u.locale FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
             JOIN users u ON u.id = v.user_id \
             WHERE a.mission_id = $1 AND a.organization_id = $2 AND a.status = 'accepted' ORDER BY v.id",
        )
        .bind(mission_id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| BoardRecipient {
                volunteer_id: r.0,
                volunteer_reference: r.1,
                user_id: r.2,
                email: r.3,
                phone_sealed: r.4,
                notify_sms: r.5 != 0,
                notify_email: r.6 != 0,
                locale: r.7,
            })
            .collect())
    }

    /// Posts a coordinator's announcement on a mission of the association, with its text
    /// messages and e-mails to the volunteers who asked for them, in one transaction; once per
    /// post key (a repeat answers the first announcement and sends nothing again).
    pub async fn post_announcement(
        &self,
        scope: &OrgScope,
        by: UserId,
        a: &Announcement<'_>,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let own: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM missions WHERE id = $1 AND organization_id = $2")
                .bind(a.mission_id)
                .bind(scope.org_id().0)
                .fetch_optional(&mut *tx)
                .await?;
        own.ok_or(StoreError::NotFound)?;
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO mission_messages (mission_id, kind, author_id, body, post_key, created_at) \
             VALUES ($1, 'announcement', $2, $3, $4, $5) \
             ON CONFLICT (mission_id, post_key) DO NOTHING RETURNING id",
        )
        .bind(a.mission_id)
        .bind(by.0)
        .bind(a.body)
        .bind(a.post_key)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let id = match inserted {
            Some((id,)) => {
                for m in a.sms {
                    crate::sms_outbox::queue_sms_in(&mut tx, m).await?;
                }
                for m in a.mails {
                    crate::mail_outbox::queue_mail_in(&mut tx, m).await?;
                }
                id
            }
            None => {
                let (id,): (i64,) = sqlx::query_as(
                    "SELECT id FROM mission_messages WHERE mission_id = $1 AND post_key = $2",
                )
                .bind(a.mission_id)
                .bind(a.post_key)
                .fetch_one(&mut *tx)
                .await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    /// Posts a volunteer's reply on a mission they are accepted on (`shift_not_accepted`
    /// otherwise), once per post key; only the coordinators see it.
    pub async fn post_reply(
        &self,
        user: UserId,
        mission_id: i64,
        reply_to: Option<i64>,
        body: &str,
        post_key: &str,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let accepted: Option<(i64,)> = sqlx::query_as(
            "SELECT a.id FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
             WHERE a.mission_id = $1 AND v.user_id = $2 AND a.status = 'accepted' LIMIT 1",
        )
        .bind(mission_id)
        .bind(user.0)
        .fetch_optional(&mut *tx)
        .await?;
        accepted.ok_or(refused(Refusal::ShiftNotAccepted))?;
        if let Some(to) = reply_to {
            let found: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM mission_messages WHERE id = $1 AND mission_id = $2 \
                 AND kind = 'announcement'",
            )
            .bind(to)
            .bind(mission_id)
            .fetch_optional(&mut *tx)
            .await?;
            found.ok_or(StoreError::NotFound)?;
        }
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO mission_messages (mission_id, kind, author_id, reply_to, body, post_key, \
             created_at) VALUES ($1, 'reply', $2, $3, $4, $5, $6) \
             ON CONFLICT (mission_id, post_key) DO NOTHING RETURNING id",
        )
        .bind(mission_id)
        .bind(user.0)
        .bind(reply_to)
        .bind(body)
        .bind(post_key)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let id = match inserted {
            Some((id,)) => id,
            None => {
                let (id, author): (i64, i64) = sqlx::query_as(
                    "SELECT id, author_id FROM mission_messages WHERE mission_id = $1 AND post_key = $2",
                )
                .bind(mission_id)
                .bind(post_key)
                .fetch_one(&mut *tx)
                .await?;
                if author != user.0 {
                    return Err(refused(Refusal::IdempotencyConflict));
                }
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    /// A mission's board as its coordinators see it: every announcement and every reply, with
    /// the author's name. `NotFound` for another association's mission.
    pub async fn board_for_host(
        &self,
        scope: &OrgScope,
        mission_id: i64,
    ) -> Result<Vec<BoardMessage>> {
        let own: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM missions WHERE id = $1 AND organization_id = $2")
                .bind(mission_id)
                .bind(scope.org_id().0)
                .fetch_optional(self.reader())
                .await?;
        own.ok_or(StoreError::NotFound)?;
        self.board("m.organization_id = $2", mission_id, scope.org_id().0)
            .await
    }

    /// A mission's board as an accepted volunteer sees it: the announcements and their own
    /// replies (never another volunteer's). `shift_not_accepted` for anyone else.
    pub async fn board_for_volunteer(
        &self,
        user: UserId,
        mission_id: i64,
    ) -> Result<Vec<BoardMessage>> {
        let accepted: Option<(i64,)> = sqlx::query_as(
            "SELECT a.id FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
             WHERE a.mission_id = $1 AND v.user_id = $2 AND a.status = 'accepted' LIMIT 1",
        )
        .bind(mission_id)
        .bind(user.0)
        .fetch_optional(self.reader())
        .await?;
        accepted.ok_or(refused(Refusal::ShiftNotAccepted))?;
        self.board(
            "(g.kind = 'announcement' OR g.author_id = $2)",
            mission_id,
            user.0,
        )
        .await
    }

    async fn board(&self, filter: &str, mission_id: i64, value: i64) -> Result<Vec<BoardMessage>> {
        type Row = (
            i64,
            String,
            i64,
            String,
            Option<String>,
            Option<i64>,
            String,
            i64,
        );
        let sql = format!(
            "SELECT g.id, g.kind, g.author_id, u.display_name, \
             (SELECT v.name FROM volunteers v WHERE v.user_id = g.author_id), g.reply_to, g.body, \
             g.created_at FROM mission_messages g JOIN missions m ON m.id = g.mission_id \
             JOIN users u ON u.id = g.author_id WHERE g.mission_id = $1 AND {filter} \
             ORDER BY g.id DESC LIMIT 200"
        );
        let rows: Vec<Row> = sqlx::query_as(&sql)
            .bind(mission_id)
            .bind(value)
            .fetch_all(self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| BoardMessage {
                id: r.0,
                author: match (r.1.as_str(), r.4) {
                    ("reply", Some(name)) => name,
                    _ => r.3,
                },
                kind: r.1,
                author_id: r.2,
                reply_to: r.5,
                body: r.6,
                created_at: r.7,
            })
            .collect())
    }
}

/// Whether a typed code is the shift's (any case, spaces ignored), in constant time.
pub fn same_code(typed: &str, code: &str) -> bool {
    let typed: Vec<u8> = typed
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let code = code.as_bytes();
    if typed.len() != code.len() {
        return false;
    }
    typed
        .iter()
        .zip(code)
        .fold(0_u8, |acc, (a, b)| acc | (a ^ b.to_ascii_uppercase()))
        == 0
}
