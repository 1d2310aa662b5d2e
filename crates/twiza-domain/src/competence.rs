//! An authority's competence under Law 18-18 — a province or prefecture (its governor), a region
//! (its wali), the whole country (the Secretary-General of the Government) or abroad (Foreign
//! Affairs) — and who may decide a campaign's authorization.
//!
//! A campaign records no territory of its own: it collects where its association is seated, so
//! a local campaign belongs to the province of the association's seat and a regional one to the
//! region of that seat. A national or abroad campaign has no territory beyond its scope.

use crate::campaign::{CampaignScope, CompetentAuthority};
use crate::{FieldError, PlatformRole, Refusal};
use twiza_geo::{ProvinceCode, RegionCode};

/// The kind of an authority's competence, each deciding one campaign scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompetenceKind {
    Province,
    Region,
    National,
    Abroad,
}

impl CompetenceKind {
    pub const ALL: [CompetenceKind; 4] = [
        CompetenceKind::Province,
        CompetenceKind::Region,
        CompetenceKind::National,
        CompetenceKind::Abroad,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CompetenceKind::Province => "province",
            CompetenceKind::Region => "region",
            CompetenceKind::National => "national",
            CompetenceKind::Abroad => "abroad",
        }
    }

    pub fn parse(raw: &str) -> Option<CompetenceKind> {
        CompetenceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
    }

    /// Whether this kind names a territory by its HCP code.
    pub fn has_code(self) -> bool {
        matches!(self, CompetenceKind::Province | CompetenceKind::Region)
    }

    /// The campaigns this kind decides.
    pub fn scope(self) -> CampaignScope {
        match self {
            CompetenceKind::Province => CampaignScope::Local,
            CompetenceKind::Region => CampaignScope::Regional,
            CompetenceKind::National => CampaignScope::National,
            CompetenceKind::Abroad => CampaignScope::Abroad,
        }
    }
}

/// The territory whose fundraising authorizations an authority decides.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Competence {
    /// A province or prefecture: its governor decides its local campaigns.
    Province(ProvinceCode),
    /// A region: its wali decides its regional campaigns.
    Region(RegionCode),
    /// The Secretary-General of the Government decides national campaigns.
    National,
    /// The Ministry of Foreign Affairs decides campaigns abroad.
    Abroad,
}

impl Competence {
    /// Parses a kind (`province`, `region`, `national`, `abroad`) and, for a province or a
    /// region, its HCP code (which must exist); national and abroad take no code.
    pub fn parse(kind: &str, code: Option<&str>) -> Result<Competence, FieldError> {
        let kind = CompetenceKind::parse(kind)
            .ok_or(FieldError::new("competence", "invalid_competence"))?;
        let code = code.map(str::trim).filter(|c| !c.is_empty());
        match (kind, code) {
            (CompetenceKind::Province, Some(code)) => ProvinceCode::parse(code)
                .map(Competence::Province)
                .map_err(|_| FieldError::new("competence_code", "invalid_province")),
            (CompetenceKind::Region, Some(code)) => RegionCode::parse(code)
                .map(Competence::Region)
                .map_err(|_| FieldError::new("competence_code", "invalid_region")),
            (CompetenceKind::Province | CompetenceKind::Region, None) => {
                Err(FieldError::new("competence_code", "required"))
            }
            (CompetenceKind::National, None) => Ok(Competence::National),
            (CompetenceKind::Abroad, None) => Ok(Competence::Abroad),
            (CompetenceKind::National | CompetenceKind::Abroad, Some(_)) => {
                Err(FieldError::new("competence_code", "invalid_competence"))
            }
        }
    }

    pub fn kind(&self) -> CompetenceKind {
        match self {
            Competence::Province(_) => CompetenceKind::Province,
            Competence::Region(_) => CompetenceKind::Region,
            Competence::National => CompetenceKind::National,
            Competence::Abroad => CompetenceKind::Abroad,
        }
    }

    /// The HCP code of a province or a region; none for national and abroad.
    pub fn code(&self) -> Option<&str> {
        match self {
            Competence::Province(p) => Some(p.as_str()),
            Competence::Region(r) => Some(r.as_str()),
            Competence::National | Competence::Abroad => None,
        }
    }

    /// The authority that holds this competence.
    pub fn authority(&self) -> CompetentAuthority {
        self.kind().scope().authority()
    }

    /// Whether this competence decides a campaign of `scope` whose association is seated in
    /// `province` of `region` (HCP codes): a governor the local campaigns of their province, a
    /// wali the regional campaigns of their region, the Secretary-General of the Government the
    /// national ones and Foreign Affairs those abroad — and nothing else, not even a local
    /// campaign inside a wali's region.
    pub fn covers(&self, scope: CampaignScope, province: &str, region: &str) -> bool {
        match (self, scope) {
            (Competence::Province(p), CampaignScope::Local) => p.as_str() == province,
            (Competence::Region(r), CampaignScope::Regional) => r.as_str() == region,
            (Competence::National, CampaignScope::National) => true,
            (Competence::Abroad, CampaignScope::Abroad) => true,
            _ => false,
        }
    }

    /// Whether a place of `province` in `region` lies in this territory (an incident is
    /// declared in the communes of its competence; abroad covers no commune).
    pub fn covers_place(&self, province: &str, region: &str) -> bool {
        match self {
            Competence::Province(p) => p.as_str() == province,
            Competence::Region(r) => r.as_str() == region,
            Competence::National => true,
            Competence::Abroad => false,
        }
    }
}

/// Whether an account may decide the authorization of a campaign of `scope` whose association is
/// seated in `province` of `region`: an authority whose competence covers it, or a platform admin
/// recording a decision taken on paper. Anyone else — an authority without a competence or
/// outside it, an auditor, an account without a platform role — is refused with
/// [`Refusal::OutsideCompetence`].
pub fn may_decide(
    role: Option<PlatformRole>,
    competence: Option<&Competence>,
    scope: CampaignScope,
    province: &str,
    region: &str,
) -> Result<(), Refusal> {
    match (role, competence) {
        (Some(PlatformRole::PlatformAdmin), _) => Ok(()),
        (Some(PlatformRole::Authority), Some(c)) if c.covers(scope, province, region) => Ok(()),
        _ => Err(Refusal::OutsideCompetence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignScope::*;

    /// Al Haouz province, in Marrakech-Safi region.
    const AL_HAOUZ: &str = "07.041";
    const MARRAKECH_SAFI: &str = "07";

    fn governor_of_al_haouz() -> Competence {
        Competence::parse("province", Some(AL_HAOUZ)).expect("Al Haouz")
    }

    fn wali_of_marrakech_safi() -> Competence {
        Competence::parse("region", Some(MARRAKECH_SAFI)).expect("Marrakech-Safi")
    }

    #[test]
    fn a_governor_decides_the_local_campaigns_of_their_province_only() {
        let governor = governor_of_al_haouz();
        assert!(governor.covers(Local, AL_HAOUZ, MARRAKECH_SAFI));
        assert!(
            !governor.covers(Local, "07.161", MARRAKECH_SAFI),
            "Chichaoua"
        );
        assert!(!governor.covers(Regional, AL_HAOUZ, MARRAKECH_SAFI));
        assert!(!governor.covers(National, AL_HAOUZ, MARRAKECH_SAFI));
        assert!(!governor.covers(Abroad, AL_HAOUZ, MARRAKECH_SAFI));
        assert_eq!(governor.authority(), CompetentAuthority::Governor);
    }

    #[test]
    fn an_incident_is_declared_in_the_places_of_the_competence() {
        assert!(governor_of_al_haouz().covers_place(AL_HAOUZ, MARRAKECH_SAFI));
        assert!(!governor_of_al_haouz().covers_place("07.161", MARRAKECH_SAFI));
        assert!(wali_of_marrakech_safi().covers_place("07.161", MARRAKECH_SAFI));
        assert!(!wali_of_marrakech_safi().covers_place("01.051", "01"));
        assert!(Competence::National.covers_place("01.051", "01"));
        assert!(!Competence::Abroad.covers_place(AL_HAOUZ, MARRAKECH_SAFI));
    }

    #[test]
    fn a_wali_decides_the_regional_campaigns_of_their_region_only() {
        let wali = wali_of_marrakech_safi();
        assert!(wali.covers(Regional, AL_HAOUZ, MARRAKECH_SAFI));
        assert!(
            !wali.covers(Local, AL_HAOUZ, MARRAKECH_SAFI),
            "a local campaign is the governor's, even inside the wali's region"
        );
        assert!(!wali.covers(Regional, "09.541", "09"), "Souss-Massa");
        assert!(!wali.covers(National, AL_HAOUZ, MARRAKECH_SAFI));
        assert_eq!(wali.authority(), CompetentAuthority::Wali);
    }

    #[test]
    fn national_and_abroad_decide_their_scope_wherever_the_seat() {
        for (province, region) in [(AL_HAOUZ, MARRAKECH_SAFI), ("09.541", "09")] {
            assert!(Competence::National.covers(National, province, region));
            assert!(!Competence::National.covers(Abroad, province, region));
            assert!(!Competence::National.covers(Local, province, region));
            assert!(Competence::Abroad.covers(Abroad, province, region));
            assert!(!Competence::Abroad.covers(National, province, region));
        }
        assert_eq!(
            Competence::National.authority(),
            CompetentAuthority::SecretaryGeneralOfGovernment
        );
        assert_eq!(
            Competence::Abroad.authority(),
            CompetentAuthority::ForeignAffairs
        );
    }

    #[test]
    fn each_competence_decides_exactly_the_scope_whose_authority_it_is() {
        let all = [
            governor_of_al_haouz(),
            wali_of_marrakech_safi(),
            Competence::National,
            Competence::Abroad,
        ];
        for c in &all {
            for scope in CampaignScope::ALL {
                assert_eq!(
                    c.covers(scope, AL_HAOUZ, MARRAKECH_SAFI),
                    scope.authority() == c.authority(),
                    "{c:?} {scope:?}"
                );
            }
        }
    }

    #[test]
    fn parsing_needs_an_existing_code_for_a_territory_and_none_otherwise() {
        assert_eq!(
            governor_of_al_haouz().code(),
            Some(AL_HAOUZ),
            "kept as given"
        );
        assert_eq!(
            Competence::parse(" national ", None),
            Ok(Competence::National)
        );
        assert_eq!(
            Competence::parse("abroad", Some(" ")),
            Ok(Competence::Abroad)
        );
        let code = |kind: &str, code: Option<&str>| Competence::parse(kind, code).unwrap_err();
        assert_eq!(
            code("galaxy", None),
            FieldError::new("competence", "invalid_competence")
        );
        assert_eq!(
            code("province", Some("99.999")),
            FieldError::new("competence_code", "invalid_province")
        );
        assert_eq!(
            code("region", Some("13")),
            FieldError::new("competence_code", "invalid_region")
        );
        assert_eq!(
            code("province", None),
            FieldError::new("competence_code", "required")
        );
        assert_eq!(
            code("national", Some("07")),
            FieldError::new("competence_code", "invalid_competence")
        );
        for kind in CompetenceKind::ALL {
            assert_eq!(CompetenceKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                kind.has_code(),
                kind.scope() == Local || kind.scope() == Regional
            );
        }
    }

    #[test]
    fn only_a_competent_authority_or_a_platform_admin_decides() {
        let governor = governor_of_al_haouz();
        let decide =
            |role, competence| may_decide(role, competence, Local, AL_HAOUZ, MARRAKECH_SAFI);
        assert_eq!(
            decide(Some(PlatformRole::Authority), Some(&governor)),
            Ok(())
        );
        assert_eq!(
            decide(Some(PlatformRole::PlatformAdmin), None),
            Ok(()),
            "a paper decision recorded by a platform admin"
        );
        let outside = Err(Refusal::OutsideCompetence);
        let wali = wali_of_marrakech_safi();
        assert_eq!(decide(Some(PlatformRole::Authority), Some(&wali)), outside);
        assert_eq!(decide(Some(PlatformRole::Authority), None), outside);
        assert_eq!(
            decide(Some(PlatformRole::Auditor), Some(&governor)),
            outside
        );
        assert_eq!(decide(None, Some(&governor)), outside);
    }
}
