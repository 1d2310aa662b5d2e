//! Fresh databases for the storage suite: a temporary SQLite file, or a new PostgreSQL schema.

use rand::Rng;
use twiza_store::{Store, StoreOptions};

pub struct TestDb {
    pub store: Store,
    pub name: &'static str,
    /// Kept by the test runner macro for the whole test: a test body that captures only
    /// `db.store` must not delete the SQLite file under it.
    pub dir: Option<std::sync::Arc<tempfile::TempDir>>,
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/twiza.db", dir.path().display());
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .expect("connect sqlite");
    store.migrate().await.expect("migrate sqlite");
    TestDb {
        store,
        name: "sqlite",
        dir: Some(std::sync::Arc::new(dir)),
    }
}

/// A store on a fresh PostgreSQL schema, or `None` (with a loud line) when no server is configured.
pub async fn postgres() -> Option<TestDb> {
    let Ok(base) = std::env::var("TWIZA_TEST_POSTGRES_URL") else {
        if std::env::var_os("CI").is_some() {
            panic!("TWIZA_TEST_POSTGRES_URL must be set in CI");
        }
        eprintln!(
            "!!! SKIPPED: PostgreSQL half of the storage suite (set TWIZA_TEST_POSTGRES_URL) !!!"
        );
        return None;
    };
    let schema = format!("t_{:016x}", rand::thread_rng().gen::<u64>());
    let admin = Store::connect(
        &base,
        &StoreOptions {
            max_connections: 1,
            ..Default::default()
        },
    )
    .await
    .expect("connect postgres");
    admin
        .execute_raw(&format!("CREATE SCHEMA {schema}"))
        .await
        .expect("create schema");
    admin.close().await;
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options[search_path]={schema}");
    let store = Store::connect(
        &url,
        &StoreOptions {
            max_connections: 4,
            ..Default::default()
        },
    )
    .await
    .expect("connect postgres schema");
    store.migrate().await.expect("migrate postgres");
    Some(TestDb {
        store,
        name: "postgres",
        dir: None,
    })
}

/// Runs one async test body against every configured backend.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        #[tokio::test]
        async fn $name() {
            let sqlite = $crate::harness::sqlite().await;
            let _dir = sqlite.dir.clone();
            ($body)(sqlite).await;
            if let Some(pg) = $crate::harness::postgres().await {
                ($body)(pg).await;
            }
        }
    };
}
