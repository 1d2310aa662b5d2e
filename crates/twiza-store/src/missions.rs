//! Missions and their shifts, volunteers' applications to shifts, invitations, and the facts
//! the matching ranks: a mission published with its shifts once per creation key, the public
//! search a keyset page at a time, applying, withdrawing, accepting and declining — each step
//! checked against the stored rows in its transaction — and the bulk loader of volunteers the
//! benchmark, the demo and the tests use.
//!
//! Places: only an accepted application takes a place (`mission_shifts.taken`); an application
//! to a full shift waits (`waiting`). When an accepted volunteer withdraws, the place is freed
//! and the first waiting application (oldest first) moves to `applied`: the host still decides
//! whom it accepts (a contract follows an acceptance), so nobody is accepted by a withdrawal.

use crate::privacy::volunteer_binding;
use crate::volunteers::emergency_plain;
use crate::{
    backend_of, json_insert, now, Backend, Col, PersonalDataKeys, Result, Store, StoreError,
};
use rand::Rng;
use sqlx::AnyConnection;
use std::collections::HashMap;
use time::Date;
use twiza_domain::volunteer::{
    iso_day, morocco_day, parse_iso_date, weekday_bit, CandidateFacts, MissionKind, MissionNeeds,
    NewMission, NewShift, Skill, ALL_WEEKDAYS, AVAILABILITY_POINTS, DISTANCE_POINTS,
    LANGUAGE_POINTS, MAX_COMMUNES, NEAR_KM, SKILL_POINTS,
};
use twiza_domain::{OrgScope, Refusal, UserId};

/// Missions a search page shows.
pub const MISSION_PAGE: i64 = 20;

/// A mission as lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionSummary {
    pub id: i64,
    pub organization_id: i64,
    pub organization_name_ar: String,
    pub organization_name_fr: String,
    pub kind: MissionKind,
    pub title: String,
    pub skills: i64,
    pub languages: i64,
    pub commune_code: String,
    pub starts_on: String,
    pub ends_on: String,
    /// `open` or `closed`.
    pub status: String,
}

/// A shift with its places: those left, and the applications waiting for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftView {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub places: i64,
    pub taken: i64,
    pub left: i64,
    pub waiting: i64,
}

/// A mission read whole: its summary, purpose, requirements and shifts (by start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionView {
    pub summary: MissionSummary,
    pub purpose: String,
    pub requirements: Option<String>,
    pub incident_id: Option<i64>,
    pub shifts: Vec<ShiftView>,
}

/// What the public search asks: open missions ending on or after `from`, with the skill, the
/// language, in the commune, when given; after the keyset `(starts_on, id)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissionSearch {
    pub skill: Option<i64>,
    pub language: Option<i64>,
    pub commune: Option<String>,
    /// Missions in any commune of this province (HCP code).
    pub province: Option<String>,
    pub from: Option<Date>,
    pub after: Option<(String, i64)>,
    pub limit: i64,
}

/// An application as its mission's host sees it (the volunteer's name, never their contacts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    pub id: i64,
    pub shift_id: i64,
    pub volunteer_id: i64,
    pub volunteer_name: String,
    pub status: String,
    pub created_at: i64,
}

/// An application as its volunteer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyApplication {
    pub id: i64,
    pub mission_id: i64,
    pub mission_title: String,
    pub shift_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub status: String,
}

/// What an application became when sent: `applied`, or `waiting` when the shift is full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub id: i64,
    pub status: String,
}

/// What a volunteer is, for the missions that fit them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerFacts {
    pub volunteer_id: i64,
    pub skills: i64,
    pub languages: i64,
    pub weekdays: i64,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    pub minutes_given: i64,
    pub communes: Vec<String>,
}

/// An open mission near a volunteer, with what ranking it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMission {
    pub summary: MissionSummary,
    pub needs: MissionNeeds,
}

/// What an invitation needs of a volunteer: their reference (what the phone is bound to), the
/// sealed phone, the account's e-mail and language.
#[derive(Clone, PartialEq, Eq)]
pub struct Invitee {
    pub volunteer_id: i64,
    pub reference: String,
    pub phone_sealed: Vec<u8>,
    pub email: String,
    pub locale: Option<String>,
}

/// Debug output leaves the contacts out.
impl std::fmt::Debug for Invitee {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Invitee")
            .field("volunteer_id", &self.volunteer_id)
            .finish_non_exhaustive()
    }
}

/// One invitation to write: the volunteer, and the SMS and e-mail queued with it (keyed so a
/// repeat sends once).
#[derive(Debug, Clone)]
pub struct ShiftInvitation {
    pub volunteer_id: i64,
    pub sms: Option<crate::NewSms>,
    pub mail: Option<crate::NewMail>,
}

/// A volunteer for the bulk loader: the account it creates (`email`) unless `user_id` names an
/// existing one, and the checked profile.
#[derive(Debug, Clone)]
pub struct SeedVolunteer {
    pub user_id: Option<i64>,
    pub email: String,
    pub profile: twiza_domain::volunteer::NewVolunteer,
    pub minutes_given: i64,
}

const SUMMARY: &str = "m.id, m.organization_id, o.name_ar, o.name_fr, m.kind, m.title, m.skills, \
    m.languages, m.commune_code, m.starts_on, m.ends_on, m.status";

type SummaryRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    String,
);

fn summary(row: SummaryRow) -> Result<MissionSummary> {
    let (
        id,
        organization_id,
        organization_name_ar,
        organization_name_fr,
        kind,
        title,
        skills,
        languages,
        commune_code,
        starts_on,
        ends_on,
        status,
    ) = row;
    Ok(MissionSummary {
        id,
        organization_id,
        organization_name_ar,
        organization_name_fr,
        kind: MissionKind::parse(&kind).ok_or(StoreError::Corrupt("mission kind"))?,
        title,
        skills,
        languages,
        commune_code,
        starts_on,
        ends_on,
        status,
    })
}

fn stored_date(raw: &str) -> Result<Date> {
    parse_iso_date("date", raw).map_err(|_| StoreError::Corrupt("date"))
}

fn optional_date(raw: Option<String>) -> Result<Option<Date>> {
    raw.as_deref().map(stored_date).transpose()
}

/// A six-digit check-in code.
fn checkin_code() -> String {
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000))
}

async fn insert_shift(conn: &mut AnyConnection, mission_id: i64, shift: &NewShift) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO mission_shifts (mission_id, starts_at, ends_at, places, taken, checkin_code) \
         VALUES ($1, $2, $3, $4, 0, $5) RETURNING id",
    )
    .bind(mission_id)
    .bind(shift.starts_at)
    .bind(shift.ends_at)
    .bind(shift.places)
    .bind(checkin_code())
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// The mission of the association (row-locked on PostgreSQL): its status and dates.
async fn own_mission(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    mission_id: i64,
) -> Result<(String, Date, Date)> {
    let sql = format!(
        "SELECT status, starts_on, ends_on FROM missions WHERE id = $1 AND organization_id = $2{}",
        backend_of(conn).for_update()
    );
    let (status, starts, ends): (String, String, String) = sqlx::query_as(&sql)
        .bind(mission_id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok((status, stored_date(&starts)?, stored_date(&ends)?))
}

/// Whether a mission takes applications on `today`: open, and not over.
fn is_open(status: &str, ends_on: Date, today: Date) -> bool {
    status == "open" && ends_on >= today
}

/// Today in Morocco.
fn today() -> Date {
    morocco_day(now()).unwrap_or(Date::MIN)
}

/// Whether the volunteer holds another shift (accepted or applied) overlapping `[starts, ends)`.
async fn holds_overlap(
    conn: &mut AnyConnection,
    volunteer_id: i64,
    shift_id: i64,
    (starts, ends): (i64, i64),
    statuses: &str,
) -> Result<bool> {
    let sql = format!(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM applications a \
         JOIN mission_shifts s ON s.id = a.shift_id \
         WHERE a.volunteer_id = $1 AND a.shift_id <> $2 AND a.status IN ({statuses}) \
         AND s.starts_at < $3 AND $4 < s.ends_at"
    );
    let (n,): (i64,) = sqlx::query_as(&sql)
        .bind(volunteer_id)
        .bind(shift_id)
        .bind(ends)
        .bind(starts)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// A shift as a step finds it (row-locked on PostgreSQL).
struct ShiftState {
    mission_id: i64,
    organization_id: i64,
    starts_at: i64,
    ends_at: i64,
    places: i64,
    taken: i64,
    mission_status: String,
    mission_ends: Date,
}

async fn shift_state(conn: &mut AnyConnection, shift_id: i64) -> Result<ShiftState> {
    let sql = format!(
        "SELECT s.mission_id, m.organization_id, s.starts_at, s.ends_at, s.places, s.taken, \
         m.status, m.ends_on FROM mission_shifts s JOIN missions m ON m.id = s.mission_id \
         WHERE s.id = $1{}",
        backend_of(conn).for_update()
    );
    type Row = (i64, i64, i64, i64, i64, i64, String, String);
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(shift_id)
        .fetch_optional(&mut *conn)
        .await?;
    let (mission_id, organization_id, starts_at, ends_at, places, taken, status, ends) =
        row.ok_or(StoreError::NotFound)?;
    Ok(ShiftState {
        mission_id,
        organization_id,
        starts_at,
        ends_at,
        places,
        taken,
        mission_status: status,
        mission_ends: stored_date(&ends)?,
    })
}

/// An application of the association (row-locked on PostgreSQL): its shift, volunteer, status.
async fn own_application(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    application_id: i64,
) -> Result<(i64, i64, String)> {
    let sql = format!(
        "SELECT shift_id, volunteer_id, status FROM applications \
         WHERE id = $1 AND organization_id = $2{}",
        backend_of(conn).for_update()
    );
    sqlx::query_as(&sql)
        .bind(application_id)
        .bind(scope.org_id().0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Sets an application's status, only if it is still `from` (it may have moved since it was
/// read, on another connection).
async fn set_status(
    conn: &mut AnyConnection,
    application_id: i64,
    from: &str,
    to: &str,
    by: Option<UserId>,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE applications SET status = $1, decided_by = COALESCE($2, decided_by), \
         decided_at = CASE WHEN $3 = 1 THEN $4 ELSE decided_at END \
         WHERE id = $5 AND status = $6",
    )
    .bind(to)
    .bind(by.map(|u| u.0))
    .bind(i64::from(by.is_some()))
    .bind(now())
    .bind(application_id)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Refused(Refusal::ApplicationWrongStep));
    }
    Ok(())
}

/// Frees an accepted place of a shift and moves its first waiting application to `applied`.
async fn free_place(conn: &mut AnyConnection, shift_id: i64) -> Result<()> {
    sqlx::query("UPDATE mission_shifts SET taken = taken - 1 WHERE id = $1 AND taken > 0")
        .bind(shift_id)
        .execute(&mut *conn)
        .await?;
    let first: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM applications WHERE shift_id = $1 AND status = 'waiting' \
         ORDER BY created_at, id LIMIT 1",
    )
    .bind(shift_id)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((id,)) = first {
        set_status(conn, id, "waiting", "applied", None).await?;
    }
    Ok(())
}

/// The weekdays (Morocco time) of shifts given as `(starts_at,)` rows; every day when none.
fn weekdays_of(starts: impl IntoIterator<Item = i64>) -> i64 {
    let mask = starts
        .into_iter()
        .filter_map(morocco_day)
        .fold(0, |m, d| m | weekday_bit(d.weekday()));
    if mask == 0 {
        ALL_WEEKDAYS
    } else {
        mask
    }
}

/// `$first, $first+1, …`: `n` placeholders.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Publishes a mission of the association with its first shifts, in one transaction. A
    /// `creation_key` the association sent before answers the mission published then, writing
    /// nothing.
    pub async fn publish_mission(
        &self,
        scope: &OrgScope,
        mission: &NewMission,
        shifts: &[NewShift],
        incident_id: Option<i64>,
        creation_key: Option<&str>,
        by: UserId,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let created: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO missions (organization_id, incident_id, kind, title, purpose, skills, \
             languages, commune_code, starts_on, ends_on, requirements, status, creation_key, \
             created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $14) \
             ON CONFLICT (organization_id, creation_key) DO NOTHING RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(incident_id)
        .bind(mission.kind.as_str())
        .bind(&mission.title)
        .bind(&mission.purpose)
        .bind(mission.skills)
        .bind(mission.languages)
        .bind(&mission.commune)
        .bind(iso_day(mission.starts_on))
        .bind(iso_day(mission.ends_on))
        .bind(mission.requirements.as_deref())
        .bind(creation_key)
        .bind(by.0)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = created else {
            let (id,): (i64,) = sqlx::query_as(
                "SELECT id FROM missions WHERE organization_id = $1 AND creation_key = $2",
            )
            .bind(scope.org_id().0)
            .bind(creation_key)
            .fetch_one(&mut *tx)
            .await?;
            return Ok(id);
        };
        for shift in shifts {
            insert_shift(&mut tx, id, shift).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The dates of a mission of the association (to check a new shift against), and whether
    /// it is open.
    pub async fn mission_dates(&self, scope: &OrgScope, mission_id: i64) -> Result<(Date, Date)> {
        let mut conn = self.reader().acquire().await?;
        let (_, starts, ends) = own_mission(&mut conn, scope, mission_id).await?;
        Ok((starts, ends))
    }

    /// Adds a shift to an open mission of the association.
    pub async fn add_shift(
        &self,
        scope: &OrgScope,
        mission_id: i64,
        shift: &NewShift,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let (status, _, _) = own_mission(&mut tx, scope, mission_id).await?;
        if status != "open" {
            return Err(StoreError::Refused(Refusal::MissionClosed));
        }
        let id = insert_shift(&mut tx, mission_id, shift).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Closes a mission of the association: it takes no more applications.
    pub async fn close_mission(&self, scope: &OrgScope, mission_id: i64) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        own_mission(&mut tx, scope, mission_id).await?;
        sqlx::query("UPDATE missions SET status = 'closed' WHERE id = $1")
            .bind(mission_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Open missions matching the search, by `(starts_on, id)` after the keyset.
    pub async fn search_missions(&self, q: &MissionSearch) -> Result<Vec<MissionSummary>> {
        let mut sql = format!(
            "SELECT {SUMMARY} FROM missions m JOIN organizations o ON o.id = m.organization_id \
             WHERE m.status = 'open' AND m.ends_on >= $1 \
             AND ($2 = 0 OR (m.skills & $2) <> 0) AND ($3 = 0 OR (m.languages & $3) <> 0) \
             AND ($4 = '' OR m.commune_code = $4) \
             AND ($5 = '' OR m.commune_code LIKE $5 || '.%')"
        );
        if q.after.is_some() {
            sql.push_str(" AND (m.starts_on > $6 OR (m.starts_on = $6 AND m.id > $7))");
        }
        sql.push_str(" ORDER BY m.starts_on, m.id LIMIT ");
        sql.push_str(&q.limit.clamp(1, 200).to_string());
        let from = q.from.unwrap_or_else(today);
        let mut query = sqlx::query_as::<_, SummaryRow>(&sql)
            .bind(iso_day(from))
            .bind(q.skill.unwrap_or(0))
            .bind(q.language.unwrap_or(0))
            .bind(q.commune.clone().unwrap_or_default())
            .bind(q.province.clone().unwrap_or_default());
        if let Some((starts, id)) = &q.after {
            query = query.bind(starts.clone()).bind(*id);
        }
        query
            .fetch_all(self.reader())
            .await?
            .into_iter()
            .map(summary)
            .collect()
    }

    /// The missions of the association, newest first.
    pub async fn org_missions(&self, scope: &OrgScope) -> Result<Vec<MissionSummary>> {
        let sql = format!(
            "SELECT {SUMMARY} FROM missions m JOIN organizations o ON o.id = m.organization_id \
             WHERE m.organization_id = $1 ORDER BY m.id DESC LIMIT 500"
        );
        sqlx::query_as::<_, SummaryRow>(&sql)
            .bind(scope.org_id().0)
            .fetch_all(self.reader())
            .await?
            .into_iter()
            .map(summary)
            .collect()
    }

    /// A mission (any, open or closed: its page is public) with its shifts.
    pub async fn mission(&self, mission_id: i64) -> Result<MissionView> {
        let sql = format!(
            "SELECT {SUMMARY}, m.purpose, m.requirements, m.incident_id FROM missions m \
             JOIN organizations o ON o.id = m.organization_id WHERE m.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(mission_id)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        use sqlx::Row as _;
        let head = summary((
            row.try_get(0)?,
            row.try_get(1)?,
            row.try_get(2)?,
            row.try_get(3)?,
            row.try_get(4)?,
            row.try_get(5)?,
            row.try_get(6)?,
            row.try_get(7)?,
            row.try_get(8)?,
            row.try_get(9)?,
            row.try_get(10)?,
            row.try_get(11)?,
        ))?;
        let shifts: Vec<(i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT s.id, s.starts_at, s.ends_at, s.places, s.taken, \
             CAST((SELECT COUNT(*) FROM applications a WHERE a.shift_id = s.id \
             AND a.status = 'waiting') AS BIGINT) \
             FROM mission_shifts s WHERE s.mission_id = $1 ORDER BY s.starts_at, s.id",
        )
        .bind(mission_id)
        .fetch_all(self.reader())
        .await?;
        Ok(MissionView {
            summary: head,
            purpose: row.try_get(12)?,
            requirements: row.try_get(13)?,
            incident_id: row.try_get(14)?,
            shifts: shifts
                .into_iter()
                .map(
                    |(id, starts_at, ends_at, places, taken, waiting)| ShiftView {
                        id,
                        starts_at,
                        ends_at,
                        places,
                        taken,
                        left: (places - taken).max(0),
                        waiting,
                    },
                )
                .collect(),
        })
    }

    /// The account's application to a shift of `mission_id`: `not_a_volunteer` without a
    /// profile, `mission_closed` when the mission is closed or over, `already_applied`,
    /// `shift_overlap` when the volunteer holds (accepted or applied) another shift at that
    /// time. A full shift takes it as `waiting`. An invitation to the shift becomes the
    /// application.
    pub async fn apply_to_shift(
        &self,
        user: UserId,
        mission_id: i64,
        shift_id: i64,
    ) -> Result<Applied> {
        let mut tx = self.writer().begin().await?;
        let volunteer: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM volunteers WHERE user_id = $1")
                .bind(user.0)
                .fetch_optional(&mut *tx)
                .await?;
        let (volunteer_id,) = volunteer.ok_or(StoreError::Refused(Refusal::NotAVolunteer))?;
        let shift = shift_state(&mut tx, shift_id).await?;
        if shift.mission_id != mission_id {
            return Err(StoreError::NotFound);
        }
        if !is_open(&shift.mission_status, shift.mission_ends, today()) {
            return Err(StoreError::Refused(Refusal::MissionClosed));
        }
        let existing: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, status FROM applications WHERE shift_id = $1 AND volunteer_id = $2",
        )
        .bind(shift_id)
        .bind(volunteer_id)
        .fetch_optional(&mut *tx)
        .await?;
        if existing.as_ref().is_some_and(|(_, s)| s != "invited") {
            return Err(StoreError::Refused(Refusal::AlreadyApplied));
        }
        let period = (shift.starts_at, shift.ends_at);
        if holds_overlap(
            &mut tx,
            volunteer_id,
            shift_id,
            period,
            "'applied', 'accepted'",
        )
        .await?
        {
            return Err(StoreError::Refused(Refusal::ShiftOverlap));
        }
        let status = if shift.taken >= shift.places {
            "waiting"
        } else {
            "applied"
        };
        let id = match existing {
            Some((id, _)) => {
                set_status(&mut tx, id, "invited", status, None).await?;
                id
            }
            None => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO applications (mission_id, shift_id, volunteer_id, \
                     organization_id, status, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
                     RETURNING id",
                )
                .bind(mission_id)
                .bind(shift_id)
                .bind(volunteer_id)
                .bind(shift.organization_id)
                .bind(status)
                .bind(now())
                .fetch_one(&mut *tx)
                .await?;
                id
            }
        };
        tx.commit().await?;
        Ok(Applied {
            id,
            status: status.to_owned(),
        })
    }

    /// The account's volunteer withdraws an application of theirs (applied, waiting, invited
    /// or accepted). An accepted one frees its place, and the first waiting application moves
    /// to `applied` (the host decides whom it accepts).
    pub async fn withdraw_application(&self, user: UserId, application_id: i64) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let sql = format!(
            "SELECT a.shift_id, a.status FROM applications a \
             JOIN volunteers v ON v.id = a.volunteer_id WHERE a.id = $1 AND v.user_id = $2{}",
            backend_of(&tx).for_update()
        );
        let (shift_id, status): (i64, String) = sqlx::query_as(&sql)
            .bind(application_id)
            .bind(user.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !["applied", "waiting", "invited", "accepted"].contains(&status.as_str()) {
            return Err(StoreError::Refused(Refusal::ApplicationWrongStep));
        }
        if status == "accepted" {
            shift_state(&mut tx, shift_id).await?;
        }
        set_status(&mut tx, application_id, &status, "withdrawn", None).await?;
        if status == "accepted" {
            free_place(&mut tx, shift_id).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The host accepts an application (applied or waiting): it takes a place — `shift_full`
    /// when none is left —, and is refused with `shift_overlap` when the volunteer meanwhile
    /// holds an overlapping accepted shift.
    pub async fn accept_application(
        &self,
        scope: &OrgScope,
        application_id: i64,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let (shift_id, volunteer_id, status) =
            own_application(&mut tx, scope, application_id).await?;
        if status != "applied" && status != "waiting" {
            return Err(StoreError::Refused(Refusal::ApplicationWrongStep));
        }
        let shift = shift_state(&mut tx, shift_id).await?;
        if shift.taken >= shift.places {
            return Err(StoreError::Refused(Refusal::ShiftFull));
        }
        let period = (shift.starts_at, shift.ends_at);
        if holds_overlap(&mut tx, volunteer_id, shift_id, period, "'accepted'").await? {
            return Err(StoreError::Refused(Refusal::ShiftOverlap));
        }
        let took = sqlx::query(
            "UPDATE mission_shifts SET taken = taken + 1 WHERE id = $1 AND taken < places",
        )
        .bind(shift_id)
        .execute(&mut *tx)
        .await?;
        if took.rows_affected() != 1 {
            return Err(StoreError::Refused(Refusal::ShiftFull));
        }
        set_status(&mut tx, application_id, &status, "accepted", Some(by)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The host declines an application (applied, waiting or invited).
    pub async fn decline_application(
        &self,
        scope: &OrgScope,
        application_id: i64,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let (_, _, status) = own_application(&mut tx, scope, application_id).await?;
        if !["applied", "waiting", "invited"].contains(&status.as_str()) {
            return Err(StoreError::Refused(Refusal::ApplicationWrongStep));
        }
        set_status(&mut tx, application_id, &status, "declined", Some(by)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The applications to a mission of the association, by shift then arrival.
    pub async fn mission_applications(
        &self,
        scope: &OrgScope,
        mission_id: i64,
    ) -> Result<Vec<ApplicationRow>> {
        let rows: Vec<(i64, i64, i64, String, String, i64)> = sqlx::query_as(
            "SELECT a.id, a.shift_id, a.volunteer_id, v.name, a.status, a.created_at \
             FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
             WHERE a.mission_id = $1 AND a.organization_id = $2 \
             ORDER BY a.shift_id, a.created_at, a.id",
        )
        .bind(mission_id)
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, shift_id, volunteer_id, volunteer_name, status, created_at)| ApplicationRow {
                    id,
                    shift_id,
                    volunteer_id,
                    volunteer_name,
                    status,
                    created_at,
                },
            )
            .collect())
    }

    /// The mission of an application of the association.
    pub async fn application_mission(
        &self,
        scope: &OrgScope,
        application_id: i64,
    ) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT mission_id FROM applications WHERE id = $1 AND organization_id = $2",
        )
        .bind(application_id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(|(m,)| m))
    }

    /// The account's own applications, newest shift first.
    pub async fn my_applications(&self, user: UserId) -> Result<Vec<MyApplication>> {
        let rows: Vec<(i64, i64, String, i64, i64, i64, String)> = sqlx::query_as(
            "SELECT a.id, a.mission_id, m.title, a.shift_id, s.starts_at, s.ends_at, a.status \
             FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
             JOIN missions m ON m.id = a.mission_id JOIN mission_shifts s ON s.id = a.shift_id \
             WHERE v.user_id = $1 ORDER BY s.starts_at DESC, a.id DESC LIMIT 200",
        )
        .bind(user.0)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, mission_id, mission_title, shift_id, starts_at, ends_at, status)| {
                    MyApplication {
                        id,
                        mission_id,
                        mission_title,
                        shift_id,
                        starts_at,
                        ends_at,
                        status,
                    }
                },
            )
            .collect())
    }

    /// What a mission of the association asks, for ranking, and its commune.
    pub async fn mission_needs(
        &self,
        scope: &OrgScope,
        mission_id: i64,
    ) -> Result<(MissionNeeds, String)> {
        let row: Option<(i64, i64, String, String, String)> = sqlx::query_as(
            "SELECT skills, languages, commune_code, starts_on, ends_on FROM missions \
             WHERE id = $1 AND organization_id = $2",
        )
        .bind(mission_id)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        let (skills, languages, commune, starts, ends) = row.ok_or(StoreError::NotFound)?;
        let starts_at: Vec<(i64,)> =
            sqlx::query_as("SELECT starts_at FROM mission_shifts WHERE mission_id = $1")
                .bind(mission_id)
                .fetch_all(self.reader())
                .await?;
        Ok((
            MissionNeeds {
                skills,
                languages,
                weekdays: weekdays_of(starts_at.into_iter().map(|(s,)| s)),
                starts_on: stored_date(&starts)?,
                ends_on: stored_date(&ends)?,
            },
            commune,
        ))
    }

    /// Every candidate for a mission, unranked: volunteers who can go to one of the `near`
    /// communes (code, kilometres to the mission's commune), each with the distance of their
    /// nearest, but erased volunteers and those who already applied to (or were invited on) the
    /// mission. Reads them all: the ranking reads [`Store::ranked_candidates`]; this is what the
    /// tests rank with the domain's `rank` to check it.
    pub async fn mission_candidates(
        &self,
        mission_id: i64,
        near: &[(String, u32)],
    ) -> Result<Vec<CandidateFacts>> {
        if near.is_empty() {
            return Ok(Vec::new());
        }
        let km: HashMap<&str, u32> = near.iter().map(|(c, k)| (c.as_str(), *k)).collect();
        let sql = format!(
            "SELECT v.id, v.skills, v.languages, v.weekdays, v.available_from, \
             v.available_until, v.minutes_given, vc.commune_code \
             FROM volunteer_communes vc JOIN volunteers v ON v.id = vc.volunteer_id \
             WHERE vc.commune_code IN ({}) AND v.user_id IS NOT NULL \
             AND v.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM applications a \
             WHERE a.mission_id = $1 AND a.volunteer_id = vc.volunteer_id)",
            placeholders(2, near.len())
        );
        type Row = (
            i64,
            i64,
            i64,
            i64,
            Option<String>,
            Option<String>,
            i64,
            String,
        );
        let mut query = sqlx::query_as::<_, Row>(&sql).bind(mission_id);
        for (code, _) in near {
            query = query.bind(code.as_str());
        }
        let rows = query.fetch_all(self.reader()).await?;
        let mut by_volunteer: HashMap<i64, CandidateFacts> = HashMap::with_capacity(rows.len());
        for (id, skills, languages, weekdays, from, until, minutes, commune) in rows {
            let distance_km = km.get(commune.as_str()).copied().unwrap_or(u32::MAX);
            if let Some(known) = by_volunteer.get_mut(&id) {
                known.distance_km = known.distance_km.min(distance_km);
                continue;
            }
            by_volunteer.insert(
                id,
                CandidateFacts {
                    volunteer_id: id,
                    skills,
                    languages,
                    weekdays,
                    available_from: optional_date(from)?,
                    available_until: optional_date(until)?,
                    distance_km,
                    minutes_given: minutes,
                },
            );
        }
        Ok(by_volunteer.into_values().collect())
    }

    /// Whether a volunteer applied to one of the association's missions (what lets its
    /// coordinators see them).
    pub async fn applied_to_org(&self, scope: &OrgScope, volunteer_id: i64) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM applications \
             WHERE organization_id = $1 AND volunteer_id = $2",
        )
        .bind(scope.org_id().0)
        .bind(volunteer_id)
        .fetch_one(self.reader())
        .await?;
        Ok(n > 0)
    }

    /// What the account's volunteer profile says, for the missions that fit them.
    pub async fn volunteer_facts(&self, user: UserId) -> Result<VolunteerFacts> {
        type Row = (i64, i64, i64, i64, Option<String>, Option<String>, i64);
        let row: Option<Row> = sqlx::query_as(
            "SELECT id, skills, languages, weekdays, available_from, available_until, \
             minutes_given FROM volunteers WHERE user_id = $1",
        )
        .bind(user.0)
        .fetch_optional(self.reader())
        .await?;
        let (volunteer_id, skills, languages, weekdays, from, until, minutes_given) =
            row.ok_or(StoreError::Refused(Refusal::NotAVolunteer))?;
        let communes: Vec<(String,)> = sqlx::query_as(
            "SELECT commune_code FROM volunteer_communes WHERE volunteer_id = $1 \
             ORDER BY commune_code",
        )
        .bind(volunteer_id)
        .fetch_all(self.reader())
        .await?;
        Ok(VolunteerFacts {
            volunteer_id,
            skills,
            languages,
            weekdays,
            available_from: optional_date(from)?,
            available_until: optional_date(until)?,
            minutes_given,
            communes: communes.into_iter().map(|(c,)| c).collect(),
        })
    }

    /// Open missions, not over on `today`, in one of `communes`, that the volunteer has not
    /// applied to, with what each needs (at most `limit`, soonest first).
    pub async fn missions_near(
        &self,
        volunteer_id: i64,
        communes: &[String],
        today: Date,
        limit: i64,
    ) -> Result<Vec<NearMission>> {
        if communes.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {SUMMARY} FROM missions m JOIN organizations o ON o.id = m.organization_id \
             WHERE m.status = 'open' AND m.ends_on >= $1 AND m.commune_code IN ({}) \
             AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.mission_id = m.id \
             AND a.volunteer_id = $2 AND a.status <> 'invited') \
             ORDER BY m.starts_on, m.id LIMIT {}",
            placeholders(3, communes.len()),
            limit.clamp(1, 500)
        );
        let mut query = sqlx::query_as::<_, SummaryRow>(&sql)
            .bind(iso_day(today))
            .bind(volunteer_id);
        for c in communes {
            query = query.bind(c.as_str());
        }
        let summaries: Vec<MissionSummary> = query
            .fetch_all(self.reader())
            .await?
            .into_iter()
            .map(summary)
            .collect::<Result<_>>()?;
        let mut near = Vec::with_capacity(summaries.len());
        for s in summaries {
            let starts_at: Vec<(i64,)> =
                sqlx::query_as("SELECT starts_at FROM mission_shifts WHERE mission_id = $1")
                    .bind(s.id)
                    .fetch_all(self.reader())
                    .await?;
            near.push(NearMission {
                needs: MissionNeeds {
                    skills: s.skills,
                    languages: s.languages,
                    weekdays: weekdays_of(starts_at.into_iter().map(|(x,)| x)),
                    starts_on: stored_date(&s.starts_on)?,
                    ends_on: stored_date(&s.ends_on)?,
                },
                summary: s,
            });
        }
        Ok(near)
    }

    /// The references (`V-<n>`) of volunteers: what the candidates list names them by.
    pub async fn volunteer_references(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let mut refs = HashMap::with_capacity(ids.len());
        for part in ids.chunks(500) {
            let sql = format!(
                "SELECT id, reference FROM volunteers WHERE id IN ({})",
                placeholders(1, part.len())
            );
            let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
            for id in part {
                query = query.bind(*id);
            }
            refs.extend(query.fetch_all(self.reader()).await?);
        }
        Ok(refs)
    }

    /// What inviting the chosen volunteers needs of each (only volunteers known to exist).
    pub async fn invitees(&self, volunteer_ids: &[i64]) -> Result<Vec<Invitee>> {
        if volunteer_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT v.id, v.reference, v.phone_sealed, u.email, u.locale FROM volunteers v \
             JOIN users u ON u.id = v.user_id WHERE v.id IN ({}) ORDER BY v.id",
            placeholders(1, volunteer_ids.len())
        );
        type Row = (i64, String, Vec<u8>, String, Option<String>);
        let mut query = sqlx::query_as::<_, Row>(&sql);
        for id in volunteer_ids {
            query = query.bind(*id);
        }
        Ok(query
            .fetch_all(self.reader())
            .await?
            .into_iter()
            .map(
                |(volunteer_id, reference, phone_sealed, email, locale)| Invitee {
                    volunteer_id,
                    reference,
                    phone_sealed,
                    email,
                    locale,
                },
            )
            .collect())
    }

    /// Invites volunteers to a shift of an open mission of the association: an `invited`
    /// application each (none for a volunteer already on the shift), and their SMS and e-mail
    /// queued in the same transaction under keys that make a repeat send once. Answers how
    /// many were newly invited.
    pub async fn invite_to_shift(
        &self,
        scope: &OrgScope,
        mission_id: i64,
        shift_id: i64,
        invitations: &[ShiftInvitation],
        by: UserId,
    ) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        let (status, _, ends) = own_mission(&mut tx, scope, mission_id).await?;
        if !is_open(&status, ends, today()) {
            return Err(StoreError::Refused(Refusal::MissionClosed));
        }
        let shift = shift_state(&mut tx, shift_id).await?;
        if shift.mission_id != mission_id {
            return Err(StoreError::NotFound);
        }
        let mut invited = 0;
        for inv in invitations {
            let done = sqlx::query(
                "INSERT INTO applications (mission_id, shift_id, volunteer_id, organization_id, \
                 status, created_at, decided_by) VALUES ($1, $2, $3, $4, 'invited', $5, $6) \
                 ON CONFLICT (shift_id, volunteer_id) DO NOTHING",
            )
            .bind(mission_id)
            .bind(shift_id)
            .bind(inv.volunteer_id)
            .bind(scope.org_id().0)
            .bind(now())
            .bind(by.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                continue;
            }
            invited += 1;
            if let Some(sms) = &inv.sms {
                crate::sms_outbox::queue_sms_in(&mut tx, sms).await?;
            }
            if let Some(mail) = &inv.mail {
                crate::mail_outbox::queue_mail_in(&mut tx, mail).await?;
            }
        }
        tx.commit().await?;
        Ok(invited)
    }

    /// Loads volunteers in bulk — the loader of the benchmark, the demo and the tests, not a
    /// sign-up: each row's account is created (with no usable password) unless it names one,
    /// and its profile written with the CIN, the phone and the emergency contact sealed with
    /// the personal-data keys bound to the volunteer's reference (`V-<n>`), and the blind
    /// indexes of the CIN and the phone. Batches of rows in one transaction. Answers the
    /// volunteers' ids in the rows' order.
    pub async fn seed_volunteers(
        &self,
        keys: &PersonalDataKeys,
        rows: &[SeedVolunteer],
    ) -> Result<Vec<i64>> {
        let backend = self.backend();
        let mut tx = self.writer().begin().await?;
        let (base,): (i64,) =
            sqlx::query_as("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM volunteers")
                .fetch_one(&mut *tx)
                .await?;
        let at = now();
        let references: Vec<String> = (0..rows.len())
            .map(|i| format!("V-{}", base + i as i64 + 1))
            .collect();
        let new_users: Vec<serde_json::Value> = rows
            .iter()
            .filter(|r| r.user_id.is_none())
            .map(|r| {
                serde_json::json!([
                    r.email,
                    crate::UNUSABLE_PASSWORD_HASH,
                    r.profile.name,
                    at.to_string()
                ])
            })
            .collect();
        let users_sql = json_insert(
            backend,
            "users",
            &[
                ("email", Col::Text),
                ("password_hash", Col::Text),
                ("display_name", Col::Text),
                ("created_at", Col::Int),
            ],
        );
        for chunk in new_users.chunks(2000) {
            sqlx::query(&users_sql)
                .bind(serde_json::Value::Array(chunk.to_vec()).to_string())
                .execute(&mut *tx)
                .await?;
        }
        let key_id = i64::from(keys.current_id());
        let volunteers_sql = json_insert(
            backend,
            "volunteers",
            &[
                ("user_id", Col::Int),
                ("reference", Col::Text),
                ("name", Col::Text),
                ("birth_date", Col::Text),
                ("seal_key_id", Col::Int),
                ("cin_sealed", Col::Blob),
                ("cin_index", Col::Text),
                ("phone_sealed", Col::Blob),
                ("phone_index", Col::Text),
                ("emergency_sealed", Col::Blob),
                ("skills", Col::Int),
                ("languages", Col::Int),
                ("weekdays", Col::Int),
                ("available_from", Col::Text),
                ("available_until", Col::Text),
                ("minutes_given", Col::Int),
                ("created_at", Col::Int),
                ("updated_at", Col::Int),
            ],
        );
        let mut ids = Vec::with_capacity(rows.len());
        for (chunk, refs) in rows.chunks(1000).zip(references.chunks(1000)) {
            let emails: Vec<&str> = chunk
                .iter()
                .filter(|r| r.user_id.is_none())
                .map(|r| r.email.as_str())
                .collect();
            let user_ids = user_ids_of(&mut tx, &emails).await?;
            let mut json = Vec::with_capacity(chunk.len());
            for (r, reference) in chunk.iter().zip(refs) {
                let user_id = match r.user_id {
                    Some(id) => id,
                    None => *user_ids
                        .get(r.email.as_str())
                        .ok_or(StoreError::Corrupt("seeded user"))?,
                };
                let p = &r.profile;
                let seal = |field: &str, value: &str| {
                    hex::encode(keys.seal(&volunteer_binding(reference, field), value))
                };
                json.push(serde_json::json!([
                    user_id.to_string(),
                    reference,
                    p.name,
                    iso_day(p.birth_date),
                    key_id.to_string(),
                    seal("cin", &p.cin),
                    keys.blind_index("cin", &p.cin),
                    seal("phone", &p.phone),
                    keys.blind_index("phone", &p.phone),
                    seal(
                        "emergency",
                        &emergency_plain(&p.emergency_name, &p.emergency_phone)
                    ),
                    p.skills.to_string(),
                    p.languages.to_string(),
                    p.weekdays.to_string(),
                    p.available_from.map(iso_day),
                    p.available_until.map(iso_day),
                    r.minutes_given.to_string(),
                    at.to_string(),
                    at.to_string(),
                ]));
            }
            sqlx::query(&volunteers_sql)
                .bind(serde_json::Value::Array(json).to_string())
                .execute(&mut *tx)
                .await?;
            let by_reference = volunteer_ids_of(&mut tx, refs).await?;
            let mut communes = Vec::new();
            for (r, reference) in chunk.iter().zip(refs) {
                let id = *by_reference
                    .get(reference.as_str())
                    .ok_or(StoreError::Corrupt("seeded volunteer"))?;
                ids.push(id);
                // Each commune with the volunteer's ranking facts.
                let p = &r.profile;
                for c in &p.communes {
                    communes.push(serde_json::json!([
                        id.to_string(),
                        c,
                        p.skills.to_string(),
                        p.languages.to_string(),
                        p.weekdays.to_string(),
                        p.available_from.map(iso_day),
                        p.available_until.map(iso_day),
                        r.minutes_given.to_string(),
                    ]));
                }
            }
            let communes_sql = json_insert(
                backend,
                "volunteer_communes",
                &[
                    ("volunteer_id", Col::Int),
                    ("commune_code", Col::Text),
                    ("skills", Col::Int),
                    ("languages", Col::Int),
                    ("weekdays", Col::Int),
                    ("available_from", Col::Text),
                    ("available_until", Col::Text),
                    ("minutes_given", Col::Int),
                ],
            );
            for part in communes.chunks(4000) {
                sqlx::query(&communes_sql)
                    .bind(serde_json::Value::Array(part.to_vec()).to_string())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(ids)
    }
}

/// The ids of accounts by e-mail.
async fn user_ids_of(conn: &mut AnyConnection, emails: &[&str]) -> Result<HashMap<String, i64>> {
    let mut ids = HashMap::with_capacity(emails.len());
    for part in emails.chunks(500) {
        if part.is_empty() {
            continue;
        }
        let sql = format!(
            "SELECT email, id FROM users WHERE email IN ({})",
            placeholders(1, part.len())
        );
        let mut query = sqlx::query_as::<_, (String, i64)>(&sql);
        for e in part {
            query = query.bind(*e);
        }
        ids.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(ids)
}

/// The ids of volunteers by reference.
async fn volunteer_ids_of(
    conn: &mut AnyConnection,
    references: &[String],
) -> Result<HashMap<String, i64>> {
    let mut ids = HashMap::with_capacity(references.len());
    for part in references.chunks(500) {
        let sql = format!(
            "SELECT reference, id FROM volunteers WHERE reference IN ({})",
            placeholders(1, part.len())
        );
        let mut query = sqlx::query_as::<_, (String, i64)>(&sql);
        for r in part {
            query = query.bind(r.as_str());
        }
        ids.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(ids)
}

/// A candidate the store ranked: their facts and the points the query gave them (the app
/// checks them against the domain's `fit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedCandidate {
    pub facts: CandidateFacts,
    pub points: u32,
}

/// The best candidates for a mission, ranked by the database, and how many were considered.
#[derive(Debug, Clone, Default)]
pub struct RankedCandidates {
    pub best: Vec<RankedCandidate>,
    pub considered: usize,
}

/// The points of `fit` (skills, languages, distance, availability) as SQL over `v` (a
/// volunteer's commune with their ranking facts) and `c.km` (that commune's distance to the
/// mission): one term per skill the mission asks, `$2` its languages, `$3` its weekdays,
/// `$4`/`$5` its first and last days. The same integer arithmetic as the domain's.
fn points_sql(skills: i64) -> String {
    let asked: Vec<usize> = (0..Skill::ALL.len())
        .filter(|k| (skills >> k) & 1 == 1)
        .collect();
    let skill = if asked.is_empty() {
        SKILL_POINTS.to_string()
    } else {
        let matched: Vec<String> = asked
            .iter()
            .map(|k| format!("((v.skills >> {k}) & 1)"))
            .collect();
        format!(
            "{SKILL_POINTS} * ({}) / {}",
            matched.join(" + "),
            asked.len()
        )
    };
    format!(
        "({skill}) \
         + (CASE WHEN CAST($2 AS BIGINT) = 0 OR (v.languages & CAST($2 AS BIGINT)) <> 0 \
          THEN {language} ELSE 0 END) \
         + (CASE WHEN c.km >= {near} THEN 0 ELSE {distance} * ({near} - c.km) / {near} END) \
         + (CASE WHEN (v.weekdays & CAST($3 AS BIGINT)) <> 0 \
          AND (v.available_from IS NULL OR v.available_from <= $5) \
          AND (v.available_until IS NULL OR v.available_until >= $4) \
          THEN {availability} ELSE 0 END)",
        language = LANGUAGE_POINTS,
        near = NEAR_KM,
        distance = DISTANCE_POINTS,
        availability = AVAILABILITY_POINTS,
    )
}

/// The near communes `c(code, km)` from the parameter `near`, a JSON array of `[code, km]`,
/// read once.
fn near_sql(backend: Backend, near: &str) -> String {
    match backend {
        Backend::Sqlite => format!(
            "WITH c AS MATERIALIZED (SELECT value->>0 AS code, CAST(value->>1 AS BIGINT) AS km \
             FROM json_each({near}))"
        ),
        Backend::Postgres => format!(
            "WITH c AS MATERIALIZED (SELECT value->>0 AS code, (value->>1)::bigint AS km \
             FROM json_array_elements({near}::json) AS rows(value))"
        ),
    }
}

/// The volunteers near the mission who did not apply to it (nor were invited): `$1` the mission.
const NOT_APPLIED: &str =
    "v.volunteer_id NOT IN (SELECT a.volunteer_id FROM applications a WHERE a.mission_id = $1)";

/// The ranking query of [`Store::ranked_candidates`]: the best `$7` rows of (volunteer, near
/// commune), a volunteer's nearest commune first among their rows of equal points.
fn ranked_rows_sql(backend: Backend, skills: i64) -> String {
    format!(
        "{near} SELECT v.volunteer_id, v.skills, v.languages, v.weekdays, v.available_from, \
          v.available_until, v.minutes_given, c.km, CAST({points} AS BIGINT) AS points \
         FROM c JOIN volunteer_communes v ON v.commune_code = c.code WHERE {NOT_APPLIED} \
         ORDER BY points DESC, v.minutes_given / 60 DESC, v.volunteer_id ASC, c.km ASC LIMIT $7",
        near = near_sql(backend, "$6"),
        points = points_sql(skills),
    )
}

/// How many volunteers [`Store::ranked_candidates`] considers: `$1` the mission, `$2` the near
/// communes.
fn considered_sql(backend: Backend) -> String {
    format!(
        "{near} SELECT CAST(COUNT(DISTINCT v.volunteer_id) AS BIGINT) \
         FROM c JOIN volunteer_communes v ON v.commune_code = c.code WHERE {NOT_APPLIED}",
        near = near_sql(backend, "$2"),
    )
}

impl Store {
    /// The best `limit` candidates for a mission with the points of their fit, ranked by the
    /// database as the domain's `rank` does (points, hours given, earlier volunteer): the
    /// volunteers who can go to one of the `near` communes (code, kilometres to the mission's
    /// commune), each at the distance of their nearest, but erased volunteers and those who
    /// already applied to (or were invited on) the mission. Only the best rows come back.
    pub async fn ranked_candidates(
        &self,
        mission_id: i64,
        needs: &MissionNeeds,
        near: &[(String, u32)],
        limit: usize,
    ) -> Result<RankedCandidates> {
        if near.is_empty() || limit == 0 {
            return Ok(RankedCandidates::default());
        }
        let near_json: Vec<serde_json::Value> = near
            .iter()
            .map(|(code, km)| serde_json::json!([code, km]))
            .collect();
        let near_json = serde_json::Value::Array(near_json).to_string();
        // A volunteer has a row per near commune they can go to: enough rows to hold `limit`
        // volunteers whatever the others' rows.
        let rows_wanted = limit.saturating_mul(MAX_COMMUNES);
        let rows_sql = ranked_rows_sql(self.backend(), needs.skills);
        type Row = (
            i64,
            i64,
            i64,
            i64,
            Option<String>,
            Option<String>,
            i64,
            i64,
            i64,
        );
        let rows = sqlx::query_as::<_, Row>(&rows_sql)
            .bind(mission_id)
            .bind(needs.languages)
            .bind(needs.weekdays)
            .bind(iso_day(needs.starts_on))
            .bind(iso_day(needs.ends_on))
            .bind(&near_json)
            .bind(i64::try_from(rows_wanted).unwrap_or(i64::MAX))
            .fetch_all(self.reader());
        let count_sql = considered_sql(self.backend());
        let considered = sqlx::query_as::<_, (i64,)>(&count_sql)
            .bind(mission_id)
            .bind(&near_json)
            .fetch_one(self.reader());
        // The two statements on two connections at once.
        let (rows, (considered,)) = tokio::try_join!(rows, considered)?;
        let mut seen = std::collections::HashSet::new();
        let mut best = Vec::with_capacity(limit);
        for (id, skills, languages, weekdays, from, until, minutes, km, points) in rows {
            if best.len() == limit {
                break;
            }
            if !seen.insert(id) {
                continue;
            }
            best.push(RankedCandidate {
                facts: CandidateFacts {
                    volunteer_id: id,
                    skills,
                    languages,
                    weekdays,
                    available_from: optional_date(from)?,
                    available_until: optional_date(until)?,
                    distance_km: u32::try_from(km).map_err(|_| StoreError::Corrupt("km"))?,
                    minutes_given: minutes,
                },
                points: u32::try_from(points).map_err(|_| StoreError::Corrupt("points"))?,
            });
        }
        let considered = usize::try_from(considered).unwrap_or(0);
        Ok(RankedCandidates { best, considered })
    }
}
