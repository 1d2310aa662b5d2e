//! The demo's fundraising: campaigns of the Al Haouz associations under Law 18-18 — authorized
//! by the competent authority and collecting, one closed after its collection, and one request
//! still pending for each demo authority (a local one in Al Haouz for its governor, a regional
//! one in Marrakech-Safi for its wali, a national one for the Secretary-General) —
//! with hundreds of donations of money and in kind, expenses with their evidence approved by a
//! second person, and a transfer between two associations; every event in the transparency log.

use anyhow::Context;
use rand::{Rng, SeedableRng};
use time::{Duration, OffsetDateTime};
use twiza_domain::campaign::{CampaignInput, CampaignState, NewCampaign};
use twiza_domain::donation::{request_hash, DonationStatus, Gift, PaymentMethod, PledgedItem};
use twiza_domain::ledger::{ExpenseCategory, PaidFrom};
use twiza_domain::money::Amount;
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};
use twiza_store::{AuthorizationDecision, NewDonation, NewExpense, NewTransfer, Sequencer, Store};

/// One demo campaign.
struct DemoCampaign {
    code: &'static str,
    title_ar: &'static str,
    title_fr: &'static str,
    purpose_ar: &'static str,
    purpose_fr: &'static str,
    goal: &'static str,
    scope: &'static str,
    /// Index into the demo associations.
    org: usize,
    /// Authorization granted (with this reference) or still pending.
    authorization: Option<&'static str>,
    closed: bool,
    money_donations: usize,
    in_kind_donations: usize,
}

const CAMPAIGNS: &[DemoCampaign] = &[
    DemoCampaign {
        code: "TWZ-ASN1",
        title_ar: "خيام وأغطية لدواوير أسني",
        title_fr: "Tentes et couvertures pour les douars d'Asni",
        purpose_ar: "إيواء الأسر المتضررة من الزلزال قبل حلول البرد",
        purpose_fr: "Abriter les familles sinistrées avant le froid",
        goal: "500000.00",
        scope: "local",
        org: 0,
        authorization: Some("PROV-AH/2023/0412"),
        closed: false,
        money_donations: 320,
        in_kind_donations: 60,
    },
    DemoCampaign {
        code: "TWZ-AMZ2",
        title_ar: "الماء الصالح للشرب في أمزميز",
        title_fr: "Eau potable à Amizmiz",
        purpose_ar: "خزانات ومضخات للدواوير المعزولة",
        purpose_fr: "Citernes et pompes pour les douars isolés",
        goal: "250000.00",
        scope: "regional",
        org: 1,
        authorization: Some("WALI-MS/2023/118"),
        closed: false,
        money_donations: 160,
        in_kind_donations: 25,
    },
    DemoCampaign {
        code: "TWZ-TYQ3",
        title_ar: "قفة رمضان لتالات نيعقوب",
        title_fr: "Paniers alimentaires de Talat N'Yaacoub",
        purpose_ar: "مواد غذائية أساسية للأسر المتضررة",
        purpose_fr: "Denrées de base pour les familles sinistrées",
        goal: "120000.00",
        scope: "local",
        org: 2,
        authorization: Some("PROV-AH/2023/0388"),
        closed: true,
        money_donations: 90,
        in_kind_donations: 20,
    },
    DemoCampaign {
        code: "TWZ-WRG4",
        title_ar: "إعادة بناء مدرسة ويرگان",
        title_fr: "Reconstruire l'école d'Ouirgane",
        purpose_ar: "ترميم الأقسام المتضررة",
        purpose_fr: "Réhabiliter les salles de classe endommagées",
        goal: "900000.00",
        scope: "national",
        org: 3,
        authorization: None,
        closed: false,
        money_donations: 0,
        in_kind_donations: 0,
    },
    DemoCampaign {
        code: "TWZ-OUR5",
        title_ar: "أفران الخبز لنساء ويركان",
        title_fr: "Fours à pain pour les femmes d'Ouirgane",
        purpose_ar: "أفران تقليدية للأسر التي فقدت مطابخها",
        purpose_fr: "Des fours traditionnels pour les familles qui ont perdu leur cuisine",
        goal: "80000.00",
        scope: "local",
        org: 3,
        authorization: None,
        closed: false,
        money_donations: 0,
        in_kind_donations: 0,
    },
    DemoCampaign {
        code: "TWZ-ADS6",
        title_ar: "إصلاح سواقي أداسيل",
        title_fr: "Réparer les seguias d'Adassil",
        purpose_ar: "إعادة الماء إلى حقول الدواوير المتضررة",
        purpose_fr: "Ramener l'eau aux champs des douars sinistrés",
        goal: "300000.00",
        scope: "regional",
        org: 4,
        authorization: None,
        closed: false,
        money_donations: 0,
        in_kind_donations: 0,
    },
];

/// Expenses of the first campaign: amount, category, paid from, description (ar, fr).
const EXPENSES: &[(&str, ExpenseCategory, PaidFrom, &str, &str)] = &[
    (
        "48000.00",
        ExpenseCategory::Programme,
        PaidFrom::Bank,
        "ستون خيمة عائلية",
        "Soixante tentes familiales",
    ),
    (
        "21500.00",
        ExpenseCategory::Programme,
        PaidFrom::Bank,
        "أغطية وأفرشة",
        "Couvertures et matelas",
    ),
    (
        "3200.00",
        ExpenseCategory::RunningCosts,
        PaidFrom::Cash,
        "نقل المتطوعين إلى الدواوير",
        "Transport des bénévoles vers les douars",
    ),
    (
        "1850.00",
        ExpenseCategory::RunningCosts,
        PaidFrom::MobileWallet,
        "رصيد الهاتف لفريق التنسيق",
        "Recharges téléphoniques de l'équipe de coordination",
    ),
];

const GOODS: &[(&str, &str)] = &[
    ("blanket", "piece"),
    ("tent", "piece"),
    ("food_basket", "kit"),
    ("family_kit", "kit"),
    ("water", "litre"),
    ("medicine_kit", "kit"),
    ("hygiene_kit", "kit"),
];

/// Seeds the campaigns of `orgs` (verified associations; `owners[i]` owns `orgs[i]`). Each
/// authorization is decided by the authority competent for its scope among `authorities`. Donations go through `sequencer`, like the
/// API's, so each is durable and logged. The first association's `treasurer` submits its
/// expenses and its owner approves them (two persons).
pub async fn seed(
    store: &Store,
    sequencer: &Sequencer,
    orgs: &[OrgId],
    owners: &[UserId],
    authorities: &crate::demo::DemoAuthorities,
    treasurer: UserId,
) -> anyhow::Result<()> {
    let mut first_campaign = None;
    let today = OffsetDateTime::now_utc().date();
    let mut rng = rand::rngs::StdRng::seed_from_u64(20230908);
    for c in CAMPAIGNS {
        let org = *orgs.get(c.org).context("demo association")?;
        let owner = *owners.get(c.org).context("demo owner")?;
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let starts = (today - Duration::days(60)).to_string();
        let ends = (today + Duration::days(120)).to_string();
        let input = CampaignInput {
            title_ar: c.title_ar,
            title_fr: c.title_fr,
            purpose_ar: c.purpose_ar,
            purpose_fr: c.purpose_fr,
            goal: c.goal,
            starts_on: &starts,
            ends_on: &ends,
            scope: c.scope,
            bank_account: "MA64011519000001205000534921",
            emergency: true,
        };
        let new = NewCampaign::parse(&input)
            .map_err(|e| anyhow::anyhow!("demo campaign {} invalid: {e:?}", c.code))?;
        let id = store.create_campaign(&scope, &new, c.code, owner).await?;
        let Some(reference) = c.authorization else {
            continue;
        };
        let grant = AuthorizationDecision::Grant {
            reference: reference.to_owned(),
            valid_from: today - Duration::days(60),
            valid_to: today + Duration::days(120),
        };
        let authority = authorities
            .for_scope(new.scope)
            .with_context(|| format!("no demo authority decides {}", c.code))?;
        store.decide_authorization(id, &grant, authority).await?;
        store
            .set_campaign_state(&scope, id, CampaignState::Draft, CampaignState::Published)
            .await?;
        let mut pending = Vec::new();
        for n in 0..c.money_donations + c.in_kind_donations {
            let gift = if n < c.money_donations {
                let dirhams = *[50, 100, 100, 200, 250, 500, 500, 1000, 2000, 5000]
                    .get(rng.gen_range(0..10))
                    .unwrap_or(&100);
                Gift::Money {
                    amount: Amount::from_centimes(dirhams * 100).context("amount")?,
                    method: PaymentMethod::ALL[rng.gen_range(0..PaymentMethod::ALL.len())],
                }
            } else {
                let (item, unit) = GOODS[rng.gen_range(0..GOODS.len())];
                Gift::InKind {
                    items: vec![PledgedItem {
                        item: item.to_owned(),
                        quantity: rng.gen_range(1..=200),
                        unit: unit.to_owned(),
                    }],
                }
            };
            let key = format!("demo-{}-{n:05}", c.code);
            let donation = NewDonation {
                campaign_id: id,
                request_hash: request_hash(key.as_bytes()),
                idempotency_key: key,
                gift,
                status: DonationStatus::Confirmed,
                provider_reference: None,
                sealed_identity: None,
            };
            let sequencer = sequencer.clone();
            // Submitted together, so the sequencer commits them in batches.
            pending.push(tokio::spawn(
                async move { sequencer.submit(donation).await },
            ));
        }
        for task in pending {
            task.await?
                .map_err(|e| anyhow::anyhow!("demo donation refused: {e}"))?;
        }
        if c.org == 0 {
            first_campaign = Some(id);
        }
        if c.closed {
            store
                .set_campaign_state(&scope, id, CampaignState::Published, CampaignState::Closed)
                .await?;
        }
    }
    let campaign = first_campaign.context("the first association's campaign")?;
    seed_books(store, orgs, owners, treasurer, campaign).await
}

/// Expenses of the first association's campaign, each with its invoice and approved by the
/// owner after the treasurer submitted it, and a transfer to the second association, confirmed
/// by its owner.
async fn seed_books(
    store: &Store,
    orgs: &[OrgId],
    owners: &[UserId],
    treasurer: UserId,
    campaign: i64,
) -> anyhow::Result<()> {
    let (org, owner) = (orgs[0], owners[0]);
    let treasury = OrgScope::for_member(org, OrgRole::Treasurer);
    let ownership = OrgScope::for_member(org, OrgRole::Owner);
    for (n, (amount, category, paid_from, description_ar, description_fr)) in
        EXPENSES.iter().enumerate()
    {
        let evidence = format!(
            "%PDF-1.4\n% {description_fr}: {amount} MAD\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        )
        .into_bytes();
        let key = format!("demo-expense-{n:03}");
        let expense = NewExpense {
            request_hash: request_hash(key.as_bytes()),
            idempotency_key: key,
            amount: Amount::parse("amount", amount).map_err(|e| anyhow::anyhow!("{e}"))?,
            category: *category,
            paid_from: *paid_from,
            description_ar: (*description_ar).to_owned(),
            description_fr: (*description_fr).to_owned(),
            evidence_type: "application/pdf",
            evidence,
        };
        let (submitted, _) = store
            .submit_expense(&treasury, campaign, &expense, treasurer)
            .await?;
        store
            .approve_expense(&ownership, submitted.id, owner)
            .await?;
    }
    let key = "demo-transfer-001".to_owned();
    let transfer = NewTransfer {
        request_hash: request_hash(key.as_bytes()),
        idempotency_key: key,
        to: orgs[1],
        campaign_id: campaign,
        amount: Amount::parse("amount", "15000.00").map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let (sent, _) = store.create_transfer(&ownership, &transfer, owner).await?;
    store
        .confirm_transfer(
            &OrgScope::for_member(orgs[1], OrgRole::Owner),
            sent.id,
            owners[1],
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::GOODS;

    /// Gifts in kind name items of the catalogue (so they can be received into stock as lots
    /// and read in every language), in the catalogue's unit.
    #[test]
    fn demo_gifts_in_kind_are_items_of_the_catalogue() {
        let catalogue = include_str!("../../../twiza-store/migrations/sqlite/0011_logistics.sql");
        for (item, unit) in GOODS {
            let line = catalogue
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("('{item}', ")))
                .unwrap_or_else(|| panic!("{item} is not in the catalogue"));
            assert!(
                line.contains(&format!("'{unit}')")),
                "{item} is counted in {unit}"
            );
        }
    }
}
