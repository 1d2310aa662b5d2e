//! The association ledger on both backends: donations, expenses and transfers are booked in
//! balanced entries, refusals write nothing, the report adds up, and the audit covers the new
//! leaves.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::{collecting_campaign, money};
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod, PledgedItem};
use twiza_domain::ledger::{Account, ExpenseCategory, ExpenseStatus, PaidFrom, TransferStatus};
use twiza_domain::money::Amount;
use twiza_domain::organization::VerificationDecision;
use twiza_domain::Refusal;
use twiza_domain::{OrgRole, OrgScope, UserId};
use twiza_store::{NewDonation, NewExpense, NewTransfer, Sequencer, Store, StoreError};

fn mad(s: &str) -> Amount {
    Amount::parse("amount", s).expect("amount")
}

fn paid(campaign_id: i64, key: &str, amount: &str, method: PaymentMethod) -> NewDonation {
    let mut d = money(campaign_id, key, amount);
    d.gift = Gift::Money {
        amount: mad(amount),
        method,
    };
    d
}

fn in_kind(campaign_id: i64, key: &str) -> NewDonation {
    let mut d = money(campaign_id, key, "1");
    d.gift = Gift::InKind {
        items: vec![
            PledgedItem {
                item: "Couverture".into(),
                quantity: 40,
                unit: "pièce".into(),
            },
            PledgedItem {
                item: "Farine".into(),
                quantity: 100,
                unit: "kg".into(),
            },
        ],
    };
    d
}

pub fn expense(key: &str, amount: &str, category: ExpenseCategory) -> NewExpense {
    NewExpense {
        idempotency_key: key.into(),
        request_hash: format!("hash-{key}-{amount}"),
        amount: mad(amount),
        category,
        paid_from: PaidFrom::Bank,
        description_ar: "خيام".into(),
        description_fr: "Tentes".into(),
        evidence_type: "application/pdf",
        evidence: format!("%PDF-1.7 invoice {key}").into_bytes(),
    }
}

async fn treasurer(s: &Store, scope: &OrgScope, email: &str) -> UserId {
    let id = s.create_user(email, "h", "T", None).await.expect("user");
    s.add_member(scope, id, OrgRole::Treasurer)
        .await
        .expect("member");
    id
}

/// Org A collecting (money by card, cash and wallet, goods in kind), org B verified.
struct Books {
    campaign: i64,
    a: OrgScope,
    b: OrgScope,
    alice: UserId,
    bilal: UserId,
    b_treasurer: UserId,
}

async fn books(s: &Store) -> Books {
    let (campaign, a) = collecting_campaign(s, "TWZ-LDG1").await;
    let (_, b) = collecting_campaign(s, "TWZ-LDG2").await;
    let admin = s
        .create_user("admin@x.ma", "h", "A", None)
        .await
        .expect("u");
    s.decide_verification(b.org_id(), &VerificationDecision::Verify, admin)
        .await
        .expect("verify");
    let sequencer = Sequencer::start(s.clone(), [1; 32]);
    for d in [
        paid(campaign, "ledger-key-01", "1000.00", PaymentMethod::Card),
        paid(
            campaign,
            "ledger-key-02",
            "250.50",
            PaymentMethod::BankTransfer,
        ),
        paid(campaign, "ledger-key-03", "300.00", PaymentMethod::Cash),
        paid(
            campaign,
            "ledger-key-04",
            "49.50",
            PaymentMethod::MobileWallet,
        ),
        in_kind(campaign, "ledger-key-05"),
    ] {
        sequencer.submit(d).await.expect("durable");
    }
    Books {
        campaign,
        a,
        b,
        alice: treasurer(s, &a, "alice@x.ma").await,
        bilal: treasurer(s, &a, "bilal@x.ma").await,
        b_treasurer: treasurer(s, &b, "bt@x.ma").await,
    }
}

fn balance(tb: &twiza_store::TrialBalance, account: Account) -> i64 {
    tb.accounts
        .iter()
        .filter(|a| a.account == account)
        .map(|a| a.balance_centimes())
        .sum()
}

on_both_backends!(
    donations_are_booked_in_balanced_entries,
    |db: TestDb| async move {
        let s = &db.store;
        let k = books(s).await;
        let tb = s.trial_balance(&k.a).await.expect("tb");
        assert!(tb.balanced(), "{}: {tb:?}", db.name);
        assert_eq!(tb.debit_centimes, 160_000, "{}", db.name);
        assert_eq!(balance(&tb, Account::Bank), 125_050);
        assert_eq!(balance(&tb, Account::Cash), 30_000);
        assert_eq!(balance(&tb, Account::MobileWallet), 4_950);
        let income: Vec<_> = tb
            .accounts
            .iter()
            .filter(|a| a.account == Account::DonationIncome)
            .collect();
        assert_eq!(income.len(), 1);
        assert_eq!(
            (income[0].campaign_id, income[0].balance_centimes()),
            (Some(k.campaign), 160_000)
        );
        let mut stock: Vec<_> = tb
            .stock
            .iter()
            .map(|x| (x.item.as_str(), x.unit.as_str(), x.quantity))
            .collect();
        stock.sort();
        assert_eq!(
            stock,
            vec![("Couverture", "pièce", 40), ("Farine", "kg", 100)]
        );
        // A pending donation is not booked until it is confirmed.
        let sequencer = Sequencer::start(s.clone(), [1; 32]);
        let mut pending = paid(k.campaign, "ledger-key-06", "5.00", PaymentMethod::Card);
        pending.status = DonationStatus::Pending;
        pending.provider_reference = Some("pay_ledger_pending_0001".into());
        sequencer.submit(pending).await.expect("pending");
        assert_eq!(
            s.trial_balance(&k.a).await.expect("tb").debit_centimes,
            160_000
        );
        // B has nothing.
        assert_eq!(s.trial_balance(&k.b).await.expect("tb").accounts, vec![]);
    }
);

on_both_backends!(
    expenses_need_a_second_person_and_enough_funds,
    |db: TestDb| async move {
        let s = &db.store;
        let k = books(s).await;
        let (e, replayed) = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0001", "400.00", ExpenseCategory::Programme),
                k.alice,
            )
            .await
            .expect("submit");
        assert_eq!((e.status, replayed), (ExpenseStatus::Submitted, false));
        let (again, replayed) = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0001", "400.00", ExpenseCategory::Programme),
                k.alice,
            )
            .await
            .expect("replay");
        assert_eq!((again.id, replayed), (e.id, true));
        let conflict = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0001", "401.00", ExpenseCategory::Programme),
                k.alice,
            )
            .await
            .unwrap_err();
        assert!(matches!(
            conflict,
            StoreError::Refused(Refusal::IdempotencyConflict)
        ));

        let size = s.log_size().await.expect("size");
        let tb = s.trial_balance(&k.a).await.expect("tb");
        let own = s.approve_expense(&k.a, e.id, k.alice).await.unwrap_err();
        assert!(
            matches!(own, StoreError::Refused(Refusal::ExpenseSelfApproval)),
            "{}: {own:?}",
            db.name
        );
        assert_eq!(s.log_size().await.expect("size"), size, "nothing logged");
        assert_eq!(
            s.trial_balance(&k.a).await.expect("tb"),
            tb,
            "nothing booked"
        );
        assert_eq!(
            s.expense(&k.a, e.id).await.expect("q").expect("e").status,
            ExpenseStatus::Submitted
        );
        // Another association's treasurer cannot reach it.
        assert!(matches!(
            s.approve_expense(&k.b, e.id, k.b_treasurer).await,
            Err(StoreError::NotFound)
        ));

        let approved = s
            .approve_expense(&k.a, e.id, k.bilal)
            .await
            .expect("approve");
        assert_eq!(approved.status, ExpenseStatus::Approved);
        assert_eq!(approved.leaf_index, Some(size));
        let twice = s.approve_expense(&k.a, e.id, k.bilal).await.unwrap_err();
        assert!(matches!(
            twice,
            StoreError::Refused(Refusal::ExpenseDecided)
        ));
        let leaf = s.log_entry(size).await.expect("q").expect("leaf");
        let text = String::from_utf8(leaf.leaf).expect("utf8");
        assert_eq!(
            text,
            format!(
                r#"{{"amount":"400.00","at":{},"campaign":"TWZ-LDG1","category":"programme","currency":"MAD","evidence":"{}","id":{},"type":"expense_approved","v":1}}"#,
                approved.decided_at.expect("at").unix_timestamp(),
                approved.evidence_sha256,
                e.id
            )
        );
        assert!(!text.contains("Tentes"), "no free text in the log");

        let tb = s.trial_balance(&k.a).await.expect("tb");
        assert!(tb.balanced());
        assert_eq!(balance(&tb, Account::ProgrammeExpenses), 40_000);
        assert_eq!(balance(&tb, Account::Bank), 125_050 - 40_000);

        // 1,600 raised, 400 spent: 1,200.01 is too much, 1,200 is exactly enough.
        let (big, _) = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0002", "1200.01", ExpenseCategory::RunningCosts),
                k.alice,
            )
            .await
            .expect("submit");
        let size = s.log_size().await.expect("size");
        let refused = s.approve_expense(&k.a, big.id, k.bilal).await.unwrap_err();
        assert!(matches!(
            refused,
            StoreError::Refused(Refusal::InsufficientFunds)
        ));
        assert_eq!(s.log_size().await.expect("size"), size);
        let rejected = s
            .reject_expense(&k.a, big.id, k.bilal, "Montant erroné")
            .await
            .expect("reject");
        assert_eq!(rejected.status, ExpenseStatus::Rejected);
        assert!(matches!(
            s.reject_expense(&k.a, big.id, k.bilal, "x").await,
            Err(StoreError::Refused(Refusal::ExpenseDecided))
        ));
        let (exact, _) = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0003", "1200.00", ExpenseCategory::RunningCosts),
                k.bilal,
            )
            .await
            .expect("submit");
        s.approve_expense(&k.a, exact.id, k.alice)
            .await
            .expect("approve");
        let (evidence_type, bytes) = s
            .expense_evidence(&k.a, exact.id)
            .await
            .expect("q")
            .expect("file");
        assert_eq!(evidence_type, "application/pdf");
        assert!(bytes.starts_with(b"%PDF-1.7 invoice exp-key-0003"));
        assert_eq!(s.expense_evidence(&k.b, exact.id).await.expect("q"), None);
        let listed = s
            .campaign_expenses(&k.a, k.campaign, None)
            .await
            .expect("list");
        assert_eq!(listed.len(), 3);
        assert_eq!(listed[0].id, exact.id, "newest first");
        assert_eq!(
            s.campaign_expenses(&k.a, k.campaign, Some(exact.id))
                .await
                .expect("page")
                .len(),
            2
        );
        assert!(s.trial_balance(&k.a).await.expect("tb").balanced());
    }
);

on_both_backends!(
    transfers_are_booked_on_both_sides_and_reported,
    |db: TestDb| async move {
        let s = &db.store;
        let k = books(s).await;
        let new = |key: &str, amount: &str| NewTransfer {
            idempotency_key: key.into(),
            request_hash: format!("h-{key}-{amount}"),
            to: k.b.org_id(),
            campaign_id: k.campaign,
            amount: mad(amount),
        };
        let (t, _) = s
            .create_transfer(&k.a, &new("transfer-0001", "500.00"), k.alice)
            .await
            .expect("create");
        assert_eq!(t.status, TransferStatus::Pending);
        let (replay, replayed) = s
            .create_transfer(&k.a, &new("transfer-0001", "500.00"), k.alice)
            .await
            .expect("replay");
        assert_eq!((replay.id, replayed), (t.id, true));
        assert!(matches!(
            s.create_transfer(&k.a, &new("transfer-0002", "1600.01"), k.alice)
                .await,
            Err(StoreError::Refused(Refusal::InsufficientFunds))
        ));
        let mut to_self = new("transfer-0003", "1.00");
        to_self.to = k.a.org_id();
        assert!(matches!(
            s.create_transfer(&k.a, &to_self, k.alice).await,
            Err(StoreError::Refused(Refusal::InvalidRecipient))
        ));
        // The sender cannot confirm its own transfer.
        assert!(matches!(
            s.confirm_transfer(&k.a, t.id, k.alice).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            s.transfer_receiver(t.id).await.expect("q"),
            Some(k.b.org_id())
        );
        let size = s.log_size().await.expect("size");
        let confirmed = s
            .confirm_transfer(&k.b, t.id, k.b_treasurer)
            .await
            .expect("confirm");
        assert_eq!(
            (confirmed.status, confirmed.leaf_index),
            (TransferStatus::Confirmed, Some(size))
        );
        assert!(matches!(
            s.confirm_transfer(&k.b, t.id, k.b_treasurer).await,
            Err(StoreError::Refused(Refusal::TransferDecided))
        ));
        let text = String::from_utf8(s.log_entry(size).await.expect("q").expect("leaf").leaf)
            .expect("utf8");
        assert_eq!(
            text,
            format!(
                r#"{{"amount":"500.00","at":{},"campaign":"TWZ-LDG1","currency":"MAD","from_organization":{},"id":{},"to_organization":{},"type":"transfer_confirmed","v":1}}"#,
                confirmed.confirmed_at.expect("at").unix_timestamp(),
                k.a.org_id().0,
                t.id,
                k.b.org_id().0
            )
        );
        let tb_a = s.trial_balance(&k.a).await.expect("tb");
        let tb_b = s.trial_balance(&k.b).await.expect("tb");
        assert!(tb_a.balanced() && tb_b.balanced(), "{}", db.name);
        assert_eq!(balance(&tb_a, Account::TransfersOut), 50_000);
        assert_eq!(balance(&tb_a, Account::Bank), 125_050 - 50_000);
        assert_eq!(balance(&tb_b, Account::Bank), 50_000);
        assert_eq!(balance(&tb_b, Account::TransfersIn), 50_000);
        assert_eq!(s.transfers_of(&k.a, None).await.expect("q").len(), 1);
        assert_eq!(s.transfers_of(&k.b, None).await.expect("q").len(), 1);

        // An expense and the report: every figure is the sum of what was recorded.
        let (e, _) = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0010", "100.25", ExpenseCategory::RunningCosts),
                k.alice,
            )
            .await
            .expect("submit");
        s.approve_expense(&k.a, e.id, k.bilal)
            .await
            .expect("approve");
        let r = s.campaign_report(k.campaign).await.expect("report");
        let by = |m: PaymentMethod| {
            r.raised_by_method
                .iter()
                .find(|x| x.0 == m)
                .map(|x| (x.1, x.2))
                .expect("method")
        };
        assert_eq!(by(PaymentMethod::Card), (100_000, 1));
        assert_eq!(by(PaymentMethod::BankTransfer), (25_050, 1));
        assert_eq!(by(PaymentMethod::Cash), (30_000, 1));
        assert_eq!(by(PaymentMethod::MobileWallet), (4_950, 1));
        assert_eq!(r.raised_centimes, 160_000);
        assert_eq!(
            (r.donations, r.money_donations, r.in_kind_donations),
            (5, 4, 1)
        );
        let items: Vec<_> = r
            .in_kind
            .iter()
            .map(|x| (x.item.as_str(), x.unit.as_str(), x.quantity))
            .collect();
        assert_eq!(items.len(), 2);
        assert!(items.contains(&("Couverture", "pièce", 40)));
        assert!(!r.in_kind_more);
        assert_eq!(r.spent_centimes, 10_025);
        assert!(r
            .spent_by_category
            .contains(&(ExpenseCategory::RunningCosts, 10_025, 1)));
        assert!(r
            .spent_by_category
            .contains(&(ExpenseCategory::Programme, 0, 0)));
        assert_eq!((r.transfers_out_centimes, r.transfers_out), (50_000, 1));
        assert_eq!(r.balance_centimes, 160_000 - 10_025 - 50_000);
        // The report agrees with the ledger.
        let tb_a = s.trial_balance(&k.a).await.expect("tb");
        assert_eq!(balance(&tb_a, Account::DonationIncome), r.raised_centimes);
        assert_eq!(
            balance(&tb_a, Account::Bank)
                + balance(&tb_a, Account::Cash)
                + balance(&tb_a, Account::MobileWallet),
            r.balance_centimes
        );
        // Keyset pages of goods.
        let first = s
            .campaign_in_kind_page(k.campaign, None, 1)
            .await
            .expect("page");
        let next = s
            .campaign_in_kind_page(
                k.campaign,
                Some((first[0].item.as_str(), first[0].unit.as_str())),
                10,
            )
            .await
            .expect("page");
        assert_eq!((first.len(), next.len()), (1, 1));
        assert_ne!(first[0].item, next[0].item);
    }
);

on_both_backends!(
    the_audit_checks_expenses_and_transfers,
    |db: TestDb| async move {
        let s = &db.store;
        let k = books(s).await;
        let (e, _) = s
            .submit_expense(
                &k.a,
                k.campaign,
                &expense("exp-key-0020", "10.00", ExpenseCategory::Programme),
                k.alice,
            )
            .await
            .expect("submit");
        s.approve_expense(&k.a, e.id, k.bilal)
            .await
            .expect("approve");
        let (t, _) = s
            .create_transfer(
                &k.a,
                &NewTransfer {
                    idempotency_key: "transfer-0020".into(),
                    request_hash: "h".into(),
                    to: k.b.org_id(),
                    campaign_id: k.campaign,
                    amount: mad("20.00"),
                },
                k.alice,
            )
            .await
            .expect("create");
        s.confirm_transfer(&k.b, t.id, k.b_treasurer)
            .await
            .expect("confirm");
        let report = s.audit_log(None, |_| {}).await.expect("audit");
        assert!(report.ok(), "{}: {:?}", db.name, report.findings);
        s.execute_raw(&format!(
            "UPDATE expenses SET amount_centimes = 1 WHERE id = {}",
            e.id
        ))
        .await
        .expect("tamper");
        let found = s.audit_log(None, |_| {}).await.expect("audit").findings;
        assert!(
            found
                .iter()
                .any(|f| f.contains(&format!("expenses row {}", e.id))),
            "{}: {found:?}",
            db.name
        );
        s.execute_raw(&format!(
            "UPDATE transfers SET to_organization_id = {} WHERE id = {}",
            k.a.org_id().0,
            t.id
        ))
        .await
        .expect("tamper");
        let found = s.audit_log(None, |_| {}).await.expect("audit").findings;
        assert!(
            found
                .iter()
                .any(|f| f.contains(&format!("transfers row {}", t.id))),
            "{}: {found:?}",
            db.name
        );
    }
);

on_both_backends!(
    expense_pages_waiting_lists_and_the_journal_read_by_keyset,
    |db: TestDb| async move {
        use twiza_store::{JournalFilter, Keyset};
        let s = &db.store;
        let k = books(s).await;
        let mut ids = Vec::new();
        for i in 0..5 {
            let e = expense(
                &format!("page-key-{i:04}"),
                "10.00",
                ExpenseCategory::Programme,
            );
            let by = if i % 2 == 0 { k.alice } else { k.bilal };
            ids.push(
                s.submit_expense(&k.a, k.campaign, &e, by)
                    .await
                    .expect("e")
                    .0
                    .id,
            );
        }
        let page = |p| s.campaign_expenses_page(&k.a, k.campaign, p, 2);
        let got = |v: Vec<twiza_store::Expense>| v.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(
            got(page(Keyset::Newest).await.expect("q")),
            vec![ids[4], ids[3]]
        );
        assert_eq!(
            got(page(Keyset::Before(ids[3])).await.expect("q")),
            vec![ids[2], ids[1]]
        );
        assert_eq!(
            got(page(Keyset::After(ids[1])).await.expect("q")),
            vec![ids[3], ids[2]],
            "{}",
            db.name
        );
        // Waiting for Alice: what Bilal submitted, oldest first; of another campaign, nothing.
        let waiting = s
            .expenses_waiting(&k.a, None, Some(k.alice), 100)
            .await
            .expect("q");
        assert_eq!(got(waiting), vec![ids[1], ids[3]]);
        let all = s
            .expenses_waiting(&k.a, Some(k.campaign), None, 100)
            .await
            .expect("q");
        assert_eq!(all.len(), 5);
        assert!(s
            .expenses_waiting(&k.a, Some(k.campaign + 1000), None, 100)
            .await
            .expect("q")
            .is_empty());
        // B sees none of A's.
        assert!(s
            .expenses_waiting(&k.b, None, None, 100)
            .await
            .expect("q")
            .is_empty());

        // The journal: by account, by period, in pages.
        s.approve_expense(&k.a, ids[1], k.alice)
            .await
            .expect("approve");
        let everything = JournalFilter::default();
        let lines = s
            .journal(&k.a, &everything, Keyset::Newest, 100)
            .await
            .expect("q");
        assert!(lines.windows(2).all(|w| w[0].id > w[1].id), "newest first");
        let expenses = JournalFilter {
            account: Some(Account::ProgrammeExpenses),
            ..Default::default()
        };
        let lines = s
            .journal(&k.a, &expenses, Keyset::Newest, 100)
            .await
            .expect("q");
        assert_eq!(lines.len(), 1, "{}", db.name);
        assert_eq!(
            (lines[0].source.as_str(), lines[0].source_id),
            ("expense", ids[1])
        );
        assert_eq!(lines[0].debit_centimes, 1_000);
        let future = JournalFilter {
            from: Some(lines[0].at.unix_timestamp() + 1),
            ..expenses.clone()
        };
        assert!(s
            .journal(&k.a, &future, Keyset::Newest, 100)
            .await
            .expect("q")
            .is_empty());
        let past = JournalFilter {
            until: Some(lines[0].at.unix_timestamp()),
            ..expenses
        };
        assert!(s
            .journal(&k.a, &past, Keyset::Newest, 100)
            .await
            .expect("q")
            .is_empty());
        let first = s
            .journal(&k.a, &everything, Keyset::Newest, 2)
            .await
            .expect("q");
        let next = s
            .journal(&k.a, &everything, Keyset::Before(first[1].id), 2)
            .await
            .expect("q");
        assert!(next.iter().all(|l| l.id < first[1].id));
        let back = s
            .journal(&k.a, &everything, Keyset::After(next[0].id), 2)
            .await
            .expect("q");
        assert_eq!(
            back.iter().map(|l| l.id).collect::<Vec<_>>(),
            first.iter().map(|l| l.id).collect::<Vec<_>>()
        );
        assert!(s
            .journal(&k.b, &everything, Keyset::Newest, 100)
            .await
            .expect("q")
            .is_empty());

        // Transfers: pages and those waiting for the receiver.
        let t = NewTransfer {
            idempotency_key: "page-transfer-1".into(),
            request_hash: "h".into(),
            to: k.b.org_id(),
            campaign_id: k.campaign,
            amount: mad("5.00"),
        };
        let (t, _) = s.create_transfer(&k.a, &t, k.alice).await.expect("t");
        let pending = s.transfers_pending_to(&k.b, 100).await.expect("q");
        assert_eq!(pending.iter().map(|x| x.id).collect::<Vec<_>>(), vec![t.id]);
        assert!(s
            .transfers_pending_to(&k.a, 100)
            .await
            .expect("q")
            .is_empty());
        assert_eq!(
            s.transfers_page(&k.a, Keyset::Newest, 10)
                .await
                .expect("q")
                .len(),
            1
        );
        assert!(s
            .transfers_page(&k.a, Keyset::Before(t.id), 10)
            .await
            .expect("q")
            .is_empty());
        s.confirm_transfer(&k.b, t.id, k.b_treasurer)
            .await
            .expect("confirm");
        assert!(s
            .transfers_pending_to(&k.b, 100)
            .await
            .expect("q")
            .is_empty());
    }
);
