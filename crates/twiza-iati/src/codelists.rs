//! The IATI 2.03 codelists Twiza writes, each value with its official code (the IATI
//! codelists `ActivityStatus`, `ActivityDateType`, `TransactionType`, `OrganisationType`,
//! `OrganisationRole`, and the OECD DAC CRS 5-digit purpose codes of `SectorVocabulary` 1).

/// `ActivityStatus`: where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityStatus {
    /// 1 — Pipeline/identification.
    Pipeline,
    /// 2 — Implementation.
    Implementation,
    /// 3 — Finalisation: physical activity complete, final financial reporting to come.
    Finalisation,
    /// 4 — Closed.
    Closed,
}

impl ActivityStatus {
    pub fn code(self) -> &'static str {
        match self {
            ActivityStatus::Pipeline => "1",
            ActivityStatus::Implementation => "2",
            ActivityStatus::Finalisation => "3",
            ActivityStatus::Closed => "4",
        }
    }
}

/// `ActivityDateType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityDateType {
    /// 1 — Planned start.
    PlannedStart,
    /// 2 — Actual start.
    ActualStart,
    /// 3 — Planned end.
    PlannedEnd,
    /// 4 — Actual end.
    ActualEnd,
}

impl ActivityDateType {
    pub fn code(self) -> &'static str {
        match self {
            ActivityDateType::PlannedStart => "1",
            ActivityDateType::ActualStart => "2",
            ActivityDateType::PlannedEnd => "3",
            ActivityDateType::ActualEnd => "4",
        }
    }
}

/// `TransactionType`: the three kinds of money that moves in Twiza's activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransactionType {
    /// 1 — Incoming Funds: donations received.
    IncomingFunds,
    /// 3 — Disbursement: cash transferred to households.
    Disbursement,
    /// 4 — Expenditure: approved expenses.
    Expenditure,
}

impl TransactionType {
    pub fn code(self) -> &'static str {
        match self {
            TransactionType::IncomingFunds => "1",
            TransactionType::Disbursement => "3",
            TransactionType::Expenditure => "4",
        }
    }
}

/// `OrganisationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationType {
    /// 22 — National NGO: a Moroccan association.
    NationalNgo,
}

impl OrganisationType {
    pub fn code(self) -> &'static str {
        match self {
            OrganisationType::NationalNgo => "22",
        }
    }
}

/// `OrganisationRole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationRole {
    /// 2 — Accountable.
    Accountable,
    /// 4 — Implementing.
    Implementing,
}

impl OrganisationRole {
    pub fn code(self) -> &'static str {
        match self {
            OrganisationRole::Accountable => "2",
            OrganisationRole::Implementing => "4",
        }
    }
}

/// An OECD DAC CRS purpose code (sector vocabulary 1), the ones Twiza's mapping uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sector {
    /// 11220 — Primary education.
    PrimaryEducation,
    /// 11230 — Basic life skills for adults (literacy).
    BasicLifeSkillsForAdults,
    /// 12220 — Basic health care.
    BasicHealthCare,
    /// 14030 — Basic drinking water supply and basic sanitation.
    BasicDrinkingWater,
    /// 15170 — Women's rights organisations and movements, and government institutions.
    WomensRights,
    /// 16010 — Social protection.
    SocialProtection,
    /// 16020 — Employment creation.
    EmploymentCreation,
    /// 16040 — Low-cost housing.
    LowCostHousing,
    /// 16061 — Culture and recreation.
    CultureAndRecreation,
    /// 41010 — Environmental policy and administrative management.
    EnvironmentalPolicy,
    /// 43040 — Rural development.
    RuralDevelopment,
    /// 52010 — Food assistance.
    FoodAssistance,
    /// 72010 — Material relief assistance and services.
    MaterialRelief,
    /// 72040 — Emergency food assistance.
    EmergencyFoodAssistance,
}

impl Sector {
    /// The 5-digit DAC code.
    pub fn code(self) -> &'static str {
        match self {
            Sector::PrimaryEducation => "11220",
            Sector::BasicLifeSkillsForAdults => "11230",
            Sector::BasicHealthCare => "12220",
            Sector::BasicDrinkingWater => "14030",
            Sector::WomensRights => "15170",
            Sector::SocialProtection => "16010",
            Sector::EmploymentCreation => "16020",
            Sector::LowCostHousing => "16040",
            Sector::CultureAndRecreation => "16061",
            Sector::EnvironmentalPolicy => "41010",
            Sector::RuralDevelopment => "43040",
            Sector::FoodAssistance => "52010",
            Sector::MaterialRelief => "72010",
            Sector::EmergencyFoodAssistance => "72040",
        }
    }

    /// Whether the code is humanitarian (DAC sector 720: emergency response).
    pub fn is_humanitarian(self) -> bool {
        self.code().starts_with("720")
    }
}
