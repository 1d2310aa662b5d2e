//! Authorities with a territory: an account's competence, the decision refused outside it, and
//! the queue of requests each authority sees.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::{new_org, paper_registrar};
use time::macros::date;
use twiza_domain::campaign::{AuthorizationStatus, CampaignInput, CampaignScope, NewCampaign};
use twiza_domain::competence::Competence;
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole, Refusal, UserId};
use twiza_store::{AuthorizationDecision, RequestsIn, Store, StoreError};

const AL_HAOUZ: &str = "07.041";
const CHICHAOUA: &str = "07.161";
const TAROUDANNT: &str = "09.541";

fn competence(kind: &str, code: Option<&str>) -> Competence {
    Competence::parse(kind, code).expect("competence")
}

/// An association seated in `province` (of `region`).
async fn org_in(s: &Store, number: &str, province: &str, region: &str, owner: UserId) -> OrgId {
    let mut new = new_org(number, "Association", province);
    new.seat.region_code = region.into();
    s.create_organization(&new, "association", owner)
        .await
        .expect("org")
}

/// A requested campaign of `org` with this scope.
async fn request(s: &Store, org: OrgId, scope: &str, code: &str, by: UserId) -> i64 {
    let input = CampaignInput {
        title_ar: "حملة",
        title_fr: "Campagne",
        purpose_ar: "غرض",
        purpose_fr: "Objet",
        goal: "1000.00",
        starts_on: "2023-09-09",
        ends_on: "2023-12-31",
        scope,
        bank_account: "011780000012345678901296",
        emergency: false,
    };
    let campaign = NewCampaign::parse(&input).expect("campaign");
    s.create_campaign(
        &OrgScope::for_member(org, OrgRole::Owner),
        &campaign,
        code,
        by,
    )
    .await
    .expect("campaign")
}

async fn authority(s: &Store, email: &str, competence: &Competence) -> UserId {
    let id = s
        .create_user(email, "h", "Authority", Some(PlatformRole::Authority))
        .await
        .expect("user");
    s.set_authority_competence(id, competence, None)
        .await
        .expect("competence");
    id
}

fn grant(reference: &str) -> AuthorizationDecision {
    AuthorizationDecision::Grant {
        reference: reference.into(),
        valid_from: date!(2023 - 09 - 09),
        valid_to: date!(2023 - 12 - 31),
    }
}

on_both_backends!(
    an_authority_account_carries_its_competence,
    |db: TestDb| async move {
        let s = &db.store;
        let admin = paper_registrar(s, "admin@x.ma").await;
        let id = s
            .create_user("gouverneur@interieur.gov.ma", "h", "Gouverneur", None)
            .await
            .expect("user");
        assert_eq!(s.user(id).await.expect("q").expect("user").competence, None);
        let al_haouz = competence("province", Some(AL_HAOUZ));
        s.set_authority_competence(id, &al_haouz, Some(admin))
            .await
            .expect("set");
        let user = s.user(id).await.expect("q").expect("user");
        assert_eq!(
            (user.platform_role, user.competence.as_ref()),
            (Some(PlatformRole::Authority), Some(&al_haouz))
        );
        // Read the same way by e-mail, at sign-in, with a session and with a token.
        let by_email = s
            .user_by_email("gouverneur@interieur.gov.ma")
            .await
            .expect("q")
            .expect("user");
        assert_eq!(by_email, user);
        let (with_password, _) = s
            .user_with_password("gouverneur@interieur.gov.ma")
            .await
            .expect("q")
            .expect("user");
        assert_eq!(with_password, user);
        s.create_session("session-hash", id, "csrf", i64::MAX / 2)
            .await
            .expect("session");
        let session = s.session("session-hash").await.expect("q").expect("live");
        assert_eq!(session.user, user);
        s.create_api_token(id, "token-hash", "t", "twz_")
            .await
            .expect("token");
        let owner = s
            .user_for_api_token("token-hash")
            .await
            .expect("q")
            .expect("owner");
        assert_eq!(owner, user);

        // Moved to a region: the competence is replaced.
        let wali = competence("region", Some("07"));
        s.set_authority_competence(id, &wali, Some(admin))
            .await
            .expect("set");
        assert_eq!(
            s.user(id).await.expect("q").expect("user").competence,
            Some(wali)
        );
        for national in [Competence::National, Competence::Abroad] {
            s.set_authority_competence(id, &national, None)
                .await
                .expect("set");
            assert_eq!(
                s.user(id).await.expect("q").expect("user").competence,
                Some(national)
            );
        }
        // Only an authority holds a competence: another role takes it away.
        s.set_platform_role(id, Some(PlatformRole::Auditor))
            .await
            .expect("role");
        let auditor = s.user(id).await.expect("q").expect("user");
        assert_eq!(
            (auditor.platform_role, auditor.competence),
            (Some(PlatformRole::Auditor), None)
        );
        assert!(matches!(
            s.set_authority_competence(UserId(999_999), &Competence::National, None)
                .await,
            Err(StoreError::NotFound)
        ));
    }
);

on_both_backends!(
    only_the_competent_authority_decides_an_authorization,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let asni = org_in(s, "1/2019", AL_HAOUZ, "07", owner).await;
        let local = request(s, asni, "local", "TWZ-LOC1", owner).await;
        let regional = request(s, asni, "regional", "TWZ-REG1", owner).await;
        let governor = authority(s, "g@x.ma", &competence("province", Some(AL_HAOUZ))).await;
        let wali = authority(s, "w@x.ma", &competence("region", Some("07"))).await;
        let other_governor = authority(s, "c@x.ma", &competence("province", Some(CHICHAOUA))).await;
        let other_wali = authority(s, "sm@x.ma", &competence("region", Some("09"))).await;
        let sgg = authority(s, "sgg@x.ma", &Competence::National).await;
        let bare = s
            .create_user("bare@x.ma", "h", "Authority", Some(PlatformRole::Authority))
            .await
            .expect("user");
        let auditor = s
            .create_user("audit@x.ma", "h", "Auditor", Some(PlatformRole::Auditor))
            .await
            .expect("user");
        let head = s.log_size().await.expect("size");

        for outsider in [wali, other_governor, sgg, bare, auditor, owner] {
            for decision in [
                grant("X-1"),
                AuthorizationDecision::Refuse {
                    reason: "non".into(),
                },
            ] {
                let refused = s
                    .decide_authorization(local, &decision, outsider)
                    .await
                    .unwrap_err();
                assert!(
                    matches!(refused, StoreError::Refused(Refusal::OutsideCompetence)),
                    "{outsider:?}: {refused:?}"
                );
            }
        }
        let untouched = s.campaign(local).await.expect("q").expect("campaign");
        assert_eq!(
            (
                untouched.authorization.status,
                untouched.authorization.decided_by
            ),
            (AuthorizationStatus::Requested, None),
            "nothing written"
        );
        assert_eq!(s.log_size().await.expect("size"), head, "nothing logged");

        s.decide_authorization(local, &grant("PROV-AH/1"), governor)
            .await
            .expect("the governor of Al Haouz grants a local campaign seated there");
        let granted = s.campaign(local).await.expect("q").expect("campaign");
        assert_eq!(
            (
                granted.authorization.status,
                granted.authorization.decided_by
            ),
            (AuthorizationStatus::Granted, Some(governor))
        );
        assert_eq!(
            s.log_size().await.expect("size"),
            head + 1,
            "the grant is logged"
        );
        // Outside competence comes before "already decided": it tells nothing of the request.
        assert!(matches!(
            s.decide_authorization(local, &grant("X-2"), wali)
                .await
                .unwrap_err(),
            StoreError::Refused(Refusal::OutsideCompetence)
        ));

        // A regional campaign is the wali's, not the governor's.
        for outsider in [governor, other_wali] {
            assert!(matches!(
                s.decide_authorization(regional, &grant("X-3"), outsider)
                    .await
                    .unwrap_err(),
                StoreError::Refused(Refusal::OutsideCompetence)
            ));
        }
        s.decide_authorization(
            regional,
            &AuthorizationDecision::Refuse {
                reason: "Dossier incomplet".into(),
            },
            wali,
        )
        .await
        .expect("the wali refuses");

        // A platform admin records a decision taken on paper, whatever the territory.
        let national = request(s, asni, "national", "TWZ-NAT1", owner).await;
        let registrar = paper_registrar(s, "admin@x.ma").await;
        s.decide_authorization(national, &grant("SGG/1"), registrar)
            .await
            .expect("paper decision");
        assert!(matches!(
            s.decide_authorization(999_999, &grant("X"), registrar)
                .await
                .unwrap_err(),
            StoreError::NotFound
        ));
    }
);

on_both_backends!(
    each_authority_sees_the_requests_in_its_competence,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let seats = [(AL_HAOUZ, "07"), (CHICHAOUA, "07"), (TAROUDANNT, "09")];
        let mut all = Vec::new();
        for (n, (province, region)) in seats.iter().enumerate() {
            let org = org_in(s, &format!("{n}/2020"), province, region, owner).await;
            for scope in CampaignScope::ALL {
                for k in 0..2 {
                    let code = format!("TWZ-{n}{}{k}", &scope.as_str()[..1].to_uppercase());
                    let id = request(s, org, scope.as_str(), &code, owner).await;
                    all.push((id, scope, *province, *region));
                }
            }
        }
        // One decided request leaves every queue.
        let (decided, ..) = all[0];
        let registrar = paper_registrar(s, "admin@x.ma").await;
        s.decide_authorization(decided, &grant("P-1"), registrar)
            .await
            .expect("decided");
        let waiting: Vec<_> = all.iter().filter(|r| r.0 != decided).collect();

        let competences = [
            competence("province", Some(AL_HAOUZ)),
            competence("province", Some(CHICHAOUA)),
            competence("province", Some("01.051")),
            competence("region", Some("07")),
            competence("region", Some("09")),
            Competence::National,
            Competence::Abroad,
        ];
        for c in &competences {
            let expected: Vec<i64> = waiting
                .iter()
                .filter(|(_, scope, province, region)| c.covers(*scope, province, region))
                .map(|r| r.0)
                .collect();
            // Page by page, one request at a time.
            let mut seen = Vec::new();
            let mut after = 0;
            loop {
                let page = s
                    .authorization_requests(RequestsIn::Competence(c), after, 1)
                    .await
                    .expect("queue");
                let Some(last) = page.last() else { break };
                assert_eq!(page.len(), 1);
                after = last.campaign.id;
                for r in &page {
                    assert!(c.covers(r.campaign.scope, &r.province_code, &r.region_code));
                    assert_eq!(r.organization_name_fr, "Association");
                }
                seen.extend(page.iter().map(|r| r.campaign.id));
            }
            assert_eq!(seen, expected, "{c:?}");
        }
        let al_haouz = s
            .authorization_requests(
                RequestsIn::Competence(&competence("province", Some(AL_HAOUZ))),
                0,
                100,
            )
            .await
            .expect("queue");
        assert_eq!(
            al_haouz.len(),
            1,
            "two local requests in Al Haouz, one decided"
        );
        let everything = s
            .authorization_requests(RequestsIn::All, 0, 500)
            .await
            .expect("queue");
        assert_eq!(
            everything.iter().map(|r| r.campaign.id).collect::<Vec<_>>(),
            waiting.iter().map(|r| r.0).collect::<Vec<_>>()
        );
    }
);
