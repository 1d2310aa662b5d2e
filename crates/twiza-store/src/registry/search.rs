//! Finding households: by a member's name in any script (Arabic, Latin and Tifinagh spellings
//! folded to `twiza-link`'s skeletons), by reference, commune, douar, programme or status, in
//! keyset pages. Each household listed is a read of its members' names and goes to its access
//! log.

use super::households::{log_read, Reader};
use crate::{Result, Store};
use std::collections::BTreeSet;
use twiza_domain::OrgScope;
use twiza_link::normalize::NameKey;

/// The name keys of a member (see the `persons.name_keys` column): the skeleton of each name and
/// of each of its words, space-separated with a space at each end; `None` without a name.
pub(crate) fn name_keys(names: [Option<&str>; 4]) -> Option<String> {
    let mut keys = BTreeSet::new();
    let mut add = |text: &str| {
        if let Some(k) = NameKey::new(text) {
            if !k.skeleton.is_empty() {
                keys.insert(k.skeleton.to_string());
            }
            if let Some(bare) = k.bare_skeleton.filter(|b| !b.is_empty()) {
                keys.insert(bare.to_string());
            }
        }
    };
    for name in names.into_iter().flatten() {
        add(name);
        for word in words(name) {
            add(word);
        }
    }
    (!keys.is_empty()).then(|| format!(" {} ", keys.into_iter().collect::<Vec<_>>().join(" ")))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The skeletons a searched name is matched by: each of its words (all must match the start of
/// one of a member's keys), or the whole name as one key ("Fatima Zahra" finds "Fatimazahra").
fn searched_keys(name: &str) -> (Vec<String>, Option<String>) {
    let each = words(name)
        .filter_map(NameKey::new)
        .map(|k| k.skeleton.to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let whole = NameKey::new(name)
        .map(|k| k.skeleton.to_string())
        .filter(|s| !s.is_empty());
    (each, whole)
}

/// What to look for; every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct HouseholdSearch {
    /// A member's name, in any script.
    pub name: Option<String>,
    /// The household's reference (`HH-…`), exactly.
    pub reference: Option<String>,
    /// HCP code of the commune.
    pub commune: Option<String>,
    /// The douar, or the start of its name (case as written).
    pub douar: Option<String>,
    /// Enrolled in this programme.
    pub programme: Option<i64>,
    /// `active` or `anonymized`.
    pub status: Option<String>,
    /// Older than this household id (the next page).
    pub after: Option<i64>,
    /// Newer than this household id (the previous page).
    pub before: Option<i64>,
    /// Households per page (1 to 100).
    pub limit: i64,
}

/// A household in a list: its place, status and its head's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdSummary {
    pub id: i64,
    pub reference: String,
    pub commune_code: String,
    pub douar: Option<String>,
    pub status: String,
    pub members: i64,
    /// The head's names (Arabic, then Latin), if any are left.
    pub head_name_ar: Option<String>,
    pub head_name_lat: Option<String>,
}

/// A page of households, newest first, and whether there are newer and older ones.
#[derive(Debug, Clone)]
pub struct HouseholdPage {
    pub households: Vec<HouseholdSummary>,
    pub newer: bool,
    pub older: bool,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    reference: String,
    commune_code: String,
    douar: Option<String>,
    status: String,
    members: i64,
    given_ar: Option<String>,
    family_ar: Option<String>,
    given_lat: Option<String>,
    family_lat: Option<String>,
}

fn joined(a: Option<String>, b: Option<String>) -> Option<String> {
    let parts: Vec<String> = [a, b].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

impl Store {
    /// A page of the association's households matching `search`, newest first. Each household
    /// listed is written to its access log (`what`: `list`) in the same transaction.
    pub async fn search_households(
        &self,
        scope: &OrgScope,
        search: &HouseholdSearch,
        reader: Reader<'_>,
    ) -> Result<HouseholdPage> {
        enum Bind {
            Int(i64),
            Text(String),
        }
        let limit = search.limit.clamp(1, 100);
        let mut wheres = vec!["h.organization_id = $1".to_owned()];
        let mut binds = vec![Bind::Int(scope.org_id().0)];
        let mut bound = |clause: &str, bind: Bind, wheres: &mut Vec<String>| {
            binds.push(bind);
            wheres.push(clause.replace('?', &format!("${}", binds.len())));
        };
        if let Some(reference) = &search.reference {
            bound(
                "h.reference = ?",
                Bind::Text(reference.clone()),
                &mut wheres,
            );
        }
        if let Some(commune) = &search.commune {
            bound(
                "h.commune_code = ?",
                Bind::Text(commune.clone()),
                &mut wheres,
            );
        }
        if let Some(douar) = &search.douar {
            let pattern = format!("{}%", douar.replace(['%', '_'], ""));
            bound("h.douar LIKE ?", Bind::Text(pattern), &mut wheres);
        }
        if let Some(status) = &search.status {
            bound("h.status = ?", Bind::Text(status.clone()), &mut wheres);
        }
        if let Some(programme) = search.programme {
            bound(
                "EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = h.id AND e.programme_id = ?)",
                Bind::Int(programme),
                &mut wheres,
            );
        }
        if let Some(name) = &search.name {
            let (each, whole) = searched_keys(name);
            let mut alternatives = Vec::new();
            if !each.is_empty() {
                let mut all = Vec::new();
                for key in each {
                    binds.push(Bind::Text(format!("% {key}%")));
                    all.push(format!("p.name_keys LIKE ${}", binds.len()));
                }
                alternatives.push(format!("({})", all.join(" AND ")));
            }
            if let Some(key) = whole {
                binds.push(Bind::Text(format!("% {key}%")));
                alternatives.push(format!("p.name_keys LIKE ${}", binds.len()));
            }
            if alternatives.is_empty() {
                // A name with no letter finds no one.
                wheres.push("1 = 0".to_owned());
            } else {
                wheres.push(format!(
                    "EXISTS (SELECT 1 FROM persons p WHERE p.organization_id = h.organization_id \
                     AND p.household_id = h.id AND ({}))",
                    alternatives.join(" OR ")
                ));
            }
        }
        let upwards = search.before.is_some() && search.after.is_none();
        if let Some(after) = search.after {
            binds.push(Bind::Int(after));
            wheres.push(format!("h.id < ${}", binds.len()));
        } else if let Some(before) = search.before {
            binds.push(Bind::Int(before));
            wheres.push(format!("h.id > ${}", binds.len()));
        }
        let sql = format!(
            "SELECT h.id AS id, h.reference AS reference, h.commune_code AS commune_code, \
             h.douar AS douar, h.status AS status, \
             CAST((SELECT COUNT(*) FROM persons c WHERE c.household_id = h.id) AS BIGINT) AS members, \
             hp.given_name_ar AS given_ar, hp.family_name_ar AS family_ar, \
             hp.given_name_lat AS given_lat, hp.family_name_lat AS family_lat \
             FROM households h LEFT JOIN persons hp ON hp.id = \
             (SELECT MIN(x.id) FROM persons x WHERE x.household_id = h.id AND x.relation = 'head') \
             WHERE {} ORDER BY h.id {} LIMIT {}",
            wheres.join(" AND "),
            if upwards { "ASC" } else { "DESC" },
            limit + 1
        );
        let mut query = sqlx::query_as::<_, SummaryRow>(&sql);
        for bind in binds {
            query = match bind {
                Bind::Int(v) => query.bind(v),
                Bind::Text(v) => query.bind(v),
            };
        }
        let mut tx = self.writer().begin().await?;
        let mut rows = query.fetch_all(&mut *tx).await?;
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        if upwards {
            rows.reverse();
        }
        for row in &rows {
            log_read(&mut tx, scope, row.id, reader, "list").await?;
        }
        tx.commit().await?;
        let (newer, older) = if upwards {
            (more, true)
        } else {
            (search.after.is_some(), more)
        };
        Ok(HouseholdPage {
            households: rows
                .into_iter()
                .map(|r| HouseholdSummary {
                    id: r.id,
                    reference: r.reference,
                    commune_code: r.commune_code,
                    douar: r.douar,
                    status: r.status,
                    members: r.members,
                    head_name_ar: joined(r.given_ar, r.family_ar),
                    head_name_lat: joined(r.given_lat, r.family_lat),
                })
                .collect(),
            newer,
            older,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_arabic_finds_its_latin_spelling() {
        let stored = name_keys([None, None, Some("Mohamed"), Some("El Idrissi")]).expect("keys");
        let (each, _) = searched_keys("محمد");
        assert!(
            stored.contains(&format!(" {}", each[0])),
            "{stored} {each:?}"
        );
    }
}

impl Store {
    /// Gives name keys to members registered before they existed (migration 0034), `batch` at
    /// a time; returns how many were filled (0: none left). Safe to run on several nodes: a row
    /// is only filled while its keys are missing.
    pub async fn fill_name_keys(&self, batch: i64) -> Result<u64> {
        let rows: Vec<NameRow> = sqlx::query_as(
            "SELECT id, given_name_ar, family_name_ar, given_name_lat, family_name_lat FROM persons \
             WHERE name_keys IS NULL AND (given_name_ar IS NOT NULL OR family_name_ar IS NOT NULL \
             OR given_name_lat IS NOT NULL OR family_name_lat IS NOT NULL) ORDER BY id LIMIT $1",
        )
        .bind(batch)
        .fetch_all(&self.reader)
        .await?;
        let mut tx = self.writer().begin().await?;
        let mut done = 0;
        for r in rows {
            // A name without a letter gets a blank key, so it is not picked again.
            let keys = name_keys([
                r.given_name_ar.as_deref(),
                r.family_name_ar.as_deref(),
                r.given_name_lat.as_deref(),
                r.family_name_lat.as_deref(),
            ])
            .unwrap_or_else(|| " ".to_owned());
            done += sqlx::query(
                "UPDATE persons SET name_keys = $1 WHERE id = $2 AND name_keys IS NULL",
            )
            .bind(keys)
            .bind(r.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(done)
    }
}

/// A member's names, to fold into keys.
#[derive(sqlx::FromRow)]
struct NameRow {
    id: i64,
    given_name_ar: Option<String>,
    family_name_ar: Option<String>,
    given_name_lat: Option<String>,
    family_name_lat: Option<String>,
}
