//! The beneficiary registry's storage: registering households (one at a time or millions in one
//! transaction), sealing identifiers, reading personal data (always written to the access log),
//! exact lookup by blind index, the data-subject export, rectification, consent and retention.

use crate::privacy::{person_binding, PersonalDataKeys};
use crate::{json_insert, now, Backend, Col, Result, Store, StoreError};
use rand::Rng;
use sqlx::{Any, AnyConnection, Transaction};
use twiza_domain::pmt::{PmtMember, PmtModel};
use twiza_domain::registry::{
    age_on, Area, LivingConditions, NewConsent, NewHousehold, NewPerson, Sex,
};
use twiza_domain::{OrgScope, UserId};

/// A household to register, with its members, its consent and, if known, its index.
#[derive(Debug, Clone)]
pub struct HouseholdRecord {
    pub household: NewHousehold,
    pub members: Vec<NewPerson>,
    pub living: LivingConditions,
    pub incident_id: Option<i64>,
    /// Consent (or another legal basis) for registration: required.
    pub consent: NewConsent,
    /// A socio-economic index known for it.
    pub index: Option<IndexValue>,
}

/// A socio-economic index value with its source and date.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexValue {
    pub value: f64,
    /// `rsu` (imported), or `model:<version>` (computed).
    pub source: String,
    pub effective_on: time::Date,
}

impl IndexValue {
    /// The index `model` computes for a household (its members' ages on `today`), dated today
    /// and sourced `model:<version>`; `None` for a household without members.
    pub fn from_model(
        model: &PmtModel,
        area: Area,
        members: &[NewPerson],
        living: &LivingConditions,
        today: time::Date,
    ) -> Option<IndexValue> {
        let facts: Vec<PmtMember> = members
            .iter()
            .map(|m| PmtMember {
                age: age_on(m.birth_date, today),
                relation: m.relation,
                female: m.sex == Sex::Female,
                disabled: m.disability.is_disabled(),
            })
            .collect();
        model.index(area, &facts, living).map(|value| IndexValue {
            value,
            source: format!("model:{}", model.version),
            effective_on: today,
        })
    }
}

/// Who reads personal data, and why (written to the access log with every read).
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    pub account: UserId,
    pub purpose: &'a str,
}

/// A member as read back. Identifiers are present only when asked for (and logged).
#[derive(Debug, Clone)]
pub struct PersonView {
    pub id: i64,
    pub reference: String,
    pub given_name_ar: Option<String>,
    pub family_name_ar: Option<String>,
    pub given_name_lat: Option<String>,
    pub family_name_lat: Option<String>,
    pub sex: String,
    pub birth_date: String,
    pub relation: String,
    /// `None` unless the reader may see sensitive fields.
    pub disability: Option<String>,
    pub schooling: String,
    pub phone: Option<String>,
    pub cin: Option<String>,
    pub idcs: Option<String>,
}

/// A household as read back.
#[derive(Debug, Clone)]
pub struct HouseholdView {
    pub id: i64,
    pub reference: String,
    pub commune_code: String,
    pub area: String,
    pub douar: Option<String>,
    pub address: Option<String>,
    pub housing_damage: String,
    pub status: String,
    pub members: Vec<PersonView>,
}

/// A household as exported to a file.
#[derive(Debug, Clone)]
pub struct ExportedHousehold {
    pub household: HouseholdView,
    /// The living conditions as stored (JSON object).
    pub living: Option<serde_json::Value>,
    /// Consent to registration: purpose, legal basis, channel.
    pub consent: Option<(String, String, String)>,
    /// The latest index: value in millionths, source, effective date.
    pub index: Option<(i64, String, String)>,
}

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadRecord {
    pub account_id: i64,
    pub what: String,
    pub purpose: String,
    pub at: i64,
}

/// Everything held about a household, for the household itself (Law 09-08 right of access).
#[derive(Debug, Clone)]
pub struct SubjectExport {
    /// The record, with identifiers and sensitive fields.
    pub household: HouseholdView,
    /// Its grievances, read whole.
    pub grievances: Vec<crate::GrievanceView>,
    pub deliveries: Vec<SubjectDelivery>,
    pub consents: Vec<SubjectConsent>,
    /// Its socio-economic index values, oldest first.
    pub indexes: Vec<SubjectIndex>,
    pub entitlements: Vec<SubjectEntitlement>,
    /// Its access log, oldest first.
    pub reads: Vec<ReadRecord>,
}

/// A delivery to the household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectDelivery {
    pub id: i64,
    /// The item's code.
    pub item: String,
    pub quantity: i64,
    pub status: String,
    pub delivered_at: Option<i64>,
}

/// A consent (or legal basis) recorded for the household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectConsent {
    pub purpose: String,
    pub legal_basis: String,
    pub channel: String,
    pub recorded_at: i64,
    pub withdrawn_at: Option<i64>,
}

/// A socio-economic index value of the household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectIndex {
    /// `YYYY-MM-DD`.
    pub effective_on: String,
    pub source: String,
    /// The index in millionths.
    pub value_micro: i64,
}

/// The household's entitlement in a cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectEntitlement {
    /// The programme's code.
    pub programme: String,
    pub period: String,
    pub eligible: bool,
    pub centimes: i64,
    /// The explanation as stored (JSON; `null` if unreadable).
    pub explanation: serde_json::Value,
}

/// What to read of a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadScope {
    /// National identifiers and phone numbers, opened.
    pub identifiers: bool,
    /// Sensitive fields (disability).
    pub sensitive: bool,
}

const REFERENCE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A random household reference: `HH-` and 12 Crockford base-32 characters (60 bits).
fn household_reference() -> String {
    let mut rng = rand::thread_rng();
    let mut r = String::with_capacity(15);
    r.push_str("HH-");
    for _ in 0..12 {
        r.push(REFERENCE_ALPHABET[rng.gen_range(0..REFERENCE_ALPHABET.len())] as char);
    }
    r
}

const HOUSEHOLD_COLUMNS: &[(&str, Col)] = &[
    ("organization_id", Col::Int),
    ("reference", Col::Text),
    ("commune_code", Col::Text),
    ("area", Col::Text),
    ("douar", Col::Text),
    ("address", Col::Text),
    ("housing_damage", Col::Text),
    ("incident_id", Col::Int),
    ("living", Col::Text),
    ("status", Col::Text),
    ("created_by", Col::Int),
    ("created_at", Col::Int),
    ("updated_at", Col::Int),
];

const PERSON_COLUMNS: &[(&str, Col)] = &[
    ("household_id", Col::Int),
    ("organization_id", Col::Int),
    ("reference", Col::Text),
    ("given_name_ar", Col::Text),
    ("family_name_ar", Col::Text),
    ("given_name_lat", Col::Text),
    ("family_name_lat", Col::Text),
    ("sex", Col::Text),
    ("birth_date", Col::Text),
    ("relation", Col::Text),
    ("disability", Col::Text),
    ("schooling", Col::Text),
    ("seal_key_id", Col::Int),
    ("phone_sealed", Col::Blob),
    ("phone_index", Col::Text),
    ("cin_sealed", Col::Blob),
    ("cin_index", Col::Text),
    ("idcs_sealed", Col::Blob),
    ("idcs_index", Col::Text),
    ("created_at", Col::Int),
    ("updated_at", Col::Int),
];

fn living_json(l: &LivingConditions) -> Option<String> {
    let v = serde_json::json!({
        "rooms": l.rooms, "piped_water": l.piped_water, "electricity": l.electricity,
        "flush_toilet": l.flush_toilet, "owns_home": l.owns_home, "refrigerator": l.refrigerator,
        "television": l.television, "car": l.car, "livestock_heads": l.livestock_heads,
    });
    (*l != LivingConditions::default()).then(|| v.to_string())
}

/// A sealed field and its blind index, as JSON values (hex, text), or two nulls.
fn sealed_pair(
    keys: &PersonalDataKeys,
    reference: &str,
    field: &str,
    value: Option<&str>,
) -> (serde_json::Value, serde_json::Value) {
    match value {
        Some(v) => (
            hex::encode(keys.seal(&person_binding(reference, field), v)).into(),
            keys.blind_index(field, v).into(),
        ),
        None => (serde_json::Value::Null, serde_json::Value::Null),
    }
}

/// Rows per JSON-batched statement.
const BATCH_ROWS: usize = 2000;

/// A registration in progress: everything added goes into one transaction, so an import is
/// all or nothing.
pub struct Registration {
    tx: Transaction<'static, Any>,
    backend: Backend,
    org_id: i64,
    by: i64,
    keys: PersonalDataKeys,
    households: u64,
    persons: u64,
}

impl Store {
    /// Starts a registration of households into the association's registry.
    pub async fn begin_registration(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        by: UserId,
    ) -> Result<Registration> {
        Ok(Registration {
            tx: self.writer().begin().await?,
            backend: self.backend(),
            org_id: scope.org_id().0,
            by: by.0,
            keys: keys.clone(),
            households: 0,
            persons: 0,
        })
    }

    /// Registers one household (with its members) and returns its id and reference.
    pub async fn register_household(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        record: &HouseholdRecord,
        by: UserId,
    ) -> Result<(i64, String)> {
        let mut registration = self.begin_registration(scope, keys, by).await?;
        let ids = registration.add(std::slice::from_ref(record)).await?;
        registration.commit().await?;
        ids.into_iter()
            .next()
            .ok_or(StoreError::Corrupt("registration"))
    }
}

impl Registration {
    /// Adds households; returns their ids and references, in order.
    pub async fn add(&mut self, records: &[HouseholdRecord]) -> Result<Vec<(i64, String)>> {
        let mut out = Vec::with_capacity(records.len());
        for chunk in records.chunks(BATCH_ROWS) {
            out.extend(self.add_chunk(chunk).await?);
        }
        Ok(out)
    }

    async fn add_chunk(&mut self, records: &[HouseholdRecord]) -> Result<Vec<(i64, String)>> {
        let at = now();
        let references: Vec<String> = records.iter().map(|_| household_reference()).collect();
        let rows: Vec<serde_json::Value> = records
            .iter()
            .zip(&references)
            .map(|(r, reference)| {
                let h = &r.household;
                serde_json::json!([
                    self.org_id,
                    reference,
                    h.commune.as_str(),
                    h.area.as_str(),
                    h.douar,
                    h.address,
                    h.housing_damage.as_str(),
                    r.incident_id,
                    living_json(&r.living),
                    "active",
                    self.by,
                    at,
                    at
                ])
            })
            .collect();
        let sql = format!(
            "{} RETURNING id, reference",
            json_insert(self.backend, "households", HOUSEHOLD_COLUMNS)
        );
        let returned: Vec<(i64, String)> = sqlx::query_as(&sql)
            .bind(serde_json::Value::Array(rows).to_string())
            .fetch_all(&mut *self.tx)
            .await?;
        let by_reference: std::collections::HashMap<&str, i64> =
            returned.iter().map(|(id, r)| (r.as_str(), *id)).collect();
        let ids: Vec<i64> = references
            .iter()
            .map(|r| by_reference.get(r.as_str()).copied())
            .collect::<Option<_>>()
            .ok_or(StoreError::Corrupt("household ids"))?;

        let key_id = i64::from(self.keys.current_id());
        let mut persons = Vec::new();
        let mut consents = Vec::with_capacity(records.len());
        let mut indexes = Vec::new();
        for ((record, reference), &id) in records.iter().zip(&references).zip(&ids) {
            for (n, p) in record.members.iter().enumerate() {
                let person_ref = format!("{reference}-{}", n + 1);
                let (phone, phone_ix) =
                    sealed_pair(&self.keys, &person_ref, "phone", p.phone.as_deref());
                let (cin, cin_ix) = sealed_pair(&self.keys, &person_ref, "cin", p.cin.as_deref());
                let (idcs, idcs_ix) =
                    sealed_pair(&self.keys, &person_ref, "idcs", p.idcs.as_deref());
                persons.push(serde_json::json!([
                    id,
                    self.org_id,
                    person_ref,
                    p.given_name_ar,
                    p.family_name_ar,
                    p.given_name_lat,
                    p.family_name_lat,
                    p.sex.as_str(),
                    p.birth_date.to_string(),
                    p.relation.as_str(),
                    p.disability.as_str(),
                    p.schooling.as_str(),
                    key_id,
                    phone,
                    phone_ix,
                    cin,
                    cin_ix,
                    idcs,
                    idcs_ix,
                    at,
                    at
                ]));
            }
            let c = &record.consent;
            consents.push(serde_json::json!([
                id,
                c.purpose.as_str(),
                c.legal_basis.as_str(),
                c.channel.as_str(),
                self.by,
                at
            ]));
            if let Some(ix) = &record.index {
                indexes.push(serde_json::json!([
                    id,
                    ix.effective_on.to_string(),
                    ix.source,
                    (ix.value * 1e6).round() as i64,
                    at
                ]));
            }
        }
        self.persons += persons.len() as u64;
        for chunk in persons.chunks(BATCH_ROWS) {
            sqlx::query(&json_insert(self.backend, "persons", PERSON_COLUMNS))
                .bind(serde_json::Value::Array(chunk.to_vec()).to_string())
                .execute(&mut *self.tx)
                .await?;
        }
        sqlx::query(&json_insert(
            self.backend,
            "consents",
            &[
                ("household_id", Col::Int),
                ("purpose", Col::Text),
                ("legal_basis", Col::Text),
                ("channel", Col::Text),
                ("recorded_by", Col::Int),
                ("recorded_at", Col::Int),
            ],
        ))
        .bind(serde_json::Value::Array(consents).to_string())
        .execute(&mut *self.tx)
        .await?;
        if !indexes.is_empty() {
            sqlx::query(&json_insert(
                self.backend,
                "socio_economic_indexes",
                &[
                    ("household_id", Col::Int),
                    ("effective_on", Col::Text),
                    ("source", Col::Text),
                    ("value_micro", Col::Int),
                    ("recorded_at", Col::Int),
                ],
            ))
            .bind(serde_json::Value::Array(indexes).to_string())
            .execute(&mut *self.tx)
            .await?;
        }
        self.households += records.len() as u64;
        Ok(ids.into_iter().zip(references).collect())
    }

    /// Households and persons added so far.
    pub fn counts(&self) -> (u64, u64) {
        (self.households, self.persons)
    }

    /// Makes everything added durable at once.
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

pub(crate) async fn own_household(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    id: i64,
) -> Result<String> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT reference FROM households WHERE id = $1 AND organization_id = $2")
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|(r,)| r).ok_or(StoreError::NotFound)
}

pub(crate) async fn log_read(
    conn: &mut AnyConnection,
    scope: &OrgScope,
    household: i64,
    reader: Reader<'_>,
    what: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO personal_data_reads (organization_id, household_id, account_id, what, purpose, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(scope.org_id().0)
    .bind(household)
    .bind(reader.account.0)
    .bind(what)
    .bind(reader.purpose)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

type PersonRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

fn open_field(
    keys: &PersonalDataKeys,
    reference: &str,
    field: &str,
    sealed: Option<Vec<u8>>,
) -> Result<Option<String>> {
    sealed
        .map(|s| {
            keys.open(&person_binding(reference, field), &s)
                .map_err(|_| StoreError::Corrupt("sealed personal data"))
        })
        .transpose()
}

impl Store {
    /// Reads a household of the association; the read is written to the access log in the same
    /// transaction (no read without its record).
    pub async fn household(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        id: i64,
        reader: Reader<'_>,
        read: ReadScope,
    ) -> Result<HouseholdView> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, id).await?;
        let what = match (read.identifiers, read.sensitive) {
            (true, true) => "household,identifiers,sensitive",
            (true, false) => "household,identifiers",
            (false, true) => "household,sensitive",
            (false, false) => "household",
        };
        log_read(&mut tx, scope, id, reader, what).await?;
        let view = read_household(&mut tx, keys, id, read).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The access log of a household, newest first.
    pub async fn household_reads(&self, scope: &OrgScope, id: i64) -> Result<Vec<ReadRecord>> {
        let mut conn = self.reader.acquire().await?;
        own_household(&mut conn, scope, id).await?;
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT account_id, what, purpose, at FROM personal_data_reads \
             WHERE household_id = $1 ORDER BY id DESC LIMIT 1000",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(account_id, what, purpose, at)| ReadRecord {
                account_id,
                what,
                purpose,
                at,
            })
            .collect())
    }

    /// Households of the association with a member holding this identifier (`cin`, `phone`,
    /// `idcs`; normalized value), found by blind index. Each household found is a logged read.
    pub async fn find_by_identifier(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        kind: &str,
        value: &str,
        reader: Reader<'_>,
    ) -> Result<Vec<i64>> {
        let column = match kind {
            "cin" => "cin_index",
            "phone" => "phone_index",
            "idcs" => "idcs_index",
            _ => return Err(StoreError::NotFound),
        };
        let mut tx = self.writer().begin().await?;
        let ids: Vec<(i64,)> = sqlx::query_as(&format!(
            "SELECT DISTINCT household_id FROM persons WHERE {column} = $1 AND organization_id = $2 \
             ORDER BY household_id"
        ))
        .bind(keys.blind_index(kind, value))
        .bind(scope.org_id().0)
        .fetch_all(&mut *tx)
        .await?;
        for (id,) in &ids {
            log_read(&mut tx, scope, *id, reader, "lookup").await?;
        }
        tx.commit().await?;
        Ok(ids.into_iter().map(|(id,)| id).collect())
    }

    /// Other associations that registered a person with the same national identifier or phone
    /// as a member of this household: their names only ("possible duplicate — contact X").
    pub async fn possible_duplicates_elsewhere(
        &self,
        scope: &OrgScope,
        household: i64,
    ) -> Result<Vec<String>> {
        let mut conn = self.reader.acquire().await?;
        own_household(&mut conn, scope, household).await?;
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT o.name_fr FROM persons mine \
             JOIN persons other ON (other.cin_index = mine.cin_index OR other.idcs_index = mine.idcs_index \
                                    OR other.phone_index = mine.phone_index) \
             JOIN organizations o ON o.id = other.organization_id \
             WHERE mine.household_id = $1 AND other.organization_id <> $2 ORDER BY o.name_fr",
        )
        .bind(household)
        .bind(scope.org_id().0)
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows.into_iter().map(|(n,)| n).collect())
    }

    /// Corrects a member's record (rectification); identifiers are sealed again.
    pub async fn rectify_person(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        person: i64,
        corrected: &NewPerson,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, household).await?;
        let row: Option<(String,)> =
            sqlx::query_as("SELECT reference FROM persons WHERE id = $1 AND household_id = $2")
                .bind(person)
                .bind(household)
                .fetch_optional(&mut *tx)
                .await?;
        let (reference,) = row.ok_or(StoreError::NotFound)?;
        let seal = |field: &str, v: &Option<String>| {
            v.as_deref().map(|v| {
                (
                    keys.seal(&person_binding(&reference, field), v),
                    keys.blind_index(field, v),
                )
            })
        };
        let (phone, cin, idcs) = (
            seal("phone", &corrected.phone),
            seal("cin", &corrected.cin),
            seal("idcs", &corrected.idcs),
        );
        let split = |p: Option<(Vec<u8>, String)>| match p {
            Some((s, i)) => (Some(s), Some(i)),
            None => (None, None),
        };
        let ((phone_s, phone_i), (cin_s, cin_i), (idcs_s, idcs_i)) =
            (split(phone), split(cin), split(idcs));
        sqlx::query(
            "UPDATE persons SET given_name_ar = $1, family_name_ar = $2, given_name_lat = $3, \
             family_name_lat = $4, sex = $5, birth_date = $6, relation = $7, disability = $8, \
             schooling = $9, seal_key_id = $10, phone_sealed = $11, phone_index = $12, cin_sealed = $13, \
             cin_index = $14, idcs_sealed = $15, idcs_index = $16, updated_at = $17 WHERE id = $18",
        )
        .bind(corrected.given_name_ar.as_deref())
        .bind(corrected.family_name_ar.as_deref())
        .bind(corrected.given_name_lat.as_deref())
        .bind(corrected.family_name_lat.as_deref())
        .bind(corrected.sex.as_str())
        .bind(corrected.birth_date.to_string())
        .bind(corrected.relation.as_str())
        .bind(corrected.disability.as_str())
        .bind(corrected.schooling.as_str())
        .bind(i64::from(keys.current_id()))
        .bind(phone_s)
        .bind(phone_i)
        .bind(cin_s)
        .bind(cin_i)
        .bind(idcs_s)
        .bind(idcs_i)
        .bind(now())
        .bind(person)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Re-seals, with the current key, every identifier sealed with an older one (after a key
    /// rotation), `batch` persons per transaction. Returns how many persons were re-sealed.
    pub async fn reseal_personal_data(&self, keys: &PersonalDataKeys, batch: i64) -> Result<u64> {
        let current = i64::from(keys.current_id());
        let mut done = 0;
        loop {
            let mut tx = self.writer().begin().await?;
            let rows: Vec<SealedPersonRow> = sqlx::query_as(
                "SELECT id, reference, phone_sealed, cin_sealed, idcs_sealed FROM persons \
                     WHERE seal_key_id <> $1 ORDER BY id LIMIT $2",
            )
            .bind(current)
            .bind(batch)
            .fetch_all(&mut *tx)
            .await?;
            if rows.is_empty() {
                return Ok(done);
            }
            for SealedPersonRow {
                id,
                reference,
                phone_sealed: phone,
                cin_sealed: cin,
                idcs_sealed: idcs,
            } in rows
            {
                let reseal = |field: &str, sealed: Option<Vec<u8>>| -> Result<Option<Vec<u8>>> {
                    Ok(open_field(keys, &reference, field, sealed)?
                        .map(|v| keys.seal(&person_binding(&reference, field), &v)))
                };
                sqlx::query(
                    "UPDATE persons SET phone_sealed = $1, cin_sealed = $2, idcs_sealed = $3, \
                     seal_key_id = $4 WHERE id = $5",
                )
                .bind(reseal("phone", phone)?)
                .bind(reseal("cin", cin)?)
                .bind(reseal("idcs", idcs)?)
                .bind(current)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                done += 1;
            }
            tx.commit().await?;
        }
    }

    /// Withdraws a household's consent for a purpose (the record stays, dated).
    pub async fn withdraw_consent(
        &self,
        scope: &OrgScope,
        household: i64,
        purpose: &str,
        by: UserId,
    ) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, household).await?;
        let done = sqlx::query(
            "UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2 \
             WHERE household_id = $3 AND purpose = $4 AND withdrawn_at IS NULL",
        )
        .bind(now())
        .bind(by.0)
        .bind(household)
        .bind(purpose)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(done)
    }

    /// Whether the household has a standing consent (or other legal basis) for `purpose`.
    pub async fn has_consent(&self, household: i64, purpose: &str) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM consents WHERE household_id = $1 AND purpose = $2 AND withdrawn_at IS NULL LIMIT 1",
        )
        .bind(household)
        .bind(purpose)
        .fetch_optional(&self.reader)
        .await?;
        Ok(row.is_some())
    }

    /// Everything held about a household, for the household itself (Law 09-08 right of
    /// access): the record with identifiers, consents, index values, entitlements and the
    /// access log. The export is itself a logged read.
    pub async fn subject_export(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        reader: Reader<'_>,
    ) -> Result<SubjectExport> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, household).await?;
        log_read(&mut tx, scope, household, reader, "export").await?;
        let view = read_household(
            &mut tx,
            keys,
            household,
            ReadScope {
                identifiers: true,
                sensitive: true,
            },
        )
        .await?;
        let consents: Vec<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT purpose, legal_basis, channel, recorded_at, withdrawn_at FROM consents \
             WHERE household_id = $1 ORDER BY id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let indexes: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT effective_on, source, value_micro FROM socio_economic_indexes \
             WHERE household_id = $1 ORDER BY effective_on",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let entitlements: Vec<(String, String, i64, i64, String)> = sqlx::query_as(
            "SELECT p.code, c.period, e.eligible, e.centimes, e.explanation FROM entitlements e \
             JOIN cycles c ON c.id = e.cycle_id JOIN programmes p ON p.id = c.programme_id \
             WHERE e.household_id = $1 ORDER BY c.id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let reads: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT account_id, what, purpose, at FROM personal_data_reads WHERE household_id = $1 ORDER BY id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        let grievances = crate::grievances::household_grievances(&mut tx, household).await?;
        let deliveries: Vec<(i64, String, i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT d.id, i.code, d.quantity, d.status, d.delivered_at FROM deliveries d \
             JOIN items i ON i.id = d.item_id WHERE d.household_id = $1 ORDER BY d.id",
        )
        .bind(household)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SubjectExport {
            household: view,
            grievances,
            deliveries: deliveries
                .into_iter()
                .map(
                    |(id, item, quantity, status, delivered_at)| SubjectDelivery {
                        id,
                        item,
                        quantity,
                        status,
                        delivered_at,
                    },
                )
                .collect(),
            consents: consents
                .into_iter()
                .map(
                    |(purpose, legal_basis, channel, recorded_at, withdrawn_at)| SubjectConsent {
                        purpose,
                        legal_basis,
                        channel,
                        recorded_at,
                        withdrawn_at,
                    },
                )
                .collect(),
            indexes: indexes
                .into_iter()
                .map(|(effective_on, source, value_micro)| SubjectIndex {
                    effective_on,
                    source,
                    value_micro,
                })
                .collect(),
            entitlements: entitlements
                .into_iter()
                .map(
                    |(programme, period, eligible, centimes, explanation)| SubjectEntitlement {
                        programme,
                        period,
                        eligible: eligible != 0,
                        centimes,
                        explanation: serde_json::from_str(&explanation).unwrap_or_default(),
                    },
                )
                .collect(),
            reads: reads
                .into_iter()
                .map(|(account_id, what, purpose, at)| ReadRecord {
                    account_id,
                    what,
                    purpose,
                    at,
                })
                .collect(),
        })
    }

    /// A page of the association's active households after id `after`, for a file export: each
    /// with its members (identifiers and sensitive fields as `read` allows), living conditions
    /// (JSON), consent to registration and latest index. Each household exported is a read in
    /// its access log, written in the same transaction.
    pub async fn export_households(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        after: i64,
        limit: i64,
        reader: Reader<'_>,
        read: ReadScope,
    ) -> Result<Vec<ExportedHousehold>> {
        let mut tx = self.writer().begin().await?;
        let ids: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT id, living FROM households WHERE organization_id = $1 AND id > $2 \
             AND status = 'active' ORDER BY id LIMIT $3",
        )
        .bind(scope.org_id().0)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut out = Vec::with_capacity(ids.len());
        for (id, living) in ids {
            log_read(&mut tx, scope, id, reader, "file_export").await?;
            let household = read_household(&mut tx, keys, id, read).await?;
            let consent: Option<(String, String, String)> = sqlx::query_as(
                "SELECT purpose, legal_basis, channel FROM consents WHERE household_id = $1 \
                 AND purpose = 'registration' AND withdrawn_at IS NULL ORDER BY id LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let index: Option<(i64, String, String)> = sqlx::query_as(
                "SELECT value_micro, source, effective_on FROM socio_economic_indexes \
                 WHERE household_id = $1 ORDER BY effective_on DESC LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            out.push(ExportedHousehold {
                household,
                living: living
                    .map(|l| serde_json::from_str(&l))
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("living conditions"))?,
                consent,
                index,
            });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Anonymizes households whose every programme ended more than its retention period
    /// before `today` (and that are enrolled in none still running): names, identifiers,
    /// phone, payee account, address and douar are erased; birth dates keep only the year; what was paid stays
    /// (it is in the transparency log, without personal data). Returns the households done.
    pub async fn anonymize_expired(&self, today: time::Date) -> Result<u64> {
        let mut tx = self.writer().begin().await?;
        let candidates: Vec<(i64,)> = sqlx::query_as(
            "SELECT h.id FROM households h WHERE h.status = 'active' \
             AND EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = h.id) \
             AND NOT EXISTS (SELECT 1 FROM enrollments e JOIN programmes p ON p.id = e.programme_id \
                 WHERE e.household_id = h.id AND (p.ends_on IS NULL OR p.ends_on >= $1))",
        )
        .bind(today.to_string())
        .fetch_all(&mut *tx)
        .await?;
        let mut done = 0;
        for (id,) in candidates {
            // The latest end plus the longest retention among its programmes.
            let (ends_on, retention): (String, i64) = sqlx::query_as(
                "SELECT MAX(p.ends_on), MAX(p.retention_days) FROM enrollments e \
                 JOIN programmes p ON p.id = e.programme_id WHERE e.household_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let ended = twiza_domain::campaign::parse_date("ends_on", &ends_on)
                .map_err(|_| StoreError::Corrupt("programme end"))?;
            if ended + time::Duration::days(retention) >= today {
                continue;
            }
            sqlx::query(
                "UPDATE persons SET given_name_ar = NULL, family_name_ar = NULL, given_name_lat = NULL, \
                 family_name_lat = NULL, birth_date = substr(birth_date, 1, 4) || '-01-01', \
                 phone_sealed = NULL, phone_index = NULL, cin_sealed = NULL, cin_index = NULL, \
                 idcs_sealed = NULL, idcs_index = NULL, updated_at = $1 WHERE household_id = $2",
            )
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            // Grievances keep their steps, outcomes and dates; the words go.
            sqlx::query(
                "UPDATE grievances SET statement = '', appeal_statement = NULL, \
                 explanation = CASE WHEN explanation IS NULL THEN NULL ELSE '' END, \
                 appeal_explanation = CASE WHEN appeal_explanation IS NULL THEN NULL ELSE '' END \
                 WHERE household_id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE households SET douar = NULL, address = NULL, payee_kind = NULL, \
                 payee_account_sealed = NULL, status = 'anonymized', updated_at = $1 WHERE id = $2",
            )
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            done += 1;
        }
        tx.commit().await?;
        Ok(done)
    }
}

async fn read_household(
    conn: &mut AnyConnection,
    keys: &PersonalDataKeys,
    id: i64,
    read: ReadScope,
) -> Result<HouseholdView> {
    let (reference, commune_code, area, douar, address, housing_damage, status): (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT reference, commune_code, area, douar, address, housing_damage, status \
         FROM households WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT id, reference, given_name_ar, family_name_ar, given_name_lat, family_name_lat, sex, \
         birth_date, relation, disability, schooling, phone_sealed, cin_sealed, idcs_sealed \
         FROM persons WHERE household_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut members = Vec::with_capacity(rows.len());
    for (
        pid,
        pref,
        gar,
        far,
        glat,
        flat,
        sex,
        birth,
        relation,
        disability,
        schooling,
        phone,
        cin,
        idcs,
    ) in rows
    {
        let (phone, cin, idcs) = if read.identifiers {
            (
                open_field(keys, &pref, "phone", phone)?,
                open_field(keys, &pref, "cin", cin)?,
                open_field(keys, &pref, "idcs", idcs)?,
            )
        } else {
            (None, None, None)
        };
        members.push(PersonView {
            id: pid,
            reference: pref,
            given_name_ar: gar,
            family_name_ar: far,
            given_name_lat: glat,
            family_name_lat: flat,
            sex,
            birth_date: birth,
            relation,
            disability: read.sensitive.then_some(disability),
            schooling,
            phone,
            cin,
            idcs,
        });
    }
    Ok(HouseholdView {
        id,
        reference,
        commune_code,
        area,
        douar,
        address,
        housing_damage,
        status,
        members,
    })
}

/// A person's sealed identifiers, as read to re-seal them with the current key.
#[derive(sqlx::FromRow)]
struct SealedPersonRow {
    id: i64,
    reference: String,
    phone_sealed: Option<Vec<u8>>,
    cin_sealed: Option<Vec<u8>>,
    idcs_sealed: Option<Vec<u8>>,
}
