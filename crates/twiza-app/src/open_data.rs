//! The open data catalogue: every public dataset Twiza publishes, with the metadata the
//! Humanitarian Data Exchange (HDX) asks for — name, period (`dataset_date`), update frequency
//! in HDX's day counts, licence (CC BY 4.0, HDX's `cc-by`), source, owner, tags and groups —
//! and the rule that says which incident or campaign a download may read.
//!
//! The datasets: per incident, the coverage of needs per commune and douar and the
//! who-does-what-where (both HXL-tagged CSV), the needs as GeoJSON placed at their douar or
//! commune, and the deliveries per commune and day (HXL CSV); per published or closed campaign,
//! its donations and its expenses per day (HXL CSV). None holds a person: no name, phone,
//! identity number, contact, free text or household's point — only codes, counts, amounts,
//! dates and public places. Titles, descriptions and methodologies are words of the message
//! files, which each face renders in its reader's language.

use crate::{Error, Result};
use time::Date;
use twiza_store::{Incident, OpenCampaign, Store};

/// HDX's licence id for Creative Commons Attribution 4.0 International.
pub const LICENSE_ID: &str = "cc-by";

/// The HDX organisation and maintainer the datasets are published under.
pub const PUBLISHER: &str = "twiza";

/// HDX's group of the country (ISO 3166-1 alpha-3, lower case).
pub const COUNTRY_GROUP: &str = "mar";

/// HDX's `methodology` value: figures are the platform's own records (needs, pledges,
/// deliveries, donations, expenses), not a census or a survey; how each is computed is said in
/// the dataset's methodology text (HDX's `methodology_other`).
pub const METHODOLOGY: &str = "Other";

/// Incidents and campaigns read per query while building the catalogue.
const PAGE: i64 = 500;

/// What a dataset holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetKind {
    /// Households in need, pledged and reached per commune and douar of an incident.
    Coverage,
    /// Who does what where in an incident (one row per pledge).
    ThreeW,
    /// An incident's needs, placed at their douar or commune.
    Needs,
    /// Confirmed deliveries of an incident per day, commune and association.
    Deliveries,
    /// Confirmed donations of a campaign per day, kind and method.
    Donations,
    /// Approved expenses of a campaign per day and category.
    Expenses,
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 6] = [
        DatasetKind::Coverage,
        DatasetKind::ThreeW,
        DatasetKind::Needs,
        DatasetKind::Deliveries,
        DatasetKind::Donations,
        DatasetKind::Expenses,
    ];

    /// The code of the kind: message keys and names are made of it.
    pub fn as_str(self) -> &'static str {
        match self {
            DatasetKind::Coverage => "coverage",
            DatasetKind::ThreeW => "3w",
            DatasetKind::Needs => "needs",
            DatasetKind::Deliveries => "deliveries",
            DatasetKind::Donations => "donations",
            DatasetKind::Expenses => "expenses",
        }
    }

    /// The file's name in its download address.
    pub fn file(self) -> &'static str {
        match self {
            DatasetKind::Needs => "needs.geojson",
            DatasetKind::Coverage => "coverage.csv",
            DatasetKind::ThreeW => "3w.csv",
            DatasetKind::Deliveries => "deliveries.csv",
            DatasetKind::Donations => "donations.csv",
            DatasetKind::Expenses => "expenses.csv",
        }
    }

    /// `CSV` (with an HXL hashtag row under its header) or `GeoJSON`, as HDX names formats.
    pub fn format(self) -> &'static str {
        match self {
            DatasetKind::Needs => "GeoJSON",
            _ => "CSV",
        }
    }

    /// Whether the file is HXL-tagged CSV.
    pub fn hxl(self) -> bool {
        self != DatasetKind::Needs
    }

    /// The HDX tags of the kind (HDX's tag vocabulary).
    pub fn tags(self) -> &'static [&'static str] {
        match self {
            DatasetKind::Coverage => &["hxl", "needs assessment", "affected population"],
            DatasetKind::ThreeW => &[
                "hxl",
                "who is doing what and where-3w-4w-5w",
                "operational presence",
            ],
            DatasetKind::Needs => &["geodata", "needs assessment"],
            DatasetKind::Deliveries => &["hxl", "distributions", "humanitarian assistance"],
            DatasetKind::Donations => &["hxl", "funding", "donors"],
            DatasetKind::Expenses => &["hxl", "funding", "expenditure"],
        }
    }
}

/// What a dataset is about.
#[derive(Debug, Clone)]
pub enum Subject {
    Incident(Incident),
    Campaign(OpenCampaign),
}

/// How often a dataset changes, in HDX's `data_update_frequency` day counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateFrequency {
    /// Recomputed at every download and changing every day while the incident or campaign runs.
    Daily,
    /// A closed campaign: its figures no longer change.
    Never,
}

impl UpdateFrequency {
    /// HDX's value: `"1"` every day, `"-1"` never.
    pub fn hdx(self) -> &'static str {
        match self {
            UpdateFrequency::Daily => "1",
            UpdateFrequency::Never => "-1",
        }
    }

    /// The code of the frequency (message keys are made of it).
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateFrequency::Daily => "daily",
            UpdateFrequency::Never => "never",
        }
    }
}

/// One dataset of the catalogue.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub kind: DatasetKind,
    pub subject: Subject,
    /// The period the figures cover, first and last day.
    pub period: (Date, Date),
    pub frequency: UpdateFrequency,
}

impl Dataset {
    /// HDX's `name`: lower case, digits and dashes, unique and stable.
    pub fn name(&self) -> String {
        match &self.subject {
            Subject::Incident(i) => format!("twiza-incident-{}-{}", i.id, self.kind.as_str()),
            Subject::Campaign(c) => format!(
                "twiza-campaign-{}-{}",
                slug(&c.code, c.id),
                self.kind.as_str()
            ),
        }
    }

    /// The download's path on this site.
    pub fn path(&self) -> String {
        match &self.subject {
            Subject::Incident(i) => format!("/open-data/incidents/{}/{}", i.id, self.kind.file()),
            Subject::Campaign(c) => format!("/open-data/campaigns/{}/{}", c.id, self.kind.file()),
        }
    }

    /// HDX's `dataset_date`: `[YYYY-MM-DDT00:00:00 TO YYYY-MM-DDT23:59:59]`.
    pub fn dataset_date(&self) -> String {
        format!("[{}T00:00:00 TO {}T23:59:59]", self.period.0, self.period.1)
    }
}

/// A code made fit for an HDX name (lower-case ASCII letters, digits and dashes), else the id.
fn slug(code: &str, id: i64) -> String {
    let s: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        id.to_string()
    } else {
        s
    }
}

/// A date written `YYYY-MM-DD`, else `fallback`.
fn day_of(raw: &str, fallback: Date) -> Date {
    Date::parse(
        raw,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap_or(fallback)
}

/// The datasets of an incident, from its start to `today`.
pub fn incident_datasets(incident: &Incident, today: Date) -> Vec<Dataset> {
    let start = day_of(&incident.started_on, today).min(today);
    [
        DatasetKind::Coverage,
        DatasetKind::ThreeW,
        DatasetKind::Needs,
        DatasetKind::Deliveries,
    ]
    .into_iter()
    .map(|kind| Dataset {
        kind,
        subject: Subject::Incident(incident.clone()),
        period: (start, today),
        frequency: UpdateFrequency::Daily,
    })
    .collect()
}

/// The datasets of a published or closed campaign, over its authorized period.
pub fn campaign_datasets(campaign: &OpenCampaign, today: Date) -> Vec<Dataset> {
    let start = day_of(&campaign.starts_on, today);
    let end = day_of(&campaign.ends_on, today).max(start);
    let frequency = if campaign.closed {
        UpdateFrequency::Never
    } else {
        UpdateFrequency::Daily
    };
    [DatasetKind::Donations, DatasetKind::Expenses]
        .into_iter()
        .map(|kind| Dataset {
            kind,
            subject: Subject::Campaign(campaign.clone()),
            period: (start, end),
            frequency,
        })
        .collect()
}

/// The IATI activity files of the associations that published one. IATI publication is not
/// recorded on this branch yet: when it is, its entries are added here (one per publishing
/// association, `/open-data/iati/{org_id}.xml`), and the catalogue lists them with the rest.
pub async fn iati_datasets(_store: &Store, _today: Date) -> Result<Vec<Dataset>> {
    Ok(Vec::new())
}

/// Every public dataset: each incident's (newest incident first), then each published or
/// closed campaign's (in id order), then the IATI files.
pub async fn catalogue(store: &Store, today: Date) -> Result<Vec<Dataset>> {
    let mut datasets = Vec::new();
    let mut before = None;
    loop {
        let incidents = store.incidents(before, PAGE).await?;
        for incident in &incidents {
            datasets.extend(incident_datasets(incident, today));
        }
        match incidents.last() {
            Some(last) if incidents.len() as i64 == PAGE => before = Some(last.id),
            _ => break,
        }
    }
    let mut after = 0;
    loop {
        let campaigns = store.open_campaigns(after, PAGE).await?;
        for campaign in &campaigns {
            datasets.extend(campaign_datasets(campaign, today));
        }
        match campaigns.last() {
            Some(last) if campaigns.len() as i64 == PAGE => after = last.id,
            _ => break,
        }
    }
    datasets.extend(iati_datasets(store, today).await?);
    Ok(datasets)
}

/// The incident a download reads; not found when there is none.
pub async fn open_incident(store: &Store, id: i64) -> Result<Incident> {
    store.incident(id).await?.ok_or(Error::NotFound)
}

/// The campaign a download reads: published or closed, else not found (a draft's figures
/// belong to its association alone).
pub async fn open_campaign(store: &Store, id: i64) -> Result<OpenCampaign> {
    store.open_campaign(id).await?.ok_or(Error::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use twiza_domain::crisis::IncidentKind;

    fn incident() -> Incident {
        Incident {
            id: 7,
            kind: IncidentKind::Earthquake,
            title_ar: "زلزال".into(),
            title_fr: "Séisme".into(),
            started_on: "2023-09-08".into(),
            declared_at: 0,
        }
    }

    #[test]
    fn an_incident_has_four_datasets_from_its_start_to_today() {
        let sets = incident_datasets(&incident(), date!(2026 - 12 - 04));
        let kinds: Vec<_> = sets.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                DatasetKind::Coverage,
                DatasetKind::ThreeW,
                DatasetKind::Needs,
                DatasetKind::Deliveries
            ]
        );
        assert_eq!(
            sets[0].dataset_date(),
            "[2023-09-08T00:00:00 TO 2026-12-04T23:59:59]"
        );
        assert_eq!(sets[1].name(), "twiza-incident-7-3w");
        assert_eq!(sets[2].path(), "/open-data/incidents/7/needs.geojson");
        assert_eq!(sets[3].frequency.hdx(), "1");
    }

    #[test]
    fn a_closed_campaign_never_changes_and_its_name_is_a_slug() {
        let campaign = OpenCampaign {
            id: 3,
            code: "CMP-2026/0001".into(),
            title_ar: "حملة".into(),
            title_fr: "Campagne".into(),
            organization_ar: "جمعية".into(),
            organization_fr: "Association".into(),
            starts_on: "2026-01-01".into(),
            ends_on: "2026-03-31".into(),
            closed: true,
        };
        let sets = campaign_datasets(&campaign, date!(2026 - 12 - 04));
        assert_eq!(sets.len(), 2);
        assert_eq!(sets[0].name(), "twiza-campaign-cmp-2026-0001-donations");
        assert_eq!(sets[1].path(), "/open-data/campaigns/3/expenses.csv");
        assert_eq!(sets[0].frequency.hdx(), "-1");
        assert_eq!(
            sets[0].dataset_date(),
            "[2026-01-01T00:00:00 TO 2026-03-31T23:59:59]"
        );
    }
}
