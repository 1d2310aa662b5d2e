//! Volunteers and their hosts (Law 06-18): a volunteer's profile (one per account, one per
//! person by the CIN's blind index) with its CIN, phone and emergency contact sealed bound to
//! its `V-<id>` reference, its communes and its criminal-record certificate; the profile read
//! by its owner, changed, exported and erased; a host's read of a volunteer who applied to one
//! of its missions (written to the volunteer's access log) and its check of the certificate;
//! the associations' accreditations for contractual volunteering.

use crate::privacy::{volunteer_binding, PersonalDataKeys};
use crate::registry::Reader;
use crate::{now, refuse_on_unique, Result, Store, StoreError};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;
use time::Date;
use twiza_domain::volunteer::{Accreditation, NewVolunteer};
use twiza_domain::{OrgId, OrgScope, Refusal, UserId};

/// The kind of a volunteer's document: the criminal-record certificate (extrait du casier
/// judiciaire).
pub const CRIMINAL_RECORD: &str = "criminal_record";

/// A volunteer's profile, opened (for its owner, or a host they applied to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerProfile {
    pub id: i64,
    pub reference: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub cin: String,
    pub phone: String,
    pub emergency_name: String,
    pub emergency_phone: String,
    pub skills: i64,
    pub languages: i64,
    pub weekdays: i64,
    pub available_from: Option<String>,
    pub available_until: Option<String>,
    pub communes: Vec<String>,
    pub minutes_given: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: i64,
    reference: String,
    name: String,
    birth_date: String,
    cin_sealed: Option<Vec<u8>>,
    phone_sealed: Option<Vec<u8>>,
    emergency_sealed: Option<Vec<u8>>,
    skills: i64,
    languages: i64,
    weekdays: i64,
    available_from: Option<String>,
    available_until: Option<String>,
    minutes_given: i64,
    created_at: i64,
    updated_at: i64,
}

const PROFILE_COLUMNS: &str = "id, reference, name, birth_date, cin_sealed, phone_sealed, \
     emergency_sealed, skills, languages, weekdays, available_from, available_until, \
     minutes_given, created_at, updated_at";

/// A volunteer's document as listed (its content is read apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerDocument {
    pub id: i64,
    pub kind: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: i64,
    /// The host's check: the account, when, and the association.
    pub checked_by: Option<i64>,
    pub checked_at: Option<i64>,
    pub checked_by_org: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    kind: String,
    media_type: String,
    size_bytes: i64,
    sha256: String,
    uploaded_at: i64,
    checked_by: Option<i64>,
    checked_at: Option<i64>,
    checked_by_org: Option<i64>,
}

impl From<DocumentRow> for VolunteerDocument {
    fn from(r: DocumentRow) -> Self {
        VolunteerDocument {
            id: r.id,
            kind: r.kind,
            media_type: r.media_type,
            size_bytes: r.size_bytes,
            sha256: r.sha256,
            uploaded_at: r.uploaded_at,
            checked_by: r.checked_by,
            checked_at: r.checked_at,
            checked_by_org: r.checked_by_org,
        }
    }
}

const DOCUMENT_COLUMNS: &str = "id, kind, media_type, size_bytes, sha256, uploaded_at, \
     checked_by, checked_at, checked_by_org";

/// One read of a volunteer's data by a host's member.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VolunteerRead {
    pub organization_id: i64,
    pub account_id: i64,
    pub what: String,
    pub purpose: String,
    pub at: i64,
}

/// An application as its volunteer's export lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExportedApplication {
    pub id: i64,
    pub mission_id: i64,
    pub shift_id: i64,
    pub organization_id: i64,
    pub status: String,
    pub created_at: i64,
}

/// A contract as its volunteer's export lists it (its full text included).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExportedContract {
    pub number: String,
    pub organization_id: i64,
    pub mission_id: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub status: String,
    pub text_fr: String,
    pub text_ar: String,
}

/// A shift attended, as its volunteer's export lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExportedAttendance {
    pub shift_id: i64,
    pub checked_in_at: Option<i64>,
    pub checked_out_at: Option<i64>,
    pub minutes: Option<i64>,
    pub status: String,
}

/// A certificate, as its volunteer's export lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExportedCertificate {
    pub code: String,
    pub organization_id: i64,
    pub minutes: i64,
    pub missions: i64,
    pub period_from: String,
    pub period_until: String,
    pub issued_at: i64,
}

/// Everything Twiza holds on a volunteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerExport {
    pub profile: VolunteerProfile,
    pub documents: Vec<VolunteerDocument>,
    pub applications: Vec<ExportedApplication>,
    pub contracts: Vec<ExportedContract>,
    pub attendance: Vec<ExportedAttendance>,
    pub certificates: Vec<ExportedCertificate>,
    pub reads: Vec<VolunteerRead>,
}

/// What an erasure did: the profile is gone, or (when a contract or a certificate names the
/// volunteer) emptied down to its id, which those records keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erasure {
    /// Contracts kept (their text names the volunteer: it is the contract).
    pub contracts_kept: i64,
    /// Certificates kept (anyone can still check them by their code).
    pub certificates_kept: i64,
}

/// An association's accreditation as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAccreditation {
    pub id: i64,
    pub organization_id: i64,
    pub accreditation: Accreditation,
    pub document_media_type: Option<String>,
    pub recorded_by: i64,
    pub recorded_at: i64,
}

#[derive(sqlx::FromRow)]
struct AccreditationRow {
    id: i64,
    organization_id: i64,
    reference: String,
    issued_on: String,
    issuing_authority: String,
    valid_from: String,
    valid_until: String,
    document_media_type: Option<String>,
    recorded_by: i64,
    recorded_at: i64,
}

const ACCREDITATION_COLUMNS: &str = "id, organization_id, reference, issued_on, \
     issuing_authority, valid_from, valid_until, document_media_type, recorded_by, recorded_at";

fn iso(day: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    day.format(&format).unwrap_or_default()
}

fn date_of(raw: &str) -> Result<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw, &format).map_err(|_| StoreError::Corrupt("accreditation date"))
}

fn accreditation_from(r: AccreditationRow) -> Result<StoredAccreditation> {
    Ok(StoredAccreditation {
        id: r.id,
        organization_id: r.organization_id,
        accreditation: Accreditation {
            reference: r.reference,
            issued_on: date_of(&r.issued_on)?,
            issuing_authority: r.issuing_authority,
            valid_from: date_of(&r.valid_from)?,
            valid_until: date_of(&r.valid_until)?,
        },
        document_media_type: r.document_media_type,
        recorded_by: r.recorded_by,
        recorded_at: r.recorded_at,
    })
}

/// The accreditation of `org` in force on `day` (the one valid longest), inside a transaction
/// that acts on it (a contract's issuance).
pub(crate) async fn accreditation_in_force_on(
    conn: &mut AnyConnection,
    org: OrgId,
    day: Date,
) -> Result<Option<StoredAccreditation>> {
    let sql = format!(
        "SELECT {ACCREDITATION_COLUMNS} FROM volunteer_accreditations WHERE organization_id = $1 \
         AND valid_from <= $2 AND valid_until >= $3 ORDER BY valid_until DESC, id DESC LIMIT 1"
    );
    let row = sqlx::query_as::<_, AccreditationRow>(&sql)
        .bind(org.0)
        .bind(iso(day))
        .bind(iso(day))
        .fetch_optional(&mut *conn)
        .await?;
    row.map(accreditation_from).transpose()
}

/// The sealed values of a profile, bound to its reference.
struct Sealed {
    cin: Vec<u8>,
    phone: Vec<u8>,
    emergency: Vec<u8>,
}

/// The sealed emergency contact's plain text: its name and phone, as JSON.
pub fn emergency_plain(name: &str, phone: &str) -> String {
    serde_json::json!({"name": name, "phone": phone}).to_string()
}

fn seal_profile(keys: &PersonalDataKeys, reference: &str, v: &NewVolunteer) -> Result<Sealed> {
    let emergency = emergency_plain(&v.emergency_name, &v.emergency_phone);
    Ok(Sealed {
        cin: keys.seal(&volunteer_binding(reference, "cin"), &v.cin),
        phone: keys.seal(&volunteer_binding(reference, "phone"), &v.phone),
        emergency: keys.seal(&volunteer_binding(reference, "emergency"), &emergency),
    })
}

fn open_profile(
    keys: &PersonalDataKeys,
    row: ProfileRow,
    communes: Vec<String>,
) -> Result<VolunteerProfile> {
    let open = |field: &str, sealed: &Option<Vec<u8>>| -> Result<String> {
        let sealed = sealed
            .as_deref()
            .ok_or(StoreError::Corrupt("volunteer erased"))?;
        keys.open(&volunteer_binding(&row.reference, field), sealed)
            .map_err(|_| StoreError::Corrupt("sealed value cannot be opened"))
    };
    let cin = open("cin", &row.cin_sealed)?;
    let phone = open("phone", &row.phone_sealed)?;
    let emergency: serde_json::Value =
        serde_json::from_str(&open("emergency", &row.emergency_sealed)?)
            .map_err(|_| StoreError::Corrupt("emergency contact"))?;
    let part = |key: &str| -> Result<String> {
        emergency[key]
            .as_str()
            .map(str::to_owned)
            .ok_or(StoreError::Corrupt("emergency contact"))
    };
    Ok(VolunteerProfile {
        id: row.id,
        reference: row.reference,
        name: row.name,
        birth_date: row.birth_date,
        cin,
        phone,
        emergency_name: part("name")?,
        emergency_phone: part("phone")?,
        skills: row.skills,
        languages: row.languages,
        weekdays: row.weekdays,
        available_from: row.available_from,
        available_until: row.available_until,
        communes,
        minutes_given: row.minutes_given,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

async fn replace_communes(conn: &mut AnyConnection, id: i64, communes: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM volunteer_communes WHERE volunteer_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for commune in communes {
        sqlx::query("INSERT INTO volunteer_communes (volunteer_id, commune_code) VALUES ($1, $2)")
            .bind(id)
            .bind(commune)
            .execute(&mut *conn)
            .await?;
    }
    copy_ranking_facts(conn, id).await
}

/// Copies the volunteer's ranking facts (skills, languages, availability, hours given) onto each
/// of their communes, where the ranking of candidates reads them: after any change of those facts.
pub(crate) async fn copy_ranking_facts(conn: &mut AnyConnection, id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE volunteer_communes SET (skills, languages, weekdays, available_from, \
         available_until, minutes_given) = (SELECT v.skills, v.languages, v.weekdays, \
         v.available_from, v.available_until, v.minutes_given FROM volunteers v \
         WHERE v.id = volunteer_communes.volunteer_id) WHERE volunteer_id = $1",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn communes_of(conn: &mut AnyConnection, id: i64) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT commune_code FROM volunteer_communes WHERE volunteer_id = $1 \
         ORDER BY commune_code",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}

/// The volunteer of an account (not erased).
async fn volunteer_of(conn: &mut AnyConnection, user: UserId) -> Result<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM volunteers WHERE user_id = $1")
        .bind(user.0)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id,)| id))
}

async fn read_profile(
    conn: &mut AnyConnection,
    keys: &PersonalDataKeys,
    id: i64,
) -> Result<VolunteerProfile> {
    let sql = format!("SELECT {PROFILE_COLUMNS} FROM volunteers WHERE id = $1");
    let row = sqlx::query_as::<_, ProfileRow>(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let communes = communes_of(conn, id).await?;
    open_profile(keys, row, communes)
}

/// Whether the volunteer applied to one of the association's missions (a host sees no one
/// else).
async fn applied_to(conn: &mut AnyConnection, scope: &OrgScope, volunteer: i64) -> Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT a.id FROM applications a JOIN volunteers v ON v.id = a.volunteer_id \
         WHERE a.volunteer_id = $1 AND a.organization_id = $2 AND v.erased_at IS NULL LIMIT 1",
    )
    .bind(volunteer)
    .bind(scope.org_id().0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

async fn log_volunteer_read(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    volunteer: i64,
    reader: Reader<'_>,
    what: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO volunteer_reads (volunteer_id, organization_id, account_id, what, purpose, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(volunteer)
    .bind(scope.org_id().0)
    .bind(reader.account.0)
    .bind(what)
    .bind(reader.purpose)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn documents_of(conn: &mut AnyConnection, volunteer: i64) -> Result<Vec<VolunteerDocument>> {
    let sql = format!(
        "SELECT {DOCUMENT_COLUMNS} FROM volunteer_documents WHERE volunteer_id = $1 \
         ORDER BY id DESC"
    );
    let rows = sqlx::query_as::<_, DocumentRow>(&sql)
        .bind(volunteer)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(VolunteerDocument::from).collect())
}

impl Store {
    /// Creates the account's volunteer profile in one transaction: `volunteer_exists` when the
    /// account, or the person (the same CIN), already has one. The CIN, the phone and the
    /// emergency contact are sealed bound to the profile's `V-<id>` reference. Returns its id.
    pub async fn create_volunteer(
        &self,
        keys: &PersonalDataKeys,
        user: UserId,
        v: &NewVolunteer,
    ) -> Result<i64> {
        let cin_index = keys.blind_index("cin", &v.cin);
        let mut tx = self.writer().begin().await?;
        let taken: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM volunteers WHERE user_id = $1 OR cin_index = $2")
                .bind(user.0)
                .bind(&cin_index)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(StoreError::Refused(Refusal::VolunteerExists));
        }
        let at = now();
        let pending = format!("pending-{}", hex::encode(rand::random::<[u8; 12]>()));
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO volunteers (user_id, reference, name, birth_date, seal_key_id, \
             cin_index, phone_index, skills, languages, weekdays, available_from, \
             available_until, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(user.0)
        .bind(&pending)
        .bind(&v.name)
        .bind(iso(v.birth_date))
        .bind(i64::from(keys.current_id()))
        .bind(&cin_index)
        .bind(keys.blind_index("phone", &v.phone))
        .bind(v.skills)
        .bind(v.languages)
        .bind(v.weekdays)
        .bind(v.available_from.map(iso))
        .bind(v.available_until.map(iso))
        .bind(at)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(refuse_on_unique(Refusal::VolunteerExists))?;
        let reference = format!("V-{id}");
        let sealed = seal_profile(keys, &reference, v)?;
        sqlx::query(
            "UPDATE volunteers SET reference = $1, cin_sealed = $2, phone_sealed = $3, \
             emergency_sealed = $4 WHERE id = $5",
        )
        .bind(&reference)
        .bind(sealed.cin)
        .bind(sealed.phone)
        .bind(sealed.emergency)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        replace_communes(&mut tx, id, &v.communes).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The id of the account's volunteer profile, if it has one.
    pub async fn volunteer_id_of(&self, user: UserId) -> Result<Option<i64>> {
        let mut conn = self.reader().acquire().await?;
        volunteer_of(&mut conn, user).await
    }

    /// The account's own volunteer profile, opened; none if it has no profile.
    pub async fn own_volunteer(
        &self,
        keys: &PersonalDataKeys,
        user: UserId,
    ) -> Result<Option<VolunteerProfile>> {
        let mut conn = self.reader().acquire().await?;
        let Some(id) = volunteer_of(&mut conn, user).await? else {
            return Ok(None);
        };
        read_profile(&mut conn, keys, id).await.map(Some)
    }

    /// Replaces the account's profile with `v` (sealed again, same reference): `not_a_volunteer`
    /// without a profile, `volunteer_exists` when the new CIN is another person's profile.
    pub async fn update_volunteer(
        &self,
        keys: &PersonalDataKeys,
        user: UserId,
        v: &NewVolunteer,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, reference FROM volunteers WHERE user_id = $1")
                .bind(user.0)
                .fetch_optional(&mut *tx)
                .await?;
        let (id, reference) = row.ok_or(StoreError::Refused(Refusal::NotAVolunteer))?;
        let cin_index = keys.blind_index("cin", &v.cin);
        let other: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM volunteers WHERE cin_index = $1 AND id <> $2")
                .bind(&cin_index)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if other.is_some() {
            return Err(StoreError::Refused(Refusal::VolunteerExists));
        }
        let sealed = seal_profile(keys, &reference, v)?;
        sqlx::query(
            "UPDATE volunteers SET name = $1, birth_date = $2, seal_key_id = $3, cin_sealed = $4, \
             cin_index = $5, phone_sealed = $6, phone_index = $7, emergency_sealed = $8, \
             skills = $9, languages = $10, weekdays = $11, available_from = $12, \
             available_until = $13, updated_at = $14 WHERE id = $15",
        )
        .bind(&v.name)
        .bind(iso(v.birth_date))
        .bind(i64::from(keys.current_id()))
        .bind(sealed.cin)
        .bind(&cin_index)
        .bind(sealed.phone)
        .bind(keys.blind_index("phone", &v.phone))
        .bind(sealed.emergency)
        .bind(v.skills)
        .bind(v.languages)
        .bind(v.weekdays)
        .bind(v.available_from.map(iso))
        .bind(v.available_until.map(iso))
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(refuse_on_unique(Refusal::VolunteerExists))?;
        replace_communes(&mut tx, id, &v.communes).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything Twiza holds on the account's volunteer: the profile opened, its documents
    /// (without their content), applications, contracts with their text, attendance,
    /// certificates, and who read the profile. None without a profile.
    pub async fn export_volunteer(
        &self,
        keys: &PersonalDataKeys,
        user: UserId,
    ) -> Result<Option<VolunteerExport>> {
        let mut conn = self.reader().acquire().await?;
        let Some(id) = volunteer_of(&mut conn, user).await? else {
            return Ok(None);
        };
        let profile = read_profile(&mut conn, keys, id).await?;
        let documents = documents_of(&mut conn, id).await?;
        let applications = sqlx::query_as::<_, ExportedApplication>(
            "SELECT id, mission_id, shift_id, organization_id, status, created_at \
             FROM applications WHERE volunteer_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let contracts = sqlx::query_as::<_, ExportedContract>(
            "SELECT number, organization_id, mission_id, starts_on, ends_on, status, text_fr, \
             text_ar FROM volunteer_contracts WHERE volunteer_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let attendance = sqlx::query_as::<_, ExportedAttendance>(
            "SELECT shift_id, checked_in_at, checked_out_at, minutes, status \
             FROM shift_attendance WHERE volunteer_id = $1 ORDER BY shift_id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let certificates = sqlx::query_as::<_, ExportedCertificate>(
            "SELECT code, organization_id, minutes, missions, period_from, period_until, \
             issued_at FROM volunteer_certificates WHERE volunteer_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let reads = self.reads_of(&mut conn, id).await?;
        Ok(Some(VolunteerExport {
            profile,
            documents,
            applications,
            contracts,
            attendance,
            certificates,
            reads,
        }))
    }

    async fn reads_of(&self, conn: &mut AnyConnection, id: i64) -> Result<Vec<VolunteerRead>> {
        Ok(sqlx::query_as::<_, VolunteerRead>(
            "SELECT organization_id, account_id, what, purpose, at FROM volunteer_reads \
             WHERE volunteer_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?)
    }

    /// What erasing the account's profile would keep: the contracts and certificates that name
    /// the volunteer. `not_a_volunteer` without a profile.
    pub async fn volunteer_erasure_preview(&self, user: UserId) -> Result<Erasure> {
        let mut conn = self.reader().acquire().await?;
        let id = volunteer_of(&mut conn, user)
            .await?
            .ok_or(StoreError::Refused(Refusal::NotAVolunteer))?;
        kept_records(&mut conn, id).await
    }

    /// Erases the account's volunteer profile in one transaction: its sealed values, name,
    /// birth date, skills, communes, documents, the log of its reads and its open
    /// applications. When no contract or certificate names the volunteer, the row itself goes;
    /// otherwise an emptied row stays (no account, no personal data) for those records, whose
    /// texts are kept as issued. `not_a_volunteer` without a profile.
    pub async fn erase_volunteer(&self, user: UserId) -> Result<Erasure> {
        let mut tx = self.writer().begin().await?;
        let id = volunteer_of(&mut tx, user)
            .await?
            .ok_or(StoreError::Refused(Refusal::NotAVolunteer))?;
        let kept = kept_records(&mut tx, id).await?;
        for sql in [
            "DELETE FROM volunteer_communes WHERE volunteer_id = $1",
            "DELETE FROM volunteer_documents WHERE volunteer_id = $1",
            "DELETE FROM volunteer_reads WHERE volunteer_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        if kept.contracts_kept == 0 && kept.certificates_kept == 0 {
            // Places held by accepted applications are given back before they go.
            sqlx::query(
                "UPDATE mission_shifts SET taken = taken - 1 WHERE id IN (SELECT shift_id FROM \
                 applications WHERE volunteer_id = $1 AND status = 'accepted') AND taken > 0",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            for sql in [
                "DELETE FROM shift_attendance WHERE volunteer_id = $1",
                "DELETE FROM applications WHERE volunteer_id = $1",
                "DELETE FROM volunteers WHERE id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut *tx).await?;
            }
        } else {
            sqlx::query(
                "UPDATE applications SET status = 'withdrawn' WHERE volunteer_id = $1 \
                 AND status IN ('applied', 'invited', 'waiting')",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE volunteers SET user_id = NULL, name = '', birth_date = '', \
                 cin_sealed = NULL, cin_index = NULL, phone_sealed = NULL, phone_index = NULL, \
                 emergency_sealed = NULL, skills = 0, languages = 0, weekdays = 0, \
                 available_from = NULL, available_until = NULL, notify_sms = 0, \
                 notify_email = 0, erased_at = $1, updated_at = $2 WHERE id = $3",
            )
            .bind(now())
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(kept)
    }

    /// Adds a document (checked by content) to the account's volunteer profile:
    /// `not_a_volunteer` without one.
    pub async fn add_volunteer_document(
        &self,
        user: UserId,
        kind: &str,
        media_type: &str,
        content: &[u8],
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        let volunteer = volunteer_of(&mut tx, user)
            .await?
            .ok_or(StoreError::Refused(Refusal::NotAVolunteer))?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO volunteer_documents (volunteer_id, kind, media_type, size_bytes, sha256, \
             content, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(volunteer)
        .bind(kind)
        .bind(media_type)
        .bind(content.len() as i64)
        .bind(hex::encode(Sha256::digest(content)))
        .bind(content)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The documents of the account's volunteer profile, newest first (without content).
    pub async fn own_volunteer_documents(&self, user: UserId) -> Result<Vec<VolunteerDocument>> {
        let mut conn = self.reader().acquire().await?;
        match volunteer_of(&mut conn, user).await? {
            Some(id) => documents_of(&mut conn, id).await,
            None => Ok(Vec::new()),
        }
    }

    /// A volunteer as the association sees them: only one who applied to one of its missions
    /// (else not found); the read is written to the volunteer's access log in the same
    /// transaction. With the documents (without content).
    pub async fn hosted_volunteer(
        &self,
        keys: &PersonalDataKeys,
        scope: &OrgScope,
        volunteer: i64,
        reader: Reader<'_>,
    ) -> Result<(VolunteerProfile, Vec<VolunteerDocument>)> {
        let mut tx = self.writer().begin().await?;
        if !applied_to(&mut tx, scope, volunteer).await? {
            return Err(StoreError::NotFound);
        }
        log_volunteer_read(&mut tx, scope, volunteer, reader, "profile").await?;
        let profile = read_profile(&mut tx, keys, volunteer).await?;
        let documents = documents_of(&mut tx, volunteer).await?;
        tx.commit().await?;
        Ok((profile, documents))
    }

    /// One document of a volunteer who applied to the association, with its content; the
    /// read is logged. Not found otherwise.
    pub async fn hosted_volunteer_document(
        &self,
        scope: &OrgScope,
        volunteer: i64,
        document: i64,
        reader: Reader<'_>,
    ) -> Result<(VolunteerDocument, Vec<u8>)> {
        let mut tx = self.writer().begin().await?;
        if !applied_to(&mut tx, scope, volunteer).await? {
            return Err(StoreError::NotFound);
        }
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS} FROM volunteer_documents WHERE id = $1 \
             AND volunteer_id = $2"
        );
        let row = sqlx::query_as::<_, DocumentRow>(&sql)
            .bind(document)
            .bind(volunteer)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (content,): (Vec<u8>,) =
            sqlx::query_as("SELECT content FROM volunteer_documents WHERE id = $1")
                .bind(document)
                .fetch_one(&mut *tx)
                .await?;
        log_volunteer_read(&mut tx, scope, volunteer, reader, "document").await?;
        tx.commit().await?;
        Ok((row.into(), content))
    }

    /// Records the association's check of the volunteer's latest criminal-record certificate
    /// (who, when, for which association). Not found unless the volunteer applied to the
    /// association; `false` when they uploaded no certificate.
    pub async fn check_volunteer_record(
        &self,
        scope: &OrgScope,
        volunteer: i64,
        by: UserId,
    ) -> Result<bool> {
        let mut tx = self.writer().begin().await?;
        if !applied_to(&mut tx, scope, volunteer).await? {
            return Err(StoreError::NotFound);
        }
        let latest: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM volunteer_documents WHERE volunteer_id = $1 AND kind = $2 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(volunteer)
        .bind(CRIMINAL_RECORD)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((document,)) = latest else {
            return Ok(false);
        };
        sqlx::query(
            "UPDATE volunteer_documents SET checked_by = $1, checked_at = $2, \
             checked_by_org = $3 WHERE id = $4",
        )
        .bind(by.0)
        .bind(now())
        .bind(scope.org_id().0)
        .bind(document)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The reads of the account's volunteer profile by hosts, oldest first.
    pub async fn own_volunteer_reads(&self, user: UserId) -> Result<Vec<VolunteerRead>> {
        let mut conn = self.reader().acquire().await?;
        match volunteer_of(&mut conn, user).await? {
            Some(id) => self.reads_of(&mut conn, id).await,
            None => Ok(Vec::new()),
        }
    }

    /// Records an accreditation of the scoped association, with its document if one is given
    /// (checked by content before). The same `creation_key` twice records it once: the id of
    /// the first is answered.
    pub async fn record_accreditation(
        &self,
        scope: &OrgScope,
        a: &Accreditation,
        document: Option<(&str, &[u8])>,
        by: UserId,
        creation_key: Option<&str>,
    ) -> Result<i64> {
        let mut tx = self.writer().begin().await?;
        if let Some(key) = creation_key {
            let done: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM volunteer_accreditations WHERE organization_id = $1 \
                 AND creation_key = $2",
            )
            .bind(scope.org_id().0)
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((id,)) = done {
                return Ok(id);
            }
        }
        let (media_type, sha, content) = match document {
            Some((t, bytes)) => (
                Some(t),
                Some(hex::encode(Sha256::digest(bytes))),
                Some(bytes.to_vec()),
            ),
            None => (None, None, None),
        };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO volunteer_accreditations (organization_id, reference, issued_on, \
             issuing_authority, valid_from, valid_until, document_media_type, document_sha256, \
             document, recorded_by, recorded_at, creation_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(&a.reference)
        .bind(iso(a.issued_on))
        .bind(&a.issuing_authority)
        .bind(iso(a.valid_from))
        .bind(iso(a.valid_until))
        .bind(media_type)
        .bind(sha)
        .bind(content)
        .bind(by.0)
        .bind(now())
        .bind(creation_key)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The accreditation of `org` in force on `day`, if any (the one valid longest).
    pub async fn accreditation_in_force(
        &self,
        org: OrgId,
        day: Date,
    ) -> Result<Option<StoredAccreditation>> {
        let mut conn = self.reader().acquire().await?;
        accreditation_in_force_on(&mut conn, org, day).await
    }

    /// The scoped association's accreditations, the latest valid first.
    pub async fn accreditations(&self, scope: &OrgScope) -> Result<Vec<StoredAccreditation>> {
        let sql = format!(
            "SELECT {ACCREDITATION_COLUMNS} FROM volunteer_accreditations \
             WHERE organization_id = $1 ORDER BY valid_until DESC, id DESC LIMIT 100"
        );
        let rows = sqlx::query_as::<_, AccreditationRow>(&sql)
            .bind(scope.org_id().0)
            .fetch_all(self.reader())
            .await?;
        rows.into_iter().map(accreditation_from).collect()
    }
}

/// The contracts and certificates that name a volunteer.
async fn kept_records(conn: &mut AnyConnection, id: i64) -> Result<Erasure> {
    let (contracts_kept,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM volunteer_contracts WHERE volunteer_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let (certificates_kept,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM volunteer_certificates WHERE volunteer_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Erasure {
        contracts_kept,
        certificates_kept,
    })
}
