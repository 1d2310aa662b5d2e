//! Members' sealed identifiers after registration: opening one, rectifying a member's record
//! (sealed again), and re-sealing every identifier with the current key after a key rotation.

use super::households::own_household;
use crate::privacy::{person_binding, PersonalDataKeys};
use crate::{now, Result, Store, StoreError};
use twiza_domain::registry::NewPerson;
use twiza_domain::OrgScope;

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
