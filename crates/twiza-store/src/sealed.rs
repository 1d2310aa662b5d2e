//! Re-sealing of the sealed values outside the registry's persons (donor identities, need
//! contacts, payee accounts, the phones of alert subscriptions and of grievances filed by
//! phone, volunteers' CIN, phone and emergency contact) with the current personal-data key:
//! after a key rotation, and once for values still in the legacy single-key layout.

use crate::phone::alert_phone_binding;
use crate::privacy::{
    donor_identity_binding, grievance_phone_binding, need_contact_binding, payee_binding,
    volunteer_binding, PersonalDataKeys, LEGACY_VERSION,
};
use crate::{Result, Store, StoreError};

/// A kind of sealed value kept outside the registry's persons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedKind {
    DonorIdentity,
    NeedContact,
    PayeeAccount,
    /// The phone of an alert subscription, bound to its blind index.
    AlertPhone,
    /// The complainant's phone on a grievance filed from a phone, bound to its filing key.
    GrievancePhone,
    /// A volunteer's CIN, bound to the profile's reference.
    VolunteerCin,
    /// A volunteer's phone, bound to the profile's reference.
    VolunteerPhone,
    /// A volunteer's emergency contact, bound to the profile's reference.
    VolunteerEmergency,
}

impl SealedKind {
    pub const ALL: [SealedKind; 8] = [
        SealedKind::DonorIdentity,
        SealedKind::NeedContact,
        SealedKind::PayeeAccount,
        SealedKind::AlertPhone,
        SealedKind::GrievancePhone,
        SealedKind::VolunteerCin,
        SealedKind::VolunteerPhone,
        SealedKind::VolunteerEmergency,
    ];

    /// Where the values live: table, row id, campaign (0 where the binding names none), the
    /// label the binding names (an `Idempotency-Key` or a reference), and the sealed column.
    fn columns(self) -> [&'static str; 5] {
        match self {
            SealedKind::DonorIdentity => [
                "donor_identities i JOIN donations d ON d.id = i.donation_id",
                "i.donation_id",
                "d.campaign_id",
                "d.idempotency_key",
                "i.ciphertext",
            ],
            SealedKind::NeedContact => [
                "needs",
                "id",
                "CAST(0 AS BIGINT)",
                "reference",
                "contact_sealed",
            ],
            SealedKind::PayeeAccount => [
                "households",
                "id",
                "CAST(0 AS BIGINT)",
                "reference",
                "payee_account_sealed",
            ],
            SealedKind::AlertPhone => [
                "alert_subscriptions",
                "id",
                "CAST(0 AS BIGINT)",
                "phone_index",
                "phone_sealed",
            ],
            SealedKind::GrievancePhone => [
                "grievances",
                "id",
                "CAST(0 AS BIGINT)",
                "filing_key",
                "complainant_phone_sealed",
            ],
            SealedKind::VolunteerCin => [
                "volunteers",
                "id",
                "CAST(0 AS BIGINT)",
                "reference",
                "cin_sealed",
            ],
            SealedKind::VolunteerPhone => [
                "volunteers",
                "id",
                "CAST(0 AS BIGINT)",
                "reference",
                "phone_sealed",
            ],
            SealedKind::VolunteerEmergency => [
                "volunteers",
                "id",
                "CAST(0 AS BIGINT)",
                "reference",
                "emergency_sealed",
            ],
        }
    }

    /// The values after a row id (`$1`), in id order, at most `$2`; with `legacy_only`, only
    /// those whose first byte is `$3` (the legacy layout's version).
    fn select(self, legacy_only: bool) -> String {
        let [from, id, campaign, label, sealed] = self.columns();
        let legacy = if legacy_only {
            format!(" AND substr({sealed}, 1, 1) = $3")
        } else {
            String::new()
        };
        format!(
            "SELECT {id} AS id, {campaign} AS campaign_id, {label} AS label, {sealed} AS sealed \
             FROM {from} WHERE {sealed} IS NOT NULL AND {id} > $1{legacy} ORDER BY {id} LIMIT $2"
        )
    }

    /// Replaces one value, only if it is still the one read.
    fn update(self) -> &'static str {
        match self {
            SealedKind::DonorIdentity => {
                "UPDATE donor_identities SET ciphertext = $1 WHERE donation_id = $2 AND ciphertext = $3"
            }
            SealedKind::NeedContact => {
                "UPDATE needs SET contact_sealed = $1 WHERE id = $2 AND contact_sealed = $3"
            }
            SealedKind::PayeeAccount => {
                "UPDATE households SET payee_account_sealed = $1 WHERE id = $2 \
                 AND payee_account_sealed = $3"
            }
            SealedKind::AlertPhone => {
                "UPDATE alert_subscriptions SET phone_sealed = $1 WHERE id = $2 \
                 AND phone_sealed = $3"
            }
            SealedKind::GrievancePhone => {
                "UPDATE grievances SET complainant_phone_sealed = $1 WHERE id = $2 \
                 AND complainant_phone_sealed = $3"
            }
            SealedKind::VolunteerCin => {
                "UPDATE volunteers SET cin_sealed = $1 WHERE id = $2 AND cin_sealed = $3"
            }
            SealedKind::VolunteerPhone => {
                "UPDATE volunteers SET phone_sealed = $1 WHERE id = $2 AND phone_sealed = $3"
            }
            SealedKind::VolunteerEmergency => {
                "UPDATE volunteers SET emergency_sealed = $1 WHERE id = $2 \
                 AND emergency_sealed = $3"
            }
        }
    }

    fn binding(self, row: &SealedRow) -> Vec<u8> {
        match self {
            SealedKind::DonorIdentity => donor_identity_binding(row.campaign_id, &row.label),
            SealedKind::NeedContact => need_contact_binding(&row.label),
            SealedKind::PayeeAccount => payee_binding(&row.label),
            SealedKind::AlertPhone => alert_phone_binding(&row.label),
            SealedKind::GrievancePhone => grievance_phone_binding(&row.label),
            SealedKind::VolunteerCin => volunteer_binding(&row.label, "cin"),
            SealedKind::VolunteerPhone => volunteer_binding(&row.label, "phone"),
            SealedKind::VolunteerEmergency => volunteer_binding(&row.label, "emergency"),
        }
    }
}

#[derive(sqlx::FromRow)]
struct SealedRow {
    id: i64,
    campaign_id: i64,
    label: String,
    sealed: Vec<u8>,
}

/// How many values of each kind were re-sealed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resealed {
    pub donor_identities: u64,
    pub need_contacts: u64,
    pub payee_accounts: u64,
    pub alert_phones: u64,
    pub grievance_phones: u64,
    /// A volunteer's CIN, phone and emergency contact count as three values.
    pub volunteer_values: u64,
    /// Values left as they were because they did not open (start-up pass only).
    pub unopened: u64,
}

impl Resealed {
    fn add(&mut self, kind: SealedKind, n: u64) {
        match kind {
            SealedKind::DonorIdentity => self.donor_identities += n,
            SealedKind::NeedContact => self.need_contacts += n,
            SealedKind::PayeeAccount => self.payee_accounts += n,
            SealedKind::AlertPhone => self.alert_phones += n,
            SealedKind::GrievancePhone => self.grievance_phones += n,
            SealedKind::VolunteerCin
            | SealedKind::VolunteerPhone
            | SealedKind::VolunteerEmergency => self.volunteer_values += n,
        }
    }
}

/// What to do with a value that does not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unopened {
    /// Stop and answer `Corrupt` (an operator's re-seal must not pass over anything).
    Fail,
    /// Leave it as it is and count it (the start-up pass must not stop the server).
    Count,
}

impl Store {
    /// Re-seals with the current key every donor identity, need contact and payee account that
    /// an older key (or the legacy layout) sealed, `batch` rows per transaction. If a value
    /// does not open, nothing more is changed and the store answers `Corrupt`: a value that
    /// cannot be opened is never overwritten.
    pub async fn reseal_sealed_values(
        &self,
        keys: &PersonalDataKeys,
        batch: i64,
    ) -> Result<Resealed> {
        self.reseal(keys, &SealedKind::ALL, false, Unopened::Fail, batch)
            .await
    }

    /// Re-seals only the donor identities and need contacts still in the legacy layout (the
    /// only kinds ever sealed in it). A value that does not open is left as it is and counted
    /// in `unopened`.
    pub async fn reseal_legacy_values(
        &self,
        keys: &PersonalDataKeys,
        batch: i64,
    ) -> Result<Resealed> {
        let kinds = [SealedKind::DonorIdentity, SealedKind::NeedContact];
        self.reseal(keys, &kinds, true, Unopened::Count, batch)
            .await
    }

    async fn reseal(
        &self,
        keys: &PersonalDataKeys,
        kinds: &[SealedKind],
        legacy_only: bool,
        unopened: Unopened,
        batch: i64,
    ) -> Result<Resealed> {
        let current = keys.current_id();
        let mut done = Resealed::default();
        for &kind in kinds {
            let mut after = 0i64;
            loop {
                let mut tx = self.writer().begin().await?;
                let sql = kind.select(legacy_only);
                let mut query = sqlx::query_as::<_, SealedRow>(&sql).bind(after).bind(batch);
                if legacy_only {
                    query = query.bind(vec![LEGACY_VERSION]);
                }
                let rows = query.fetch_all(&mut *tx).await?;
                let Some(last) = rows.last() else {
                    break;
                };
                after = last.id;
                let mut changed = 0;
                for row in &rows {
                    if PersonalDataKeys::key_id_of(&row.sealed) == Some(current) {
                        continue;
                    }
                    let binding = kind.binding(row);
                    let Ok(plain) = keys.open(&binding, &row.sealed) else {
                        match unopened {
                            Unopened::Fail => {
                                return Err(StoreError::Corrupt("sealed value cannot be opened"))
                            }
                            Unopened::Count => {
                                done.unopened += 1;
                                continue;
                            }
                        }
                    };
                    // Replaced only if still the value read: a value erased or changed since
                    // is left as it now is.
                    let replaced = sqlx::query(kind.update())
                        .bind(keys.seal(&binding, &plain))
                        .bind(row.id)
                        .bind(&row.sealed)
                        .execute(&mut *tx)
                        .await?;
                    changed += replaced.rows_affected();
                }
                tx.commit().await?;
                done.add(kind, changed);
            }
        }
        Ok(done)
    }
}
