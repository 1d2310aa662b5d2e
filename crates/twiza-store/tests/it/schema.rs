//! The SQLite and PostgreSQL migrations describe the same schema: the same tables and columns
//! (and whether each takes NULL), primary keys, unique constraints, indexes and foreign keys,
//! but for the deliberate differences named below.

use std::collections::BTreeSet;

/// Facts found on one engine only, on purpose, each with its reason.
const DELIBERATE: &[(&str, &str)] = &[];

#[tokio::test]
async fn both_engines_have_the_same_schema() {
    let sqlite = crate::harness::sqlite().await;
    let Some(postgres) = crate::harness::postgres().await else {
        return;
    };
    let on_sqlite = sqlite.store.schema_facts().await.expect("sqlite schema");
    let on_postgres = postgres
        .store
        .schema_facts()
        .await
        .expect("postgres schema");
    assert!(
        on_sqlite.len() > 100,
        "the schema was read: {}",
        on_sqlite.len()
    );
    let deliberate: BTreeSet<&str> = DELIBERATE.iter().map(|(fact, _)| *fact).collect();
    let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Vec<String> {
        a.difference(b)
            .filter(|f| !deliberate.contains(f.as_str()))
            .cloned()
            .collect()
    };
    let sqlite_only = only(&on_sqlite, &on_postgres);
    let postgres_only = only(&on_postgres, &on_sqlite);
    assert!(
        sqlite_only.is_empty() && postgres_only.is_empty(),
        "on SQLite only:\n  {}\non PostgreSQL only:\n  {}",
        sqlite_only.join("\n  "),
        postgres_only.join("\n  ")
    );
    for (fact, _) in DELIBERATE {
        assert!(
            on_sqlite.contains(*fact) != on_postgres.contains(*fact),
            "{fact} is no longer a difference: take it off the list"
        );
    }
}
