//! The treasury's campaign pages: from the association's page to a new campaign (bad input
//! answered next to each field, nothing written), its authorization requested at once, published
//! once granted, then closed; other roles never reach them.

use crate::harness::TestApp;
use axum::http::{header, Method, StatusCode};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

const GOOD: [(&str, &str); 9] = [
    ("title_ar", "إغاثة الحوز"),
    ("title_fr", "Secours Al Haouz"),
    ("purpose_ar", "خيام وأغطية للأسر"),
    ("purpose_fr", "Tentes et couvertures pour les familles"),
    ("goal", "500000.00"),
    ("starts_on", "2026-01-01"),
    ("ends_on", "2099-12-31"),
    ("scope", "local"),
    ("bank_account", "011780000012345678901296"),
];

#[tokio::test]
async fn a_treasurer_opens_publishes_and_closes_a_campaign_on_pages() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "3/2018", OrgStatus::Verified)
        .await;
    let treasurer = app
        .member(org, OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    let treasurer = app.session_for(treasurer.id, "treasurer@example.ma").await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);

    // From the association's page to the campaigns and the form.
    let manage = app
        .page(
            Method::GET,
            &format!("/associations/{}/manage", org.0),
            Some(&treasurer),
            &[],
        )
        .await
        .text();
    let campaigns = format!("/associations/{}/campaigns", org.0);
    assert!(manage.contains(&format!("href=\"{campaigns}\"")));
    let list = app
        .page(Method::GET, &campaigns, Some(&treasurer), &[])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains(&format!("href=\"{campaigns}/new\"")));
    let form = app
        .page(
            Method::GET,
            &format!("{campaigns}/new"),
            Some(&treasurer),
            &[],
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);

    // Bad input: every error next to its field, what was typed kept, nothing written.
    let mut bad: Vec<(&str, &str)> = GOOD.to_vec();
    bad.retain(|(k, _)| *k != "title_ar");
    for (k, v) in bad.iter_mut() {
        if *k == "bank_account" {
            *v = "011780000012345678901295";
        }
    }
    let r = app
        .page(Method::POST, &campaigns, Some(&treasurer), &bad)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text();
    assert!(html.contains("id=\"error-summary\""));
    assert!(html.contains("href=\"#title_ar\""), "{html}");
    assert!(html.contains("href=\"#bank_account\""), "{html}");
    assert!(
        html.contains("Secours Al Haouz"),
        "the form keeps what was typed"
    );
    assert!(app.store.campaigns_of(&scope).await.expect("q").is_empty());

    // A good campaign: a draft, its authorization requested, not yet publishable.
    let r = app
        .page(Method::POST, &campaigns, Some(&treasurer), &GOOD)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let desk = r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(desk.ends_with("/desk?done=created"), "{desk}");
    let id: i64 = desk
        .trim_start_matches("/campaigns/")
        .split('/')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("id");
    let page = app
        .page(Method::GET, &desk, Some(&treasurer), &[])
        .await
        .text();
    assert!(page.contains("id=\"done\""));
    // The association's page tells the treasurer it waits for the authority.
    let home = format!("/associations/{}/manage", org.0);
    let waiting = app
        .page(Method::GET, &home, Some(&treasurer), &[])
        .await
        .text();
    assert!(waiting.contains("id=\"waiting\""));
    assert!(waiting.contains(&format!("/campaigns/{id}/desk")));
    assert!(!page.contains("id=\"publish\""));

    // The same form sent again (a double click) opens no second campaign.
    let mut keyed = GOOD.to_vec();
    keyed.push(("creation_key", "00112233445566778899aabbccddeeff"));
    let first = app
        .page(Method::POST, &campaigns, Some(&treasurer), &keyed)
        .await;
    let again = app
        .page(Method::POST, &campaigns, Some(&treasurer), &keyed)
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(
        first.headers[header::LOCATION],
        again.headers[header::LOCATION]
    );
    assert_eq!(app.store.campaigns_of(&scope).await.expect("q").len(), 2);

    // The request's file: a text file named .pdf is refused next to the field, nothing kept;
    // a real PDF is kept and offered for download.
    assert!(page.contains("id=\"request-document-form\""));
    let upload = format!("/campaigns/{id}/authorization/request-document");
    let r = app
        .page_file(
            &upload,
            &treasurer,
            "document",
            "demande.pdf",
            b"not a pdf at all",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("class=\"error\""));
    assert!(app.store.request_document(id).await.expect("q").is_none());
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let r = app
        .page_file(&upload, &treasurer, "document", "demande.pdf", pdf)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = app
        .page(
            Method::GET,
            &format!("/campaigns/{id}/desk?done=document"),
            Some(&treasurer),
            &[],
        )
        .await
        .text();
    assert!(page.contains("id=\"request-document\""));
    let file = app.page(Method::GET, &upload, Some(&treasurer), &[]).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, pdf.to_vec());
    assert_eq!(file.headers[header::CONTENT_TYPE], "application/pdf");
    let listed = app
        .page(Method::GET, &campaigns, Some(&treasurer), &[])
        .await
        .text();
    assert!(listed.contains(&format!("/campaigns/{id}/desk")));

    let publish = format!("/campaigns/{id}/publish");
    // Closing a draft (a forged post: the page offers no such button) is refused with its
    // message, and nothing changes.
    let r = app
        .page(
            Method::POST,
            &format!("/campaigns/{id}/close"),
            Some(&treasurer),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"desk-error\""));

    // Granted by the authority: published, then closed.
    let grant = twiza_store::AuthorizationDecision::Grant {
        reference: "GOV-AH-1".into(),
        valid_from: time::macros::date!(2026 - 01 - 01),
        valid_to: time::macros::date!(2099 - 12 - 31),
    };
    app.store
        .decide_authorization(id, &grant, app.registrar().await)
        .await
        .expect("grant");
    // Once decided, the request's file stays as it was sent.
    let r = app
        .page_file(&upload, &treasurer, "document", "autre.pdf", pdf)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = app
        .page(Method::GET, &desk, Some(&treasurer), &[])
        .await
        .text();
    assert!(page.contains("id=\"publish\""));
    let r = app
        .page(Method::POST, &publish, Some(&treasurer), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app
        .page(
            Method::GET,
            &format!("/campaigns/{id}/desk?done=published"),
            Some(&treasurer),
            &[],
        )
        .await
        .text();
    assert!(page.contains("id=\"close\""));
    let r = app
        .page(
            Method::POST,
            &format!("/campaigns/{id}/close"),
            Some(&treasurer),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let campaign = app.store.campaign(id).await.expect("q").expect("campaign");
    assert_eq!(
        campaign.state,
        twiza_domain::campaign::CampaignState::Closed
    );

    // A volunteer of the association never reaches the treasury's pages.
    let volunteer = app
        .member(org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let volunteer = app.session_for(volunteer.id, "volunteer@example.ma").await;
    let r = app
        .page(Method::GET, &campaigns, Some(&volunteer), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.page(Method::GET, &desk, Some(&volunteer), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
