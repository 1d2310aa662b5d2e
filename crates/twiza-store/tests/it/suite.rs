//! The storage behaviours every backend must show.

use crate::harness::TestDb;
use crate::on_both_backends;
use time::macros::date;
use twiza_domain::account::Email;
use twiza_domain::organization::{
    ActionDomain, NewOrganization, OrgStatus, Seat, VerificationDecision,
};
use twiza_domain::Refusal;
use twiza_domain::{OrgRole, OrgScope, PlatformRole};
use twiza_store::{DirectoryFilter, StoreError};

pub fn new_org(number: &str, name_fr: &str, province: &str) -> NewOrganization {
    NewOrganization {
        name_ar: "جمعية الأمل".into(),
        name_fr: name_fr.into(),
        name_zgh: None,
        declaration_number: number.into(),
        declaration_date: date!(2019 - 03 - 01),
        seat: Seat {
            region_code: "07".into(),
            province_code: province.into(),
            commune_code: "x".into(),
        },
        domains: vec![ActionDomain::Relief, ActionDomain::Health],
        email: Some(Email::parse("contact@amal.ma").expect("email")),
        phone: None,
        website: None,
        address: None,
        description: Some("Aide d'urgence".into()),
    }
}

on_both_backends!(migrations_are_idempotent, |db: TestDb| async move {
    db.store.migrate().await.expect("second migrate is a no-op");
    db.store.ping().await.expect("ping");
});

on_both_backends!(users_are_unique_by_email, |db: TestDb| async move {
    let s = &db.store;
    let id = s
        .create_user("amina@example.ma", "hash", "Amina", None)
        .await
        .expect("create");
    let err = s
        .create_user("amina@example.ma", "hash2", "Other", None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Refused(Refusal::EmailTaken)),
        "{}: {err:?}",
        db.name
    );
    let (user, hash) = s
        .user_with_password("amina@example.ma")
        .await
        .expect("q")
        .expect("found");
    assert_eq!((user.id, hash.as_str()), (id, "hash"));
    s.set_platform_role(id, Some(PlatformRole::Auditor))
        .await
        .expect("role");
    assert_eq!(
        s.user(id).await.expect("q").expect("u").platform_role,
        Some(PlatformRole::Auditor)
    );
});

on_both_backends!(sessions_and_tokens, |db: TestDb| async move {
    let s = &db.store;
    let uid = s.create_user("a@x.ma", "h", "A", None).await.expect("user");
    let other = s.create_user("b@x.ma", "h", "B", None).await.expect("user");
    s.create_session("live", uid, "csrf", twiza_store::now() + 60)
        .await
        .expect("session");
    s.create_session("dead", uid, "csrf", twiza_store::now() - 1)
        .await
        .expect("session");
    assert_eq!(
        s.session("live").await.expect("q").expect("live").user.id,
        uid
    );
    assert!(
        s.session("dead").await.expect("q").is_none(),
        "expired session is not returned"
    );
    s.delete_session("live").await.expect("delete");
    assert!(s.session("live").await.expect("q").is_none());

    let tid = s
        .create_api_token(uid, "tokhash", "ci", "twz_ab")
        .await
        .expect("token");
    assert_eq!(
        s.user_for_api_token("tokhash")
            .await
            .expect("q")
            .expect("u")
            .id,
        uid
    );
    assert!(s.api_tokens(uid).await.expect("list")[0]
        .last_used_at
        .is_some());
    let err = s.revoke_api_token(other, tid).await.unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound),
        "another user's token cannot be revoked"
    );
    s.revoke_api_token(uid, tid).await.expect("revoke");
    assert!(s.user_for_api_token("tokhash").await.expect("q").is_none());
    assert!(s.api_tokens(uid).await.expect("list")[0].revoked);
});

on_both_backends!(sign_in_failures_are_counted, |db: TestDb| async move {
    let s = &db.store;
    let before = twiza_store::now();
    for _ in 0..3 {
        s.record_sign_in_failure("k").await.expect("record");
    }
    let after = twiza_store::now();
    let counted = s.sign_in_failures_since("k", 0).await.expect("count");
    assert_eq!(counted.count, 3);
    assert!(
        before <= counted.oldest && counted.oldest <= counted.newest && counted.newest <= after
    );
    let later = twiza_store::now() + 10;
    let none = s.sign_in_failures_since("k", later).await.expect("count");
    assert_eq!((none.count, none.oldest, none.newest), (0, later, later));
    s.clear_sign_in_failures("k").await.expect("clear");
    assert_eq!(
        s.sign_in_failures_since("k", 0).await.expect("count").count,
        0
    );
});

on_both_backends!(organization_lifecycle, |db: TestDb| async move {
    let s = &db.store;
    let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
    let admin = s
        .create_user("p@x.ma", "h", "P", Some(PlatformRole::PlatformAdmin))
        .await
        .expect("user");
    let id = s
        .create_organization(&new_org("1/2019", "Al Amal", "071"), "al amal", owner)
        .await
        .expect("org");
    let org = s.organization(id).await.expect("q").expect("org");
    assert_eq!(org.status, OrgStatus::Pending);
    assert_eq!(
        org.domains,
        vec![ActionDomain::Relief, ActionDomain::Health]
    );
    assert_eq!(org.declaration_date, date!(2019 - 03 - 01));
    assert_eq!(
        s.membership(id, owner).await.expect("q"),
        Some(OrgRole::Owner)
    );

    let dup = s
        .create_organization(&new_org("1/2019", "Copy", "071"), "copy", owner)
        .await
        .unwrap_err();
    assert!(
        matches!(dup, StoreError::Refused(Refusal::DeclarationNumberTaken)),
        "{}: {dup:?}",
        db.name
    );

    assert_eq!(s.pending_organizations(10).await.expect("q").len(), 1);
    let empty = s
        .directory(&DirectoryFilter {
            page: 1,
            per_page: 10,
            ..Default::default()
        })
        .await
        .expect("dir");
    assert_eq!(
        empty.total, 0,
        "pending associations stay out of the directory"
    );

    s.decide_verification(id, &VerificationDecision::Verify, admin)
        .await
        .expect("verify");
    let again = s
        .decide_verification(id, &VerificationDecision::Verify, admin)
        .await
        .unwrap_err();
    assert!(matches!(
        again,
        StoreError::Refused(Refusal::InvalidStatusChange)
    ));
    let page = s
        .directory(&DirectoryFilter {
            page: 1,
            per_page: 10,
            ..Default::default()
        })
        .await
        .expect("dir");
    assert_eq!(page.total, 1);
    assert!(page.organizations[0].verified_at.is_some());
});

on_both_backends!(directory_filters_and_pages, |db: TestDb| async move {
    let s = &db.store;
    let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
    for i in 0..25 {
        let province = if i % 2 == 0 { "071" } else { "161" };
        let name = format!("Association {i:02}");
        let id = s
            .create_organization(
                &new_org(&format!("{i}/2020"), &name, province),
                &name.to_lowercase(),
                owner,
            )
            .await
            .expect("org");
        s.decide_verification(id, &VerificationDecision::Verify, owner)
            .await
            .expect("verify");
    }
    let f = |q: Option<&str>, province: Option<&str>, page| DirectoryFilter {
        query: q.map(str::to_owned),
        province_code: province.map(str::to_owned),
        page,
        per_page: 10,
        ..Default::default()
    };
    let p3 = s.directory(&f(None, None, 3)).await.expect("dir");
    assert_eq!((p3.total, p3.organizations.len()), (25, 5));
    assert_eq!(p3.organizations[0].name_fr, "Association 20");
    assert_eq!(
        s.directory(&f(None, Some("161"), 1))
            .await
            .expect("dir")
            .total,
        12
    );
    assert_eq!(
        s.directory(&f(Some("ciation 1"), None, 1))
            .await
            .expect("dir")
            .total,
        10
    );
    assert_eq!(
        s.directory(&f(Some("%"), None, 1))
            .await
            .expect("dir")
            .total,
        25,
        "wildcards are inert"
    );
    assert_eq!(
        s.directory(&f(Some("' OR 1=1 --"), None, 1))
            .await
            .expect("dir")
            .total,
        0
    );
    let health = DirectoryFilter {
        domain: Some(ActionDomain::Health),
        page: 1,
        per_page: 10,
        ..Default::default()
    };
    assert_eq!(s.directory(&health).await.expect("dir").total, 25);
    let water = DirectoryFilter {
        domain: Some(ActionDomain::Water),
        page: 1,
        per_page: 10,
        ..Default::default()
    };
    assert_eq!(s.directory(&water).await.expect("dir").total, 0);
});

on_both_backends!(
    members_are_scoped_to_their_association,
    |db: TestDb| async move {
        let s = &db.store;
        let a_owner = s.create_user("a@x.ma", "h", "A", None).await.expect("user");
        let b_owner = s.create_user("b@x.ma", "h", "B", None).await.expect("user");
        let a = s
            .create_organization(&new_org("1/2019", "A", "071"), "a", a_owner)
            .await
            .expect("org");
        let b = s
            .create_organization(&new_org("2/2019", "B", "071"), "b", b_owner)
            .await
            .expect("org");
        let scope_a = OrgScope::for_member(a, OrgRole::Owner);
        let scope_b = OrgScope::for_member(b, OrgRole::Owner);

        let inv = s
            .invite(&scope_a, "v@x.ma", OrgRole::Volunteer, a_owner)
            .await
            .expect("invite");
        let dup = s
            .invite(&scope_a, "v@x.ma", OrgRole::Admin, a_owner)
            .await
            .unwrap_err();
        assert!(matches!(dup, StoreError::Refused(Refusal::AlreadyInvited)));
        let member_again = s
            .invite(&scope_a, "a@x.ma", OrgRole::Admin, a_owner)
            .await
            .unwrap_err();
        assert!(matches!(
            member_again,
            StoreError::Refused(Refusal::AlreadyMember)
        ));
        assert_eq!(s.invitations(&scope_a).await.expect("q").len(), 1);
        assert!(
            s.invitations(&scope_b).await.expect("q").is_empty(),
            "B does not see A's invitations"
        );

        let volunteer = s.create_user("v@x.ma", "h", "V", None).await.expect("user");
        assert_eq!(s.invitations_for("v@x.ma").await.expect("q")[0].org_id, a);
        let wrong = s
            .accept_invitation(inv, volunteer, "someone@else.ma")
            .await
            .unwrap_err();
        assert!(
            matches!(wrong, StoreError::NotFound),
            "an invitation is only for its address"
        );
        assert_eq!(
            s.accept_invitation(inv, volunteer, "v@x.ma")
                .await
                .expect("accept"),
            a
        );
        assert_eq!(
            s.membership(a, volunteer).await.expect("q"),
            Some(OrgRole::Volunteer)
        );
        assert_eq!(s.membership(b, volunteer).await.expect("q"), None);

        let members_a = s.members(&scope_a).await.expect("q");
        assert_eq!(members_a.len(), 2);
        assert!(s
            .members(&scope_b)
            .await
            .expect("q")
            .iter()
            .all(|m| m.user_id == b_owner));
        assert_eq!(s.memberships_of(volunteer).await.expect("q").len(), 1);

        s.set_organization_logo(&scope_b, "image/png", b"\x89PNG....")
            .await
            .expect("logo");
        assert!(
            s.organization_logo(a).await.expect("q").is_none(),
            "A's logo untouched"
        );
        assert_eq!(
            s.organization_logo(b).await.expect("q").expect("logo").0,
            "image/png"
        );
    }
);

fn new_campaign() -> twiza_domain::campaign::NewCampaign {
    let input = twiza_domain::campaign::CampaignInput {
        title_ar: "حملة",
        title_fr: "Campagne",
        purpose_ar: "غرض",
        purpose_fr: "Objet",
        goal: "1000.50",
        starts_on: "2023-09-09",
        ends_on: "2023-12-31",
        scope: "regional",
        bank_account: "011780000012345678901296",
        emergency: false,
    };
    twiza_domain::campaign::NewCampaign::parse(&input).expect("campaign")
}

on_both_backends!(
    a_campaign_form_sent_twice_opens_one_campaign_and_keeps_its_request_file,
    |db: TestDb| async move {
        use twiza_store::AuthorizationDecision;
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let org = s
            .create_organization(&new_org("1/2019", "A", "071"), "a", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let key = Some("00112233445566778899aabbccddeeff");
        let first = s
            .create_campaign_once(&scope, &new_campaign(), "TWZ-AAAA", owner, key)
            .await
            .expect("campaign");
        let again = s
            .create_campaign_once(&scope, &new_campaign(), "TWZ-BBBB", owner, key)
            .await
            .expect("the same campaign");
        assert_eq!(first, again);
        let other = s
            .create_campaign_once(&scope, &new_campaign(), "TWZ-CCCC", owner, None)
            .await
            .expect("campaign");
        assert_ne!(first, other);
        assert_eq!(s.campaigns_of(&scope).await.expect("q").len(), 2);

        s.record_request_document(first, "application/pdf", b"%PDF-1", "aa", owner)
            .await
            .expect("file");
        s.record_request_document(first, "image/png", b"\x89PNG", "bb", owner)
            .await
            .expect("replaced");
        assert_eq!(
            s.request_document_info(first).await.expect("q"),
            Some(("image/png".to_owned(), "bb".to_owned(), 4))
        );
        let grant = AuthorizationDecision::Grant {
            reference: "GOV-1".into(),
            valid_from: time::macros::date!(2023 - 09 - 09),
            valid_to: time::macros::date!(2023 - 12 - 31),
        };
        let admin = s
            .create_user(
                "admin@x.ma",
                "h",
                "A",
                Some(twiza_domain::PlatformRole::PlatformAdmin),
            )
            .await
            .expect("admin");
        s.decide_authorization(first, &grant, admin)
            .await
            .expect("grant");
        let late = s
            .record_request_document(first, "application/pdf", b"%PDF-2", "cc", owner)
            .await
            .unwrap_err();
        assert!(matches!(
            late,
            StoreError::Refused(Refusal::AuthorizationDecided)
        ));
        assert_eq!(
            s.request_document(first).await.expect("q").map(|(t, _)| t),
            Some("image/png".to_owned())
        );
    }
);

on_both_backends!(campaigns_and_their_authorization, |db: TestDb| async move {
    use twiza_domain::campaign::{AuthorizationStatus, CampaignState};
    use twiza_store::AuthorizationDecision;
    let s = &db.store;
    let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
    let a = s
        .create_organization(&new_org("1/2019", "A", "071"), "a", owner)
        .await
        .expect("org");
    let b = s
        .create_organization(&new_org("2/2019", "B", "071"), "b", owner)
        .await
        .expect("org");
    let scope_a = OrgScope::for_member(a, OrgRole::Owner);
    let scope_b = OrgScope::for_member(b, OrgRole::Owner);
    let id = s
        .create_campaign(&scope_a, &new_campaign(), "TWZ-AAAA", owner)
        .await
        .expect("campaign");
    let dup = s
        .create_campaign(&scope_a, &new_campaign(), "TWZ-AAAA", owner)
        .await
        .unwrap_err();
    assert!(matches!(
        dup,
        StoreError::Refused(Refusal::CampaignCodeTaken)
    ));
    let c = s
        .campaign_by_code("TWZ-AAAA")
        .await
        .expect("q")
        .expect("found");
    assert_eq!(
        (c.id, c.goal.centimes(), c.state),
        (id, 100_050, CampaignState::Draft)
    );
    assert_eq!(c.authorization.status, AuthorizationStatus::Requested);
    assert!(
        s.campaigns_of(&scope_b).await.expect("q").is_empty(),
        "B does not list A's campaigns"
    );

    let other = s
        .set_campaign_state(&scope_b, id, CampaignState::Draft, CampaignState::Published)
        .await
        .unwrap_err();
    assert!(
        matches!(other, StoreError::NotFound),
        "B cannot publish A's campaign"
    );
    s.set_campaign_state(&scope_a, id, CampaignState::Draft, CampaignState::Published)
        .await
        .expect("publish");
    let again = s
        .set_campaign_state(&scope_a, id, CampaignState::Draft, CampaignState::Published)
        .await
        .unwrap_err();
    assert!(matches!(
        again,
        StoreError::Refused(Refusal::InvalidCampaignState)
    ));

    let grant = AuthorizationDecision::Grant {
        reference: "W-1".into(),
        valid_from: date!(2023 - 09 - 09),
        valid_to: date!(2023 - 11 - 30),
    };
    let itself = s.decide_authorization(id, &grant, owner).await.unwrap_err();
    assert!(
        matches!(itself, StoreError::Refused(Refusal::OutsideCompetence)),
        "an association does not authorize itself"
    );
    let registrar = paper_registrar(s, "registrar@x.ma").await;
    s.decide_authorization(id, &grant, registrar)
        .await
        .expect("grant");
    let twice = s
        .decide_authorization(
            id,
            &AuthorizationDecision::Refuse { reason: "x".into() },
            registrar,
        )
        .await
        .unwrap_err();
    assert!(matches!(
        twice,
        StoreError::Refused(Refusal::AuthorizationDecided)
    ));
    let c = s.campaign(id).await.expect("q").expect("found");
    assert_eq!(c.authorization.valid_to, Some(date!(2023 - 11 - 30)));
    assert_eq!(c.authorization.reference.as_deref(), Some("W-1"));
});

/// A platform admin, who records authorization decisions taken on paper.
pub async fn paper_registrar(s: &twiza_store::Store, email: &str) -> twiza_domain::UserId {
    s.create_user(
        email,
        "h",
        "Registrar",
        Some(twiza_domain::PlatformRole::PlatformAdmin),
    )
    .await
    .expect("platform admin")
}

/// A published campaign with a granted authorization, ready to collect.
pub async fn collecting_campaign(s: &twiza_store::Store, code: &str) -> (i64, OrgScope) {
    use twiza_domain::campaign::CampaignState;
    let owner = s
        .create_user(&format!("{code}@x.ma"), "h", "O", None)
        .await
        .expect("user");
    let org = s
        .create_organization(&new_org(code, "Org", "071"), "org", owner)
        .await
        .expect("org");
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let id = s
        .create_campaign(
            &scope,
            &{
                let mut c = new_campaign();
                c.ends_on = date!(2099 - 12 - 31);
                c
            },
            code,
            owner,
        )
        .await
        .expect("campaign");
    let grant = twiza_store::AuthorizationDecision::Grant {
        reference: "R".into(),
        valid_from: date!(2023 - 01 - 01),
        valid_to: date!(2099 - 12 - 31),
    };
    let registrar = paper_registrar(s, &format!("registrar-{code}@x.ma")).await;
    s.decide_authorization(id, &grant, registrar)
        .await
        .expect("grant");
    s.set_campaign_state(&scope, id, CampaignState::Draft, CampaignState::Published)
        .await
        .expect("publish");
    (id, scope)
}

pub fn money(campaign_id: i64, key: &str, amount: &str) -> twiza_store::NewDonation {
    use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod};
    twiza_store::NewDonation {
        campaign_id,
        idempotency_key: key.into(),
        request_hash: format!("hash-of-{amount}"),
        gift: Gift::Money {
            amount: twiza_domain::money::Amount::parse("amount", amount).expect("amount"),
            method: PaymentMethod::Card,
        },
        status: DonationStatus::Confirmed,
        provider_reference: None,
        sealed_identity: None,
    }
}

on_both_backends!(
    donations_are_logged_once_and_replays_are_safe,
    |db: TestDb| async move {
        use twiza_store::{DonationRefused, Sequencer};
        let s = &db.store;
        let (campaign, _) = collecting_campaign(s, "TWZ-0001").await;
        // Leaf 0 is the campaign's authorization.
        assert_eq!(s.log_size().await.expect("size"), 1);
        let sequencer = Sequencer::start(s.clone(), [7; 32]);
        let first = sequencer
            .submit(money(campaign, "key-00000001", "250.00"))
            .await
            .expect("durable");
        // Leaf 0 is the campaign's authorization grant.
        assert_eq!((first.leaf_index, first.replayed), (Some(1), false));
        let replay = sequencer
            .submit(money(campaign, "key-00000001", "250.00"))
            .await
            .expect("replay");
        assert_eq!(
            (replay.id, replay.replayed, replay.leaf_hash),
            (first.id, true, first.leaf_hash)
        );
        let conflict = sequencer
            .submit(money(campaign, "key-00000001", "999.00"))
            .await
            .unwrap_err();
        assert!(
            matches!(conflict, DonationRefused::IdempotencyConflict),
            "{}: {conflict:?}",
            db.name
        );
        assert_eq!(
            s.log_size().await.expect("size"),
            2,
            "the replay and the conflict wrote nothing"
        );

        let entry = s.log_entry(1).await.expect("q").expect("leaf");
        assert_eq!(Some(twiza_tlog::leaf_hash(&entry.leaf)), first.leaf_hash);
        let text = String::from_utf8(entry.leaf).expect("utf8");
        assert!(
            text.starts_with(r#"{"amount":"250.00","at":"#) && text.contains(r#""currency":"MAD""#),
            "{text}"
        );
        assert!(
            text.contains(r#""type":"donation_confirmed","v":1}"#),
            "{text}"
        );
    }
);

on_both_backends!(
    closed_or_unauthorized_campaigns_take_nothing,
    |db: TestDb| async move {
        use twiza_domain::campaign::CampaignState;
        use twiza_store::{DonationRefused, Sequencer};
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let org = s
            .create_organization(&new_org("9/2019", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let draft = s
            .create_campaign(&scope, &new_campaign(), "TWZ-DRFT", owner)
            .await
            .expect("campaign");
        let sequencer = Sequencer::start(s.clone(), [7; 32]);
        let refused = sequencer
            .submit(money(draft, "key-draft-01", "10"))
            .await
            .unwrap_err();
        assert!(
            matches!(refused, DonationRefused::NotCollecting("campaign_draft")),
            "{refused:?}"
        );
        s.set_campaign_state(
            &scope,
            draft,
            CampaignState::Draft,
            CampaignState::Published,
        )
        .await
        .expect("publish");
        let refused = sequencer
            .submit(money(draft, "key-draft-02", "10"))
            .await
            .unwrap_err();
        assert!(
            matches!(
                refused,
                DonationRefused::NotCollecting("campaign_not_authorized")
            ),
            "{refused:?}"
        );
        let (open, open_scope) = collecting_campaign(s, "TWZ-OPEN").await;
        s.set_campaign_state(
            &open_scope,
            open,
            CampaignState::Published,
            CampaignState::Closed,
        )
        .await
        .expect("close");
        let refused = sequencer
            .submit(money(open, "key-closed-1", "10"))
            .await
            .unwrap_err();
        assert!(
            matches!(refused, DonationRefused::NotCollecting("campaign_closed")),
            "{refused:?}"
        );
        let unknown = sequencer
            .submit(money(999_999, "key-unknown1", "10"))
            .await
            .unwrap_err();
        assert!(matches!(unknown, DonationRefused::UnknownCampaign));
        // Only TWZ-OPEN's authorization and closing are logged.
        assert_eq!(s.log_size().await.expect("size"), 2);
        let kinds = [
            s.log_entry(0).await.expect("q").expect("leaf").kind,
            s.log_entry(1).await.expect("q").expect("leaf").kind,
        ];
        assert_eq!(kinds, ["campaign_authorized", "campaign_closed"]);
    }
);

on_both_backends!(
    concurrent_donations_share_commits_and_all_verify,
    |db: TestDb| async move {
        use twiza_store::Sequencer;
        let s = &db.store;
        let (campaign, _) = collecting_campaign(s, "TWZ-MANY").await;
        let sequencer = Sequencer::start(s.clone(), [9; 32]);
        let tasks: Vec<_> = (0..300)
            .map(|i| {
                let sq = sequencer.clone();
                tokio::spawn(async move {
                    sq.submit(money(
                        campaign,
                        &format!("key-{i:08}"),
                        &format!("{}.{:02}", i + 1, i % 100),
                    ))
                    .await
                })
            })
            .collect();
        let mut acks = Vec::new();
        for t in tasks {
            acks.push(t.await.expect("join").expect("durable"));
        }
        let size = s.log_size().await.expect("size");
        assert_eq!(size, 301, "the grant and 300 donations");
        let mut indexes: Vec<u64> = acks.iter().map(|a| a.leaf_index.expect("logged")).collect();
        indexes.sort();
        assert_eq!(
            indexes,
            (1..301).collect::<Vec<_>>(),
            "every donation has its own leaf"
        );
        let root = s.log_root(size).await.expect("root");
        for ack in acks.iter().step_by(7) {
            let index = ack.leaf_index.expect("logged");
            let proof = s
                .log_inclusion_proof(index, size)
                .await
                .expect("q")
                .expect("in range");
            twiza_tlog::verify_inclusion(&ack.leaf_hash.expect("hash"), index, size, &proof, &root)
                .expect("verifies");
        }
        let old_root = s.log_root(100).await.expect("root");
        let proof = s
            .log_consistency_proof(100, size)
            .await
            .expect("q")
            .expect("range");
        twiza_tlog::verify_consistency(100, size, &old_root, &root, &proof).expect("consistent");
    }
);

on_both_backends!(
    repeats_inside_one_batch_are_replays_or_conflicts,
    |db: TestDb| async move {
        use twiza_store::{DonationRefused, Sequencer};
        let s = &db.store;
        let (campaign, _) = collecting_campaign(s, "TWZ-SAME").await;
        let sequencer = Sequencer::start(s.clone(), [3; 32]);
        // Submitted together, these share a batch (or follow one another): either way, one donation.
        let submissions = [
            money(campaign, "same-key-0001", "50.00"),
            money(campaign, "same-key-0001", "50.00"),
            money(campaign, "same-key-0001", "70.00"),
        ];
        let tasks: Vec<_> = submissions
            .into_iter()
            .map(|d| {
                let sq = sequencer.clone();
                tokio::spawn(async move { sq.submit(d).await })
            })
            .collect();
        let mut acks = Vec::new();
        let mut conflicts = 0;
        for t in tasks {
            match t.await.expect("join") {
                Ok(ack) => acks.push(ack),
                Err(DonationRefused::IdempotencyConflict) => conflicts += 1,
                Err(e) => panic!("{}: {e:?}", db.name),
            }
        }
        assert_eq!((acks.len(), conflicts), (2, 1), "{}", db.name);
        assert_eq!(acks[0].id, acks[1].id);
        assert_eq!(acks[0].leaf_index, Some(1), "after the grant's leaf");
        assert_eq!(
            acks[0].leaf_hash, acks[1].leaf_hash,
            "the replay names the same leaf"
        );
        assert_eq!(acks.iter().filter(|a| a.replayed).count(), 1);
        assert_eq!(s.log_size().await.expect("size"), 2);
    }
);

/// A gift paid online: pending with its provider reference and sealed identity.
fn pending_gift(campaign_id: i64, key: &str, amount: &str) -> twiza_store::NewDonation {
    twiza_store::NewDonation {
        status: twiza_domain::donation::DonationStatus::Pending,
        provider_reference: Some(format!("pay_{key}")),
        sealed_identity: Some(b"\x01sealed-bytes".to_vec()),
        ..money(campaign_id, key, amount)
    }
}

fn settlement(
    key: &str,
    event: &str,
    outcome: twiza_store::PaymentOutcome,
    amount: &str,
) -> twiza_store::Settlement {
    twiza_store::Settlement {
        reference: format!("pay_{key}"),
        event_id: event.into(),
        outcome,
        amount: twiza_domain::money::Amount::parse("amount", amount).expect("amount"),
    }
}

on_both_backends!(
    provider_confirmations_log_once_and_failures_log_nothing,
    |db: TestDb| async move {
        use twiza_domain::donation::DonationStatus;
        use twiza_store::{PaymentOutcome, Sequencer, SettlementRefused};
        let s = &db.store;
        let (campaign, scope) = collecting_campaign(s, "TWZ-GIFT").await;
        let sequencer = Sequencer::start(s.clone(), [3; 32]);

        let pending = sequencer
            .submit(pending_gift(campaign, "gift-key-0001", "250.00"))
            .await
            .expect("pending");
        assert_eq!(
            (pending.status, pending.leaf_index),
            (DonationStatus::Pending, None)
        );
        assert_eq!(s.log_size().await.expect("size"), 1, "only the grant");
        let state = s.gift_by_reference("pay_gift-key-0001").await.expect("q");
        assert_eq!(
            state.map(|g| (g.id, g.status)),
            Some((pending.id, DonationStatus::Pending))
        );
        let sealed = s
            .sealed_donor_identity(&scope, campaign, pending.id)
            .await
            .expect("q")
            .expect("identity row");
        assert_eq!(sealed.ciphertext, b"\x01sealed-bytes");
        assert_eq!(sealed.idempotency_key, "gift-key-0001");
        let other_scope =
            OrgScope::for_member(twiza_domain::OrgId(scope.org_id().0 + 1000), OrgRole::Owner);
        assert!(
            s.sealed_donor_identity(&other_scope, campaign, pending.id)
                .await
                .expect("q")
                .is_none(),
            "scoped to the association"
        );

        // A wrong amount is refused and writes nothing.
        let wrong = sequencer
            .settle(settlement(
                "gift-key-0001",
                "evt-0",
                PaymentOutcome::Paid,
                "25.00",
            ))
            .await
            .unwrap_err();
        assert!(
            matches!(wrong, SettlementRefused::AmountMismatch),
            "{wrong:?}"
        );
        let unknown = sequencer
            .settle(settlement(
                "nobody-here",
                "evt-x",
                PaymentOutcome::Paid,
                "250.00",
            ))
            .await
            .unwrap_err();
        assert!(matches!(unknown, SettlementRefused::UnknownReference));

        // Two notifications of the same payment in one batch and a replay later: one leaf.
        let (a, b) = tokio::join!(
            sequencer.settle(settlement(
                "gift-key-0001",
                "evt-1",
                PaymentOutcome::Paid,
                "250.00"
            )),
            sequencer.settle(settlement(
                "gift-key-0001",
                "evt-2",
                PaymentOutcome::Paid,
                "250.00"
            )),
        );
        let (a, b) = (a.expect("paid"), b.expect("paid again"));
        assert_eq!(a.status, DonationStatus::Confirmed);
        assert_eq!(b.status, DonationStatus::Confirmed);
        assert_eq!(a.leaf_index, Some(1));
        assert_eq!((a.leaf_index, a.leaf_hash), (b.leaf_index, b.leaf_hash));
        assert!(a.replayed != b.replayed, "exactly one of them confirmed");
        let replay = sequencer
            .settle(settlement(
                "gift-key-0001",
                "evt-1",
                PaymentOutcome::Paid,
                "250.00",
            ))
            .await
            .expect("replay");
        assert!(replay.replayed);
        assert_eq!(replay.leaf_hash, a.leaf_hash);
        assert_eq!(s.log_size().await.expect("size"), 2);
        let entry = s.log_entry(1).await.expect("q").expect("leaf");
        let text = String::from_utf8(entry.leaf).expect("utf8");
        assert!(text.contains(r#""amount":"250.00""#), "{text}");
        assert!(!text.contains("sealed"), "{text}");
        let late_failure = sequencer
            .settle(settlement(
                "gift-key-0001",
                "evt-3",
                PaymentOutcome::Failed,
                "250.00",
            ))
            .await
            .unwrap_err();
        assert!(matches!(
            late_failure,
            SettlementRefused::NotPending(DonationStatus::Confirmed)
        ));
        let g = s
            .gift_by_reference("pay_gift-key-0001")
            .await
            .expect("q")
            .expect("gift");
        assert_eq!(
            (g.status, g.leaf_index),
            (DonationStatus::Confirmed, Some(1))
        );
        assert!(g.confirmed_at.is_some());
        assert_eq!(
            s.campaign_raised(campaign).await.expect("q").centimes,
            25_000
        );

        // A failed payment: marked failed, nothing logged, and it cannot be paid afterwards.
        sequencer
            .submit(pending_gift(campaign, "gift-key-0002", "90.00"))
            .await
            .expect("pending");
        let failed = sequencer
            .settle(settlement(
                "gift-key-0002",
                "evt-4",
                PaymentOutcome::Failed,
                "90.00",
            ))
            .await
            .expect("failed");
        assert_eq!(
            (failed.status, failed.leaf_index),
            (DonationStatus::Failed, None)
        );
        let paid_late = sequencer
            .settle(settlement(
                "gift-key-0002",
                "evt-5",
                PaymentOutcome::Paid,
                "90.00",
            ))
            .await
            .unwrap_err();
        assert!(matches!(
            paid_late,
            SettlementRefused::NotPending(DonationStatus::Failed)
        ));
        assert_eq!(s.log_size().await.expect("size"), 2);
        assert_eq!(
            s.campaign_raised(campaign).await.expect("q"),
            twiza_store::Raised {
                centimes: 25_000,
                donations: 1
            }
        );
        let report = s.audit_log(None, |_| {}).await.expect("audit");
        assert!(report.ok(), "{:?}", report.findings);
    }
);
