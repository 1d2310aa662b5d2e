//! Members' sealed identifiers after registration: opening one, rectifying a member's record
//! (sealed again, the correction recorded with its reason), and re-sealing every identifier with the current key after a key rotation.

use super::households::own_household;
use crate::privacy::{person_binding, PersonalDataKeys};
use crate::{now, Result, Store, StoreError};
use twiza_domain::registry::NewPerson;
use twiza_domain::{OrgScope, UserId};

pub(super) fn open_field(
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
    /// Corrects a member's record (Law 09-08 rectification): identifiers are sealed again, and
    /// the correction is recorded — which fields changed, why, by whom — never the values.
    /// Returns the names of the fields that changed (none: nothing is written).
    #[allow(clippy::too_many_arguments)]
    pub async fn rectify_person(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        person: i64,
        corrected: &NewPerson,
        reason: &str,
        by: UserId,
    ) -> Result<Vec<&'static str>> {
        let mut tx = self.writer().begin().await?;
        own_household(&mut tx, scope, household).await?;
        let row: Option<CurrentPersonRow> = sqlx::query_as(
            "SELECT reference, given_name_ar, family_name_ar, given_name_lat, family_name_lat, sex, \
             birth_date, relation, disability, schooling, phone_index, cin_index, idcs_index \
             FROM persons WHERE id = $1 AND household_id = $2",
        )
        .bind(person)
        .bind(household)
        .fetch_optional(&mut *tx)
        .await?;
        let current = row.ok_or(StoreError::NotFound)?;
        let changed = changed_fields(&current, corrected, keys);
        if changed.is_empty() {
            return Ok(changed);
        }
        let reference = current.reference;
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
        let name_keys = super::search::name_keys([
            corrected.given_name_ar.as_deref(),
            corrected.family_name_ar.as_deref(),
            corrected.given_name_lat.as_deref(),
            corrected.family_name_lat.as_deref(),
        ]);
        let at = now();
        sqlx::query(
            "UPDATE persons SET given_name_ar = $1, family_name_ar = $2, given_name_lat = $3, \
             family_name_lat = $4, sex = $5, birth_date = $6, relation = $7, disability = $8, \
             schooling = $9, seal_key_id = $10, phone_sealed = $11, phone_index = $12, cin_sealed = $13, \
             cin_index = $14, idcs_sealed = $15, idcs_index = $16, updated_at = $17, name_keys = $18 \
             WHERE id = $19",
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
        .bind(at)
        .bind(name_keys)
        .bind(person)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO rectifications (organization_id, household_id, person_id, fields, reason, \
             rectified_by, rectified_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(scope.org_id().0)
        .bind(household)
        .bind(person)
        .bind(changed.join(","))
        .bind(reason)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// The corrections made to a household's members, newest first.
    pub async fn rectifications(
        &self,
        scope: &OrgScope,
        household: i64,
    ) -> Result<Vec<Rectification>> {
        let mut conn = self.reader.acquire().await?;
        own_household(&mut conn, scope, household).await?;
        let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT person_id, fields, reason, rectified_by, rectified_at FROM rectifications \
             WHERE household_id = $1 ORDER BY id DESC LIMIT 200",
        )
        .bind(household)
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(person_id, fields, reason, by, at)| Rectification {
                person_id,
                fields: fields.split(',').map(str::to_owned).collect(),
                reason,
                rectified_by: by,
                rectified_at: at,
            })
            .collect())
    }

    /// Re-seals, with the current key, every identifier sealed with an older one (after a key
    /// rotation), `batch` persons per transaction. Returns how many persons were re-sealed.
    pub async fn reseal_personal_data(&self, keys: &PersonalDataKeys, batch: i64) -> Result<u64> {
        let current = i64::from(keys.current_id());
        let mut done = 0;
        loop {
            let mut tx = self.writer().begin().await?;
            // Locked (`Backend::for_update`): an erasure or a correction committed between this
            // read and the update below must not be overwritten with the values read here.
            let sql = format!(
                "SELECT id, reference, phone_sealed, cin_sealed, idcs_sealed FROM persons \
                 WHERE seal_key_id <> $1 ORDER BY id LIMIT $2{}",
                self.backend().for_update()
            );
            let rows: Vec<SealedPersonRow> = sqlx::query_as(&sql)
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

/// A correction of a member's record: which fields, why, by whom and when (no values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rectification {
    pub person_id: i64,
    pub fields: Vec<String>,
    pub reason: String,
    pub rectified_by: i64,
    pub rectified_at: i64,
}

/// A member's record as stored, to tell which fields a correction changes.
#[derive(sqlx::FromRow)]
struct CurrentPersonRow {
    reference: String,
    given_name_ar: Option<String>,
    family_name_ar: Option<String>,
    given_name_lat: Option<String>,
    family_name_lat: Option<String>,
    sex: String,
    birth_date: String,
    relation: String,
    disability: String,
    schooling: String,
    phone_index: Option<String>,
    cin_index: Option<String>,
    idcs_index: Option<String>,
}

/// The fields a correction changes; identifiers are compared by their blind indexes.
fn changed_fields(
    current: &CurrentPersonRow,
    corrected: &NewPerson,
    keys: &PersonalDataKeys,
) -> Vec<&'static str> {
    let index = |kind: &str, v: &Option<String>| v.as_deref().map(|v| keys.blind_index(kind, v));
    let birth = corrected.birth_date.to_string();
    [
        (
            "given_name_ar",
            current.given_name_ar == corrected.given_name_ar,
        ),
        (
            "family_name_ar",
            current.family_name_ar == corrected.family_name_ar,
        ),
        (
            "given_name_lat",
            current.given_name_lat == corrected.given_name_lat,
        ),
        (
            "family_name_lat",
            current.family_name_lat == corrected.family_name_lat,
        ),
        ("sex", current.sex == corrected.sex.as_str()),
        ("birth_date", current.birth_date == birth),
        ("relation", current.relation == corrected.relation.as_str()),
        (
            "disability",
            current.disability == corrected.disability.as_str(),
        ),
        (
            "schooling",
            current.schooling == corrected.schooling.as_str(),
        ),
        (
            "phone",
            current.phone_index == index("phone", &corrected.phone),
        ),
        ("cin", current.cin_index == index("cin", &corrected.cin)),
        ("idcs", current.idcs_index == index("idcs", &corrected.idcs)),
    ]
    .into_iter()
    .filter(|(_, same)| !same)
    .map(|(field, _)| field)
    .collect()
}
