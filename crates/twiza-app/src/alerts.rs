//! Alerts and awareness broadcasts to the phones that follow chosen communes: who may send
//! them, the preview (recipients per commune and language, the text each language gets, its
//! SMS parts and the cost), and the broadcast recorded with its messages queued in the outbox.
//!
//! Who may send: an authority to the communes of its territory (`outside_competence`
//! otherwise; a platform admin anywhere, and an authority whose competence is not set yet is not
//! limited, as for incidents); an association only when verified (`organization_not_verified`)
//! and only to the communes it pledged to cover, pledges not cancelled
//! (`alert_communes_not_served`) — the communes where it is active in an incident.
//!
//! Each phone gets the text its language is written in: `ar` and `ary` the Arabic-script text,
//! `ary-Latn`, `zgh-Latn`, `fr` and `en` the Latin one; a warning about a fake appeal is
//! composed from the phone messages in the phone's own language. `STOP` deletes a phone's
//! subscriptions at once, so a broadcast after it does not reach the phone.

use crate::crisis::within_competence;
use crate::{Error, Result};
use twiza_domain::alert::{AlertContent, NewAlert};
use twiza_domain::organization::OrgStatus;
use twiza_domain::sms_segments::{segments, Segments};
use twiza_domain::{OrgScope, Refusal, UserId};
use twiza_i18n::{Arg, PhoneLanguage, PhoneMessages};
use twiza_store::{NewBroadcast, PersonalDataKeys, Store, User};

/// Who sends a broadcast.
#[derive(Debug, Clone, Copy)]
pub enum AlertSender<'a> {
    /// An authority (or a platform admin), for itself.
    Authority(&'a User),
    /// A member of an association, for the association.
    Association { scope: &'a OrgScope, user: UserId },
}

impl AlertSender<'_> {
    fn user(&self) -> UserId {
        match self {
            AlertSender::Authority(u) => u.id,
            AlertSender::Association { user, .. } => *user,
        }
    }

    fn organization(&self) -> Option<i64> {
        match self {
            AlertSender::Authority(_) => None,
            AlertSender::Association { scope, .. } => Some(scope.org_id().0),
        }
    }
}

/// The language a subscription's tag names (Arabic if the tag is not known).
pub fn language_of(tag: &str) -> PhoneLanguage {
    PhoneLanguage::from_tag(tag).unwrap_or(PhoneLanguage::Ar)
}

/// The text a phone in `language` gets.
pub fn text_for(
    messages: &PhoneMessages,
    content: &AlertContent,
    language: PhoneLanguage,
) -> String {
    match content {
        AlertContent::Message { arabic, latin } => {
            if language.is_arabic_script() {
                arabic.clone()
            } else {
                latin.clone()
            }
        }
        AlertContent::FakeAppealWarning { appeal } => messages.t_args(
            language,
            "alert-fake-appeal",
            &[("appeal", Arg::Str(appeal))],
        ),
    }
}

/// The communes as codes.
fn codes(alert: &NewAlert) -> Vec<String> {
    alert
        .communes
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect()
}

/// Refuses a sender who may not alert these communes (see the module documentation).
pub async fn check_sender(store: &Store, sender: AlertSender<'_>, alert: &NewAlert) -> Result<()> {
    if let AlertContent::FakeAppealWarning { appeal } = &alert.content {
        not_an_authorized_appeal(store, appeal).await?;
    }
    match sender {
        AlertSender::Authority(user) => {
            // Texts paid for, to whole communes: an authority whose territory is not set yet
            // sends none (a platform admin sends anywhere).
            let unset = user.platform_role == Some(twiza_domain::PlatformRole::Authority)
                && user.competence.is_none();
            if unset {
                return Err(Error::Refused(Refusal::OutsideCompetence));
            }
            within_competence(user, alert.communes.iter().map(|c| c.as_str()))
        }
        AlertSender::Association { scope, .. } => {
            let org = store
                .organization(scope.org_id())
                .await?
                .ok_or(Error::NotFound)?;
            if org.status != OrgStatus::Verified {
                return Err(Error::Refused(Refusal::OrganizationNotVerified));
            }
            let served = store.pledged_communes(scope).await?;
            if alert
                .communes
                .iter()
                .all(|c| served.iter().any(|s| s == c.as_str()))
            {
                Ok(())
            } else {
                Err(Error::Refused(Refusal::AlertCommunesNotServed))
            }
        }
    }
}

/// A warning may not call fake an appeal Twiza knows as authorized: its code, checked by SMS,
/// answers that it is (`alert_appeal_authorized`).
async fn not_an_authorized_appeal(store: &Store, appeal: &str) -> Result<()> {
    let Some(code) = twiza_domain::campaign::normalize_code(appeal) else {
        return Ok(());
    };
    let Some(campaign) = store.campaign_by_code(&code).await? else {
        return Ok(());
    };
    let granted = campaign.authorization.status
        == twiza_domain::campaign::AuthorizationStatus::Granted
        && campaign.state != twiza_domain::campaign::CampaignState::Draft;
    if granted {
        return Err(Error::Refused(Refusal::AlertAppealAuthorized));
    }
    Ok(())
}

/// What one language's phones get.
#[derive(Debug, Clone)]
pub struct LanguageLine {
    pub language: PhoneLanguage,
    pub recipients: i64,
    pub text: String,
    pub segments: Segments,
}

/// What a broadcast would do, before it is sent.
#[derive(Debug, Clone)]
pub struct Preview {
    /// Each chosen commune with the phones reached through it.
    pub communes: Vec<(String, i64)>,
    /// Every phone language, with its recipients (maybe none), its text and its parts.
    pub languages: Vec<LanguageLine>,
    pub recipients: i64,
    /// Parts sent in all.
    pub parts: i64,
    /// Centimes per part; 0: unknown.
    pub price_per_part: i64,
    /// Centimes; none when the price is unknown.
    pub cost: Option<i64>,
}

/// The preview of `alert` from `sender` (refused as sending would be).
pub async fn preview(
    store: &Store,
    messages: &PhoneMessages,
    sender: AlertSender<'_>,
    alert: &NewAlert,
    price_per_part: i64,
) -> Result<Preview> {
    check_sender(store, sender, alert).await?;
    let communes = codes(alert);
    let audience = store.alert_audience(&communes).await?;
    let per_commune = communes
        .iter()
        .map(|c| {
            let n = audience
                .iter()
                .filter(|r| &r.commune_code == c)
                .map(|r| r.recipients)
                .sum();
            (c.clone(), n)
        })
        .collect();
    let languages: Vec<LanguageLine> = PhoneLanguage::ALL
        .into_iter()
        .map(|language| {
            let recipients = audience
                .iter()
                .filter(|r| language_of(&r.language) == language)
                .map(|r| r.recipients)
                .sum();
            let text = text_for(messages, &alert.content, language);
            LanguageLine {
                language,
                recipients,
                segments: segments(&text),
                text,
            }
        })
        .collect();
    let recipients = languages.iter().map(|l| l.recipients).sum();
    let parts = languages
        .iter()
        .map(|l| l.recipients * l.segments.parts as i64)
        .sum::<i64>();
    Ok(Preview {
        communes: per_commune,
        languages,
        recipients,
        parts,
        price_per_part,
        cost: (price_per_part > 0).then(|| parts.saturating_mul(price_per_part)),
    })
}

/// Sends `alert`: records the broadcast and queues one message per phone that follows its
/// communes, in one transaction, once per `form_key` (the same key again answers the first
/// broadcast, `false`). Returns the broadcast's id.
pub async fn send(
    store: &Store,
    keys: &PersonalDataKeys,
    messages: &PhoneMessages,
    sender: AlertSender<'_>,
    alert: &NewAlert,
    form_key: &str,
    price_per_part: i64,
) -> Result<(i64, bool)> {
    check_sender(store, sender, alert).await?;
    let communes = codes(alert);
    let (text_arabic, text_latin, fake_appeal) = match &alert.content {
        AlertContent::Message { arabic, latin } => (arabic.as_str(), latin.as_str(), ""),
        AlertContent::FakeAppealWarning { appeal } => ("", "", appeal.as_str()),
    };
    let new = NewBroadcast {
        sent_by: sender.user(),
        organization_id: sender.organization(),
        kind: alert.content.kind(),
        text_arabic,
        text_latin,
        fake_appeal,
        price_per_part,
        form_key,
        communes: &communes,
    };
    // The six texts are composed once, not once per phone.
    let texts: Vec<(PhoneLanguage, String, i64)> = PhoneLanguage::ALL
        .into_iter()
        .map(|l| {
            let text = text_for(messages, &alert.content, l);
            let parts = segments(&text).parts as i64;
            (l, text, parts)
        })
        .collect();
    let compose = |broadcast: i64, r: &twiza_store::AlertRecipient<'_>| {
        let language = language_of(r.language);
        let (_, text, parts) = texts
            .iter()
            .find(|(l, _, _)| *l == language)
            .unwrap_or(&texts[0]);
        // Keyed by the phone (its blind index), not the subscription: a phone that follows two
        // chosen communes is texted once, whatever the database's isolation lets the pages see.
        let key = format!("alert:{broadcast}:{}", keys.blind_index("phone", r.phone));
        (crate::sms::seal(keys, "alert", key, r.phone, text), *parts)
    };
    Ok(store.record_alert_broadcast(keys, &new, compose).await?)
}

/// A form key as the pages make them: 32 hexadecimal digits.
pub fn form_key(raw: &str) -> Option<&str> {
    (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit())).then_some(raw)
}
