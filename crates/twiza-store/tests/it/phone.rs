//! Phone conversations' storage on both backends: inbound messages counted once per gateway
//! id and limited per phone, the language and the SMS conversation of a phone (which expires),
//! USSD sessions that only move one step at a time, and alert subscriptions with the phone sealed.

use crate::harness::TestDb;
use crate::on_both_backends;
use std::collections::BTreeMap;
use twiza_store::{Inbound, PersonalDataKeys, UssdStep};

fn keys() -> PersonalDataKeys {
    PersonalDataKeys::new(BTreeMap::from([(1, [7; 32])]), [3; 32]).expect("keys")
}

on_both_backends!(
    inbound_messages_are_counted_once_and_limited_per_phone,
    |db: TestDb| async move {
        let s = &db.store;
        assert_eq!(
            s.record_inbound_message("twilio", "SM1", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Fresh
        );
        // The same id again before its reply was kept: to be handled again.
        assert_eq!(
            s.record_inbound_message("twilio", "SM1", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Replayed(None)
        );
        // Once answered, the same id gets the same reply.
        s.keep_inbound_reply("twilio", "SM1", "Besoin N-1 enregistre")
            .await
            .unwrap();
        assert_eq!(
            s.record_inbound_message("twilio", "SM1", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Replayed(Some("Besoin N-1 enregistre".to_owned()))
        );
        // Another gateway may reuse the id.
        assert_eq!(
            s.record_inbound_message("kannel", "SM1", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Fresh
        );
        assert_eq!(
            s.record_inbound_message("twilio", "SM2", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Fresh
        );
        // The fourth in the minute is over the rate: told once, then silenced.
        assert_eq!(
            s.record_inbound_message("twilio", "SM3", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Limited
        );
        assert_eq!(
            s.record_inbound_message("twilio", "SM4", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Silenced
        );
        // Sent again, they stay over the rate: never handled.
        assert_eq!(
            s.record_inbound_message("twilio", "SM3", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Limited
        );
        assert_eq!(
            s.record_inbound_message("twilio", "SM4", "phone-a", 3)
                .await
                .unwrap(),
            Inbound::Silenced
        );
        // Another phone is not limited.
        assert_eq!(
            s.record_inbound_message("twilio", "SM5", "phone-b", 3)
                .await
                .unwrap(),
            Inbound::Fresh
        );
    }
);

on_both_backends!(
    languages_and_conversations_are_kept_per_phone_until_they_expire,
    |db: TestDb| async move {
        let s = &db.store;
        assert_eq!(s.phone_language("p").await.unwrap(), None);
        s.set_phone_language("p", "ary-Latn").await.unwrap();
        s.set_phone_language("p", "fr").await.unwrap();
        assert_eq!(s.phone_language("p").await.unwrap().as_deref(), Some("fr"));

        s.save_phone_conversation("p", r#"{"step":"commune"}"#, "fr", 600)
            .await
            .unwrap();
        s.save_phone_conversation(
            "p",
            r#"{"step":"category","commune":"07.041.07.03"}"#,
            "fr",
            600,
        )
        .await
        .unwrap();
        let (state, language) = s.phone_conversation("p").await.unwrap().expect("kept");
        assert!(state.contains("category"));
        assert_eq!(language, "fr");
        // An expired conversation is as none.
        s.save_phone_conversation("q", r#"{"step":"commune"}"#, "ar", -1)
            .await
            .unwrap();
        assert_eq!(s.phone_conversation("q").await.unwrap(), None);
        s.end_phone_conversation("p").await.unwrap();
        assert_eq!(s.phone_conversation("p").await.unwrap(), None);
    }
);

on_both_backends!(
    a_ussd_session_moves_one_step_at_a_time,
    |db: TestDb| async move {
        let s = &db.store;
        let follows = UssdStep::Follows(None);
        assert_eq!(s.follow_ussd_session("s1", "p", "").await.unwrap(), follows);
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4").await.unwrap(),
            follows
        );
        // The same request again (a gateway's retry) follows; so does going back with 0.
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4").await.unwrap(),
            follows
        );
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4*1").await.unwrap(),
            follows
        );
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4*1*0").await.unwrap(),
            follows
        );
        // Two answers at once, a step back to an older text, another phone: refused.
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4*1*0*2*Asni")
                .await
                .unwrap(),
            UssdStep::Jumped
        );
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4").await.unwrap(),
            UssdStep::Jumped
        );
        assert_eq!(
            s.follow_ussd_session("s1", "q", "4*1*0*2").await.unwrap(),
            UssdStep::Jumped
        );
        // A session that starts mid-way is refused; one that starts with the answer a dialled
        // shortcut carries is not.
        assert_eq!(
            s.follow_ussd_session("s2", "p", "4*2*Asni*1")
                .await
                .unwrap(),
            UssdStep::Jumped
        );
        assert_eq!(
            s.follow_ussd_session("s3", "p", "1").await.unwrap(),
            follows
        );
        // The reply a session ended with comes back with its last request.
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4*1*0*3").await.unwrap(),
            follows
        );
        s.keep_ussd_reply("s1", "N-ABC").await.unwrap();
        assert_eq!(
            s.follow_ussd_session("s1", "p", "4*1*0*3").await.unwrap(),
            UssdStep::Follows(Some("N-ABC".to_owned()))
        );
    }
);

on_both_backends!(
    alert_subscriptions_keep_the_phone_sealed_and_stop_at_once,
    |db: TestDb| async move {
        let s = &db.store;
        let k = keys();
        let phone = "+212612345678";
        let index = k.blind_index("phone", phone);
        assert!(s
            .subscribe_alerts(&k, phone, "07.041.07.03", "fr", "sms")
            .await
            .unwrap());
        // Again: the language is updated, no second row.
        assert!(!s
            .subscribe_alerts(&k, phone, "07.041.07.03", "ary", "ussd")
            .await
            .unwrap());
        assert!(s
            .subscribe_alerts(&k, phone, "07.041.07.13", "ary", "ussd")
            .await
            .unwrap());
        assert_eq!(
            s.alert_communes(&index).await.unwrap(),
            vec!["07.041.07.03".to_owned(), "07.041.07.13".to_owned()]
        );
        let subscribers = s.alert_subscribers(&k, "07.041.07.03").await.unwrap();
        assert_eq!(subscribers.len(), 1);
        assert_eq!(subscribers[0].phone, phone);
        assert_eq!(subscribers[0].language, "ary");
        // Sealed: other keys open nothing.
        let other = PersonalDataKeys::new(BTreeMap::from([(1, [8; 32])]), [3; 32]).expect("keys");
        assert!(s
            .alert_subscribers(&other, "07.041.07.03")
            .await
            .unwrap()
            .is_empty());
        // After a key rotation the phones are re-sealed with the new key.
        let rotated = PersonalDataKeys::new(BTreeMap::from([(1, [7; 32]), (2, [9; 32])]), [3; 32])
            .expect("keys");
        let moved = s.reseal_sealed_values(&rotated, 10).await.unwrap();
        assert_eq!(moved.alert_phones, 2);
        let only_new =
            PersonalDataKeys::new(BTreeMap::from([(2, [9; 32])]), [3; 32]).expect("keys");
        assert_eq!(
            s.alert_subscribers(&only_new, "07.041.07.03")
                .await
                .unwrap()[0]
                .phone,
            phone
        );
        assert!(s.unsubscribe_alerts(&index, "07.041.07.13").await.unwrap());
        assert!(!s.unsubscribe_alerts(&index, "07.041.07.13").await.unwrap());
        s.subscribe_alerts(&k, phone, "07.161.05.01", "fr", "sms")
            .await
            .unwrap();
        assert_eq!(s.stop_all_alerts(&index).await.unwrap(), 2);
        assert!(s.alert_communes(&index).await.unwrap().is_empty());
    }
);

on_both_backends!(
    stop_gives_up_the_alerts_still_waiting_for_the_phone,
    |db: TestDb| async move {
        let s = &db.store;
        let message = |kind: &'static str, key: &str, index: &str| twiza_store::NewSms {
            kind,
            idempotency_key: key.to_owned(),
            recipient_sealed: vec![1, 2, 3],
            recipient_index: index.to_owned(),
            text_sealed: vec![4, 5, 6],
        };
        for sms in [
            message("alert", "alert:1:1", "p"),
            message("alert", "alert:1:2", "q"),
            message("delivery_code", "delivery:1", "p"),
        ] {
            assert!(s.queue_sms(&sms).await.unwrap());
        }
        s.stop_all_alerts("p").await.unwrap();
        let outbox = s.sms_outbox(10).await.unwrap();
        let state = |key: &str| {
            let m = outbox.iter().find(|m| m.idempotency_key == key).unwrap();
            (m.state.clone(), m.last_error.clone(), m.sealed_bytes)
        };
        assert_eq!(
            state("alert:1:1"),
            ("failed".into(), Some("stopped".into()), 0)
        );
        // Another phone's alert, and what is not an alert, still go.
        assert_eq!(state("alert:1:2"), ("waiting".into(), None, 6));
        assert_eq!(state("delivery:1"), ("waiting".into(), None, 6));
    }
);

on_both_backends!(
    a_burst_from_one_phone_gets_no_more_than_the_rate,
    |db: TestDb| async move {
        let tasks: Vec<_> = (0..12)
            .map(|i| {
                let s = db.store.clone();
                tokio::spawn(async move {
                    s.record_inbound_message("twilio", &format!("B{i}"), "phone-b", 3)
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut fresh = 0;
        for task in tasks {
            if task.await.unwrap() == Inbound::Fresh {
                fresh += 1;
            }
        }
        assert_eq!(fresh, 3);
    }
);
