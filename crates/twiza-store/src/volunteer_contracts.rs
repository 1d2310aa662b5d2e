//! Law 06-18 contracts: what generating one reads (the accepted application, its mission, the
//! volunteer, the host and its accreditation in force), the contract written with every rule
//! checked again in its transaction (`host_not_accredited`, `mission_informal`,
//! `contract_exists`, `volunteer_under_18`, an application still waiting for a place:
//! `shift_full`), each party's electronic acceptance (who, when, from which account), and the
//! national register a page of contracts at a time.
//!
//! The stored texts hold [`CIN_MARK`] where the volunteer's identity number goes: the number
//! itself stays sealed in the volunteer's profile and is put back when the contract is shown;
//! `text_sha256` is over the full texts.

use crate::{now, Reader, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::volunteer::{iso_day, parse_iso_date};
use twiza_domain::volunteer_contract::{accept, check_age, contract_number, ContractStatus, Party};
use twiza_domain::{OrgScope, Refusal, UserId};

/// What the stored texts hold in place of the volunteer's identity number.
pub const CIN_MARK: &str = "⟦CIN⟧";

/// What generating a contract from an application reads.
#[derive(Debug, Clone)]
pub struct ContractSource {
    pub application_id: i64,
    pub application_status: String,
    pub volunteer_id: i64,
    pub volunteer_reference: String,
    pub volunteer_name: String,
    pub volunteer_birth_date: String,
    /// `None` once the volunteer erased their profile.
    pub cin_sealed: Option<Vec<u8>>,
    pub mission_id: i64,
    pub mission_kind: String,
    pub mission_title: String,
    pub mission_purpose: String,
    pub commune_code: String,
    /// The douar's names (Arabic, French), when the mission names one.
    pub douar: Option<(String, String)>,
    pub mission_starts_on: String,
    pub mission_ends_on: String,
    pub host_name_ar: String,
    pub host_name_fr: String,
    pub has_contract: bool,
}

/// An accreditation, as a contract names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccreditationRef {
    pub id: i64,
    pub reference: String,
    pub issuing_authority: String,
    pub valid_until: String,
}

/// A contract to write.
#[derive(Debug, Clone)]
pub struct NewContract {
    pub application_id: i64,
    pub accreditation_id: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub weekly_hours: i64,
    pub training: String,
    pub insurance: String,
    pub expenses: String,
    /// The notice, in days, stored as its decimal text.
    pub notice_days: i64,
    /// The texts with [`CIN_MARK`] for the identity number.
    pub text_ar: String,
    pub text_fr: String,
    pub text_sha256: String,
}

/// A contract as shown to its parties.
#[derive(Debug, Clone)]
pub struct ContractView {
    pub id: i64,
    pub number: String,
    pub organization_id: i64,
    pub volunteer_id: i64,
    /// `None` once the volunteer erased their profile.
    pub volunteer_user_id: Option<i64>,
    pub volunteer_reference: String,
    pub cin_sealed: Option<Vec<u8>>,
    pub mission_id: i64,
    pub mission_title: String,
    pub application_id: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub weekly_hours: i64,
    pub text_ar: String,
    pub text_fr: String,
    pub text_sha256: String,
    pub status: ContractStatus,
    /// Who accepted for the host: account id, display name, when.
    pub host_accepted: Option<(i64, String, i64)>,
    pub volunteer_accepted: Option<(i64, String, i64)>,
    pub created_at: i64,
}

/// A contract in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractLine {
    pub id: i64,
    pub number: String,
    pub organization_id: i64,
    pub host: String,
    pub volunteer_name: String,
    pub mission_title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: String,
}

/// A register line as stored: the identity number still sealed (the app opens it).
#[derive(Debug, Clone)]
pub struct RegisterRecord {
    pub id: i64,
    pub organization_id: i64,
    pub volunteer_id: i64,
    pub number: String,
    pub host: String,
    pub host_accreditation: String,
    pub volunteer_reference: String,
    pub volunteer_name: String,
    /// Empty once the volunteer erased their profile.
    pub volunteer_birth_date: String,
    pub cin_sealed: Option<Vec<u8>>,
    pub mission: String,
    pub purpose: String,
    pub commune_code: String,
    pub starts_on: String,
    pub ends_on: String,
    pub weekly_hours: i64,
    pub status: String,
    pub host_accepted_at: Option<i64>,
    pub volunteer_accepted_at: Option<i64>,
    pub minutes_worked: i64,
}

type LineRow = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
);

type SourceHead = (i64, String, i64, String, String, String, Option<Vec<u8>>);

type SourceRow = (
    SourceHead,
    (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    ),
    (String, String, String, String, i64),
);

async fn read_source(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    application_id: i64,
) -> Result<ContractSource> {
    let row: Option<SourceHead> = sqlx::query_as(
        "SELECT a.id, a.status, v.id, v.reference, v.name, v.birth_date, v.cin_sealed \
         FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
         WHERE a.id = $1 AND a.organization_id = $2",
    )
    .bind(application_id)
    .bind(scope.org_id().0)
    .fetch_optional(&mut *conn)
    .await?;
    let first = row.ok_or(StoreError::NotFound)?;
    let mission: (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT m.id, m.kind, m.title, m.purpose, m.commune_code, d.name_ar, d.name_fr \
             FROM applications a JOIN missions m ON m.id = a.mission_id \
             LEFT JOIN douars d ON d.id = m.douar_id WHERE a.id = $1",
    )
    .bind(application_id)
    .fetch_one(&mut *conn)
    .await?;
    let rest: (String, String, String, String, i64) = sqlx::query_as(
        "SELECT m.starts_on, m.ends_on, o.name_ar, o.name_fr, \
         CAST((SELECT COUNT(*) FROM volunteer_contracts c WHERE c.application_id = a.id) AS BIGINT) \
         FROM applications a JOIN missions m ON m.id = a.mission_id \
         JOIN organizations o ON o.id = a.organization_id WHERE a.id = $1",
    )
    .bind(application_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(source_of((first, mission, rest)))
}

fn source_of(row: SourceRow) -> ContractSource {
    let (
        (
            application_id,
            application_status,
            volunteer_id,
            volunteer_reference,
            volunteer_name,
            volunteer_birth_date,
            cin_sealed,
        ),
        (
            mission_id,
            mission_kind,
            mission_title,
            mission_purpose,
            commune_code,
            douar_ar,
            douar_fr,
        ),
        (mission_starts_on, mission_ends_on, host_name_ar, host_name_fr, contracts),
    ) = row;
    ContractSource {
        application_id,
        application_status,
        volunteer_id,
        volunteer_reference,
        volunteer_name,
        volunteer_birth_date,
        cin_sealed,
        mission_id,
        mission_kind,
        mission_title,
        mission_purpose,
        commune_code,
        douar: douar_ar.zip(douar_fr),
        mission_starts_on,
        mission_ends_on,
        host_name_ar,
        host_name_fr,
        has_contract: contracts > 0,
    }
}

/// The refusal a source earns before anything is generated, in the order people fix them: an
/// application not accepted (still waiting for a place: `shift_full`), informal volunteering,
/// a contract already made.
pub fn source_refusal(s: &ContractSource) -> Option<Refusal> {
    match s.application_status.as_str() {
        "accepted" => {}
        "waiting" => return Some(Refusal::ShiftFull),
        _ => return Some(Refusal::ApplicationWrongStep),
    }
    if s.mission_kind != "contractual" {
        return Some(Refusal::MissionInformal);
    }
    if s.has_contract {
        return Some(Refusal::ContractExists);
    }
    None
}

async fn accreditation_on(
    conn: &mut AnyConnection,
    organization_id: i64,
    day: &str,
) -> Result<Option<AccreditationRef>> {
    let row: Option<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, reference, issuing_authority, valid_until FROM volunteer_accreditations \
         WHERE organization_id = $1 AND valid_from <= $2 AND valid_until >= $2 \
         ORDER BY valid_until DESC, id DESC LIMIT 1",
    )
    .bind(organization_id)
    .bind(day)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(
        |(id, reference, issuing_authority, valid_until)| AccreditationRef {
            id,
            reference,
            issuing_authority,
            valid_until,
        },
    ))
}

/// Records that a member of `organization` read a volunteer's personal data (the volunteer
/// sees it with their own data).
pub(crate) async fn record_read(
    conn: &mut AnyConnection,
    organization: i64,
    volunteer: i64,
    reader: Reader<'_>,
    what: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO volunteer_reads (volunteer_id, organization_id, account_id, what, purpose, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(volunteer)
    .bind(organization)
    .bind(reader.account.0)
    .bind(what)
    .bind(reader.purpose)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn refused(r: Refusal) -> StoreError {
    StoreError::Refused(r)
}

const VIEW_SELECT: &str = "SELECT c.id, c.number, c.organization_id, c.volunteer_id, v.user_id, v.reference, \
     v.cin_sealed, c.mission_id, m.title, c.application_id, c.starts_on, c.ends_on, c.weekly_hours, \
     c.text_ar, c.text_fr, c.text_sha256, c.status, c.host_accepted_by, hu.display_name, \
     c.host_accepted_at, c.volunteer_accepted_by, vu.display_name, c.volunteer_accepted_at, c.created_at \
     FROM volunteer_contracts c JOIN volunteers v ON v.id = c.volunteer_id \
     JOIN missions m ON m.id = c.mission_id \
     LEFT JOIN users hu ON hu.id = c.host_accepted_by \
     LEFT JOIN users vu ON vu.id = c.volunteer_accepted_by ";

fn view_of(row: &sqlx::any::AnyRow) -> Result<ContractView> {
    use sqlx::Row;
    let accepted = |by: usize, name: usize, at: usize| -> Result<Option<(i64, String, i64)>> {
        Ok(
            match (
                row.try_get::<Option<i64>, _>(by)?,
                row.try_get::<Option<String>, _>(name)?,
                row.try_get::<Option<i64>, _>(at)?,
            ) {
                (Some(b), Some(n), Some(a)) => Some((b, n, a)),
                _ => None,
            },
        )
    };
    Ok(ContractView {
        id: row.try_get(0)?,
        number: row.try_get(1)?,
        organization_id: row.try_get(2)?,
        volunteer_id: row.try_get(3)?,
        volunteer_user_id: row.try_get(4)?,
        volunteer_reference: row.try_get(5)?,
        cin_sealed: row.try_get(6)?,
        mission_id: row.try_get(7)?,
        mission_title: row.try_get(8)?,
        application_id: row.try_get(9)?,
        starts_on: row.try_get(10)?,
        ends_on: row.try_get(11)?,
        weekly_hours: row.try_get(12)?,
        text_ar: row.try_get(13)?,
        text_fr: row.try_get(14)?,
        text_sha256: row.try_get(15)?,
        status: ContractStatus::parse(&row.try_get::<String, _>(16)?)
            .ok_or(StoreError::Corrupt("contract status"))?,
        host_accepted: accepted(17, 18, 19)?,
        volunteer_accepted: accepted(20, 21, 22)?,
        created_at: row.try_get(23)?,
    })
}

impl Store {
    /// What generating a contract from the association's application reads; `NotFound` for
    /// another association's application.
    pub async fn contract_source(
        &self,
        scope: &OrgScope,
        application_id: i64,
    ) -> Result<ContractSource> {
        let mut conn = self.reader().acquire().await?;
        read_source(&mut conn, scope, application_id).await
    }

    /// The association's accreditation in force on `day` (`YYYY-MM-DD`), the longest-lasting
    /// first.
    pub async fn contract_accreditation_on(
        &self,
        scope: &OrgScope,
        day: &str,
    ) -> Result<Option<AccreditationRef>> {
        let mut conn = self.reader().acquire().await?;
        accreditation_on(&mut conn, scope.org_id().0, day).await
    }

    /// Writes a contract, every rule checked again in the transaction; answers its id and
    /// number. Nothing is written when a rule refuses.
    pub async fn create_contract(
        &self,
        scope: &OrgScope,
        c: &NewContract,
        by: UserId,
    ) -> Result<(i64, String)> {
        let mut tx = self.writer().begin().await?;
        let source = read_source(&mut tx, scope, c.application_id).await?;
        if let Some(r) = source_refusal(&source) {
            return Err(refused(r));
        }
        let accreditation = accreditation_on(&mut tx, scope.org_id().0, &c.starts_on)
            .await?
            .ok_or(refused(Refusal::HostNotAccredited))?;
        if accreditation.id != c.accreditation_id {
            // The accreditation changed since the text was written: write it again.
            return Err(refused(Refusal::HostNotAccredited));
        }
        let birth = parse_iso_date("birth_date", &source.volunteer_birth_date)
            .map_err(|_| StoreError::Corrupt("volunteer birth date"))?;
        let start = parse_iso_date("starts_on", &c.starts_on)
            .map_err(|_| StoreError::Corrupt("contract start"))?;
        check_age(birth, start).map_err(refused)?;
        let at = now();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO volunteer_contracts (organization_id, volunteer_id, mission_id, \
             application_id, accreditation_id, number, starts_on, ends_on, weekly_hours, training, \
             insurance, expenses, termination, text_ar, text_fr, text_sha256, status, created_by, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
             $16, 'proposed', $17, $18) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(source.volunteer_id)
        .bind(source.mission_id)
        .bind(c.application_id)
        .bind(accreditation.id)
        .bind(contract_number(start.year(), c.application_id))
        .bind(&c.starts_on)
        .bind(&c.ends_on)
        .bind(c.weekly_hours)
        .bind(&c.training)
        .bind(&c.insurance)
        .bind(&c.expenses)
        .bind(c.notice_days.to_string())
        .bind(&c.text_ar)
        .bind(&c.text_fr)
        .bind(&c.text_sha256)
        .bind(by.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let number = contract_number(start.year(), c.application_id);
        tx.commit().await?;
        Ok((id, number))
    }

    /// One of the association's contracts.
    pub async fn org_contract(&self, scope: &OrgScope, id: i64) -> Result<ContractView> {
        let sql = format!("{VIEW_SELECT} WHERE c.id = $1 AND c.organization_id = $2");
        let row = sqlx::query(&sql)
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        view_of(&row)
    }

    /// Records that the association's member read the identity a contract names.
    pub async fn record_contract_read(
        &self,
        contract: &ContractView,
        reader: Reader<'_>,
        what: &str,
    ) -> Result<()> {
        let mut conn = self.writer().acquire().await?;
        record_read(
            &mut conn,
            contract.organization_id,
            contract.volunteer_id,
            reader,
            what,
        )
        .await
    }

    /// Records that a register page was read: one read per contract, under its host.
    pub async fn record_register_read(
        &self,
        records: &[RegisterRecord],
        reader: Reader<'_>,
        what: &str,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        for r in records {
            record_read(&mut tx, r.organization_id, r.volunteer_id, reader, what).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// One of the signed-in volunteer's own contracts (`NotFound` for anyone else's).
    pub async fn own_contract(&self, user: UserId, id: i64) -> Result<ContractView> {
        let sql = format!("{VIEW_SELECT} WHERE c.id = $1 AND v.user_id = $2");
        let row = sqlx::query(&sql)
            .bind(id)
            .bind(user.0)
            .fetch_optional(self.reader())
            .await?
            .ok_or(StoreError::NotFound)?;
        view_of(&row)
    }

    /// A party accepts the contract: the status moves on, with who and when; the account is the
    /// one accepting. `contract_wrong_step` when that party already accepted.
    pub async fn accept_contract(
        &self,
        contract: &ContractView,
        party: Party,
        by: UserId,
    ) -> Result<ContractStatus> {
        let mut tx = self.writer().begin().await?;
        let (status,): (String,) =
            sqlx::query_as("SELECT status FROM volunteer_contracts WHERE id = $1")
                .bind(contract.id)
                .fetch_one(&mut *tx)
                .await?;
        let current =
            ContractStatus::parse(&status).ok_or(StoreError::Corrupt("contract status"))?;
        let next = accept(current, party).map_err(refused)?;
        let sql = match party {
            Party::Host => {
                "UPDATE volunteer_contracts SET status = $1, host_accepted_by = $2, \
                 host_accepted_at = $3 WHERE id = $4 AND status = $5"
            }
            Party::Volunteer => {
                "UPDATE volunteer_contracts SET status = $1, volunteer_accepted_by = $2, \
                 volunteer_accepted_at = $3 WHERE id = $4 AND status = $5"
            }
        };
        let done = sqlx::query(sql)
            .bind(next.as_str())
            .bind(by.0)
            .bind(now())
            .bind(contract.id)
            .bind(current.as_str())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(refused(Refusal::ContractWrongStep));
        }
        tx.commit().await?;
        Ok(next)
    }

    /// The association's contracts, newest first (at most `limit`).
    pub async fn org_contracts(&self, scope: &OrgScope, limit: i64) -> Result<Vec<ContractLine>> {
        self.contract_lines("c.organization_id = $1", scope.org_id().0, limit)
            .await
    }

    /// The volunteer's own contracts, newest first.
    pub async fn volunteer_contracts(&self, user: UserId, limit: i64) -> Result<Vec<ContractLine>> {
        self.contract_lines("v.user_id = $1", user.0, limit).await
    }

    async fn contract_lines(
        &self,
        filter: &str,
        value: i64,
        limit: i64,
    ) -> Result<Vec<ContractLine>> {
        let sql = format!(
            "SELECT c.id, c.number, c.organization_id, o.name_fr, v.name, m.title, c.starts_on, \
             c.ends_on, c.status FROM volunteer_contracts c \
             JOIN volunteers v ON v.id = c.volunteer_id JOIN missions m ON m.id = c.mission_id \
             JOIN organizations o ON o.id = c.organization_id \
             WHERE {filter} ORDER BY c.id DESC LIMIT $2"
        );
        let rows: Vec<LineRow> = sqlx::query_as(&sql)
            .bind(value)
            .bind(limit)
            .fetch_all(self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    number,
                    organization_id,
                    host,
                    volunteer_name,
                    mission_title,
                    starts_on,
                    ends_on,
                    status,
                )| {
                    ContractLine {
                        id,
                        number,
                        organization_id,
                        host,
                        volunteer_name,
                        mission_title,
                        starts_on,
                        ends_on,
                        status,
                    }
                },
            )
            .collect())
    }

    /// A page of the register after contract `after`, in contract order: one association's
    /// contracts, or every association's (`None`, for the administration).
    pub async fn register_page(
        &self,
        organization: Option<i64>,
        after: i64,
        limit: i64,
    ) -> Result<Vec<RegisterRecord>> {
        use sqlx::Row;
        let rows = sqlx::query(
            "SELECT c.id, c.organization_id, c.volunteer_id, c.number, o.name_fr, a.reference, v.reference AS vref, v.name, \
             v.birth_date, v.cin_sealed, m.title, m.purpose, m.commune_code, c.starts_on, \
             c.ends_on, c.weekly_hours, c.status, c.host_accepted_at, c.volunteer_accepted_at, \
             CAST(COALESCE((SELECT SUM(t.minutes) FROM shift_attendance t \
               JOIN mission_shifts s ON s.id = t.shift_id \
               WHERE t.volunteer_id = c.volunteer_id AND s.mission_id = c.mission_id), 0) AS BIGINT) \
             FROM volunteer_contracts c JOIN organizations o ON o.id = c.organization_id \
             JOIN volunteer_accreditations a ON a.id = c.accreditation_id \
             JOIN volunteers v ON v.id = c.volunteer_id JOIN missions m ON m.id = c.mission_id \
             WHERE c.id > $1 AND ($2 = 0 OR c.organization_id = $2) ORDER BY c.id LIMIT $3",
        )
        .bind(after)
        .bind(organization.unwrap_or(0))
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RegisterRecord {
                    id: r.try_get(0)?,
                    organization_id: r.try_get(1)?,
                    volunteer_id: r.try_get(2)?,
                    number: r.try_get(3)?,
                    host: r.try_get(4)?,
                    host_accreditation: r.try_get(5)?,
                    volunteer_reference: r.try_get(6)?,
                    volunteer_name: r.try_get(7)?,
                    volunteer_birth_date: r.try_get(8)?,
                    cin_sealed: r.try_get(9)?,
                    mission: r.try_get(10)?,
                    purpose: r.try_get(11)?,
                    commune_code: r.try_get(12)?,
                    starts_on: r.try_get(13)?,
                    ends_on: r.try_get(14)?,
                    weekly_hours: r.try_get(15)?,
                    status: r.try_get(16)?,
                    host_accepted_at: r.try_get(17)?,
                    volunteer_accepted_at: r.try_get(18)?,
                    minutes_worked: r.try_get(19)?,
                })
            })
            .collect()
    }
}

/// A contract's day as stored, for the contract's start: the mission's start, or today when
/// the mission already began.
pub fn contract_start(mission_starts_on: &str, today: time::Date) -> String {
    match parse_iso_date("starts_on", mission_starts_on) {
        Ok(d) if d > today => iso_day(d),
        _ => iso_day(today),
    }
}
