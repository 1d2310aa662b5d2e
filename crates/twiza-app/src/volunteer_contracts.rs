//! Law 06-18 contracts: generated from an accepted application of a contractual mission in
//! Arabic and French from the message files (the host's accreditation in force on the start,
//! the volunteer 18 or over then), accepted electronically by each party (who, when, from
//! which account), shown with the volunteer's identity put back from its seal; and the national
//! register's rows a page at a time.

use crate::error::{Error, Result};
use twiza_domain::volunteer::parse_iso_date;
use twiza_domain::volunteer_contract::{
    check_age, contract_number, join_text, parse_contract, render, text_sha256, Bilingual,
    ContractInput, ContractLanguage, ContractStatus, ContractTerms, HostParty, Party, RegisterRow,
    VolunteerParty,
};
use twiza_domain::{OrgScope, Refusal, UserId};
use twiza_i18n::{Arg, Locale, Messages};
use twiza_store::{
    contract_start, source_refusal, ContractSource, ContractView, NewContract, PersonalDataKeys,
    Reader, Store, CIN_MARK,
};

/// Opens a volunteer's sealed field (`cin`, `phone`…) bound to their reference; empty once the
/// volunteer erased their profile.
pub fn open_volunteer_field(
    keys: &PersonalDataKeys,
    reference: &str,
    field: &str,
    sealed: Option<&[u8]>,
) -> Result<String> {
    match sealed {
        None => Ok(String::new()),
        Some(sealed) => keys
            .open(&twiza_store::volunteer_binding(reference, field), sealed)
            .map_err(|_| Error::Internal("volunteer seal")),
    }
}

/// The message files as the contract renderer asks them.
fn translator(
    messages: &Messages,
) -> impl Fn(ContractLanguage, &str, &[(&str, &str)]) -> String + '_ {
    move |language, key, args| {
        let locale = match language {
            ContractLanguage::Ar => Locale::Ar,
            ContractLanguage::Fr => Locale::Fr,
        };
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
        messages.t_args(locale, key, &args)
    }
}

fn day(raw: &str, what: &'static str) -> Result<time::Date> {
    parse_iso_date("day", raw).map_err(|_| Error::Internal(what))
}

/// The commune (and douar) in both languages.
fn place(source: &ContractSource) -> Bilingual {
    let commune = twiza_geo::CommuneCode::parse(&source.commune_code)
        .ok()
        .and_then(|c| twiza_geo::geo().commune(&c));
    let (mut ar, mut fr) = commune
        .map(|c| (c.name_ar.clone(), c.name_fr.clone()))
        .unwrap_or_else(|| (source.commune_code.clone(), source.commune_code.clone()));
    if let Some((douar_ar, douar_fr)) = &source.douar {
        ar = format!("{douar_ar}، {ar}");
        fr = format!("{douar_fr}, {fr}");
    }
    Bilingual { ar, fr }
}

/// Generates the contract of an accepted application of the association: every clause
/// checked, then `shift_full` (still waiting for a place), `application_wrong_step`,
/// `mission_informal`, `contract_exists`, `host_not_accredited` (no accreditation in force on
/// the start), `volunteer_under_18`; nothing is written when one refuses. Answers the
/// contract's id and number.
pub async fn generate(
    store: &Store,
    keys: &PersonalDataKeys,
    messages: &Messages,
    scope: &OrgScope,
    by: UserId,
    application_id: i64,
    input: &ContractInput<'_>,
) -> Result<(i64, String)> {
    let clauses = parse_contract(input).map_err(Error::Invalid)?;
    let source = store.contract_source(scope, application_id).await?;
    if let Some(r) = source_refusal(&source) {
        return Err(Error::Refused(r));
    }
    let today = time::OffsetDateTime::now_utc().date();
    let starts_on = contract_start(&source.mission_starts_on, today);
    let start = day(&starts_on, "contract start")?;
    let end = day(&source.mission_ends_on, "mission end")?;
    if end < start {
        return Err(Error::Refused(Refusal::MissionClosed));
    }
    let accreditation = store
        .contract_accreditation_on(scope, &starts_on)
        .await?
        .ok_or(Error::Refused(Refusal::HostNotAccredited))?;
    check_age(day(&source.volunteer_birth_date, "birth date")?, start)?;
    let Some(sealed) = source.cin_sealed.as_deref() else {
        // An erased profile takes no new contract.
        return Err(Error::Refused(Refusal::NotAVolunteer));
    };
    let cin = open_volunteer_field(keys, &source.volunteer_reference, "cin", Some(sealed))?;
    let mut terms = ContractTerms {
        number: contract_number(start.year(), application_id),
        host: HostParty {
            name: Bilingual {
                ar: source.host_name_ar.clone(),
                fr: source.host_name_fr.clone(),
            },
            accreditation_reference: accreditation.reference.clone(),
            issuing_authority: accreditation.issuing_authority.clone(),
            accreditation_valid_until: day(&accreditation.valid_until, "accreditation")?,
        },
        volunteer: VolunteerParty {
            name: source.volunteer_name.clone(),
            birth_date: day(&source.volunteer_birth_date, "birth date")?,
            cin,
        },
        mission: source.mission_title.clone(),
        purpose: source.mission_purpose.clone(),
        place: place(&source),
        starts_on: start,
        ends_on: end,
        clauses: clauses.clone(),
    };
    let t = translator(messages);
    let full_ar = join_text(&render(&terms, ContractLanguage::Ar, &t));
    let full_fr = join_text(&render(&terms, ContractLanguage::Fr, &t));
    let digest = text_sha256(&full_ar, &full_fr);
    terms.volunteer.cin = CIN_MARK.to_owned();
    let contract = NewContract {
        application_id,
        accreditation_id: accreditation.id,
        starts_on,
        ends_on: source.mission_ends_on.clone(),
        weekly_hours: clauses.weekly_hours,
        training: clauses.training,
        insurance: clauses.insurance,
        expenses: clauses.expenses,
        notice_days: clauses.notice_days,
        text_ar: join_text(&render(&terms, ContractLanguage::Ar, &t)),
        text_fr: join_text(&render(&terms, ContractLanguage::Fr, &t)),
        text_sha256: digest,
    };
    Ok(store.create_contract(scope, &contract, by).await?)
}

/// A contract as its parties read it: the texts with the identity number put back, as
/// paragraphs, and whether they still hash to the digest written when it was generated.
#[derive(Debug, Clone)]
pub struct ShownContract {
    pub contract: ContractView,
    pub paragraphs_ar: Vec<String>,
    pub paragraphs_fr: Vec<String>,
    pub digest_matches: bool,
}

fn shown(keys: &PersonalDataKeys, contract: ContractView) -> Result<ShownContract> {
    let cin = open_volunteer_field(
        keys,
        &contract.volunteer_reference,
        "cin",
        contract.cin_sealed.as_deref(),
    )?;
    let ar = contract.text_ar.replace(CIN_MARK, &cin);
    let fr = contract.text_fr.replace(CIN_MARK, &cin);
    let digest_matches = text_sha256(&ar, &fr) == contract.text_sha256;
    let split = |t: &str| t.split("\n\n").map(str::to_owned).collect();
    Ok(ShownContract {
        paragraphs_ar: split(&ar),
        paragraphs_fr: split(&fr),
        digest_matches,
        contract,
    })
}

/// One of the association's contracts, whole (the host reads the identity it contracted
/// with; the read is recorded for the volunteer).
pub async fn for_host(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    reader: Reader<'_>,
    id: i64,
) -> Result<ShownContract> {
    let contract = store.org_contract(scope, id).await?;
    store
        .record_contract_read(&contract, reader, "contract")
        .await?;
    shown(keys, contract)
}

/// One of the signed-in volunteer's own contracts, whole.
pub async fn for_volunteer(
    store: &Store,
    keys: &PersonalDataKeys,
    user: UserId,
    id: i64,
) -> Result<ShownContract> {
    shown(keys, store.own_contract(user, id).await?)
}

/// The host accepts its contract (`contract_wrong_step` when it already did).
pub async fn accept_as_host(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    id: i64,
) -> Result<ContractStatus> {
    let contract = store.org_contract(scope, id).await?;
    Ok(store.accept_contract(&contract, Party::Host, by).await?)
}

/// The volunteer accepts their own contract (`contract_wrong_step` when they already did).
pub async fn accept_as_volunteer(store: &Store, user: UserId, id: i64) -> Result<ContractStatus> {
    let contract = store.own_contract(user, id).await?;
    Ok(store
        .accept_contract(&contract, Party::Volunteer, user)
        .await?)
}

/// Contracts a register page holds.
pub const REGISTER_PAGE: i64 = 500;

/// A page of the register after contract `after`: one association's (`Some`) or every one's,
/// the identity numbers opened. Answers the rows and the last contract's id (`None`: no more).
pub async fn register_page(
    store: &Store,
    keys: &PersonalDataKeys,
    organization: Option<i64>,
    reader: Reader<'_>,
    after: i64,
) -> Result<(Vec<RegisterRow>, Option<i64>)> {
    let records = store
        .register_page(organization, after, REGISTER_PAGE)
        .await?;
    let what = if organization.is_some() {
        "register"
    } else {
        "register_authority"
    };
    store.record_register_read(&records, reader, what).await?;
    let last = records.last().map(|r| r.id);
    let date_of = |at: Option<i64>| at.and_then(twiza_domain::volunteer::morocco_day);
    let rows = records
        .into_iter()
        .map(|r| {
            Ok(RegisterRow {
                volunteer_cin: open_volunteer_field(
                    keys,
                    &r.volunteer_reference,
                    "cin",
                    r.cin_sealed.as_deref(),
                )?,
                volunteer_birth_date: parse_iso_date("birth_date", &r.volunteer_birth_date).ok(),
                starts_on: day(&r.starts_on, "contract start")?,
                ends_on: day(&r.ends_on, "contract end")?,
                status: ContractStatus::parse(&r.status)
                    .ok_or(Error::Internal("contract status"))?,
                host_accepted_on: date_of(r.host_accepted_at),
                volunteer_accepted_on: date_of(r.volunteer_accepted_at),
                number: r.number,
                host: r.host,
                host_accreditation: r.host_accreditation,
                volunteer_name: r.volunteer_name,
                mission: r.mission,
                purpose: r.purpose,
                commune_code: r.commune_code,
                weekly_hours: r.weekly_hours,
                minutes_worked: r.minutes_worked,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((rows, last))
}
