//! The demo's volunteering: the main association accredited for Law 06-18 volunteering, a
//! contractual mission in Asni for the Al Haouz incident with a shift today and an informal one,
//! volunteers with varied skills and languages, their contracts accepted by both parties, the
//! hours of today's shift and one certificate in the transparency log.

use anyhow::Context;
use twiza_domain::volunteer::{
    iso_day, AccreditationInput, MissionInput, ShiftInput, VolunteerInput,
};
use twiza_domain::volunteer_contract::ContractInput;
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_store::{PersonalDataKeys, Recorder, Store};

/// Asni, Al Haouz.
const COMMUNE: &str = "07.041.07.03";

/// A demo volunteer: e-mail, name, CIN, skills, languages.
type DemoVolunteer = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const VOLUNTEERS: &[DemoVolunteer] = &[
    (
        "salma@demo.twiza.ma",
        "Salma Ait Lahcen",
        "EE123456",
        &["first_aid", "driving_4x4"],
        &["shi", "fr", "ar"],
    ),
    (
        "youssef@demo.twiza.ma",
        "Youssef Amrani",
        "BK204512",
        &["logistics", "construction"],
        &["ary", "ar"],
    ),
    (
        "nadia@demo.twiza.ma",
        "Nadia Ouhmad",
        "JA998877",
        &["psychosocial_support", "translation"],
        &["shi", "tzm", "fr", "en"],
    ),
];

/// Seeds volunteering for `org` (its owner `owner`).
pub async fn seed(
    store: &Store,
    keys: &PersonalDataKeys,
    org: OrgId,
    owner: UserId,
) -> anyhow::Result<()> {
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let today = twiza_app::volunteers::today();
    twiza_app::volunteers::record_accreditation(
        store,
        &scope,
        owner,
        &AccreditationInput {
            reference: "VC-06-18/2024/031",
            issued_on: "2024-03-01",
            issuing_authority: "Ministère de la Jeunesse, de la Culture et de la Communication",
            valid_from: "2024-03-01",
            valid_until: "2029-02-28",
        },
        None,
        Some("demo-accreditation"),
    )
    .await
    .context("demo accreditation")?;
    let start = iso_day(today);
    let end = iso_day(today + time::Duration::days(14));
    let mission = twiza_app::missions::publish(
        store,
        &scope,
        &MissionInput {
            title: "Distribution de tentes à Asni",
            purpose: "Aider les familles sinistrées du séisme à recevoir et monter tentes et couvertures",
            kind: "contractual",
            skills: vec!["logistics", "first_aid"],
            languages: vec!["shi"],
            commune: COMMUNE,
            starts_on: &start,
            ends_on: &end,
            requirements: "",
        },
        // Today, from five past midnight: its hours can be counted whenever the demo starts.
        &ShiftInput { day: &start, starts: "00:05", ends: "16:00", places: "5" },
        Some("demo-mission-asni"),
        owner,
    )
    .await
    .context("demo mission")?;
    twiza_app::missions::publish(
        store,
        &scope,
        &MissionInput {
            title: "Cuisine collective à Asni",
            purpose: "Préparer les repas du soir au camp",
            kind: "informal",
            skills: vec!["cooking"],
            languages: vec![],
            commune: COMMUNE,
            starts_on: &start,
            ends_on: &end,
            requirements: "",
        },
        &ShiftInput {
            day: &end,
            starts: "17:00",
            ends: "21:00",
            places: "8",
        },
        Some("demo-mission-kitchen"),
        owner,
    )
    .await
    .context("demo informal mission")?;
    let shift = twiza_app::missions::show(store, mission).await?.shifts[0].clone();
    let messages = twiza_i18n::Messages::load()?;
    let mut certified = false;
    for (email, name, cin, skills, languages) in VOLUNTEERS {
        let user =
            crate::demo::create_user(store, email, &crate::demo::password(), Some(name), None)
                .await?;
        let volunteer = twiza_app::volunteers::sign_up(
            store,
            keys,
            user,
            &VolunteerInput {
                name,
                birth_date: "1994-05-17",
                cin,
                phone: "0612345678",
                skills: skills.to_vec(),
                languages: languages.to_vec(),
                weekdays: vec!["1", "2", "3", "4", "5", "6", "7"],
                available_from: "",
                available_until: "",
                communes: vec![COMMUNE],
                emergency_name: "Famille",
                emergency_phone: "0661000000",
            },
        )
        .await
        .context("demo volunteer")?;
        let applied = twiza_app::missions::apply(store, user, mission, shift.id).await?;
        twiza_app::missions::accept(store, &scope, applied.id, owner).await?;
        let (contract, _) = twiza_app::volunteer_contracts::generate(
            store,
            keys,
            &messages,
            &scope,
            owner,
            applied.id,
            &ContractInput {
                weekly_hours: "12",
                training: "Premiers secours et sécurité sur un camp, 3 heures, le premier jour",
                insurance: "Assurance responsabilité civile et accidents de l'association",
                expenses: "Transport depuis Marrakech et repas, sur justificatifs",
                notice_days: "7",
            },
        )
        .await
        .context("demo contract")?;
        twiza_app::volunteer_contracts::accept_as_host(store, &scope, owner, contract).await?;
        twiza_app::volunteer_contracts::accept_as_volunteer(store, user, contract).await?;
        // Today's shift: arrived at its start, left now (or at its end).
        let now = twiza_store::now();
        if now > shift.starts_at + 60 {
            let out = now.min(shift.ends_at);
            store
                .check_in(
                    Some(org.0),
                    shift.id,
                    volunteer,
                    Recorder::Coordinator,
                    owner,
                    shift.starts_at,
                )
                .await?;
            store
                .check_out(
                    Some(org.0),
                    shift.id,
                    volunteer,
                    Recorder::Coordinator,
                    owner,
                    out,
                )
                .await?;
            if !certified {
                twiza_app::volunteer_ground::issue_certificate(
                    store,
                    &scope,
                    owner,
                    volunteer,
                    "demo-certificate-1",
                )
                .await
                .context("demo certificate")?;
                certified = true;
            }
        }
    }
    Ok(())
}
