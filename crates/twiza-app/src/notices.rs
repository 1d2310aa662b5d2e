//! Notices by SMS to the people Twiza serves: a need's status change (verified, assigned to an
//! association, covered, merged into another need) told to the person who reported it with a
//! phone, and a grievance's acknowledgement, with its deadline, told to the complainant's phone
//! when it was filed from one. Each message is sealed for the SMS outbox here and written by the
//! store in the transaction of the change that causes it, under an idempotency key naming the
//! need and its status (`need:{reference}:{status}`) or the grievance (`grievance:{id}:acknowledged`),
//! so a repeated change sends once. The text is in the phone's last used language, else Arabic.
//! Numbers and texts never reach a log or an error.

use crate::error::Result;
use twiza_domain::OrgScope;
use twiza_i18n::{Arg, PhoneLanguage, PhoneMessages};
use twiza_store::{grievance_phone_binding, NewSms, PersonalDataKeys, Store};

/// Longest association name in a notice.
const NAME_CHARS: usize = 24;

/// What notices need: the keys that seal phones and the phone messages. A face passes one only
/// when an SMS gateway is configured; without one, changes are written without notices.
#[derive(Clone, Copy)]
pub struct Notices<'a> {
    pub keys: &'a PersonalDataKeys,
    pub messages: &'a PhoneMessages,
}

/// A change of a need's status worth telling its reporter.
#[derive(Debug, Clone, Copy)]
pub enum NeedNotice<'a> {
    Verified,
    /// Assigned to the association of this id.
    Assigned(i64),
    Covered,
    /// Merged into the need of this reference, the one to follow now.
    Merged(&'a str),
}

impl NeedNotice<'_> {
    fn status(self) -> &'static str {
        match self {
            NeedNotice::Verified => "verified",
            NeedNotice::Assigned(_) => "assigned",
            NeedNotice::Covered => "covered",
            NeedNotice::Merged(_) => "merged",
        }
    }
}

/// The language a phone last used, else Arabic.
async fn language_of(store: &Store, keys: &PersonalDataKeys, phone: &str) -> PhoneLanguage {
    store
        .phone_language(&keys.blind_index("phone", phone))
        .await
        .ok()
        .flatten()
        .and_then(|tag| PhoneLanguage::from_tag(&tag))
        .unwrap_or(PhoneLanguage::Ar)
}

/// A date as `YYYY-MM-DD`, read the same in every language.
fn iso_date(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

impl Notices<'_> {
    /// The notice of `change` to the reporter of need `need`, sealed for the outbox; `None` when
    /// the reporter left no phone. A contact that does not open sends nothing (and does not stop
    /// the change).
    pub async fn need(
        &self,
        store: &Store,
        need: i64,
        change: NeedNotice<'_>,
    ) -> Result<Option<NewSms>> {
        let Some((reference, sealed)) = store.need_contact_for_notice(need).await? else {
            return Ok(None);
        };
        let Ok(contact) = crate::crisis::open_need_contact(self.keys, &reference, &sealed) else {
            tracing::warn!(need, "need notice: the sealed contact does not open");
            return Ok(None);
        };
        let phone = contact.phone;
        let l = language_of(store, self.keys, &phone).await;
        let text = match change {
            NeedNotice::Verified => self.messages.t_args(
                l,
                "sms-notice-need-verified",
                &[("reference", Arg::Str(&reference))],
            ),
            NeedNotice::Covered => self.messages.t_args(
                l,
                "sms-notice-need-covered",
                &[("reference", Arg::Str(&reference))],
            ),
            NeedNotice::Merged(into) => self.messages.t_args(
                l,
                "sms-notice-need-merged",
                &[
                    ("reference", Arg::Str(&reference)),
                    ("into", Arg::Str(into)),
                ],
            ),
            NeedNotice::Assigned(organization) => {
                let org = store
                    .organization(twiza_domain::OrgId(organization))
                    .await?;
                let name = org
                    .map(|o| {
                        if l.is_arabic_script() {
                            o.name_ar
                        } else {
                            o.name_fr
                        }
                    })
                    .unwrap_or_default();
                let name = crate::phone::cut(&name, NAME_CHARS);
                self.messages.t_args(
                    l,
                    "sms-notice-need-assigned",
                    &[
                        ("reference", Arg::Str(&reference)),
                        ("association", Arg::Str(&name)),
                    ],
                )
            }
        };
        let key = format!("need:{reference}:{}", change.status());
        Ok(Some(crate::sms::seal(
            self.keys,
            "need_status",
            key,
            &phone,
            &text,
        )))
    }

    /// The acknowledgement of grievance `id` with its decision deadline, to the phone it was
    /// filed from, sealed for the outbox; `None` when no phone was kept.
    pub async fn grievance_acknowledged(
        &self,
        store: &Store,
        scope: &OrgScope,
        id: i64,
    ) -> Result<Option<NewSms>> {
        let Some((filing_key, sealed, decide_by)) =
            store.grievance_complainant_phone(scope, id).await?
        else {
            return Ok(None);
        };
        let Ok(phone) = self
            .keys
            .open(&grievance_phone_binding(&filing_key), &sealed)
        else {
            tracing::warn!(
                grievance = id,
                "grievance notice: the sealed phone does not open"
            );
            return Ok(None);
        };
        let l = language_of(store, self.keys, &phone).await;
        let number = id.to_string();
        let date = iso_date(decide_by);
        let text = self.messages.t_args(
            l,
            "sms-notice-grievance-acknowledged",
            &[("number", Arg::Str(&number)), ("date", Arg::Str(&date))],
        );
        Ok(Some(crate::sms::seal(
            self.keys,
            "grievance_acknowledged",
            format!("grievance:{id}:acknowledged"),
            &phone,
            &text,
        )))
    }
}
