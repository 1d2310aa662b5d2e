//! An association's IATI 2.03 activity file: what it will publish (its public campaigns and
//! its programmes as activities), publishing and withdrawing it (only a verified association
//! publishes: `organization_not_verified`), and writing the published file from the live
//! figures — donations summed per day as incoming funds, approved expenses as expenditures,
//! cash transfers paid summed per day as disbursements. No donor, no household, no person.

use std::io::Write;

use time::{Date, OffsetDateTime};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgScope, Refusal, UserId};
use twiza_geo::CommuneCode;
use twiza_i18n::{Arg, Locale, Messages};
use twiza_iati::mapping::{self, ActivityKey};
use twiza_iati::{
    ActivitiesWriter, Activity, ActivityDate, ActivityDateType, ActivityStatus, Location,
    Narratives, Organisation, OrganisationRole, OrganisationType, Transaction, TransactionType,
};
use twiza_store::{IatiPublication, Store};

use crate::{Error, Result};

/// Morocco, as ISO 3166-1 alpha-2 (every activity's recipient country).
const MOROCCO: &str = "MA";

/// One activity the file holds, as the publishing page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivitySummary {
    pub identifier: String,
    pub key: ActivityKey,
    pub title_ar: String,
    pub title_fr: String,
    pub status: ActivityStatus,
}

/// What the publishing page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub verified: bool,
    /// The recorded publication, if the file was ever published.
    pub publication: Option<IatiPublication>,
    /// The identifier the file has, or will have when first published.
    pub organisation_identifier: String,
    pub activities: Vec<ActivitySummary>,
}

impl Overview {
    pub fn published(&self) -> bool {
        self.publication.as_ref().is_some_and(|p| p.published)
    }
}

/// The identifier recorded at the first publication, else the one it will get.
fn identifier_of(org: OrgId, publication: Option<&IatiPublication>) -> String {
    publication.map_or_else(
        || mapping::default_organisation_identifier(org),
        |p| p.organisation_identifier.clone(),
    )
}

/// The scoped association's publication and the activities its file holds today.
pub async fn overview(store: &Store, scope: &OrgScope, today: Date) -> Result<Overview> {
    let org = store
        .organization(scope.org_id())
        .await?
        .ok_or(Error::NotFound)?;
    let publication = store.iati_publication(org.id).await?;
    let identifier = identifier_of(org.id, publication.as_ref());
    let mut activities = Vec::new();
    for c in store.iati_campaigns(org.id).await? {
        let Some(status) = mapping::campaign_status(c.state, c.ends_on, today) else {
            continue;
        };
        let key = ActivityKey::Campaign(c.id);
        activities.push(ActivitySummary {
            identifier: mapping::activity_identifier(&identifier, key),
            key,
            title_ar: c.title_ar,
            title_fr: c.title_fr,
            status,
        });
    }
    for p in store.iati_programmes(org.id).await? {
        let key = ActivityKey::Programme(p.id);
        activities.push(ActivitySummary {
            identifier: mapping::activity_identifier(&identifier, key),
            key,
            title_ar: p.name_ar,
            title_fr: p.name_fr,
            status: mapping::programme_status(p.ends_on, today),
        });
    }
    Ok(Overview {
        verified: org.status == OrgStatus::Verified,
        publication,
        organisation_identifier: identifier,
        activities,
    })
}

/// Publishes the scoped association's file (again). Refused `organization_not_verified` for
/// an association that is not verified; the identifier of the first publication is kept.
pub async fn publish(store: &Store, scope: &OrgScope, by: UserId) -> Result<IatiPublication> {
    let org = store
        .organization(scope.org_id())
        .await?
        .ok_or(Error::NotFound)?;
    if org.status != OrgStatus::Verified {
        return Err(Error::Refused(Refusal::OrganizationNotVerified));
    }
    let identifier = mapping::default_organisation_identifier(org.id);
    Ok(store.publish_iati(scope, by, &identifier).await?)
}

/// Withdraws the scoped association's file: its public address answers 404 again.
pub async fn unpublish(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
) -> Result<Option<IatiPublication>> {
    Ok(store.unpublish_iati(scope, by).await?)
}

/// Writes the association's published file to `w` and hands `w` back; `None` when no file is
/// published (never published, withdrawn, or the association is no longer verified) or when
/// it would hold no activity (IATI requires one).
pub async fn write_published<W: Write>(
    store: &Store,
    messages: &Messages,
    org: OrgId,
    now: OffsetDateTime,
    w: W,
) -> Result<Option<W>> {
    let Some(identifier) = store.iati_published_identifier(org).await? else {
        return Ok(None);
    };
    let organization = store.organization(org).await?.ok_or(Error::NotFound)?;
    let today = now.date();
    // IATI requires at least one activity in a file: an association with no public campaign
    // and no programme yet has no file to serve.
    let campaigns: Vec<_> = store
        .iati_campaigns(org)
        .await?
        .into_iter()
        .filter(|c| mapping::campaign_status(c.state, c.ends_on, today).is_some())
        .collect();
    let programmes = store.iati_programmes(org).await?;
    if campaigns.is_empty() && programmes.is_empty() {
        return Ok(None);
    }
    let me = Organisation {
        identifier: identifier.clone(),
        kind: OrganisationType::NationalNgo,
        name: Narratives {
            ar: organization.name_ar.clone(),
            fr: organization.name_fr.clone(),
        },
    };
    let participants = vec![
        (OrganisationRole::Accountable, me.clone()),
        (OrganisationRole::Implementing, me.clone()),
    ];
    let mut file = ActivitiesWriter::start(w, now, me).map_err(file_error)?;

    let seat = commune_location(&organization.seat.commune_code);
    for c in campaigns {
        let Some(status) = mapping::campaign_status(c.state, c.ends_on, today) else {
            continue;
        };
        let sector = mapping::campaign_sector(c.emergency, &organization.domains);
        let mut transactions: Vec<Transaction> = store
            .iati_donations_per_day(org, c.id)
            .await?
            .into_iter()
            .filter(|d| d.centimes > 0)
            .map(|d| Transaction {
                reference: None,
                kind: TransactionType::IncomingFunds,
                date: d.day,
                centimes: d.centimes,
            })
            .collect();
        transactions.extend(
            store
                .iati_approved_expenses(org, c.id)
                .await?
                .into_iter()
                .filter(|e| e.centimes > 0)
                .map(|e| Transaction {
                    reference: Some(format!("E{}", e.id)),
                    kind: TransactionType::Expenditure,
                    date: e.approved_on,
                    centimes: e.centimes,
                }),
        );
        let mut dates = vec![
            date(ActivityDateType::PlannedStart, c.starts_on),
            date(ActivityDateType::PlannedEnd, c.ends_on),
        ];
        if c.starts_on <= today {
            dates.push(date(ActivityDateType::ActualStart, c.starts_on));
        }
        if let Some(closed) = c.closed_at {
            dates.push(date(ActivityDateType::ActualEnd, closed.date()));
        }
        let activity = Activity {
            identifier: mapping::activity_identifier(&identifier, ActivityKey::Campaign(c.id)),
            humanitarian: sector.is_humanitarian(),
            title: Narratives {
                ar: c.title_ar,
                fr: c.title_fr,
            },
            description: Narratives {
                ar: c.purpose_ar,
                fr: c.purpose_fr,
            },
            participants: participants.clone(),
            status,
            dates,
            recipient_country: MOROCCO,
            locations: seat.iter().cloned().collect(),
            sector,
            transactions,
        };
        file.activity(&activity).map_err(file_error)?;
    }

    for p in programmes {
        let transactions = store
            .iati_transfers_per_day(org, p.id)
            .await?
            .into_iter()
            .filter(|d| d.centimes > 0)
            .map(|d| Transaction {
                reference: None,
                kind: TransactionType::Disbursement,
                date: d.day,
                centimes: d.centimes,
            })
            .collect();
        let locations = store
            .iati_programme_communes(org, p.id)
            .await?
            .iter()
            .filter_map(|code| commune_location(code))
            .collect();
        let started = p.created_at.date();
        let mut dates = vec![date(ActivityDateType::ActualStart, started.min(today))];
        if let Some(end) = p.ends_on {
            dates.push(date(ActivityDateType::PlannedEnd, end));
            if end < today {
                dates.push(date(ActivityDateType::ActualEnd, end));
            }
        }
        let sector = mapping::programme_sector();
        let description = |locale| {
            messages.t_args(
                locale,
                "iati-programme-description",
                &[(
                    "name",
                    Arg::Str(if locale == Locale::Ar {
                        p.name_ar.as_str()
                    } else {
                        p.name_fr.as_str()
                    }),
                )],
            )
        };
        let activity = Activity {
            identifier: mapping::activity_identifier(&identifier, ActivityKey::Programme(p.id)),
            humanitarian: sector.is_humanitarian(),
            description: Narratives {
                ar: description(Locale::Ar),
                fr: description(Locale::Fr),
            },
            title: Narratives {
                ar: p.name_ar.clone(),
                fr: p.name_fr.clone(),
            },
            participants: participants.clone(),
            status: mapping::programme_status(p.ends_on, today),
            dates,
            recipient_country: MOROCCO,
            locations,
            sector,
            transactions,
        };
        file.activity(&activity).map_err(file_error)?;
    }
    Ok(Some(file.finish().map_err(file_error)?))
}

fn date(kind: ActivityDateType, date: Date) -> ActivityDate {
    ActivityDate { kind, date }
}

/// A commune as a location: its HCP code as the reference, its names, and its centre.
fn commune_location(code: &str) -> Option<Location> {
    let code = CommuneCode::parse(code).ok()?;
    let commune = twiza_geo::geo().commune(&code)?;
    let point = twiza_geo::commune_shape(&code).map(|s| {
        let c = s.centre();
        (c.lat, c.lon)
    });
    Some(Location {
        reference: format!("MA-HCP-{}", code.as_str()),
        name: Narratives {
            ar: commune.name_ar.clone(),
            fr: commune.name_fr.clone(),
        },
        country: MOROCCO,
        point,
    })
}

fn file_error(_: twiza_iati::Error) -> Error {
    Error::Internal("iati file")
}
