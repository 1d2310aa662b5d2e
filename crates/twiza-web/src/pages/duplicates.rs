//! The duplicates review queue on pages: run the matcher over the association's members, see
//! each possible pair side by side with its score and the reasons the matcher gives, and decide
//! "same person" or "different people" (a decided pair is never proposed again). Showing the
//! queue is a read of both households of each pair, written to their access logs.

use super::{render, render_status, see_other, PageForm};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser};
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use twiza_domain::{FieldError, OrgScope};
use twiza_store::{DuplicatePair, PairDecision, PairSide, Reader};

/// Pairs shown at a time, highest score first.
const SHOWN: i64 = 20;

/// One side of a pair as the page shows it.
struct Side {
    household_id: i64,
    reference: String,
    name_ar: String,
    name_lat: String,
    sex: String,
    birth_date: String,
    relation: String,
    place: String,
}

/// A pair as the page shows it.
struct PairLine {
    id: i64,
    score: String,
    /// The matcher's reasons, in the reader's words.
    reasons: Vec<String>,
    a: Side,
    b: Side,
}

fn side(c: &Ctx, s: PairSide) -> Side {
    let join = |a: Option<String>, b: Option<String>| {
        [a, b].into_iter().flatten().collect::<Vec<_>>().join(" ")
    };
    Side {
        household_id: s.household_id,
        reference: s.household_reference,
        name_ar: join(s.given_name_ar, s.family_name_ar),
        name_lat: join(s.given_name_lat, s.family_name_lat),
        sex: c.t(&format!("registry-sex-{}", s.sex)),
        birth_date: s.birth_date,
        relation: c.t(&format!(
            "registry-relation-{}",
            s.relation.replace('_', "-")
        )),
        place: match s.douar {
            Some(d) => format!("{} · {d}", c.commune_name(&s.commune_code)),
            None => c.commune_name(&s.commune_code),
        },
    }
}

/// A reason of the matcher (`family_name:exact`) in the reader's words: the field's and the
/// agreement's names.
fn reason(c: &Ctx, r: &str) -> String {
    let (field, level) = r.split_once(':').unwrap_or((r, ""));
    let field_name = c.t(&format!("duplicates-field-{}", field.replace('_', "-")));
    let level_name = c.t(&format!("duplicates-level-{}", level.replace('_', "-")));
    format!("{field_name} · {level_name}")
}

fn pair_line(c: &Ctx, p: DuplicatePair) -> PairLine {
    PairLine {
        id: p.id,
        score: format!("{:.1}", p.score),
        reasons: p.reasons.iter().map(|r| reason(c, r)).collect(),
        a: side(c, p.a),
        b: side(c, p.b),
    }
}

#[derive(Template)]
#[template(path = "duplicates.html")]
struct QueuePage {
    c: Ctx,
    org_id: i64,
    pairs: Vec<PairLine>,
    done: Option<String>,
    errors: Vec<FieldError>,
}

#[derive(Deserialize, Default)]
pub struct QueueQuery {
    done: Option<String>,
    new_pairs: Option<i64>,
}

/// Confirmations of the queue (`?done=`).
const QUEUE_DONE: [(&str, &str); 2] = [
    ("same_person", "duplicates-done-same"),
    ("different_people", "duplicates-done-different"),
];

async fn queue_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    user: twiza_domain::UserId,
    done: Option<String>,
    errors: Vec<FieldError>,
) -> AppResult<QueuePage> {
    let pairs = state
        .store
        .duplicate_pairs(
            scope,
            false,
            SHOWN,
            Reader {
                account: user,
                purpose: "duplicate_review",
            },
        )
        .await?
        .into_iter()
        .map(|p| pair_line(&c, p))
        .collect();
    Ok(QueuePage {
        c,
        org_id: scope.org_id().0,
        pairs,
        done,
        errors,
    })
}

fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// `GET /associations/{org_id}/duplicates`: the pairs waiting for a decision.
pub async fn queue(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    ApiQuery(q): ApiQuery<QueueQuery>,
) -> AppResult<Response> {
    let done = match (q.done.as_deref(), q.new_pairs) {
        (Some("searched"), Some(n)) => Some(c.tn("duplicates-done-searched", "count", n)),
        (Some(code), _) => QUEUE_DONE
            .iter()
            .find(|(known, _)| *known == code)
            .map(|(_, key)| c.t(key)),
        _ => None,
    };
    let page = queue_page(&state, c, &scope, user.id, done, Vec::new()).await?;
    Ok(private(render(&page)))
}

/// `POST /associations/{org_id}/duplicates/search`: runs the matcher, then the queue.
pub async fn search(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    PageForm(_): PageForm<super::CsrfOnly>,
) -> AppResult<Response> {
    let run = state.store.find_duplicate_people(&scope).await?;
    Ok(see_other(&format!(
        "/associations/{}/duplicates?done=searched&new_pairs={}",
        scope.org_id().0,
        run.new_pairs
    )))
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[allow(dead_code)]
    csrf: String,
}

/// `POST /associations/{org_id}/duplicates/{pair_id}`: records the decision on a pair.
pub async fn decide(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    params: RawPathParams,
    PageForm(form): PageForm<DecisionForm>,
) -> AppResult<Response> {
    let pair = path_param(&params, "pair_id")?;
    let Some(decision) = PairDecision::parse(&form.decision) else {
        let errors = vec![FieldError::new("decision", "validation")];
        let page = queue_page(&state, c, &scope, user.id, None, errors).await?;
        return Ok(private(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page,
        )));
    };
    let result = state
        .store
        .decide_duplicate_pair(&scope, pair, decision, user.id)
        .await
        .map_err(AppError::from);
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/associations/{}/duplicates?done={}",
            scope.org_id().0,
            decision.as_str()
        ))),
        Err(e) if e.status == StatusCode::CONFLICT => {
            let message = c.error_message(&e);
            let page = queue_page(&state, c, &scope, user.id, Some(message), Vec::new()).await?;
            Ok(private(render_status(e.status, &page)))
        }
        Err(e) => Err(e),
    }
}
