//! Reading households back: each read of personal data written to the access log in its
//! transaction, the access log itself, lookup by blind index and duplicates in other
//! associations.

use super::persons::open_field;
use crate::privacy::PersonalDataKeys;
use crate::{now, Result, Store, StoreError};
use sqlx::AnyConnection;
use twiza_domain::{OrgScope, UserId};

/// Who reads personal data, and why (written to the access log with every read).
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    pub account: UserId,
    pub purpose: &'a str,
}

/// What to read of a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadScope {
    /// National identifiers and phone numbers, opened.
    pub identifiers: bool,
    /// Sensitive fields (disability).
    pub sensitive: bool,
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

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadRecord {
    pub account_id: i64,
    pub what: String,
    pub purpose: String,
    pub at: i64,
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

impl Store {
    /// The id of the association's household of `reference` (`HH-…`), if it has one; reads
    /// nothing of the household.
    pub async fn household_by_reference(
        &self,
        scope: &OrgScope,
        reference: &str,
    ) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM households WHERE reference = $1 AND organization_id = $2",
        )
        .bind(reference)
        .bind(scope.org_id().0)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(|(id,)| id))
    }

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

    /// A household's reference (`HH-…`), if it is the association's.
    pub async fn household_reference(&self, scope: &OrgScope, id: i64) -> Result<String> {
        let mut conn = self.reader.acquire().await?;
        own_household(&mut conn, scope, id).await
    }

    /// The members of a household who carry this national identifier (found by blind index).
    pub async fn household_members_with_cin(
        &self,
        scope: &OrgScope,
        keys: &PersonalDataKeys,
        household: i64,
        cin: &str,
    ) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM persons WHERE household_id = $1 AND organization_id = $2 \
             AND cin_index = $3 ORDER BY id",
        )
        .bind(household)
        .bind(scope.org_id().0)
        .bind(keys.blind_index("cin", cin))
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
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
}

pub(super) async fn read_household(
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
