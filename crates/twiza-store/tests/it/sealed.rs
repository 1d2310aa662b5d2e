//! Everything sealed moves to the current personal-data key, on both backends: donor
//! identities and need contacts sealed in the legacy single-key layout, and values sealed with
//! a key that was rotated since.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::{collecting_campaign, money};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use twiza_domain::crisis::{IncidentInput, NeedInput, NewIncident, NewNeed};
use twiza_domain::donation::DonationStatus;
use twiza_store::{
    donor_identity_binding, need_contact_binding, PersonalDataKeys, Reporter, Resealed, Sequencer,
    StoreError,
};

const LEGACY_KEY: [u8; 32] = [5; 32];

fn keys(ids: &[u32]) -> PersonalDataKeys {
    let sealing = ids.iter().map(|&i| (i, [i as u8; 32])).collect();
    PersonalDataKeys::new(sealing, [9; 32]).expect("keys")
}

/// A value in the legacy layout: `1 || nonce (24) || ciphertext || tag`.
fn legacy_seal(binding: &[u8], value: &str) -> Vec<u8> {
    let nonce = [3u8; 24];
    let sealed = XChaCha20Poly1305::new((&LEGACY_KEY).into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: value.as_bytes(),
                aad: binding,
            },
        )
        .expect("seal");
    [&[1u8][..], &nonce, &sealed].concat()
}

/// A checked volunteer profile.
fn volunteer_profile() -> twiza_domain::volunteer::NewVolunteer {
    twiza_domain::volunteer::NewVolunteer {
        name: "Youssef Amrani".into(),
        birth_date: time::macros::date!(1990 - 05 - 01),
        cin: "BK123456".into(),
        phone: "+212612345678".into(),
        skills: 1,
        languages: 1,
        weekdays: 1,
        available_from: None,
        available_until: None,
        communes: vec!["07.041.07.05".into()],
        emergency_name: "Fatima Amrani".into(),
        emergency_phone: "+212698765432".into(),
    }
}

on_both_backends!(
    legacy_and_rotated_values_are_resealed_with_the_current_key,
    |db: TestDb| async move {
        let s = &db.store;
        let (campaign, scope) = collecting_campaign(s, "TWZ-SEAL").await;
        let sequencer = Sequencer::start(s.clone(), [7; 32]);
        let identity = r#"{"full_name":"Youssef Amrani"}"#;
        let mut gift = money(campaign, "gift-key-0001", "250.00");
        gift.status = DonationStatus::Pending;
        gift.provider_reference = Some("pay_gift-key-0001".into());
        gift.sealed_identity = Some(legacy_seal(
            &donor_identity_binding(campaign, "gift-key-0001"),
            identity,
        ));
        let donation = sequencer.submit(gift).await.expect("gift").id;

        let owner = s.create_user("c@x.ma", "h", "C", None).await.expect("user");
        let incident = NewIncident::parse(&IncidentInput {
            kind: "earthquake",
            title_ar: "زلزال",
            title_fr: "Séisme",
            started_on: "2023-09-08",
            communes: vec!["07.041.07.05"],
        })
        .expect("incident");
        let incident = s.declare_incident(&incident, owner).await.expect("declare");
        let need = NewNeed::parse(&NeedInput {
            commune: "07.041.07.05",
            category: "water",
            urgency: "high",
            households: Some(3),
            ..NeedInput::default()
        })
        .expect("need");
        let old = keys(&[1]).with_legacy(LEGACY_KEY);
        let legacy_contact = legacy_seal(&need_contact_binding("N-LEGACY"), "0612345678");
        let current_contact = old.seal(&need_contact_binding("N-CURRENT"), "0698765432");
        for (reference, sealed) in [
            ("N-LEGACY", &legacy_contact),
            ("N-CURRENT", &current_contact),
        ] {
            s.report_need(incident, &need, reference, Some(sealed), Reporter::Public)
                .await
                .expect("need");
        }

        // Until they are re-sealed, legacy values open with the keys that hold the legacy key.
        let binding = need_contact_binding("N-LEGACY");
        assert_eq!(
            old.open(&binding, &legacy_contact).expect("opens"),
            "0612345678"
        );
        assert!(keys(&[1]).open(&binding, &legacy_contact).is_err());

        // Start-up moves the legacy values only, once.
        let moved = s
            .reseal_legacy_values(&old, 1)
            .await
            .expect("reseal legacy");
        assert_eq!(
            moved,
            Resealed {
                donor_identities: 1,
                need_contacts: 1,
                payee_accounts: 0,
                alert_phones: 0,
                grievance_phones: 0,
                volunteer_values: 0,
                unopened: 0
            }
        );
        assert_eq!(
            s.reseal_legacy_values(&old, 1).await.expect("again"),
            Resealed::default()
        );
        let sealed = s
            .sealed_donor_identity(&scope, campaign, donation)
            .await
            .expect("q")
            .expect("identity");
        assert_eq!(PersonalDataKeys::key_id_of(&sealed.ciphertext), Some(1));
        assert_eq!(
            old.open(
                &donor_identity_binding(campaign, "gift-key-0001"),
                &sealed.ciphertext
            )
            .expect("opens"),
            identity
        );

        // A volunteer's CIN, phone and emergency contact, sealed with key 1.
        let volunteer_account = s.create_user("v@x.ma", "h", "V", None).await.expect("user");
        let profile = volunteer_profile();
        s.create_volunteer(&old, volunteer_account, &profile)
            .await
            .expect("volunteer");

        // A rotation: everything moves to key 2, in batches of one, and then opens with key 2
        // alone.
        let rotated = keys(&[1, 2]).with_legacy(LEGACY_KEY);
        let moved = s.reseal_sealed_values(&rotated, 1).await.expect("reseal");
        assert_eq!(
            (moved.donor_identities, moved.need_contacts),
            (1, 2),
            "both contacts and the identity"
        );
        assert_eq!(moved.volunteer_values, 3, "the volunteer's three values");
        let only_new = keys(&[2]);
        assert_eq!(
            s.reseal_sealed_values(&only_new, 10)
                .await
                .expect("nothing left under key 1"),
            Resealed::default()
        );
        let sealed = s
            .sealed_donor_identity(&scope, campaign, donation)
            .await
            .expect("q")
            .expect("identity");
        assert_eq!(
            only_new
                .open(
                    &donor_identity_binding(campaign, "gift-key-0001"),
                    &sealed.ciphertext
                )
                .expect("opens with key 2"),
            identity
        );
        let opened = s
            .own_volunteer(&only_new, volunteer_account)
            .await
            .expect("q")
            .expect("the profile opens with key 2");
        assert_eq!(
            (opened.cin.as_str(), opened.phone.as_str()),
            ("BK123456", "+212612345678")
        );
        assert_eq!(opened.emergency_name, "Fatima Amrani");

        // A value that does not open is never overwritten: start-up leaves and counts it, an
        // operator's re-seal says so and stops.
        s.report_need(
            incident,
            &need,
            "N-BROKEN",
            Some(&legacy_seal(&need_contact_binding("N-OTHER"), "0600000000")),
            Reporter::Public,
        )
        .await
        .expect("need");
        let current = keys(&[2]).with_legacy(LEGACY_KEY);
        for _ in 0..2 {
            assert_eq!(
                s.reseal_legacy_values(&current, 10)
                    .await
                    .expect("start-up"),
                Resealed {
                    unopened: 1,
                    ..Resealed::default()
                }
            );
        }
        assert!(matches!(
            s.reseal_sealed_values(&current, 10).await,
            Err(StoreError::Corrupt(_))
        ));
    }
);
