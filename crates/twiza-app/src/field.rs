//! Field work's use cases: the communes a member works in (given by a manager of the
//! association), the field agent's home — deliveries waiting for their proof and open needs by
//! priority in those communes — and a field assessment kept to them.

use crate::crisis::{record_need, NeedCreate, Retry};
use crate::error::{Error, Result};
use twiza_domain::{FieldError, OrgScope, Refusal, UserId};
use twiza_geo::CommuneCode;
use twiza_store::{
    DeliveryLine, FieldIncident, FieldNeed, NeedIntake, PersonalDataKeys, ReportedNeed, Reporter,
    Store, AGENT_LIST,
};

/// Most communes one member works in.
pub const MAX_COMMUNES: usize = 30;

/// Incidents offered for an assessment on the agent's home.
const INCIDENTS_SHOWN: i64 = 10;

/// Reads the communes a manager typed: HCP codes or exact names (French or Arabic, when one
/// commune bears the name), separated by commas, semicolons or new lines. An empty text takes
/// every commune away. Errors on the `communes` field: `unknown_commune`, `too_many`.
pub fn parse_communes(raw: &str) -> Result<Vec<String>> {
    let geo = twiza_geo::geo();
    let mut codes = Vec::new();
    for part in raw.split([',', ';', '\n', '،']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let code = match CommuneCode::parse(part) {
            Ok(code) => code.as_str().to_owned(),
            Err(_) => {
                let needle = twiza_geo::normalize_for_search(part);
                let mut named = geo.communes().iter().filter(|c| {
                    twiza_geo::normalize_for_search(&c.name_fr) == needle
                        || twiza_geo::normalize_for_search(&c.name_ar) == needle
                });
                match (named.next(), named.next()) {
                    (Some(c), None) => c.code.as_str().to_owned(),
                    _ => return Err(FieldError::new("communes", "unknown_commune").into()),
                }
            }
        };
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > MAX_COMMUNES {
        return Err(FieldError::new("communes", "too_many").into());
    }
    codes.sort();
    Ok(codes)
}

/// A manager gives a member the communes they work in (replacing the ones they had); the
/// change is kept in the association's record. Refused `managers_only` to anyone else.
pub async fn set_member_communes(
    store: &Store,
    scope: &OrgScope,
    member: UserId,
    raw: &str,
    by: UserId,
) -> Result<Vec<String>> {
    let communes = parse_communes(raw)?;
    store
        .set_member_communes(scope, member, &communes, by)
        .await?;
    Ok(communes)
}

/// What waits for a field agent on the association's home.
pub struct AgentHome {
    /// The agent's communes (HCP codes); empty when no manager gave any.
    pub communes: Vec<String>,
    /// Deliveries in those communes waiting for the family's code or the agent's proof.
    pub deliveries: Vec<DeliveryLine>,
    /// Open needs there, the most urgent first.
    pub needs: Vec<FieldNeed>,
    /// Incidents touching those communes, to record an assessment in.
    pub incidents: Vec<FieldIncident>,
}

/// The field agent's home: nothing but their communes when none were given.
pub async fn agent_home(store: &Store, scope: &OrgScope, agent: UserId) -> Result<AgentHome> {
    let communes = store.member_communes(scope, agent).await?;
    if communes.is_empty() {
        return Ok(AgentHome {
            communes,
            deliveries: Vec::new(),
            needs: Vec::new(),
            incidents: Vec::new(),
        });
    }
    Ok(AgentHome {
        deliveries: store
            .deliveries_waiting_in(scope, &communes, AGENT_LIST)
            .await?,
        needs: store.open_needs_in(&communes, AGENT_LIST).await?,
        incidents: store.incidents_in(Some(&communes), INCIDENTS_SHOWN).await?,
        communes,
    })
}

/// Where an agent may record an assessment: `None` anywhere (no commune given), else their
/// communes.
pub async fn assessment_communes(
    store: &Store,
    scope: &OrgScope,
    agent: UserId,
) -> Result<Option<Vec<String>>> {
    let communes = store.member_communes(scope, agent).await?;
    Ok((!communes.is_empty()).then_some(communes))
}

/// A field agent's assessment of a need, recorded as verified through the need intake (once
/// per `retry` key). An agent given communes assesses only there (`outside_agent_communes`).
#[allow(clippy::too_many_arguments)]
pub async fn assess(
    store: &Store,
    intake: &NeedIntake,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    agent: UserId,
    incident: i64,
    body: &NeedCreate,
    retry: Option<Retry<'_>>,
) -> Result<ReportedNeed> {
    if let Some(communes) = assessment_communes(store, scope, agent).await? {
        if !communes.iter().any(|c| c == body.commune.trim()) {
            return Err(Error::Refused(Refusal::OutsideAgentCommunes));
        }
    }
    let reporter = Reporter::FieldAgent {
        org: scope.org_id().0,
        user: agent,
    };
    record_need(intake, keys, incident, body, reporter, retry).await
}
