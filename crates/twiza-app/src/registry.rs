//! The beneficiary registry's use cases, shared by the API and the pages: a household with its
//! members checked and registered, households found, a member's record rectified with its
//! reason, a consent withdrawn, and household files read (CSV or Excel), checked in a dry run
//! and imported.

use crate::error::{Error, Result};
use twiza_domain::pmt::{parse_index, PmtModel};
use twiza_domain::registry::{
    check_members, parse_birth_date, ConsentPurpose, HouseholdInput, LivingConditions, NewConsent,
    NewHousehold, NewPerson, PersonInput,
};
use twiza_domain::registry_file::HouseholdFile;
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::text::parse_optional_text;
use twiza_domain::{FieldError, OrgRole, OrgScope, PlatformRole, UserId};
use twiza_store::{
    HouseholdPage, HouseholdRecord, HouseholdSearch, ImportOutcome, IndexValue, Mode,
    PersonalDataKeys, ReadScope, Reader, Store,
};

/// An index from the unified social registry, as typed.
pub struct IndexInput<'a> {
    pub value: &'a str,
    pub source: &'a str,
    pub effective_on: &'a str,
}

/// A household as submitted (a form or the API), before validation.
pub struct HouseholdFields<'a> {
    pub household: HouseholdInput<'a>,
    pub consent_purpose: &'a str,
    pub consent_legal_basis: &'a str,
    pub consent_channel: &'a str,
    pub members: Vec<PersonInput<'a>>,
    pub index: Option<IndexInput<'a>>,
}

/// Everything wrong with a submitted household: its own fields, and each member's (by position,
/// from 0). A CIN given twice is reported on the second member that carries it.
#[derive(Debug, Default)]
pub struct RecordErrors {
    pub household: Vec<FieldError>,
    pub members: Vec<(usize, FieldError)>,
}

impl RecordErrors {
    pub fn is_empty(&self) -> bool {
        self.household.is_empty() && self.members.is_empty()
    }
}

/// The API's answer: the household's errors, else the first erring member's.
impl From<RecordErrors> for Error {
    fn from(e: RecordErrors) -> Self {
        if !e.household.is_empty() {
            return Error::Invalid(e.household);
        }
        let first = e.members.first().map(|(i, _)| *i);
        Error::Invalid(
            e.members
                .into_iter()
                .filter(|(i, _)| Some(*i) == first)
                .map(|(_, f)| f)
                .collect(),
        )
    }
}

/// Checks a household with its members and consent; with no index given, the default
/// proxy-means-test model computes one. Every error is reported, not the first.
pub fn parse_household(
    input: &HouseholdFields<'_>,
    today: time::Date,
) -> Result<HouseholdRecord, RecordErrors> {
    let mut errors = RecordErrors::default();
    let household = NewHousehold::parse(&input.household)
        .map_err(|e| errors.household.extend(e))
        .ok();
    let consent = NewConsent::parse(
        input.consent_purpose,
        input.consent_legal_basis,
        input.consent_channel,
    )
    .map_err(|e| errors.household.push(e))
    .ok();
    let mut members = Vec::with_capacity(input.members.len());
    for (i, m) in input.members.iter().enumerate() {
        match NewPerson::parse(m, today) {
            Ok(p) => members.push(p),
            Err(e) => errors.members.extend(e.into_iter().map(|f| (i, f))),
        }
    }
    if errors.members.is_empty() {
        if let Err(e) = check_members(&members) {
            match repeated_cin(&members) {
                Some(i) if e.code == "cin_repeated" => errors.members.push((i, e)),
                _ => errors.household.push(e),
            }
        }
    }
    let index = match &input.index {
        Some(ix) => match parse_index_input(ix, today) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.household.push(e);
                None
            }
        },
        None => None,
    };
    match (household, consent) {
        (Some(household), Some(consent)) if errors.is_empty() => {
            let living = LivingConditions::default();
            let index = index.or_else(|| {
                IndexValue::from_model(
                    &PmtModel::default_model(),
                    household.area,
                    &members,
                    &living,
                    today,
                )
            });
            Ok(HouseholdRecord {
                household,
                members,
                living,
                incident_id: None,
                consent,
                index,
            })
        }
        _ => Err(errors),
    }
}

/// The position of the first member whose CIN an earlier member already carries.
fn repeated_cin(members: &[NewPerson]) -> Option<usize> {
    members.iter().enumerate().position(|(i, m)| {
        m.cin
            .as_deref()
            .is_some_and(|cin| members[..i].iter().any(|o| o.cin.as_deref() == Some(cin)))
    })
}

fn parse_index_input(ix: &IndexInput<'_>, today: time::Date) -> Result<IndexValue, FieldError> {
    let source = ix.source.trim();
    if source.is_empty() || source.len() > 40 {
        return Err(FieldError::new("source", "required"));
    }
    Ok(IndexValue {
        value: parse_index("value", ix.value)?,
        source: source.to_owned(),
        effective_on: parse_birth_date("effective_on", ix.effective_on, today)?,
    })
}

/// Registers a checked household in the association's registry: its id and reference.
pub async fn register(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    record: &HouseholdRecord,
) -> Result<(i64, String)> {
    Ok(store.register_household(scope, keys, record, by).await?)
}

/// [`register`], once per `creation_key`: the same form sent twice (a double tap, the back
/// button) answers the household the first one registered. A device's record gives its
/// `content_hash`: another content under its key is refused `idempotency_conflict`.
pub async fn register_once(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    record: &HouseholdRecord,
    creation_key: Option<&str>,
    content_hash: Option<&str>,
) -> Result<(i64, String)> {
    Ok(store
        .register_household_once(scope, keys, record, by, creation_key, content_hash)
        .await?)
}

/// Sensitive fields (disability) are for the roles that decide on aid.
pub fn may_read_sensitive(scope: &OrgScope) -> bool {
    matches!(
        scope.grant(),
        ScopeGrant::Member(OrgRole::Owner | OrgRole::Admin | OrgRole::Coordinator)
            | ScopeGrant::Platform(PlatformRole::PlatformAdmin)
    )
}

/// The roles that rectify records, withdraw consents and read the access log and the export.
pub fn keeps_registry(scope: &OrgScope) -> bool {
    may_read_sensitive(scope)
}

/// Why personal data is read (written to the access log): letters and `_`, at most 40; by
/// default `case_review`.
pub fn read_purpose(raw: Option<&str>) -> Result<String> {
    let p = raw.unwrap_or("case_review").trim();
    if p.is_empty() || p.len() > 40 || !p.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(FieldError::new("purpose", "validation").into());
    }
    Ok(p.to_owned())
}

/// How much of a household the scope reads on its page: identifiers and sensitive fields for
/// the roles that keep the registry, the rest for field agents.
pub fn page_read_scope(scope: &OrgScope) -> ReadScope {
    let keeps = keeps_registry(scope);
    ReadScope {
        identifiers: keeps,
        sensitive: keeps,
    }
}

/// A page of households matching `search`; each household listed goes to its access log.
pub async fn search(
    store: &Store,
    scope: &OrgScope,
    reader: UserId,
    search: &HouseholdSearch,
) -> Result<HouseholdPage> {
    Ok(store
        .search_households(
            scope,
            search,
            Reader {
                account: reader,
                purpose: "registry_search",
            },
        )
        .await?)
}

/// Longest reason for a rectification, in characters.
pub const MAX_REASON: usize = 500;

/// Checks why a record is corrected: required, at most [`MAX_REASON`] characters.
pub fn parse_reason(raw: &str) -> Result<String, FieldError> {
    parse_optional_text("reason", raw, MAX_REASON)?.ok_or(FieldError::new("reason", "required"))
}

/// Corrects a member's record (Law 09-08 right of rectification), recording which fields
/// changed and why. The corrected member passes the same checks as at registration, and may not
/// carry the CIN of another member of the household. Returns the fields that changed (none:
/// nothing written).
#[allow(clippy::too_many_arguments)]
pub async fn rectify(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    household: i64,
    person: i64,
    input: &PersonInput<'_>,
    reason: &str,
    today: time::Date,
) -> Result<Vec<&'static str>> {
    if !keeps_registry(scope) {
        return Err(Error::Forbidden);
    }
    let corrected = NewPerson::parse(input, today);
    let reason = parse_reason(reason);
    let (corrected, reason) = match (corrected, reason) {
        (Ok(c), Ok(r)) => (c, r),
        (c, r) => {
            let mut errors = c.err().unwrap_or_default();
            errors.extend(r.err());
            return Err(Error::Invalid(errors));
        }
    };
    if let Some(cin) = &corrected.cin {
        let others = store
            .household_members_with_cin(scope, keys, household, cin)
            .await?;
        if others.iter().any(|&p| p != person) {
            return Err(FieldError::new("cin", "cin_repeated").into());
        }
    }
    Ok(store
        .rectify_person(scope, keys, household, person, &corrected, &reason, by)
        .await?)
}

/// Withdraws a household's consent for a purpose; the consent stays on record, dated. A purpose
/// without a standing consent is refused (`consent_not_standing`).
pub async fn withdraw_consent(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    household: i64,
    purpose: &str,
) -> Result<()> {
    if !keeps_registry(scope) {
        return Err(Error::Forbidden);
    }
    let purpose =
        ConsentPurpose::parse(purpose.trim()).ok_or(FieldError::new("purpose", "validation"))?;
    let withdrawn = store
        .withdraw_consent(scope, household, purpose.as_str(), by)
        .await?;
    if withdrawn == 0 {
        return Err(FieldError::new("purpose", "consent_not_standing").into());
    }
    Ok(())
}

/// Largest household file accepted by upload (about 100,000 people); larger files go through
/// `twiza registry import`, which streams from disk.
pub const UPLOAD_LIMIT: usize = 16 * 1024 * 1024;
/// Largest CSV an uploaded workbook may unpack to (a few MiB of workbook describe far more).
const MAX_UNPACKED_BYTES: u64 = 128 * 1024 * 1024;

/// Whether bytes are an Excel workbook (`.xlsx`: a ZIP archive).
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether bytes can be a CSV file, by their content: no NUL byte near the start, and not one
/// of the binary formats people pick by mistake (PDF, images, the old `.xls`).
fn may_be_csv(bytes: &[u8]) -> bool {
    const BINARY: [&[u8]; 6] = [
        b"%PDF",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"\xD0\xCF\x11\xE0",
        b"\x1F\x8B",
    ];
    !bytes.is_empty()
        && !bytes[..bytes.len().min(8192)].contains(&0)
        && !BINARY.iter().any(|magic| bytes.starts_with(magic))
}

/// A household file as CSV: a workbook's first sheet converted (off the async threads), a CSV
/// file as it is. A file that is neither is refused on the field `file`
/// (`file_not_household_file`; a workbook that does not open: `file_unreadable`).
pub async fn file_as_csv(bytes: Vec<u8>) -> Result<Vec<u8>> {
    if is_workbook(&bytes) {
        return tokio::task::spawn_blocking(move || {
            let mut out = Vec::with_capacity(bytes.len() * 2);
            twiza_domain::registry_xlsx::first_sheet_to_csv(
                std::io::Cursor::new(bytes),
                &mut out,
                MAX_UNPACKED_BYTES,
            )
            .map(|()| out)
        })
        .await
        .map_err(|_| Error::Internal("the workbook reader stopped"))?
        .map_err(|_| FieldError::new("file", "file_unreadable").into());
    }
    if !may_be_csv(&bytes) {
        return Err(FieldError::new("file", "file_not_household_file").into());
    }
    Ok(bytes)
}

/// Reads a household file (CSV) once: `Mode::DryRun` checks every row and imports nothing;
/// `AllOrNothing` imports only a file without errors, `ValidOnly` its valid households — in one
/// transaction either way.
pub async fn import_file(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    csv: Vec<u8>,
    mode: Mode,
) -> Result<ImportOutcome> {
    let today = time::OffsetDateTime::now_utc().date();
    Ok(
        match HouseholdFile::open(std::io::Cursor::new(csv), today) {
            Ok(file) => store.import_households(scope, keys, file, by, mode).await?,
            Err(e) => twiza_store::refused_file(e),
        },
    )
}

/// Keeps an uploaded file (CSV or Excel) for its import after the dry run, and checks it: the
/// token naming the kept file and the dry run's report. A file that is not a household file is
/// refused and nothing is kept.
pub async fn upload_for_import(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    bytes: Vec<u8>,
) -> Result<(String, ImportOutcome)> {
    let csv = file_as_csv(bytes).await?;
    let token = store.keep_household_upload(scope, keys, by, &csv).await?;
    let report = import_file(store, keys, scope, by, csv, Mode::DryRun).await?;
    Ok((token, report))
}

/// The dry run of a kept file again (for its report page).
pub async fn dry_run_upload(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    token: &str,
) -> Result<ImportOutcome> {
    let csv = store.household_upload(scope, keys, token).await?;
    import_file(store, keys, scope, by, csv, Mode::DryRun).await
}

/// Imports a kept file (`AllOrNothing` or `ValidOnly`); the file is taken, so a second
/// confirmation finds nothing (`NotFound`).
pub async fn import_upload(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    token: &str,
    mode: Mode,
) -> Result<ImportOutcome> {
    if mode == Mode::DryRun {
        return Err(FieldError::new("mode", "validation").into());
    }
    let csv = store.take_household_upload(scope, keys, token).await?;
    import_file(store, keys, scope, by, csv, mode).await
}
