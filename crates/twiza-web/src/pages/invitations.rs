//! The page of an invitation's link (`/invitations/{token}`, from the message the invitee
//! received): the association and the role; sign in or sign up first (coming back here), then
//! accept.

use super::{error_page, render, render_status, see_other, CsrfOnly, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathSecret;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use twiza_store::Invitation;

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    c: Ctx,
    invitation: Invitation,
    /// This page's path, where signing in or up comes back to.
    here: String,
    /// `?next=` of the sign-in and sign-up links.
    next_query: String,
    /// A refusal of the acceptance (`already_member`), shown above the button.
    error: Option<String>,
}

impl InvitationPage {
    fn new(c: Ctx, invitation: Invitation, token: &str) -> InvitationPage {
        let here = format!("/invitations/{token}");
        let next_query = serde_urlencoded::to_string([("next", here.as_str())]).unwrap_or_default();
        InvitationPage {
            c,
            invitation,
            here,
            next_query,
            error: None,
        }
    }
}

/// The page a link that no longer works leads to: used, expired or unknown.
fn invalid_link(c: &Ctx) -> Response {
    error_page(c, StatusCode::NOT_FOUND, &c.t("invitation-link-invalid"))
}

/// `GET /invitations/{token}`.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    PathSecret(token): PathSecret,
) -> AppResult<Response> {
    match twiza_app::organizations::invitation_of_link(&state.store, &token).await {
        Ok(invitation) => Ok(render(&InvitationPage::new(c, invitation, &token))),
        Err(twiza_app::Error::NotFound) => Ok(invalid_link(&c)),
        Err(e) => Err(e.into()),
    }
}

/// `POST /invitations/{token}`: the signed-in account joins the association, once.
pub async fn accept(
    State(state): State<AppState>,
    c: Ctx,
    PathSecret(token): PathSecret,
    PageForm(_): PageForm<CsrfOnly>,
) -> AppResult<Response> {
    let user = c.user().cloned().ok_or_else(AppError::unauthenticated)?;
    match twiza_app::organizations::accept_invitation_link(&state.store, &token, user.id).await {
        Ok(_) => Ok(see_other("/me/associations?done=invitation-accepted")),
        Err(twiza_app::Error::NotFound) => Ok(invalid_link(&c)),
        Err(twiza_app::Error::Refused(refusal)) => {
            let invitation =
                match twiza_app::organizations::invitation_of_link(&state.store, &token).await {
                    Ok(i) => i,
                    Err(_) => return Ok(invalid_link(&c)),
                };
            let message = c.error_message(&refusal.into());
            let mut page = InvitationPage::new(c, invitation, &token);
            page.error = Some(message);
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

impl Ctx {
    /// An invitation's association name in the reader's language.
    pub fn invited_org_name<'a>(&self, i: &'a Invitation) -> &'a str {
        match self.locale {
            twiza_i18n::Locale::Ar | twiza_i18n::Locale::Zgh => &i.org_name_ar,
            _ => &i.org_name_fr,
        }
    }
}
