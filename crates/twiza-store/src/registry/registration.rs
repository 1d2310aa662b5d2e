//! Registering households: a registration writes households, their members (identifiers sealed,
//! with blind indexes), consents and indexes in one transaction, in JSON-batched statements.

use crate::privacy::{person_binding, PersonalDataKeys};
use crate::{json_insert, now, Backend, Col, Result, Store, StoreError};
use rand::Rng;
use sqlx::{Any, Transaction};
use twiza_domain::pmt::{PmtMember, PmtModel};
use twiza_domain::registry::{
    age_on, Area, LivingConditions, NewConsent, NewHousehold, NewPerson, Sex,
};
use twiza_domain::{OrgScope, Refusal, UserId};

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
    ("name_keys", Col::Text),
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

/// A creation key's household (id, reference) and the content hash kept with it.
type CreationKey = (i64, String, Option<String>);

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

    /// [`Store::register_household`], once per `creation_key` in the association: the same
    /// form sent twice (a double tap, the back button) answers the household the first one
    /// registered, and nothing is written again. With a `content_hash` (a device's record), the
    /// hash is kept with the key in the registration's transaction, and a key first written
    /// with another hash is refused `idempotency_conflict`.
    pub async fn register_household_once(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        record: &HouseholdRecord,
        by: UserId,
        creation_key: Option<&str>,
        content_hash: Option<&str>,
    ) -> Result<(i64, String)> {
        let Some(key) = creation_key else {
            return self.register_household(scope, keys, record, by).await;
        };
        let same = |found: Option<CreationKey>| match found {
            Some((id, reference, kept)) if kept.as_deref() == content_hash => {
                Ok(Some((id, reference)))
            }
            Some(_) => Err(StoreError::Refused(Refusal::IdempotencyConflict)),
            None => Ok(None),
        };
        if let Some(found) = same(self.household_by_creation_key(scope, key).await?)? {
            return Ok(found);
        }
        let mut registration = self.begin_registration(scope, keys, by).await?;
        let written = async {
            let ids = registration.add(std::slice::from_ref(record)).await?;
            let (id, reference) = ids
                .into_iter()
                .next()
                .ok_or(StoreError::Corrupt("registration"))?;
            sqlx::query(
                "INSERT INTO household_creation_keys (organization_id, creation_key, \
                 household_id, content_hash) VALUES ($1, $2, $3, $4)",
            )
            .bind(scope.org_id().0)
            .bind(key)
            .bind(id)
            .bind(content_hash)
            .execute(&mut *registration.tx)
            .await?;
            registration.commit().await?;
            Ok::<_, StoreError>((id, reference))
        }
        .await;
        match written {
            Ok(found) => Ok(found),
            // The same form registered meanwhile: its household is the answer.
            Err(StoreError::Database(sqlx::Error::Database(db))) if db.is_unique_violation() => {
                same(self.household_by_creation_key(scope, key).await?)?
                    .ok_or(StoreError::Corrupt("household creation key"))
            }
            Err(e) => Err(e),
        }
    }

    async fn household_by_creation_key(
        &self,
        scope: &OrgScope,
        key: &str,
    ) -> Result<Option<CreationKey>> {
        Ok(sqlx::query_as(
            "SELECT h.id, h.reference, k.content_hash FROM household_creation_keys k \
             JOIN households h ON h.id = k.household_id \
             WHERE k.organization_id = $1 AND k.creation_key = $2",
        )
        .bind(scope.org_id().0)
        .bind(key)
        .fetch_optional(self.writer())
        .await?)
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
                    super::search::name_keys([
                        p.given_name_ar.as_deref(),
                        p.family_name_ar.as_deref(),
                        p.given_name_lat.as_deref(),
                        p.family_name_lat.as_deref(),
                    ]),
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
