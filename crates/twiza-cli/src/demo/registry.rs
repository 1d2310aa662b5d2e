//! The demo's beneficiary registry: 160 households of the first association in the communes the
//! earthquake hit (generated, checked by the import rules), paid on a bank account or a mobile
//! wallet, two programmes modelled on Morocco's (direct social aid; the earthquake's monthly
//! aid for damaged homes), their November cycles computed and approved by a second person, and
//! the earthquake aid's payment batch answered by the bank: most lines paid (each in the log),
//! two rejected, one pending. The direct-aid batch is ready to send. Grievances at every step
//! (one overdue, one appealed and upheld by a second person), and a family registered a second
//! time on another visit, found by the duplicate search and waiting for the coordinator.

use anyhow::Context;
use rand::{Rng, SeedableRng};
use twiza_domain::programme::{DIRECT_SOCIAL_AID_EXAMPLE, EARTHQUAKE_MONTHLY_AID_EXAMPLE};
use twiza_domain::registry::{Area, HousingDamage};
use twiza_domain::registry_file::HouseholdFile;
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_store::{
    HouseholdRecord, IndexValue, LineStatus, NewPaymentBatch, NewProgramme, PayeeKind,
    PersonalDataKeys, Store,
};

const HOUSEHOLDS: u64 = 160;
const COMMUNES: &[&str] = &[
    "07.041.07.05",
    "07.041.07.13",
    "07.041.07.07",
    "07.041.07.11",
    "07.041.07.09",
];

/// A RIB with a right key, from a serial number.
fn rib(serial: u64) -> anyhow::Result<String> {
    let first = format!("0117800{serial:015}");
    let key = twiza_iso20022::moroccan_rib_key(&first).context("rib key")?;
    Ok(format!("{first}{key:02}"))
}

pub async fn seed(
    store: &Store,
    keys: &PersonalDataKeys,
    org: OrgId,
    coordinator: UserId,
    treasurer: UserId,
    incident: i64,
) -> anyhow::Result<()> {
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let today = time::OffsetDateTime::now_utc().date();
    let mut file = Vec::new();
    crate::registry::synth::write(&mut file, HOUSEHOLDS, 20_230_908)?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(9);
    let mut records = Vec::new();
    for h in HouseholdFile::open(file.as_slice(), today).map_err(|e| anyhow::anyhow!(e.code()))? {
        let h = h.map_err(|e| anyhow::anyhow!("demo household refused: {e:?}"))?;
        let mut household = h.household;
        let code = COMMUNES[rng.gen_range(0..COMMUNES.len())];
        household.commune =
            twiza_geo::CommuneCode::parse(code).map_err(|_| anyhow::anyhow!("commune"))?;
        household.area = Area::Rural;
        // In the valleys the earthquake struck, half the homes were damaged.
        household.housing_damage = match rng.gen_range(0..10) {
            0..=2 => HousingDamage::Total,
            3..=4 => HousingDamage::Partial,
            _ => HousingDamage::None,
        };
        let affected = household.housing_damage != HousingDamage::None;
        records.push(HouseholdRecord {
            household,
            members: h.members,
            living: h.living,
            incident_id: affected.then_some(incident),
            consent: h.consent,
            index: h.index.map(|ix| IndexValue {
                value: ix.value,
                source: ix.source,
                effective_on: ix.effective_on,
            }),
        });
    }
    let mut registration = store.begin_registration(&scope, keys, coordinator).await?;
    let ids = registration.add(&records).await?;
    registration.commit().await?;
    let undamaged: Vec<i64> = records
        .iter()
        .zip(&ids)
        .filter(|(r, _)| r.household.housing_damage == HousingDamage::None)
        .map(|(_, (id, _))| *id)
        .collect();
    let revisited = second_visit(&records[0]);
    for (n, (id, _)) in ids.iter().enumerate() {
        match n % 20 {
            0 => {}
            1..=3 => {
                let phone = format!("+2126{:08}", 10_000_000 + n);
                store
                    .set_payee_account(&scope, keys, *id, PayeeKind::Wallet, &phone)
                    .await?;
            }
            _ => {
                store
                    .set_payee_account(&scope, keys, *id, PayeeKind::Rib, &rib(n as u64 + 1)?)
                    .await?;
            }
        }
    }

    let programmes = [
        (
            "ASD",
            "الدعم الاجتماعي المباشر",
            "Aide sociale directe",
            DIRECT_SOCIAL_AID_EXAMPLE,
        ),
        (
            "SEISME-2500",
            "الدعم الشهري للأسر المتضررة من الزلزال",
            "Aide mensuelle aux foyers sinistrés du séisme",
            EARTHQUAKE_MONTHLY_AID_EXAMPLE,
        ),
    ];
    let mut quake = 0;
    let debtor_iban = twiza_iso20022::moroccan_iban_from_rib(&rib(999_999)?)
        .map_err(|e| anyhow::anyhow!(e.code()))?;
    for (code, name_ar, name_fr, rules) in programmes {
        let programme = store
            .create_programme(
                &scope,
                &NewProgramme {
                    code: code.to_owned(),
                    name_ar: name_ar.to_owned(),
                    name_fr: name_fr.to_owned(),
                    retention_days: 5 * 365,
                    ends_on: None,
                },
                coordinator,
            )
            .await?;
        store
            .add_programme_rules(&scope, programme, rules, coordinator)
            .await?;
        store
            .enroll_consenting_households(&scope, programme, coordinator)
            .await?;
        let cycle = store
            .compute_cycle(&scope, programme, "2026-11", today, coordinator)
            .await?;
        store.approve_cycle(&scope, cycle.id, treasurer).await?;
        let batch = store
            .create_payment_batch(
                &scope,
                cycle.id,
                &NewPaymentBatch {
                    debtor_name: "Association Tiwizi Asni".to_owned(),
                    debtor_iban: debtor_iban.clone(),
                    execution_date: today,
                },
                treasurer,
            )
            .await?;
        if code == "ASD" {
            continue;
        }
        quake = programme;
        // The bank's answer: every line paid but two rejected (closed account) and one pending.
        let reader = twiza_store::Reader {
            account: treasurer,
            purpose: "payment",
        };
        let lines = store
            .payment_file_lines(&scope, keys, batch.id, reader, 0, 10_000)
            .await?;
        let statuses: Vec<(String, LineStatus)> = lines
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let status = match n {
                    3 | 11 => LineStatus::Rejected {
                        reason: "AC04".to_owned(),
                    },
                    7 => LineStatus::Pending,
                    _ => LineStatus::Paid,
                };
                (l.end_to_end_id.clone(), status)
            })
            .collect();
        store
            .reconcile_payments(&scope, batch.id, &statuses)
            .await?;
    }
    grievances(store, &scope, &undamaged, quake, coordinator, treasurer).await?;
    // The first family, registered again on another visit (names spelt otherwise, no CIN).
    let mut registration = store.begin_registration(&scope, keys, coordinator).await?;
    registration.add(&[revisited]).await?;
    registration.commit().await?;
    store.find_duplicate_people(&scope).await?;
    Ok(())
}

/// A household as a second visit would record it: the head's Latin given name spelt with a
/// letter more, no identifiers, no phone.
fn second_visit(first: &HouseholdRecord) -> HouseholdRecord {
    let mut again = first.clone();
    for m in &mut again.members {
        m.cin = None;
        m.phone = None;
        m.idcs = None;
    }
    if let Some(name) = again.members[0].given_name_lat.as_mut() {
        name.push('e');
    }
    again
}

/// Grievances about the earthquake aid from households whose home was recorded undamaged: one
/// received five days ago and not yet acknowledged (overdue), one acknowledged, one rejected,
/// appealed with a neighbour's testimony and upheld by a second person.
async fn grievances(
    store: &Store,
    scope: &OrgScope,
    undamaged: &[i64],
    programme: i64,
    coordinator: UserId,
    treasurer: UserId,
) -> anyhow::Result<()> {
    use twiza_domain::grievance::{
        Deadlines, Decision, FiledBy, GrievanceChannel, GrievanceSubject,
    };
    let deadlines = Deadlines::default();
    let now = twiza_store::now();
    let statements = [
        (
            5,
            "La maison est fissurée, nous dormons sous la tente depuis septembre.",
        ),
        (1, "بيتنا تضرر في الزلزال ولم نتوصل بأي دعم."),
        (
            12,
            "Le mur de la cuisine est tombé ; la visite n'a vu que la façade.",
        ),
    ];
    let mut ids = Vec::new();
    for (&household, (days_ago, statement)) in undamaged.iter().zip(statements) {
        let (id, _, _) = store
            .file_grievance(
                scope,
                &twiza_store::NewGrievance {
                    household_id: household,
                    programme_id: Some(programme),
                    subject: GrievanceSubject::Exclusion,
                    channel: GrievanceChannel::InPerson,
                    filed_by: FiledBy::Member,
                    statement: statement.to_owned(),
                    received_at: now - days_ago * 86_400,
                    filing_key: None,
                    complainant_phone_sealed: None,
                },
                coordinator,
                &deadlines,
            )
            .await?;
        ids.push(id);
    }
    let [_, acknowledged, appealed] = ids[..] else {
        anyhow::bail!("the demo needs three households with an undamaged home");
    };
    store
        .acknowledge_grievance(scope, acknowledged, coordinator)
        .await?;
    let decision = |outcome, remedy, explanation| {
        Decision::parse(outcome, remedy, explanation)
            .map_err(|e| anyhow::anyhow!("demo decision: {e:?}"))
    };
    store
        .decide_grievance(
            scope,
            appealed,
            &decision(
                "rejected",
                "no_change",
                "La visite du 2 novembre a classé la maison sans dommage.",
            )?,
            coordinator,
            &deadlines,
        )
        .await?;
    store
        .appeal_grievance(
            scope,
            appealed,
            "Le voisin, élu du douar, témoigne que le mur est tombé le 8 septembre.",
            coordinator,
            &deadlines,
        )
        .await?;
    store
        .decide_appeal(
            scope,
            appealed,
            &decision(
                "upheld",
                "re_enrolled",
                "Deuxième visite : mur de la cuisine effondré. Le foyer est réinscrit.",
            )?,
            treasurer,
        )
        .await?;
    Ok(())
}
