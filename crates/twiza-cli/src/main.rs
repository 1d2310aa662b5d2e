//! The `twiza` binary: serve, migrate, demo, administration and benchmarks.
//!
//! Errors here are `anyhow` (the CLI's error policy): they are reported once, at the top, and the
//! process exits non-zero.

mod bench;
mod config;
mod demo;
mod keys;
mod link;
mod logcmd;
mod registry;
mod serve;
mod sms_config;

use clap::{Parser, Subcommand};
use config::{Config, GlobalArgs};
use secrecy::ExposeSecret;
use twiza_store::{Store, StoreOptions};

/// mimalloc instead of the C library's allocator: a request allocates and frees many small
/// buffers across threads, where glibc's malloc spent a fifth of the server's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "twiza",
    version,
    about = "Twiza: the open platform for social solidarity in Morocco"
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the web server (applies pending migrations first).
    Serve,
    /// Applies pending database migrations.
    Migrate,
    /// Serves a fresh database seeded with the Al Haouz earthquake scenario.
    Demo {
        /// Sends e-mail by plain SMTP to this server on this machine (`127.0.0.1:2525`)
        /// instead of only logging that it went out.
        #[arg(long, value_name = "HOST:PORT")]
        smtp: Option<String>,
    },
    /// Administrative tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Creates the transparency log's signing key (if missing) and prints its verifier key.
    Keygen,
    /// The transparency log: audit the database against it, verify a server and a receipt.
    Log {
        #[command(subcommand)]
        command: logcmd::LogCommand,
    },
    /// Record linkage: deduplicate a CSV list of people, generate a test list.
    Link {
        #[command(subcommand)]
        command: link::LinkCommand,
    },
    /// The beneficiary registry: import household files, rotate the personal-data key.
    Registry {
        #[command(subcommand)]
        command: registry::RegistryCommand,
    },
    /// Benchmarks (see README, Performance).
    Bench {
        #[command(subcommand)]
        command: bench::BenchCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Creates an account.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password: String,
        /// Display name (defaults to the part of the e-mail before @).
        #[arg(long)]
        name: Option<String>,
        /// Makes the account a platform administrator.
        #[arg(long)]
        platform_admin: bool,
    },
    /// Gives an existing account the authority role with its competence under Law 18-18 (the
    /// territory whose fundraising authorizations it decides), replacing any platform role.
    SetAuthority {
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        /// `province` (a governor), `region` (a wali), `national` (the Secretary-General of the
        /// Government) or `abroad` (Foreign Affairs).
        #[arg(long)]
        competence: String,
        /// HCP code of the province or prefecture (e.g. `07.041`, Al Haouz) or of the region
        /// (e.g. `07`, Marrakech-Safi); none for national and abroad.
        #[arg(long)]
        code: Option<String>,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::load(&cli.global)?;
    // Benchmarks log warnings only: a line per request would be part of what they measure.
    serve::init_tracing(if matches!(cli.command, Command::Bench { .. }) {
        "warn"
    } else {
        "info,sqlx=warn"
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(cli.command, config))
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => serve::serve(config).await,
        Command::Migrate => {
            let store = connect(&config).await?;
            store.migrate().await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Demo { smtp } => {
            let mut config = config;
            config.email = match smtp {
                Some(address) => config::Email::demo_smtp(&address)?,
                None => config::Email::demo_log(),
            };
            demo::run(config).await
        }
        Command::Admin { command } => match command {
            AdminCommand::CreateUser {
                email,
                password,
                name,
                platform_admin,
            } => {
                let store = connect(&config).await?;
                store.migrate().await?;
                let role = platform_admin.then_some(twiza_domain::PlatformRole::PlatformAdmin);
                let id =
                    demo::create_user(&store, &email, &password, name.as_deref(), role).await?;
                println!("created user {id}");
                Ok(())
            }
            AdminCommand::SetAuthority {
                email,
                competence,
                code,
            } => set_authority(&config, &email, &competence, code.as_deref()).await,
        },
        Command::Keygen => logcmd::keygen(&config),
        Command::Log { command } => logcmd::run(command, config).await,
        Command::Link { command } => link::run(command),
        Command::Registry { command } => registry::run(command, config).await,
        Command::Bench { command } => bench::run(command, config).await,
    }
}

/// `twiza admin set-authority`: makes the account with `email` an authority with its competence,
/// through the same use case as the platform admin's pages (so the change is recorded).
async fn set_authority(
    config: &Config,
    email: &str,
    competence: &str,
    code: Option<&str>,
) -> anyhow::Result<()> {
    let competence =
        twiza_domain::competence::Competence::parse(competence, code).map_err(|e| {
            anyhow::anyhow!(
                "invalid --{}: {} (province or region with its HCP code in --code; national or \
             abroad without one)",
                e.field.replace('_', "-"),
                e.code
            )
        })?;
    let email = twiza_domain::account::Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let store = open_existing(config).await?;
    store.migrate().await?;
    let user = store
        .user_by_email(email.as_str())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account has this e-mail"))?;
    let grant = twiza_domain::account::PlatformGrant::Authority(competence.clone());
    twiza_app::administration::change_platform_role(
        &store,
        twiza_app::administration::Administrator::CommandLine,
        user.id,
        Some(&grant),
    )
    .await
    .map_err(|e| anyhow::anyhow!("the role was not given: {e}"))?;
    let territory = competence
        .code()
        .map(|code| format!(" {code}"))
        .unwrap_or_default();
    println!(
        "user {} is now an authority ({}): {}{territory}",
        user.id.0,
        competence.authority().as_str(),
        competence.kind().as_str()
    );
    Ok(())
}

/// Connects to the configured database (creating the data directory for SQLite).
/// Opens the configured database for a command that reads or changes what is in it. A database
/// without Twiza's tables — a new data directory, a mistyped path — is refused in one line that
/// says what to do, before anything is created.
pub async fn open_existing(config: &Config) -> anyhow::Result<Store> {
    if !config.has_database_url() && !config.data_dir.join("twiza.db").exists() {
        anyhow::bail!("{}", config.no_database_here());
    }
    let store = connect(config).await?;
    if !store.is_initialized().await? {
        anyhow::bail!("{}", config.no_database_here());
    }
    Ok(store)
}

pub async fn connect(config: &Config) -> anyhow::Result<Store> {
    let url = config.database_url()?;
    let options = StoreOptions {
        max_connections: config.max_connections,
        ..Default::default()
    };
    let store = Store::connect(url.expose_secret(), &options).await?;
    Ok(store)
}
