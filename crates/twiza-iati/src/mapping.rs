//! How Twiza's associations, campaigns and programmes map onto IATI: identifiers, statuses and
//! sectors. Every mapping is documented in `docs/iati.md`; change both together.

use crate::codelists::{ActivityStatus, Sector};
use time::Date;
use twiza_domain::campaign::CampaignState;
use twiza_domain::organization::ActionDomain;
use twiza_domain::OrgId;

/// The organisation identifier Twiza gives an association that has none from a registration
/// agency: `MA-TWIZA-<the association's id>`, built from its stored id, never from its name.
/// The publication keeps the identifier it was first published with, so it never changes.
pub fn default_organisation_identifier(org: OrgId) -> String {
    format!("MA-TWIZA-{}", org.0)
}

/// What an activity is in Twiza.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityKey {
    Campaign(i64),
    Programme(i64),
}

/// The activity's identifier: the organisation identifier, then `C<campaign id>` or
/// `P<programme id>` — stored ids, so it never changes when a title does.
pub fn activity_identifier(organisation: &str, key: ActivityKey) -> String {
    match key {
        ActivityKey::Campaign(id) => format!("{organisation}-C{id}"),
        ActivityKey::Programme(id) => format!("{organisation}-P{id}"),
    }
}

/// A campaign's status, or `None` for a draft (a draft is not public, so not published).
/// Published and within its period: implementation; published after its end: finalisation
/// (the post-collection report is due); closed: closed.
pub fn campaign_status(state: CampaignState, ends_on: Date, today: Date) -> Option<ActivityStatus> {
    match state {
        CampaignState::Draft => None,
        CampaignState::Published if today <= ends_on => Some(ActivityStatus::Implementation),
        CampaignState::Published => Some(ActivityStatus::Finalisation),
        CampaignState::Closed => Some(ActivityStatus::Closed),
    }
}

/// A programme's status: implementation until its end date, closed after it.
pub fn programme_status(ends_on: Option<Date>, today: Date) -> ActivityStatus {
    match ends_on {
        Some(end) if end < today => ActivityStatus::Closed,
        _ => ActivityStatus::Implementation,
    }
}

/// The sector of a declared domain of action.
pub fn domain_sector(domain: ActionDomain) -> Sector {
    match domain {
        ActionDomain::Relief => Sector::MaterialRelief,
        ActionDomain::Health => Sector::BasicHealthCare,
        ActionDomain::Education => Sector::PrimaryEducation,
        ActionDomain::Literacy => Sector::BasicLifeSkillsForAdults,
        ActionDomain::Water => Sector::BasicDrinkingWater,
        ActionDomain::Housing => Sector::LowCostHousing,
        ActionDomain::Food => Sector::FoodAssistance,
        ActionDomain::Rural => Sector::RuralDevelopment,
        ActionDomain::Environment => Sector::EnvironmentalPolicy,
        ActionDomain::Culture => Sector::CultureAndRecreation,
        ActionDomain::Women => Sector::WomensRights,
        ActionDomain::Income => Sector::EmploymentCreation,
        ActionDomain::Children
        | ActionDomain::Elderly
        | ActionDomain::Disability
        | ActionDomain::Youth => Sector::SocialProtection,
    }
}

/// A campaign's sector. An emergency campaign is humanitarian: emergency food assistance when
/// the association declares food among its domains, material relief otherwise. Any other
/// campaign takes the sector of the association's first declared domain (material relief when
/// it declares none).
pub fn campaign_sector(emergency: bool, domains: &[ActionDomain]) -> Sector {
    if emergency {
        if domains.contains(&ActionDomain::Food) {
            Sector::EmergencyFoodAssistance
        } else {
            Sector::MaterialRelief
        }
    } else {
        domains
            .first()
            .map_or(Sector::MaterialRelief, |d| domain_sector(*d))
    }
}

/// A programme's sector: cash transfers to households by rules of eligibility are social
/// protection.
pub fn programme_sector() -> Sector {
    Sector::SocialProtection
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn identifiers_come_from_stored_ids() {
        let org = default_organisation_identifier(OrgId(7));
        assert_eq!(org, "MA-TWIZA-7");
        assert_eq!(
            activity_identifier(&org, ActivityKey::Campaign(12)),
            "MA-TWIZA-7-C12"
        );
        assert_eq!(
            activity_identifier(&org, ActivityKey::Programme(3)),
            "MA-TWIZA-7-P3"
        );
    }

    #[test]
    fn campaign_statuses_follow_state_and_period() {
        let end = date!(2026 - 03 - 31);
        assert_eq!(campaign_status(CampaignState::Draft, end, end), None);
        assert_eq!(
            campaign_status(CampaignState::Published, end, end),
            Some(ActivityStatus::Implementation)
        );
        assert_eq!(
            campaign_status(CampaignState::Published, end, date!(2026 - 04 - 01)),
            Some(ActivityStatus::Finalisation)
        );
        assert_eq!(
            campaign_status(CampaignState::Closed, end, end).map(|s| s.code()),
            Some("4")
        );
        assert_eq!(programme_status(None, end), ActivityStatus::Implementation);
        assert_eq!(
            programme_status(Some(date!(2026 - 01 - 01)), end),
            ActivityStatus::Closed
        );
    }

    #[test]
    fn sectors_are_dac_codes() {
        assert_eq!(campaign_sector(true, &[]).code(), "72010");
        assert_eq!(
            campaign_sector(true, &[ActionDomain::Relief, ActionDomain::Food]).code(),
            "72040"
        );
        assert_eq!(
            campaign_sector(false, &[ActionDomain::Health, ActionDomain::Food]).code(),
            "12220"
        );
        assert_eq!(programme_sector().code(), "16010");
        for d in ActionDomain::ALL {
            let code = domain_sector(d).code();
            assert!(code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
