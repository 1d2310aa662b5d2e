//! Text messages' storage on both backends: the outbox (queued once per key, claimed by one
//! sender at a time, retried later, given up, erased once done) and the delivery reports.

use crate::harness::TestDb;
use crate::on_both_backends;
use std::collections::BTreeMap;
use twiza_store::{sms_binding, NewSms, PersonalDataKeys, StoreError};

fn keys() -> PersonalDataKeys {
    PersonalDataKeys::new(BTreeMap::from([(1, [3; 32])]), [5; 32]).expect("keys")
}

fn sms(keys: &PersonalDataKeys, key: &str, phone: &str, text: &str) -> NewSms {
    NewSms {
        kind: "delivery_code",
        idempotency_key: key.to_owned(),
        recipient_sealed: keys.seal(&sms_binding(key, "recipient"), phone),
        recipient_index: keys.blind_index("phone", phone),
        text_sealed: keys.seal(&sms_binding(key, "text"), text),
    }
}

on_both_backends!(
    the_sms_outbox_queues_once_claims_once_retries_and_gives_up,
    |db: TestDb| async move {
        let s = &db.store;
        let k = keys();
        assert!(s
            .queue_sms(&sms(&k, "d:1", "+212612345678", "code 123456"))
            .await
            .expect("queue"));
        assert!(s
            .queue_sms(&sms(&k, "d:2", "+212698765432", "code 654321"))
            .await
            .expect("queue"));
        // The same key again queues nothing.
        assert!(!s
            .queue_sms(&sms(&k, "d:1", "+212612345678", "code 000000"))
            .await
            .expect("queue"));
        let now = twiza_store::now();
        let claimed = s.claim_due_sms(now, 10, 60).await.expect("claim");
        assert_eq!(claimed.len(), 2);
        let first = &claimed[0];
        assert_eq!(
            k.open(&sms_binding("d:1", "recipient"), &first.recipient_sealed)
                .expect("open"),
            "+212612345678"
        );
        assert_eq!(
            k.open(&sms_binding("d:1", "text"), &first.text_sealed)
                .expect("open"),
            "code 123456"
        );
        // Sealed to its own row and field: the text does not open as the number.
        assert!(k
            .open(&sms_binding("d:1", "recipient"), &first.text_sealed)
            .is_err());
        // A second sender (another node) finds nothing while they are held.
        assert!(s
            .claim_due_sms(now, 10, 60)
            .await
            .expect("claim")
            .is_empty());
        s.sms_sent(first.id, "twilio", Some("SM0001"))
            .await
            .expect("sent");
        assert!(matches!(
            s.sms_sent(first.id, "twilio", Some("SM0001")).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            s.sms_by_provider_id("twilio", "SM0001").await.expect("q"),
            Some(first.id)
        );
        assert_eq!(
            s.sms_by_provider_id("kannel", "SM0001").await.expect("q"),
            None
        );
        // A failure is tried again at the time given, not before, then given up.
        let second = claimed[1].id;
        s.sms_attempt_failed(second, "gateway_unavailable", Some(now + 30))
            .await
            .expect("retry");
        assert!(s
            .claim_due_sms(now + 29, 10, 60)
            .await
            .expect("claim")
            .is_empty());
        let again = s.claim_due_sms(now + 31, 10, 60).await.expect("claim");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].attempts, 1);
        // A lease that ran out (a sender that crashed) is claimed again.
        let after_crash = s.claim_due_sms(now + 92, 10, 60).await.expect("claim");
        assert_eq!(after_crash.len(), 1);
        s.sms_attempt_failed(second, "gateway_refused", None)
            .await
            .expect("give up");
        assert!(s
            .claim_due_sms(now + 100_000, 10, 60)
            .await
            .expect("claim")
            .is_empty());
        let outbox = s.sms_outbox(10).await.expect("outbox");
        assert_eq!(outbox.len(), 2);
        let (failed, sent) = (&outbox[0], &outbox[1]);
        assert_eq!(sent.state, "sent");
        assert_eq!(sent.provider_id.as_deref(), Some("SM0001"));
        assert_eq!(sent.attempts, 1);
        assert_eq!(failed.state, "failed");
        assert_eq!(failed.attempts, 2);
        assert_eq!(failed.last_error.as_deref(), Some("gateway_refused"));
        assert!(failed.failed_at.is_some() && failed.sent_at.is_none());
        // Nothing personal or secret is kept once done; the blind index stays for lookups.
        assert_eq!(sent.sealed_bytes, 0);
        assert_eq!(failed.sealed_bytes, 0);
        assert_eq!(
            sent.recipient_index,
            k.blind_index("phone", "+212612345678")
        );
    }
);

on_both_backends!(
    delivery_reports_are_recorded_against_their_message,
    |db: TestDb| async move {
        let s = &db.store;
        let k = keys();
        s.queue_sms(&sms(&k, "d:9", "+212612345678", "code 111111"))
            .await
            .expect("queue");
        let id = s.sms_outbox(1).await.expect("outbox")[0].id;
        s.record_sms_report(id, "accepted", "8")
            .await
            .expect("report");
        s.record_sms_report(id, "delivered", "1")
            .await
            .expect("report");
        s.record_sms_report(id, "made-up", "77")
            .await
            .expect("report");
        let reports = s.sms_reports(id).await.expect("reports");
        let statuses: Vec<(&str, &str)> = reports
            .iter()
            .map(|r| (r.status.as_str(), r.raw_status.as_str()))
            .collect();
        assert_eq!(
            statuses,
            [("accepted", "8"), ("delivered", "1"), ("unknown", "77")]
        );
        // A report about no message records nothing.
        assert!(matches!(
            s.record_sms_report(id + 1000, "delivered", "1").await,
            Err(StoreError::NotFound)
        ));
        assert!(s.sms_reports(id + 1000).await.expect("reports").is_empty());
    }
);
