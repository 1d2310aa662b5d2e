//! Twiza's storage: one query layer over SQLite (embedded default) and PostgreSQL (production),
//! with the versioned migrations of both embedded in the binary.
//!
//! Queries are written once, in the SQL both engines accept (`$1` placeholders, `RETURNING`,
//! `BIGINT` Unix-second timestamps), and run through sqlx's `Any` driver. What differs between
//! the engines — connection setup, identity columns, blob types — stays in this module and in
//! the two migration folders.
//!
//! Tenant scoping: every function that touches one association's data takes an
//! [`twiza_domain::OrgScope`] and filters its queries on that organization id.

mod accounts;
mod administration;
mod alerts;
mod audit;
mod campaigns;
mod cash_transfers;
mod checkpoints;
mod crisis;
mod documents;
mod donation_listing;
mod duplicate_reviews;
mod field;
mod field_sync;
mod grievances;
mod iati;
mod ledger;
mod logged;
mod logistics;
mod lots;
mod mail_outbox;
mod members;
mod missions;
mod open_data;
mod openrosa;
mod organizations;
mod phone;
mod privacy;
mod programmes;
mod registry;
mod registry_import;
mod schema;
mod sealed;
mod sms_outbox;
mod volunteer_contracts;
mod volunteer_ground;
mod volunteers;

mod group_commit;
mod payments;
mod receipts;
mod sequencer;
mod tlog;

pub use accounts::{ApiTokenRow, Failures, SessionRow, User};
pub use administration::{
    Account, AccountChange, AccountsPage, AccountsQuery, UNUSABLE_PASSWORD_HASH,
};
pub use alerts::{
    AlertBroadcast, AlertRecipient, AudienceRow, BroadcastStates, NewBroadcast, PAGE as ALERT_PAGE,
};
pub use audit::AuditReport;
pub use campaigns::{
    Authorization, AuthorizationDecision, AuthorizationRequest, Campaign, RequestsIn,
};
pub use cash_transfers::{
    LineStatus, NewPaymentBatch, PayeeKind, PaymentBatch, PaymentBatchPage, PaymentFileLine,
    PaymentLineState, Reconciliation,
};
pub use checkpoints::{spawn_checkpointer, StoredCheckpoint, CHECKPOINT_INTERVAL};
pub use crisis::{
    ActivityRow, ActivitySummary, ContactRelease, Coverage, CoverageWarning, Douar, Incident,
    LoadedNeed, LoadedPledge, LocatedNeed, Need, NeedAssignment, NeedFilter, NeedIntake,
    NeedReport, Pledge, ReportedNeed, Reporter, RetryKey,
};
pub use documents::OrgDocument;
pub use donation_listing::{
    DonationChannel, DonationFilter, DonationPage, GiftKind, ListedDonation,
};
pub use duplicate_reviews::{DuplicatePair, MatchingRun, PairDecision, PairSide};
pub use field::{CommuneChange, FieldIncident, FieldNeed, AGENT_LIST};
pub use field_sync::{DeviceKey, SyncedRecord};
pub use grievances::{DecisionView, GrievanceFilter, GrievanceView, NewGrievance};
pub use iati::{DayTotal, IatiCampaign, IatiExpense, IatiProgramme, IatiPublication};
pub use ledger::{
    AccountBalance, CampaignReport, Expense, JournalFilter, JournalLine, Keyset, NewExpense,
    NewTransfer, StockBalance, Transfer, TrialBalance, REPORT_IN_KIND_LINES,
};
pub use logistics::{
    ConvoyLine, ConvoyOutline, DeliveryLine, Item, NewDelivery, ProofOutcome, StockLine,
};
pub use lots::{
    ApprovedExpense, DonationLot, InKindDonation, Lot, LotCount, LotDelivery, LotLine, LotLink,
    NeedToServe, Warehouse,
};
pub use mail_outbox::{DueMail, LinkHash, MailRecipient, MailRecord, NewMail};
pub use members::MembershipChange;
pub use missions::{
    ApplicationRow, Applied, Invitee, MissionSearch, MissionSummary, MissionView, MyApplication,
    NearMission, RankedCandidate, RankedCandidates, SeedVolunteer, ShiftInvitation, ShiftView,
    VolunteerFacts, MISSION_PAGE,
};
pub use open_data::{
    whole_days, DeliveryDay, DonationDay, ExpenseDay, OpenCampaign, OpenNeed, DAY_PAGE,
};
pub use openrosa::{NewSubmission, SeenSubmission};
pub use organizations::{DirectoryFilter, DirectoryPage, Invitation, Member, MembershipRow};
pub use payments::{GiftState, Raised, SealedIdentity};
pub use phone::{alert_phone_binding, AlertSubscription, Inbound, UssdStep};
pub use privacy::{
    donor_identity_binding, grievance_phone_binding, need_contact_binding, payee_binding,
    person_binding, volunteer_binding, OpenError, PersonalDataKeys,
};
pub use programmes::{CycleSummary, EntitlementRow, NewProgramme, ProgrammeView};
pub use receipts::DonationRecord;
pub use registry::{spawn_retention, RETENTION_CHECK, RETENTION_JOB};
pub use registry::{
    ExportedHousehold, HouseholdPage, HouseholdRecord, HouseholdSearch, HouseholdSummary,
    HouseholdView, IndexValue, JobRun, PersonView, ReadRecord, ReadScope, Reader, Rectification,
    Registration, SubjectConsent, SubjectDelivery, SubjectEntitlement, SubjectExport, SubjectIndex,
};
pub use registry_import::{refused_file, ImportOutcome, Mode};
pub use schema::SchemaFacts;
pub use sealed::{Resealed, SealedKind};
pub use sequencer::{
    receipt_secret, DonationAck, DonationRefused, NewDonation, PaymentOutcome, Sequencer,
    Settlement, SettlementAck, SettlementRefused,
};
pub use sms_outbox::{sms_binding, DueSms, NewSms, SmsRecord, SmsReport, REPORT_STATUSES};
pub use tlog::LogEntry;
pub use volunteer_contracts::{
    contract_start, source_refusal, AccreditationRef, ContractLine, ContractSource, ContractView,
    NewContract, RegisterRecord, CIN_MARK,
};
pub use volunteer_ground::{
    same_code, Announcement, BoardMessage, BoardRecipient, CertificateFacts, CertificateView,
    GroundShift, MyShift, NewCertificate, Recorder, Reminder, RosterLine, CHECKIN_OPENS_BEFORE,
};
pub use volunteers::{
    Erasure, ExportedApplication, ExportedAttendance, ExportedCertificate, ExportedContract,
    StoredAccreditation, VolunteerDocument, VolunteerExport, VolunteerProfile, VolunteerRead,
    CRIMINAL_RECORD,
};

use sqlx::any::{AnyPoolOptions, AnyQueryResult};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use std::time::Duration;
use time::OffsetDateTime;
use twiza_domain::Refusal;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// The database engine behind a [`Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The row-lock clause to end a `SELECT` that reads a row the same transaction will write
    /// on the strength of what it read (a status check, a log size): `" FOR UPDATE"` on
    /// PostgreSQL, where several `twiza serve` nodes write at once and must take turns on that
    /// row; nothing on SQLite, which has no row locks and whose single writer connection
    /// already serializes every writing transaction. This is the one place the rule is written.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        }
    }
}

/// A failure of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A rule refused the write (the refusal names the rule, never the value); nothing was
    /// written.
    #[error("refused: {0}")]
    Refused(Refusal),
    #[error("not found")]
    NotFound,
    #[error("unsupported database url (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(&'static str),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Connection settings.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Connections for reads (and, on PostgreSQL, writes).
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            max_connections: 16,
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

/// The handle every part of Twiza uses to reach the database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
    /// Reads.
    reader: AnyPool,
    /// Writes. On SQLite a single connection, so writers queue in the pool instead of failing
    /// with `SQLITE_BUSY` on lock upgrades; on PostgreSQL the same pool as `reader`.
    writer: AnyPool,
}

impl Store {
    /// Connects to `sqlite://…` or `postgres://…`. Does not migrate.
    pub async fn connect(url: &str, options: &StoreOptions) -> Result<Store> {
        sqlx::any::install_default_drivers();
        if url.starts_with("sqlite:") {
            let reader = sqlite_pool(url, options.max_connections.max(2), options).await?;
            let writer = sqlite_pool(url, 1, options).await?;
            Ok(Store {
                backend: Backend::Sqlite,
                reader,
                writer,
            })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool = AnyPoolOptions::new()
                .max_connections(options.max_connections)
                .acquire_timeout(options.acquire_timeout)
                .connect(url)
                .await?;
            Ok(Store {
                backend: Backend::Postgres,
                reader: pool.clone(),
                writer: pool,
            })
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    /// Applies the embedded migrations that have not run yet.
    pub async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.writer).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.writer).await?,
        }
        Ok(())
    }

    /// Whether the database holds Twiza's tables (its migrations were run), without creating
    /// anything.
    pub async fn is_initialized(&self) -> Result<bool> {
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT CAST(COUNT(*) AS BIGINT) FROM sqlite_master \
                 WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT CAST(COUNT(*) AS BIGINT) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
            }
        };
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&self.reader).await?;
        Ok(n > 0)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (readiness probe).
    pub async fn ping(&self) -> Result<()> {
        self.reader.execute("SELECT 1").await?;
        Ok(())
    }

    /// Runs one statement outside any transaction (administrative use: tests, benchmarks).
    pub async fn execute_raw(&self, sql: &str) -> Result<()> {
        self.writer.execute(sql).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }

    pub(crate) fn reader(&self) -> &AnyPool {
        &self.reader
    }

    pub(crate) fn writer(&self) -> &AnyPool {
        &self.writer
    }
}

async fn sqlite_pool(url: &str, max: u32, options: &StoreOptions) -> Result<AnyPool> {
    let url = if url.contains('?') {
        url.to_owned()
    } else {
        format!("{url}?mode=rwc")
    };
    let pool = AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(options.acquire_timeout)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                // WAL lets readers run beside the writer; synchronous=FULL makes a commit
                // durable before it is acknowledged, even on power loss. `journal_mode`
                // returns a row: it is read to the end so no statement stays open on the
                // connection (an open statement would pin an old snapshot).
                sqlx::query("PRAGMA journal_mode = WAL")
                    .fetch_all(&mut *conn)
                    .await?;
                for pragma in [
                    "PRAGMA synchronous = FULL",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA busy_timeout = 10000",
                    // A multi-row INSERT inside a transaction keeps a statement journal to undo
                    // itself alone; in memory it costs no file writes.
                    "PRAGMA temp_store = MEMORY",
                    // Checkpoints every 16 MiB of WAL rather than 4: the pages appends rewrite on
                    // every commit (the right edges of the trees) are copied back less often.
                    "PRAGMA wal_autocheckpoint = 4000",
                ] {
                    sqlx::query(pragma).fetch_all(&mut *conn).await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await?;
    Ok(pool)
}

/// Splits `items` into chunks of a few fixed sizes (256, 64, 16, 4, 1), largest first. Multi-row
/// statements then come in at most five shapes, so each is prepared once and cached, instead of
/// once per batch length.
pub(crate) fn fixed_chunks<T>(mut items: &[T]) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        let size = [256, 64, 16, 4, 1]
            .into_iter()
            .find(|s| *s <= items.len())?;
        let (chunk, rest) = items.split_at(size);
        items = rest;
        Some(chunk)
    })
}

/// Column types of a JSON-batched insert.
#[derive(Clone, Copy)]
pub(crate) enum Col {
    Int,
    Text,
    /// Hex in the JSON.
    Blob,
    /// A BLOB whose bytes are UTF-8 text (a leaf's canonical JSON): a JSON string, cheaper to
    /// write and read than hex.
    TextBlob,
}

/// `INSERT INTO table (cols) SELECT … FROM <the JSON array in $1>`: one bound parameter for a
/// whole batch of rows (each row a JSON array), instead of one per value — binding thousands of
/// `$N` parameters costs SQLite a name lookup per parameter that grows with their number.
pub(crate) fn json_insert(backend: Backend, table: &str, columns: &[(&str, Col)]) -> String {
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let values: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, (_, ty))| match (backend, ty) {
            (Backend::Sqlite, Col::Int | Col::Text) => format!("value->>{i}"),
            (Backend::Sqlite, Col::Blob) => format!("unhex(value->>{i})"),
            (Backend::Sqlite, Col::TextBlob) => format!("CAST(value->>{i} AS BLOB)"),
            (Backend::Postgres, Col::Int) => format!("(value->>{i})::bigint"),
            (Backend::Postgres, Col::Text) => format!("value->>{i}"),
            (Backend::Postgres, Col::Blob) => format!("decode(value->>{i}, 'hex')"),
            (Backend::Postgres, Col::TextBlob) => format!("convert_to(value->>{i}, 'UTF8')"),
        })
        .collect();
    let source = match backend {
        Backend::Sqlite => "json_each($1)",
        Backend::Postgres => "json_array_elements($1::json) AS rows(value)",
    };
    // `WHERE true` keeps SQLite from reading a following ON CONFLICT as part of the SELECT.
    format!(
        "INSERT INTO {table} ({}) SELECT {} FROM {source} WHERE true",
        names.join(", "),
        values.join(", ")
    )
}

/// The engine behind a connection.
pub(crate) fn backend_of(conn: &sqlx::AnyConnection) -> Backend {
    if conn.backend_name().eq_ignore_ascii_case("postgresql") {
        Backend::Postgres
    } else {
        Backend::Sqlite
    }
}

/// `($1, $2, …), (…)`: the VALUES placeholders of a multi-row INSERT of `rows` rows of `columns`.
pub(crate) fn values_placeholders(rows: usize, columns: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 6);
    for r in 0..rows {
        if r > 0 {
            sql.push(',');
        }
        sql.push('(');
        for c in 1..=columns {
            if c > 1 {
                sql.push(',');
            }
            sql.push('$');
            sql.push_str(&(r * columns + c).to_string());
        }
        sql.push(')');
    }
    sql
}

/// Current time as stored: Unix seconds.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

pub(crate) fn to_datetime(secs: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(secs).map_err(|_| StoreError::Corrupt("timestamp"))
}

/// Maps a unique-constraint violation to [`StoreError::Refused`] with `refusal`.
pub(crate) fn refuse_on_unique(refusal: Refusal) -> impl Fn(sqlx::Error) -> StoreError {
    move |e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Refused(refusal),
        _ => StoreError::Database(e),
    }
}

pub(crate) fn expect_one(result: AnyQueryResult) -> Result<()> {
    if result.rows_affected() == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
