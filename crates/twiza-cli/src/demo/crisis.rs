//! The demo's crisis: the Al Haouz earthquake of 8 September 2023 in real communes of Al Haouz,
//! Chichaoua and Taroudannt, with douars (points approximate, for the demo), hundreds of needs
//! reported by the public and assessed by field agents, and pledges that crowd the accessible
//! valleys while the remote douars wait — the picture coordinators must see at a glance.

use anyhow::Context;
use rand::{Rng, SeedableRng};
use time::{Duration, OffsetDateTime};
use twiza_domain::crisis::{
    DouarInput, IncidentInput, NeedInput, NewDouar, NewIncident, NewNeed, NewPledge, PledgeInput,
    PledgeStatus,
};
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_store::{Reporter, Store};

/// A commune of the incident: HCP code and how remote it is (0 = on the main road, 3 = hours of
/// mountain track), which drives how many needs it reports and how few pledges reach it.
struct Place {
    code: &'static str,
    remoteness: u8,
}

const PLACES: &[Place] = &[
    Place {
        code: "07.041.07.05",
        remoteness: 3,
    }, // Ighil (epicentre)
    Place {
        code: "07.041.07.13",
        remoteness: 3,
    }, // Talat N'Yaaqoub
    Place {
        code: "07.041.07.07",
        remoteness: 2,
    }, // Ijoukak
    Place {
        code: "07.041.07.11",
        remoteness: 1,
    }, // Ouirgane
    Place {
        code: "07.041.07.09",
        remoteness: 2,
    }, // Imgdal
    Place {
        code: "07.041.07.03",
        remoteness: 0,
    }, // Asni
    Place {
        code: "07.041.01.03",
        remoteness: 0,
    }, // Amizmiz
    Place {
        code: "07.041.05.05",
        remoteness: 2,
    }, // Anougal
    Place {
        code: "07.041.09.01",
        remoteness: 0,
    }, // Moulay Brahim
    Place {
        code: "07.161.07.01",
        remoteness: 3,
    }, // Adassil
    Place {
        code: "07.161.07.09",
        remoteness: 2,
    }, // Imindounit
    Place {
        code: "07.161.05.01",
        remoteness: 1,
    }, // Afalla Issen
    Place {
        code: "09.541.04.49",
        remoteness: 3,
    }, // Tafingoult
    Place {
        code: "09.541.04.67",
        remoteness: 3,
    }, // Tizi N'test
    Place {
        code: "09.541.01.02",
        remoteness: 0,
    }, // Aoulouz
];

/// Douars: commune, Arabic, French and Latin names, approximate point, population.
const DOUARS: &[(&str, &str, &str, &str, f64, f64, i64)] = &[
    (
        "07.041.07.05",
        "تنيرت",
        "Tnirt",
        "Tnirt",
        31.032,
        -8.402,
        380,
    ),
    ("07.041.07.05", "إغيل", "Ighil", "Ighil", 31.05, -8.376, 520),
    ("07.041.07.05", "أزرو", "Azrou", "Azrou", 31.04, -8.356, 260),
    (
        "07.041.07.13",
        "تلات نيعقوب",
        "Talat N'Yaaqoub",
        "Talat N'Yaaqoub",
        30.993,
        -8.177,
        900,
    ),
    (
        "07.041.07.13",
        "إمي نتالا",
        "Imi N'Tala",
        "Imi N'Tala",
        30.968,
        -8.221,
        310,
    ),
    (
        "07.041.07.07",
        "إجوكاك",
        "Ijoukak",
        "Ijoukak",
        30.998,
        -8.154,
        640,
    ),
    (
        "07.041.07.07",
        "أكرض",
        "Agard",
        "Agard",
        31.021,
        -8.132,
        210,
    ),
    (
        "07.041.07.11",
        "ويركان",
        "Ouirgane",
        "Ouirgane",
        31.175,
        -8.077,
        700,
    ),
    (
        "07.041.07.09",
        "إمكدال",
        "Imgdal",
        "Imgdal",
        31.106,
        -8.131,
        450,
    ),
    ("07.041.07.03", "أسني", "Asni", "Asni", 31.247, -7.981, 1500),
    (
        "07.041.07.03",
        "إمليل",
        "Imlil",
        "Imlil",
        31.137,
        -7.919,
        800,
    ),
    (
        "07.041.01.03",
        "أمزميز",
        "Amizmiz",
        "Amizmiz",
        31.217,
        -8.241,
        2500,
    ),
    (
        "07.041.05.05",
        "تافغاغت",
        "Tafeghaghte",
        "Tafeghaghte",
        31.179,
        -8.258,
        200,
    ),
    (
        "07.041.09.01",
        "مولاي إبراهيم",
        "Moulay Brahim",
        "Moulay Brahim",
        31.291,
        -8.003,
        1800,
    ),
    (
        "07.161.07.01",
        "تيخت",
        "Tikht",
        "Tikht",
        31.155,
        -8.547,
        250,
    ),
    (
        "07.161.07.01",
        "أداسيل",
        "Adassil",
        "Adassil",
        31.104,
        -8.512,
        600,
    ),
    (
        "07.161.07.09",
        "إمندونيت",
        "Imindounit",
        "Imindounit",
        31.097,
        -8.549,
        400,
    ),
    (
        "07.161.05.01",
        "أفلا إيسن",
        "Afalla Issen",
        "Afalla Issen",
        31.002,
        -8.818,
        350,
    ),
    (
        "09.541.04.49",
        "تافنكولت",
        "Tafingoult",
        "Tafingoult",
        30.781,
        -8.384,
        420,
    ),
    (
        "09.541.04.67",
        "تيزي نتاست",
        "Tizi N'Test",
        "Tizi N'Test",
        30.855,
        -8.383,
        180,
    ),
    (
        "09.541.01.02",
        "أولوز",
        "Aoulouz",
        "Aoulouz",
        30.675,
        -8.152,
        3000,
    ),
];

const CATEGORIES: &[(&str, u32)] = &[
    ("shelter", 30),
    ("food", 20),
    ("water", 14),
    ("clothing_blankets", 12),
    ("health", 10),
    ("hygiene", 6),
    ("psychosocial", 4),
    ("education", 4),
];

const URGENCIES: &[(&str, u32)] = &[("critical", 25), ("high", 35), ("medium", 28), ("low", 12)];

fn pick<'a>(rng: &mut impl Rng, table: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (value, weight) in table {
        if roll < *weight {
            return value;
        }
        roll -= weight;
    }
    table[0].0
}

const PLEDGE_TEXTS: &[(&str, &str)] = &[
    ("shelter", "Tentes familiales et bâches"),
    ("food", "Paniers alimentaires d'un mois"),
    ("water", "Citernes et bidons d'eau"),
    ("clothing_blankets", "Couvertures et vêtements chauds"),
    ("health", "Caravane médicale de trois jours"),
    ("hygiene", "Kits d'hygiène familiaux"),
    ("psychosocial", "Écoute et soutien psychosocial"),
    ("education", "Tentes-écoles et fournitures"),
];

/// Seeds the incident; `orgs[i]` (verified) is owned by `owners[i]`; `authority` declares it;
/// `personal_data` seals the reporters' contacts, as the API does.
pub async fn seed(
    store: &Store,
    orgs: &[OrgId],
    owners: &[UserId],
    authority: UserId,
    personal_data: &twiza_store::PersonalDataKeys,
) -> anyhow::Result<i64> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(20_230_908);
    let incident = NewIncident::parse(&IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال الحوز — 8 شتنبر 2023",
        title_fr: "Séisme d'Al Haouz — 8 septembre 2023",
        started_on: "2023-09-08",
        communes: PLACES.iter().map(|p| p.code).collect(),
    })
    .map_err(|e| anyhow::anyhow!("demo incident: {e}"))?;
    let incident = store.declare_incident(&incident, authority).await?;

    let mut douars: Vec<(i64, &str)> = Vec::new();
    for (commune, ar, fr, latin, lat, lon, population) in DOUARS {
        let douar = NewDouar::parse(&DouarInput {
            commune,
            name_ar: ar,
            name_fr: fr,
            name_latin: latin,
            latitude: Some(*lat),
            longitude: Some(*lon),
            population: Some(*population),
        })
        .map_err(|e| anyhow::anyhow!("demo douar {latin}: {e}"))?;
        douars.push((store.create_douar(&douar).await?, commune));
    }

    // Needs: remote communes report more (and larger) ones.
    let mut needs: Vec<(i64, &str, Option<i64>, &str, i64)> = Vec::new();
    for place in PLACES {
        let count = 12 + 14 * usize::from(place.remoteness) + rng.gen_range(0..6);
        let own_douars: Vec<i64> = douars
            .iter()
            .filter(|(_, c)| *c == place.code)
            .map(|(id, _)| *id)
            .collect();
        for n in 0..count {
            let category = pick(&mut rng, CATEGORIES);
            let households = rng.gen_range(2..=8) * (1 + i64::from(place.remoteness));
            let douar = (!own_douars.is_empty() && rng.gen_bool(0.8))
                .then(|| own_douars[rng.gen_range(0..own_douars.len())]);
            let phone = format!("06{:08}", rng.gen_range(10_000_000..99_999_999u32));
            let with_contact = n % 3 == 0;
            let input = NeedInput {
                commune: place.code,
                douar_id: douar,
                category,
                urgency: pick(&mut rng, URGENCIES),
                households: Some(households),
                contact_phone: with_contact.then_some(phone.as_str()),
                ..NeedInput::default()
            };
            let need = NewNeed::parse(&input).map_err(|e| anyhow::anyhow!("demo need: {e}"))?;
            let reference = twiza_app::crisis::need_reference();
            let sealed = match &need.contact {
                Some(contact) => Some(
                    twiza_app::crisis::seal_need_contact(personal_data, &reference, contact)
                        .map_err(|_| anyhow::anyhow!("sealing a demo contact"))?,
                ),
                None => None,
            };
            // A third are field assessments by the association of the valley.
            let reporter = if n % 3 == 1 {
                let i = n % orgs.len().min(6);
                Reporter::FieldAgent {
                    org: orgs.get(i).context("demo association")?.0,
                    user: *owners.get(i).context("demo owner")?,
                }
            } else {
                Reporter::Public
            };
            let written = store
                .report_need(incident, &need, &reference, sealed.as_deref(), reporter)
                .await?;
            needs.push((written.id, place.code, douar, category, households));
        }
    }

    // Pledges: most associations go where the road is good; the remote valleys get few.
    let today = OffsetDateTime::now_utc().date();
    let verified = orgs.len().min(6);
    for (i, (need, commune, douar, category, households)) in needs.iter().enumerate() {
        let remoteness = PLACES
            .iter()
            .find(|p| p.code == *commune)
            .map_or(0, |p| p.remoteness);
        let chance = [0.9, 0.45, 0.2, 0.08][usize::from(remoteness.min(3))];
        if !rng.gen_bool(chance) {
            continue;
        }
        let k = i % verified;
        let scope = OrgScope::for_member(*orgs.get(k).context("demo association")?, OrgRole::Owner);
        let by = *owners.get(k).context("demo owner")?;
        let text = PLEDGE_TEXTS
            .iter()
            .find(|(c, _)| c == category)
            .map_or("Aide", |(_, t)| t);
        let due = (today + Duration::days(rng.gen_range(1..10))).to_string();
        let pledge = NewPledge::parse(
            &PledgeInput {
                need_id: Some(*need),
                commune,
                category,
                households: Some(*households),
                description: text,
                due_on: &due,
                ..PledgeInput::default()
            },
            today,
        )
        .map_err(|e| anyhow::anyhow!("demo pledge: {e}"))?;
        let (id, _) = store.create_pledge(&scope, incident, &pledge, by).await?;
        // Extra convoys to the easy places: the oversupply the map must show.
        if remoteness == 0 && rng.gen_bool(0.5) {
            let extra = NewPledge {
                need_id: None,
                douar_id: *douar,
                ..pledge.clone()
            };
            store.create_pledge(&scope, incident, &extra, by).await?;
        }
        match rng.gen_range(0..10) {
            0..=4 => {
                store
                    .set_pledge_status(&scope, id, PledgeStatus::Delivered)
                    .await?
            }
            5..=6 => {
                store
                    .set_pledge_status(&scope, id, PledgeStatus::InProgress)
                    .await?
            }
            _ => {}
        }
    }
    logistics(store, incident, orgs, owners, &needs).await?;
    Ok(incident)
}

/// Warehouses and stock for the first three associations, convoys (one of them heading to a
/// valley that is already covered), and deliveries proven by the family's code.
async fn logistics(
    store: &Store,
    incident: i64,
    orgs: &[OrgId],
    owners: &[UserId],
    needs: &[(i64, &str, Option<i64>, &str, i64)],
) -> anyhow::Result<()> {
    use twiza_domain::logistics::{code_hash, ConvoyStatus, NewConvoy, NewReceipt};
    let today = OffsetDateTime::now_utc().date();
    let stocked = [
        ("tent", 400, "in_kind_donation", "TWZ-ASN1"),
        ("blanket", 2_000, "in_kind_donation", "TWZ-ASN1"),
        ("food_basket", 900, "purchase", "TWZ-AMZ2"),
        ("water", 30_000, "purchase", "TWZ-AMZ2"),
        ("hygiene_kit", 600, "other", "Croissant-Rouge marocain"),
    ];
    let depots = [
        ("Dépôt d'Asni", "07.041.07.03"),
        ("Dépôt d'Amizmiz", "07.041.01.03"),
        ("Dépôt de Talat N'Yaaqoub", "07.041.07.13"),
    ];
    let item_for = |category: &str| match category {
        "shelter" => Some(("tent", 1)),
        "food" => Some(("food_basket", 1)),
        "water" => Some(("water", 40)),
        "clothing_blankets" => Some(("blanket", 4)),
        "hygiene" => Some(("hygiene_kit", 1)),
        _ => None,
    };
    for (k, (name, commune)) in depots.iter().enumerate() {
        let org = *orgs.get(k).context("demo association")?;
        let by = *owners.get(k).context("demo owner")?;
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let warehouse = store.create_warehouse(&scope, name, commune).await?;
        for (item, quantity, source, reference) in stocked {
            let receipt = NewReceipt::parse(quantity, source, reference)
                .map_err(|e| anyhow::anyhow!("demo receipt: {e}"))?;
            store
                .receive_stock(&scope, warehouse, item, &receipt, by)
                .await?;
        }
        // Two convoys each: one to the nearest valley, one to the most remote commune.
        for (destination, days) in [(*commune, 1), ("07.041.07.05", 2)] {
            let convoy = NewConvoy::parse(
                "Camion 12 t",
                "Chauffeur de l'association",
                "Marrakech – Tahannaout – Asni – Ouirgane – Ijoukak",
                &(today + Duration::days(days)).to_string(),
                &[("tent".to_owned(), 60), ("food_basket".to_owned(), 120)],
                today,
            )
            .map_err(|e| anyhow::anyhow!("demo convoy: {e}"))?;
            let (id, _) = store
                .plan_convoy(
                    &scope,
                    incident,
                    warehouse,
                    (destination, None),
                    &convoy,
                    &[],
                    by,
                )
                .await?;
            if days == 1 {
                store
                    .set_convoy_status(&scope, id, ConvoyStatus::Left)
                    .await?;
            }
        }
        // Deliveries for a few of this association's open needs, proven by the family's code
        // (drawn here as the SMS gateway would send it).
        let mut done = 0;
        for (need, _, _, category, households) in needs.iter().skip(k * 7) {
            if done == 4 {
                break;
            }
            let Some((item, per_household)) = item_for(category) else {
                continue;
            };
            let Some(state) = store.need(*need).await? else {
                continue;
            };
            if !state.status.is_open() {
                continue;
            }
            let code = format!("{:06}", 100_000 + (*need * 7_919) % 900_000);
            let salt = need.to_be_bytes();
            let hash = code_hash(&salt, &code);
            let delivery = twiza_store::NewDelivery {
                incident_id: incident,
                need_id: *need,
                warehouse_id: warehouse,
                item: item.to_owned(),
                quantity: households * per_household,
                households: *households,
                campaign_id: None,
                household_id: None,
                lot_id: None,
            };
            let id = store
                .create_delivery(&scope, &delivery, Some((&salt, &hash)), by)
                .await?;
            store.confirm_delivery(&scope, id, &code).await?;
            done += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::DOUARS;
    use twiza_geo::shapes::{commune_shape, LonLat};
    use twiza_geo::CommuneCode;

    /// A douar's dot falls inside its commune's boundary on the incident map.
    #[test]
    fn every_demo_douar_lies_in_its_commune() {
        let outside: Vec<&str> = DOUARS
            .iter()
            .filter(|(commune, _, _, _, lat, lon, _)| {
                let code = CommuneCode::parse(commune).expect("a commune code");
                let shape = commune_shape(&code).expect("a boundary");
                !shape.contains(LonLat {
                    lon: *lon,
                    lat: *lat,
                })
            })
            .map(|d| d.2)
            .collect();
        assert!(outside.is_empty(), "outside their commune: {outside:?}");
    }
}
