//! `twiza demo`: a fresh database seeded with an Al Haouz earthquake scenario — verified
//! associations in real communes of Al Haouz, Chichaoua and Taroudant, one pending and one
//! rejected, one account per role, authorities with their competence (the governor of Al Haouz,
//! the wali of Marrakech-Safi, the Secretary-General of the Government), and campaigns with
//! hundreds of logged donations (see `campaigns`) — served at once. Logins are printed and
//! written to `<data-dir>/demo-logins.json`, each authority's with its competence.

pub mod campaigns;
pub mod crisis;
pub mod registry;
pub mod volunteering;

use crate::config::{sqlite_url, Config, DEMO_DATABASE};
use anyhow::{bail, Context};
use rand::distributions::{Alphanumeric, DistString};
use secrecy::ExposeSecret;
use serde::Serialize;
use twiza_domain::account::{Email, NewPassword};
use twiza_domain::competence::Competence;
use twiza_domain::organization::{NewOrganization, OrganizationInput, Seat, VerificationDecision};
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole, UserId};
use twiza_store::{Store, StoreOptions};

/// One line of `demo-logins.json`.
#[derive(Debug, Serialize)]
pub struct DemoLogin {
    pub email: String,
    pub password: String,
    pub role: String,
    pub organization_id: Option<i64>,
    /// An authority's competence; absent for other accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competence: Option<DemoCompetence>,
}

/// An authority's competence as the logins file shows it.
#[derive(Debug, Serialize)]
pub struct DemoCompetence {
    /// `province`, `region`, `national` or `abroad`.
    pub kind: &'static str,
    /// HCP code of the province or region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `governor`, `wali`, `secretary_general_of_government` or `foreign_affairs`.
    pub authority: &'static str,
    /// The territory's French name.
    pub name: String,
}

impl DemoCompetence {
    fn of(c: &Competence) -> DemoCompetence {
        let geo = twiza_geo::geo();
        let name = match c {
            Competence::Province(p) => geo.province(p).map(|p| p.name_fr.clone()),
            Competence::Region(r) => geo.region(r).map(|r| r.name_fr.clone()),
            Competence::National => Some("Maroc".to_owned()),
            Competence::Abroad => Some("Étranger".to_owned()),
        };
        DemoCompetence {
            kind: c.kind().as_str(),
            code: c.code().map(str::to_owned),
            authority: c.authority().as_str(),
            name: name.unwrap_or_default(),
        }
    }

    /// `governor of Al Haouz (province 07.041)`, for the printed list.
    fn describe(&self) -> String {
        let authority = self.authority.replace('_', " ");
        match &self.code {
            Some(code) => format!("{authority} of {} ({} {code})", self.name, self.kind),
            None => format!("{authority} ({})", self.kind),
        }
    }
}

/// The demo's authorities: e-mail, display name, competence (kind, code). Each has exactly one
/// authorization request waiting in its competence (see `campaigns`).
const AUTHORITIES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "governor-al-haouz@demo.twiza.ma",
        "Gouverneur de la province d'Al Haouz (demo)",
        "province",
        Some("07.041"),
    ),
    (
        "wali-marrakech-safi@demo.twiza.ma",
        "Wali de la région Marrakech-Safi (demo)",
        "region",
        Some("07"),
    ),
    (
        "sgg@demo.twiza.ma",
        "Secrétariat général du gouvernement (demo)",
        "national",
        None,
    ),
];

/// The demo's authorities, each with its competence.
pub struct DemoAuthorities(pub Vec<(Competence, UserId)>);

impl DemoAuthorities {
    /// The authority whose competence decides campaigns of `scope`.
    pub fn for_scope(&self, scope: twiza_domain::campaign::CampaignScope) -> Option<UserId> {
        self.0
            .iter()
            .find(|(c, _)| c.kind().scope() == scope)
            .map(|(_, id)| *id)
    }
}

pub async fn run(mut config: Config) -> anyhow::Result<()> {
    // The demo takes gifts through the simulator, and its pages say that no money moves.
    config.payments = crate::config::Payments::Simulated;
    let url = if config.has_database_url() {
        config.database_url()?.expose_secret().to_owned()
    } else {
        for suffix in ["", "-wal", "-shm"] {
            let path = config.data_dir.join(format!("{DEMO_DATABASE}{suffix}"));
            if path.exists() {
                std::fs::remove_file(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
            }
        }
        sqlite_url(&config.data_dir, DEMO_DATABASE)?
    };
    let store = Store::connect(&url, &StoreOptions::default()).await?;
    store.migrate().await?;
    if store
        .user_with_password("platform-admin@demo.twiza.ma")
        .await?
        .is_some()
    {
        bail!("this database already holds the demo; give `twiza demo` a fresh database");
    }
    // Feature phones reach the demo's USSD menus from this machine.
    config.ussd = Some(twiza_web::channels::UssdSetting {
        service_code: DEMO_USSD_CODE.to_owned(),
        allowed_addresses: vec![[127, 0, 0, 1].into(), std::net::Ipv6Addr::LOCALHOST.into()],
        secret: None,
    });
    let web = config.web()?;
    let sequencer = twiza_store::Sequencer::start(store.clone(), web.receipt_key);
    let logins = seed(&store, &sequencer, &web.personal_data).await?;
    std::fs::create_dir_all(&config.data_dir)?;
    let logins_path = config.data_dir.join("demo-logins.json");
    std::fs::write(&logins_path, serde_json::to_vec_pretty(&logins)?)?;

    println!("Twiza demo: http://{}/", config.listen);
    println!("Demo logins (also in {}):", logins_path.display());
    for l in &logins {
        let competence = l
            .competence
            .as_ref()
            .map(|c| format!("  {}", c.describe()))
            .unwrap_or_default();
        println!(
            "  {:<16} {:<36} {}{competence}",
            l.role, l.email, l.password
        );
    }
    if !config.has_database_url() {
        // `twiza demo` starts afresh each time; this serves the same data again.
        println!(
            "After a restart, serve this demo again with: twiza serve --data-dir {} --database-url {url}",
            config.data_dir.display()
        );
    }
    // Nothing is sent: each text message lands whole in this file, the demo's stand-in for
    // the families' phones (delivery codes are masked in the server's log). A configured
    // `[sms]` gateway (Kannel in CI) is kept.
    let phone = config.data_dir.join("demo-phone.jsonl");
    let sms = twiza_web::sms::LogOnlySms::with_phone_file(&phone)
        .with_context(|| format!("creating {}", phone.display()))?;
    let channels_path = enable_demo_channels(&mut config)?;
    if config
        .sms
        .as_ref()
        .is_some_and(|s| matches!(s.outbound, crate::sms_config::Outbound::Log))
    {
        println!(
            "Text messages are not sent in the demo: they arrive in {}",
            phone.display()
        );
    }
    println!(
        "The SMS webhook (Twilio-compatible) listens at /channels/sms/twilio; its auth token is in {}",
        channels_path.display()
    );
    println!(
        "USSD: POST /channels/ussd/africastalking with serviceCode={DEMO_USSD_CODE} (also in {})",
        channels_path.display()
    );
    crate::serve::run_server(store, &config, None, Some(std::sync::Arc::new(sms))).await
}

/// Turns on the demo's SMS channels: the Twilio-compatible webhook with a fresh random auth
/// token (unless one is configured), and the log-only gateway (unless `[sms]` names one).
/// Writes the token and the USSD service code to `<data-dir>/demo-channels.json` as a JSON
/// object, and returns its path.
fn enable_demo_channels(config: &mut Config) -> anyhow::Result<std::path::PathBuf> {
    let site = config.mail_base_url();
    let sms = config.sms.get_or_insert_with(|| {
        crate::sms_config::Sms::demo(
            &site,
            Alphanumeric.sample_string(&mut rand::thread_rng(), 32),
        )
    });
    let token = sms
        .channels
        .twilio_auth_token
        .get_or_insert_with(|| Alphanumeric.sample_string(&mut rand::thread_rng(), 32))
        .clone();
    let ussd = config.ussd.as_ref().map(|u| u.service_code.as_str());
    write_demo_channels(&config.data_dir, &token, ussd)
}

/// Writes `<data-dir>/demo-channels.json`: the Twilio-compatible webhook's auth token and, when
/// USSD is on, its service code.
fn write_demo_channels(
    data_dir: &std::path::Path,
    twilio_auth_token: &str,
    ussd_service_code: Option<&str>,
) -> anyhow::Result<std::path::PathBuf> {
    let path = data_dir.join("demo-channels.json");
    let mut channels = serde_json::Map::new();
    channels.insert("twilio_auth_token".to_owned(), twilio_auth_token.into());
    if let Some(code) = ussd_service_code {
        channels.insert("ussd_service_code".to_owned(), code.into());
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&channels)?)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// The USSD service code of the demo.
pub const DEMO_USSD_CODE: &str = "*1212#";

/// Creates an account with an argon2id-hashed password.
pub async fn create_user(
    store: &Store,
    email: &str,
    password: &str,
    name: Option<&str>,
    role: Option<PlatformRole>,
) -> anyhow::Result<UserId> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = NewPassword::parse(password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let name = name.map(str::to_owned).unwrap_or_else(|| {
        email
            .as_str()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned()
    });
    let hash = twiza_app::accounts::hash_password(password.expose().to_owned()).await?;
    match store.create_user(email.as_str(), &hash, &name, role).await {
        Err(twiza_store::StoreError::Refused(twiza_domain::Refusal::EmailTaken)) => {
            bail!("an account with this e-mail already exists")
        }
        other => Ok(other?),
    }
}

/// An association of the scenario.
struct DemoOrg {
    name_ar: &'static str,
    name_fr: &'static str,
    name_zgh: &'static str,
    number: &'static str,
    date: &'static str,
    province_fr: &'static str,
    commune_fr: &'static str,
    domains: &'static [&'static str],
    phone: &'static str,
    description: &'static str,
}

const ORGS: &[DemoOrg] = &[
    DemoOrg {
        name_ar: "جمعية تويزي أسني للتنمية",
        name_fr: "Association Tiwizi Asni pour le développement",
        name_zgh: "ⵜⴰⵎⵓⵏⵜ ⵜⵡⵉⵣⵉ ⴰⵙⵏⵉ",
        number: "12/2009",
        date: "2009-05-14",
        province_fr: "Al Haouz",
        commune_fr: "Asni",
        domains: &["relief", "housing", "rural"],
        phone: "0524 48 12 30",
        description:
            "Reconstruction et aide d'urgence dans les douars de la vallée de l'Ourika et d'Asni.",
    },
    DemoOrg {
        name_ar: "جمعية الأطلس للتضامن أمزميز",
        name_fr: "Association Atlas Solidarité Amizmiz",
        name_zgh: "",
        number: "7/2015",
        date: "2015-09-02",
        province_fr: "Al Haouz",
        commune_fr: "Amizmiz",
        domains: &["relief", "health", "water"],
        phone: "0661 23 45 67",
        description: "Caravanes médicales et distribution d'eau potable.",
    },
    DemoOrg {
        name_ar: "جمعية الأمل تلات نيعقوب",
        name_fr: "Association Amal Talat N'Yaacoub",
        name_zgh: "ⵜⴰⵎⵓⵏⵜ ⴰⵎⴰⵍ",
        number: "3/2012",
        date: "2012-02-20",
        province_fr: "Al Haouz",
        commune_fr: "Talat N'yaaqoub",
        domains: &["children", "education"],
        phone: "",
        description: "Soutien scolaire et écoles temporaires sous tente.",
    },
    DemoOrg {
        name_ar: "جمعية نساء ويركان",
        name_fr: "Association des femmes d'Ouirgane",
        name_zgh: "",
        number: "21/2018",
        date: "2018-11-08",
        province_fr: "Al Haouz",
        commune_fr: "Ouirgane",
        domains: &["women", "income"],
        phone: "0662 98 76 54",
        description:
            "Coopérative de couscous et d'huile d'argan, activités génératrices de revenus.",
    },
    DemoOrg {
        name_ar: "جمعية أداسيل للماء والبيئة",
        name_fr: "Association Adassil pour l'eau et l'environnement",
        name_zgh: "",
        number: "5/2011",
        date: "2011-06-30",
        province_fr: "Chichaoua",
        commune_fr: "Adassil",
        domains: &["water", "environment"],
        phone: "",
        description: "Adduction d'eau et réhabilitation des seguias.",
    },
    DemoOrg {
        name_ar: "جمعية تافنكولت للتعاون",
        name_fr: "Association Tafingoult Entraide",
        name_zgh: "",
        number: "9/2016",
        date: "2016-03-17",
        province_fr: "Taroudannt",
        commune_fr: "Tafingoult",
        domains: &["relief", "food"],
        phone: "0528 55 10 10",
        description: "Paniers alimentaires et couvertures pour les familles sinistrées.",
    },
    DemoOrg {
        name_ar: "جمعية شباب إجوكاك",
        name_fr: "Association Jeunesse Ijoukak",
        name_zgh: "",
        number: "2/2023",
        date: "2023-01-10",
        province_fr: "Al Haouz",
        commune_fr: "Ijoukak",
        domains: &["youth", "relief"],
        phone: "",
        description: "Bénévoles pour le déblaiement et l'animation des enfants.",
    },
    DemoOrg {
        name_ar: "جمعية جمع التبرعات السريعة",
        name_fr: "Collecte Séisme Express",
        name_zgh: "",
        number: "99/2023",
        date: "2023-09-09",
        province_fr: "Al Haouz",
        commune_fr: "Tahannaout",
        domains: &["relief"],
        phone: "",
        description: "Collecte en ligne.",
    },
];

/// Finds a commune by French name inside a province named in French.
pub fn seat_of(province_fr: &str, commune_fr: &str) -> anyhow::Result<Seat> {
    let geo = twiza_geo::geo();
    let norm = twiza_geo::normalize_for_search;
    let province = geo
        .provinces()
        .iter()
        .find(|p| norm(&p.name_fr).contains(&norm(province_fr)))
        .with_context(|| format!("province {province_fr} not in the reference data"))?;
    let commune = geo
        .communes_of(&province.code)
        .into_iter()
        .find(|c| norm(&c.name_fr) == norm(commune_fr))
        .or_else(|| {
            geo.communes_of(&province.code)
                .into_iter()
                .find(|c| norm(&c.name_fr).contains(&norm(commune_fr)))
        })
        .with_context(|| format!("commune {commune_fr} not found in {province_fr}"))?;
    Ok(Seat {
        region_code: province.region_code.as_str().to_owned(),
        province_code: province.code.as_str().to_owned(),
        commune_code: commune.code.as_str().to_owned(),
    })
}

fn new_org(o: &DemoOrg) -> anyhow::Result<NewOrganization> {
    let domains: Vec<String> = o.domains.iter().map(|d| (*d).to_owned()).collect();
    let input = OrganizationInput {
        name_ar: o.name_ar,
        name_fr: o.name_fr,
        name_zgh: o.name_zgh,
        declaration_number: o.number,
        declaration_date: o.date,
        domains: &domains,
        phone: o.phone,
        description: o.description,
        ..Default::default()
    };
    let today = time::OffsetDateTime::now_utc().date();
    NewOrganization::parse(&input, Ok(seat_of(o.province_fr, o.commune_fr)?), today)
        .map_err(|e| anyhow::anyhow!("demo association {} invalid: {e:?}", o.name_fr))
}

fn password() -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), 16)
}

/// Seeds the scenario; returns the logins of one account per role.
pub async fn seed(
    store: &Store,
    sequencer: &twiza_store::Sequencer,
    personal_data: &twiza_store::PersonalDataKeys,
) -> anyhow::Result<Vec<DemoLogin>> {
    let mut logins = Vec::new();
    let mut platform = Vec::new();
    for role in PlatformRole::ALL
        .into_iter()
        .filter(|r| *r != PlatformRole::Authority)
    {
        let email = format!("{}@demo.twiza.ma", role.as_str().replace('_', "-"));
        let pw = password();
        let id = create_user(
            store,
            &email,
            &pw,
            Some(&display_name(role.as_str())),
            Some(role),
        )
        .await?;
        platform.push((role, id));
        logins.push(DemoLogin {
            email,
            password: pw,
            role: role.as_str().to_owned(),
            organization_id: None,
            competence: None,
        });
    }
    let admin = platform
        .iter()
        .find(|(r, _)| *r == PlatformRole::PlatformAdmin)
        .map(|(_, id)| *id)
        .context("platform admin")?;

    let mut authorities = Vec::new();
    for (email, name, kind, code) in AUTHORITIES {
        let competence = Competence::parse(kind, *code)
            .map_err(|e| anyhow::anyhow!("demo competence {kind}: {e}"))?;
        let pw = password();
        let id = create_user(store, email, &pw, Some(name), Some(PlatformRole::Authority)).await?;
        store
            .set_authority_competence(id, &competence, Some(admin))
            .await?;
        logins.push(DemoLogin {
            email: (*email).to_owned(),
            password: pw,
            role: PlatformRole::Authority.as_str().to_owned(),
            organization_id: None,
            competence: Some(DemoCompetence::of(&competence)),
        });
        authorities.push((competence, id));
    }
    let authorities = DemoAuthorities(authorities);
    // The wali of Marrakech-Safi, the region the earthquake hit, declares the incident.
    let authority = authorities
        .for_scope(twiza_domain::campaign::CampaignScope::Regional)
        .context("the wali")?;

    let mut org_ids: Vec<OrgId> = Vec::new();
    let mut owners: Vec<UserId> = Vec::new();
    for (i, o) in ORGS.iter().enumerate() {
        let owner_email = if i == 0 {
            "owner@demo.twiza.ma".to_owned()
        } else {
            format!("owner{}@demo.twiza.ma", i + 1)
        };
        let pw = password();
        let owner = create_user(
            store,
            &owner_email,
            &pw,
            Some(&format!(
                "{} {}",
                o.name_fr.split_whitespace().last().unwrap_or("Twiza"),
                i + 1
            )),
            None,
        )
        .await?;
        let new = new_org(o)?;
        let search = twiza_domain::organization::search_text(&new);
        let id = store.create_organization(&new, &search, owner).await?;
        match i {
            6 => {}
            7 => {
                let reason =
                    "Récépissé de déclaration introuvable auprès de l'autorité locale.".to_owned();
                store
                    .decide_verification(id, &VerificationDecision::Reject { reason }, admin)
                    .await?;
            }
            _ => {
                store
                    .decide_verification(id, &VerificationDecision::Verify, admin)
                    .await?
            }
        }
        // The main association's owner, and the second one's: an association verified but
        // without an accreditation for contractual volunteering.
        if i <= 1 {
            logins.push(DemoLogin {
                email: owner_email,
                password: pw,
                role: OrgRole::Owner.as_str().to_owned(),
                organization_id: Some(id.0),
                competence: None,
            });
        }
        org_ids.push(id);
        owners.push(owner);
    }
    let main_org = *org_ids.first().context("demo associations")?;
    let scope = OrgScope::for_member(main_org, OrgRole::Owner);
    let mut treasurer = None;
    let mut coordinator = None;
    for role in OrgRole::ALL.into_iter().filter(|r| *r != OrgRole::Owner) {
        let email = format!("{}@demo.twiza.ma", role.as_str().replace('_', "-"));
        let pw = password();
        let id = create_user(store, &email, &pw, Some(&display_name(role.as_str())), None).await?;
        store.add_member(&scope, id, role).await?;
        if role == OrgRole::Treasurer {
            treasurer = Some(id);
        }
        if role == OrgRole::Coordinator {
            coordinator = Some(id);
        }
        logins.push(DemoLogin {
            email,
            password: pw,
            role: role.as_str().to_owned(),
            organization_id: Some(main_org.0),
            competence: None,
        });
    }
    let treasurer = treasurer.context("treasurer")?;
    crate::demo::campaigns::seed(store, sequencer, &org_ids, &owners, &authorities, treasurer)
        .await?;
    let incident =
        crate::demo::crisis::seed(store, &org_ids, &owners, authority, personal_data).await?;
    crate::demo::registry::seed(
        store,
        personal_data,
        main_org,
        coordinator.context("coordinator")?,
        treasurer,
        incident,
    )
    .await?;
    let main_owner = *owners.first().context("demo owner")?;
    crate::demo::volunteering::seed(store, personal_data, main_org, main_owner).await?;
    // Every verified association publishes its IATI activity file, with what it has.
    for (org, owner) in org_ids.iter().zip(&owners) {
        let scope = OrgScope::for_member(*org, OrgRole::Owner);
        match twiza_app::iati::publish(store, &scope, *owner).await {
            Ok(_) => {}
            Err(twiza_app::Error::Refused(twiza_domain::Refusal::OrganizationNotVerified)) => {}
            Err(e) => return Err(anyhow::anyhow!("demo IATI file: {e}")),
        }
    }
    Ok(logins)
}

fn display_name(role: &str) -> String {
    let mut name: String = role.replace('_', " ");
    if let Some(first) = name.get(0..1) {
        name = first.to_uppercase() + &name[1..];
    }
    format!("{name} (demo)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_channels_file_names_the_token_and_the_ussd_code() {
        let dir = tempfile::tempdir().expect("dir");
        let path = write_demo_channels(dir.path(), "tok", Some(DEMO_USSD_CODE)).expect("write");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"twilio_auth_token": "tok", "ussd_service_code": "*1212#"})
        );
        // Without USSD, the file holds the token alone (a second run replaces the first).
        write_demo_channels(dir.path(), "tok2", None).expect("write");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        assert_eq!(json, serde_json::json!({"twilio_auth_token": "tok2"}));
    }
}
