//! The treasury's list of a campaign's donations on both backends: newest first, keyset pages
//! both ways, each filter alone and together, and nothing of another association.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::{collecting_campaign, money};
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod, PledgedItem};
use twiza_domain::money::Amount;
use twiza_store::{DonationChannel, DonationFilter, GiftKind, NewDonation, Sequencer};

fn paid(campaign: i64, key: &str, amount: &str, method: PaymentMethod) -> NewDonation {
    let mut d = money(campaign, key, amount);
    d.gift = Gift::Money {
        amount: Amount::parse("amount", amount).expect("amount"),
        method,
    };
    d
}

fn filter(limit: i64) -> DonationFilter {
    DonationFilter {
        limit,
        ..DonationFilter::default()
    }
}

on_both_backends!(
    a_campaigns_donations_are_listed_by_keyset_with_filters,
    |db: TestDb| async move {
        let s = &db.store;
        let (campaign, scope) = collecting_campaign(s, "TWZ-LST1").await;
        let (theirs, their_scope) = collecting_campaign(s, "TWZ-LST2").await;
        let sequencer = Sequencer::start(s.clone(), [3; 32]);
        let mut ids = Vec::new();
        for n in 0..7 {
            let d = paid(
                campaign,
                &format!("cash-{n:04}-key"),
                "150.00",
                PaymentMethod::Cash,
            );
            ids.push(sequencer.submit(d).await.expect("durable").id);
        }
        for n in 0..2 {
            let d = paid(
                campaign,
                &format!("transfer-{n:04}-key"),
                "5000.00",
                PaymentMethod::BankTransfer,
            );
            ids.push(sequencer.submit(d).await.expect("durable").id);
        }
        let mut online = paid(campaign, "online-0001-key", "100.00", PaymentMethod::Card);
        online.status = DonationStatus::Pending;
        online.provider_reference = Some("pay_listing_0001".into());
        ids.push(sequencer.submit(online).await.expect("durable").id);
        let mut goods = money(campaign, "goods-0001-key", "1");
        goods.gift = Gift::InKind {
            items: vec![PledgedItem {
                item: "blanket".into(),
                quantity: 40,
                unit: "piece".into(),
            }],
        };
        ids.push(sequencer.submit(goods).await.expect("durable").id);
        sequencer
            .submit(money(theirs, "theirs-0001-key", "10.00"))
            .await
            .expect("durable");
        ids.reverse();

        // Newest first, four at a time, to the end and back.
        let listed = |p: &twiza_store::DonationPage| -> Vec<i64> {
            p.donations.iter().map(|d| d.id).collect()
        };
        let first = s
            .donations_page(&scope, campaign, &filter(4))
            .await
            .expect("page");
        assert_eq!(listed(&first), ids[..4].to_vec());
        assert_eq!((first.newer, first.older), (false, true));
        let mut seen = listed(&first);
        let mut page = first;
        while page.older {
            let next = DonationFilter {
                after: page.donations.last().map(|d| d.id),
                ..filter(4)
            };
            page = s
                .donations_page(&scope, campaign, &next)
                .await
                .expect("page");
            assert!(page.newer);
            seen.extend(listed(&page));
        }
        assert_eq!(seen, ids);
        assert_eq!(listed(&page), ids[8..].to_vec());
        let back = DonationFilter {
            before: page.donations.first().map(|d| d.id),
            ..filter(4)
        };
        let back = s
            .donations_page(&scope, campaign, &back)
            .await
            .expect("page");
        assert_eq!(listed(&back), ids[4..8].to_vec());
        assert_eq!((back.newer, back.older), (true, true));

        // Filters.
        let with = |f: DonationFilter| async move {
            s.donations_page(&scope, campaign, &f)
                .await
                .expect("page")
                .donations
                .into_iter()
                .map(|d| d.id)
                .collect::<Vec<_>>()
        };
        let kind = DonationFilter {
            kind: Some(GiftKind::InKind),
            ..filter(50)
        };
        assert_eq!(with(kind).await, vec![ids[0]]);
        let online = DonationFilter {
            channel: Some(DonationChannel::Online),
            ..filter(50)
        };
        assert_eq!(with(online).await, vec![ids[1]]);
        let cash = DonationFilter {
            channel: Some(DonationChannel::Recorded(PaymentMethod::Cash)),
            ..filter(50)
        };
        assert_eq!(with(cash).await, ids[4..].to_vec());
        let card = DonationFilter {
            channel: Some(DonationChannel::Recorded(PaymentMethod::Card)),
            ..filter(50)
        };
        assert!(
            with(card).await.is_empty(),
            "the online card gift is online"
        );
        let large = DonationFilter {
            min_centimes: Some(100_000),
            ..filter(50)
        };
        assert_eq!(with(large).await, ids[2..4].to_vec());
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let today = DonationFilter {
            from: Some(now - 3600),
            to: Some(now + 3600),
            kind: Some(GiftKind::Money),
            min_centimes: Some(10_000),
            ..filter(50)
        };
        assert_eq!(with(today).await, ids[1..].to_vec());
        let later = DonationFilter {
            from: Some(now + 3600),
            ..filter(50)
        };
        assert!(with(later).await.is_empty());
        let earlier = DonationFilter {
            to: Some(now - 3600),
            ..filter(50)
        };
        assert!(with(earlier).await.is_empty());

        // The page shows what it needs and nothing of the donor.
        let all = s
            .donations_page(&scope, campaign, &filter(50))
            .await
            .expect("page");
        let gift = &all.donations[1];
        assert!(gift.online && !gift.has_donor && gift.status == DonationStatus::Pending);
        assert!(matches!(all.donations[0].gift, Gift::InKind { .. }));
        // Another association reads nothing of this campaign.
        let theirs_view = s
            .donations_page(&their_scope, campaign, &filter(50))
            .await
            .expect("page");
        assert!(theirs_view.donations.is_empty());
    }
);
