//! Programme rules as data: who is eligible and how much each household is entitled to, as a
//! small rules table (conditions on the household and on its members, amounts per component),
//! checked when a rule version is saved and evaluated natively for millions of households.
//!
//! A rule version is JSON:
//! ```json
//! {"eligibility": [{"field": "socio_economic_index", "op": "le", "value": 9.743001}],
//!  "entitlement": {"per_household": "0.00", "minimum": "500.00", "maximum": null,
//!    "components": [{"label": "child_rank_1_3_under_6", "amount": "200.00",
//!      "when": [{"field": "relation", "op": "eq", "value": "child"},
//!               {"field": "age", "op": "lt", "value": 6},
//!               {"field": "child_rank", "op": "le", "value": 3}]}]}}
//! ```
//! Eligibility conditions are on household fields and all must hold; a component pays its
//! amount once per member meeting all its `when` conditions (member fields), or once per
//! household when `per` is `household` (household fields). A condition on a value the household
//! lacks (no socio-economic index yet) does not hold, and the decision says so.

use crate::money::Amount;
use crate::registry::{Area, HousingDamage, Relation, Schooling, Sex};
use crate::text::FieldError;
use serde::{Deserialize, Serialize};

/// Household fields a condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HouseholdField {
    SocioEconomicIndex,
    Area,
    HousingDamage,
    Size,
    Children,
    AffectedByIncident,
    Region,
    Province,
    Commune,
}

/// Member fields a condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MemberField {
    Age,
    Sex,
    Relation,
    InSchool,
    Schooling,
    Disabled,
    ChildRank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Code,
    Flag,
}

impl HouseholdField {
    fn parse(name: &str) -> Option<(HouseholdField, Kind)> {
        use HouseholdField::*;
        Some(match name {
            "socio_economic_index" => (SocioEconomicIndex, Kind::Number),
            "area" => (Area, Kind::Code),
            "housing_damage" => (HousingDamage, Kind::Code),
            "size" => (Size, Kind::Number),
            "children" => (Children, Kind::Number),
            "affected_by_incident" => (AffectedByIncident, Kind::Flag),
            "region" => (Region, Kind::Code),
            "province" => (Province, Kind::Code),
            "commune" => (Commune, Kind::Code),
            _ => return None,
        })
    }
}

impl MemberField {
    fn parse(name: &str) -> Option<(MemberField, Kind)> {
        use MemberField::*;
        Some(match name {
            "age" => (Age, Kind::Number),
            "sex" => (Sex, Kind::Code),
            "relation" => (Relation, Kind::Code),
            "in_school" => (InSchool, Kind::Flag),
            "schooling" => (Schooling, Kind::Code),
            "disabled" => (Disabled, Kind::Flag),
            "child_rank" => (ChildRank, Kind::Number),
            _ => return None,
        })
    }
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
}

/// A condition as written in the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    pub field: String,
    pub op: Op,
    pub value: serde_json::Value,
}

/// Whom a component pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    #[default]
    Member,
    Household,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentSpec {
    /// A stable name, shown in the breakdown (`child_rank_1_3_under_6`).
    pub label: String,
    pub amount: String,
    #[serde(default)]
    pub per: Per,
    #[serde(default)]
    pub when: Vec<ConditionSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitlementSpec {
    #[serde(default = "zero")]
    pub per_household: String,
    #[serde(default)]
    pub components: Vec<ComponentSpec>,
    #[serde(default)]
    pub minimum: Option<String>,
    #[serde(default)]
    pub maximum: Option<String>,
}

fn zero() -> String {
    "0.00".to_owned()
}

/// A rule version as written (stored as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesSpec {
    pub eligibility: Vec<ConditionSpec>,
    pub entitlement: EntitlementSpec,
}

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Number(f64),
    Code(String),
    Codes(Vec<String>),
    Flag(bool),
}

#[derive(Debug, Clone, PartialEq)]
struct Test {
    op: Op,
    operand: Operand,
}

impl Test {
    fn number(&self, x: f64) -> bool {
        let Operand::Number(v) = self.operand else {
            return false;
        };
        match self.op {
            Op::Eq => x == v,
            Op::Ne => x != v,
            Op::Lt => x < v,
            Op::Le => x <= v,
            Op::Gt => x > v,
            Op::Ge => x >= v,
            Op::In => false,
        }
    }

    fn code(&self, x: &str) -> bool {
        match (&self.operand, self.op) {
            (Operand::Code(v), Op::Eq) => x == v,
            (Operand::Code(v), Op::Ne) => x != v,
            (Operand::Codes(vs), Op::In) => vs.iter().any(|v| v == x),
            _ => false,
        }
    }

    fn flag(&self, x: bool) -> bool {
        match (&self.operand, self.op) {
            (Operand::Flag(v), Op::Eq) => x == *v,
            (Operand::Flag(v), Op::Ne) => x != *v,
            _ => false,
        }
    }
}

fn operand(kind: Kind, op: Op, value: &serde_json::Value) -> Result<Operand, &'static str> {
    use serde_json::Value as V;
    match (kind, op, value) {
        (Kind::Number, Op::In, _) => Err("rule_bad_operator"),
        (Kind::Number, _, V::Number(n)) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(Operand::Number)
            .ok_or("rule_bad_value"),
        (Kind::Code, Op::Eq | Op::Ne, V::String(s)) => Ok(Operand::Code(s.clone())),
        (Kind::Code, Op::In, V::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .filter(|v| !v.is_empty())
            .map(Operand::Codes)
            .ok_or("rule_bad_value"),
        (Kind::Flag, Op::Eq | Op::Ne, V::Bool(b)) => Ok(Operand::Flag(*b)),
        (Kind::Code | Kind::Flag, Op::Lt | Op::Le | Op::Gt | Op::Ge, _)
        | (Kind::Flag, Op::In, _) => Err("rule_bad_operator"),
        _ => Err("rule_bad_value"),
    }
}

/// The facts about a household a rule reads, prepared by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdFacts<'a> {
    pub socio_economic_index: Option<f64>,
    pub area: Area,
    pub housing_damage: HousingDamage,
    pub affected_by_incident: bool,
    pub region: &'a str,
    pub province: &'a str,
    pub commune: &'a str,
    pub members: Vec<MemberFacts>,
}

/// The facts about one member, on the cycle's reference date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemberFacts {
    pub age: i32,
    pub sex: Sex,
    pub relation: Relation,
    pub schooling: Schooling,
    pub disabled: bool,
    /// 1 for the eldest child, 0 for members who are not children.
    pub child_rank: u32,
}

impl HouseholdFacts<'_> {
    fn children(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.relation == Relation::Child)
            .count()
    }
}

#[derive(Debug, Clone, PartialEq)]
struct HouseholdCondition {
    field: HouseholdField,
    test: Test,
}

impl HouseholdCondition {
    /// `None` when the household lacks the value.
    fn holds(&self, h: &HouseholdFacts<'_>) -> Option<bool> {
        use HouseholdField as F;
        let t = &self.test;
        Some(match self.field {
            F::SocioEconomicIndex => t.number(h.socio_economic_index?),
            F::Area => t.code(h.area.as_str()),
            F::HousingDamage => t.code(h.housing_damage.as_str()),
            F::Size => t.number(h.members.len() as f64),
            F::Children => t.number(h.children() as f64),
            F::AffectedByIncident => t.flag(h.affected_by_incident),
            F::Region => t.code(h.region),
            F::Province => t.code(h.province),
            F::Commune => t.code(h.commune),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
struct MemberCondition {
    field: MemberField,
    test: Test,
}

impl MemberCondition {
    fn holds(&self, m: &MemberFacts) -> bool {
        use MemberField as F;
        let t = &self.test;
        match self.field {
            F::Age => t.number(f64::from(m.age)),
            F::Sex => t.code(m.sex.as_str()),
            F::Relation => t.code(m.relation.as_str()),
            F::InSchool => t.flag(m.schooling.in_school()),
            F::Schooling => t.code(m.schooling.as_str()),
            F::Disabled => t.flag(m.disabled),
            F::ChildRank => t.number(f64::from(m.child_rank)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum ComponentWhen {
    Member(Vec<MemberCondition>),
    Household(Vec<HouseholdCondition>),
}

#[derive(Debug, Clone, PartialEq)]
struct Component {
    label: String,
    centimes: i64,
    when: ComponentWhen,
}

/// A checked rule version, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    eligibility: Vec<HouseholdCondition>,
    per_household: i64,
    components: Vec<Component>,
    minimum: Option<i64>,
    maximum: Option<i64>,
}

/// One line of an entitlement's breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitlementLine {
    pub label: String,
    /// Members (or 1 for a household component) it paid for.
    pub count: u32,
    pub centimes: i64,
}

/// The decision for one household, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub eligible: bool,
    /// The eligibility conditions that did not hold, by position and field
    /// (`0:socio_economic_index`), or that lacked a value (`…:missing`).
    pub unmet: Vec<String>,
    /// Total per period, in centimes (0 when not eligible).
    pub centimes: i64,
    pub lines: Vec<EntitlementLine>,
}

impl Decision {
    /// The decision for a household none of whose members is its own: every member was found
    /// to be someone registered earlier, so it is a second registration of the same family and
    /// is never paid twice (`duplicate_household`).
    pub fn duplicate_household() -> Decision {
        Decision {
            eligible: false,
            unmet: vec!["duplicate_household".to_owned()],
            centimes: 0,
            lines: Vec::new(),
        }
    }
}

/// A non-negative amount in centimes: `"0.00"` or a valid [`Amount`].
fn amount(field: &'static str, raw: &str) -> Result<i64, FieldError> {
    if matches!(raw, "0" | "0.0" | "0.00") {
        return Ok(0);
    }
    Amount::parse(field, raw).map(Amount::centimes)
}

fn household_condition(c: &ConditionSpec) -> Result<HouseholdCondition, FieldError> {
    let (field, kind) = HouseholdField::parse(&c.field)
        .ok_or(FieldError::new("eligibility", "rule_unknown_field"))?;
    let operand =
        operand(kind, c.op, &c.value).map_err(|code| FieldError::new("eligibility", code))?;
    Ok(HouseholdCondition {
        field,
        test: Test { op: c.op, operand },
    })
}

fn member_condition(c: &ConditionSpec) -> Result<MemberCondition, FieldError> {
    let (field, kind) =
        MemberField::parse(&c.field).ok_or(FieldError::new("components", "rule_unknown_field"))?;
    let operand =
        operand(kind, c.op, &c.value).map_err(|code| FieldError::new("components", code))?;
    Ok(MemberCondition {
        field,
        test: Test { op: c.op, operand },
    })
}

impl Rules {
    /// Checks a rule version: known fields, operators that fit them, values of the right type,
    /// amounts as decimal strings, labels unique, minimum not above maximum.
    pub fn compile(spec: &RulesSpec) -> Result<Rules, FieldError> {
        let eligibility = spec
            .eligibility
            .iter()
            .map(household_condition)
            .collect::<Result<Vec<_>, _>>()?;
        let e = &spec.entitlement;
        let mut components = Vec::with_capacity(e.components.len());
        for c in &e.components {
            let label = c.label.trim();
            if label.is_empty()
                || label.len() > 60
                || !label
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            {
                return Err(FieldError::new("components", "rule_bad_label"));
            }
            if components.iter().any(|o: &Component| o.label == label) {
                return Err(FieldError::new("components", "rule_bad_label"));
            }
            let when = match c.per {
                Per::Member => ComponentWhen::Member(
                    c.when
                        .iter()
                        .map(member_condition)
                        .collect::<Result<_, _>>()?,
                ),
                Per::Household => ComponentWhen::Household(
                    c.when
                        .iter()
                        .map(household_condition)
                        .collect::<Result<_, _>>()?,
                ),
            };
            components.push(Component {
                label: label.to_owned(),
                centimes: amount("components", &c.amount)?,
                when,
            });
        }
        let minimum = e
            .minimum
            .as_deref()
            .map(|m| amount("minimum", m))
            .transpose()?;
        let maximum = e
            .maximum
            .as_deref()
            .map(|m| amount("maximum", m))
            .transpose()?;
        if let (Some(lo), Some(hi)) = (minimum, maximum) {
            if lo > hi {
                return Err(FieldError::new("minimum", "rule_minimum_above_maximum"));
            }
        }
        Ok(Rules {
            eligibility,
            per_household: amount("per_household", &e.per_household)?,
            components,
            minimum,
            maximum,
        })
    }

    /// Parses and checks a rule version from its JSON.
    pub fn from_json(json: &str) -> Result<Rules, FieldError> {
        let spec: RulesSpec = serde_json::from_str(json)
            .map_err(|_| FieldError::new("rules", "rule_invalid_json"))?;
        Rules::compile(&spec)
    }

    /// Decides one household.
    pub fn decide(&self, h: &HouseholdFacts<'_>) -> Decision {
        let mut unmet = Vec::new();
        for (i, c) in self.eligibility.iter().enumerate() {
            match c.holds(h) {
                Some(true) => {}
                Some(false) => unmet.push(format!("{i}:{}", field_name(c.field))),
                None => unmet.push(format!("{i}:{}:missing", field_name(c.field))),
            }
        }
        if !unmet.is_empty() {
            return Decision {
                eligible: false,
                unmet,
                centimes: 0,
                lines: Vec::new(),
            };
        }
        let mut lines = Vec::new();
        let mut total = self.per_household;
        if total > 0 {
            lines.push(EntitlementLine {
                label: "per_household".to_owned(),
                count: 1,
                centimes: total,
            });
        }
        for c in &self.components {
            let count: u32 = match &c.when {
                ComponentWhen::Member(conds) => h
                    .members
                    .iter()
                    .filter(|m| conds.iter().all(|k| k.holds(m)))
                    .count()
                    .try_into()
                    .unwrap_or(u32::MAX),
                ComponentWhen::Household(conds) => {
                    u32::from(conds.iter().all(|k| k.holds(h) == Some(true)))
                }
            };
            if count > 0 {
                let centimes = c.centimes.saturating_mul(i64::from(count));
                total = total.saturating_add(centimes);
                lines.push(EntitlementLine {
                    label: c.label.clone(),
                    count,
                    centimes,
                });
            }
        }
        if let Some(min) = self.minimum {
            if total < min {
                lines.push(EntitlementLine {
                    label: "minimum_top_up".to_owned(),
                    count: 1,
                    centimes: min - total,
                });
                total = min;
            }
        }
        if let Some(max) = self.maximum {
            if total > max {
                lines.push(EntitlementLine {
                    label: "maximum_cap".to_owned(),
                    count: 1,
                    centimes: max - total,
                });
                total = max;
            }
        }
        Decision {
            eligible: true,
            unmet,
            centimes: total,
            lines,
        }
    }
}

fn field_name(f: HouseholdField) -> &'static str {
    use HouseholdField::*;
    match f {
        SocioEconomicIndex => "socio_economic_index",
        Area => "area",
        HousingDamage => "housing_damage",
        Size => "size",
        Children => "children",
        AffectedByIncident => "affected_by_incident",
        Region => "region",
        Province => "province",
        Commune => "commune",
    }
}

/// Rules of a direct social aid programme in the shape of Morocco's (2023 decree): eligible
/// under the socio-economic index threshold 9.743001; per child under 6, or 6 to 21 and in
/// school, an amount for the first three children and a lower one for the 4th to the 6th; a
/// supplement per child with a disability; at least 500 MAD per household per month. The
/// amounts are an editable example, not the official schedule.
pub const DIRECT_SOCIAL_AID_EXAMPLE: &str = r#"{
  "eligibility": [{"field": "socio_economic_index", "op": "le", "value": 9.743001}],
  "entitlement": {
    "per_household": "0.00",
    "minimum": "500.00",
    "components": [
      {"label": "child_rank_1_3_under_6", "amount": "200.00", "when": [
        {"field": "relation", "op": "eq", "value": "child"},
        {"field": "age", "op": "lt", "value": 6},
        {"field": "child_rank", "op": "le", "value": 3}]},
      {"label": "child_rank_1_3_in_school", "amount": "250.00", "when": [
        {"field": "relation", "op": "eq", "value": "child"},
        {"field": "age", "op": "ge", "value": 6}, {"field": "age", "op": "le", "value": 21},
        {"field": "in_school", "op": "eq", "value": true},
        {"field": "child_rank", "op": "le", "value": 3}]},
      {"label": "child_rank_4_6_under_6", "amount": "100.00", "when": [
        {"field": "relation", "op": "eq", "value": "child"},
        {"field": "age", "op": "lt", "value": 6},
        {"field": "child_rank", "op": "ge", "value": 4}, {"field": "child_rank", "op": "le", "value": 6}]},
      {"label": "child_rank_4_6_in_school", "amount": "125.00", "when": [
        {"field": "relation", "op": "eq", "value": "child"},
        {"field": "age", "op": "ge", "value": 6}, {"field": "age", "op": "le", "value": 21},
        {"field": "in_school", "op": "eq", "value": true},
        {"field": "child_rank", "op": "ge", "value": 4}, {"field": "child_rank", "op": "le", "value": 6}]},
      {"label": "child_disability_supplement", "amount": "100.00", "when": [
        {"field": "relation", "op": "eq", "value": "child"},
        {"field": "age", "op": "le", "value": 21},
        {"field": "disabled", "op": "eq", "value": true}]}
    ]
  }
}"#;

/// Rules of the monthly aid to households whose home the earthquake damaged (2,500 MAD per
/// household per month, as announced after the Al Haouz earthquake of 8 September 2023).
pub const EARTHQUAKE_MONTHLY_AID_EXAMPLE: &str = r#"{
  "eligibility": [
    {"field": "affected_by_incident", "op": "eq", "value": true},
    {"field": "housing_damage", "op": "in", "value": ["partial", "total"]}
  ],
  "entitlement": {"per_household": "2500.00", "components": []}
}"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn member(age: i32, relation: Relation, schooling: Schooling, rank: u32) -> MemberFacts {
        MemberFacts {
            age,
            sex: Sex::Female,
            relation,
            schooling,
            disabled: false,
            child_rank: rank,
        }
    }

    fn household(index: Option<f64>, members: Vec<MemberFacts>) -> HouseholdFacts<'static> {
        HouseholdFacts {
            socio_economic_index: index,
            area: Area::Rural,
            housing_damage: HousingDamage::None,
            affected_by_incident: false,
            region: "06",
            province: "061",
            commune: "061.01.01",
            members,
        }
    }

    fn adults() -> Vec<MemberFacts> {
        vec![
            member(45, Relation::Head, Schooling::None, 0),
            member(40, Relation::Spouse, Schooling::None, 0),
        ]
    }

    #[test]
    fn direct_social_aid_example() {
        let rules = Rules::from_json(DIRECT_SOCIAL_AID_EXAMPLE).unwrap();
        // Above the threshold: not eligible, and the decision says which condition failed.
        let d = rules.decide(&household(Some(9.8), adults()));
        assert!(!d.eligible);
        assert_eq!(d.unmet, ["0:socio_economic_index"]);
        assert_eq!(d.centimes, 0);
        // No index yet: not decided in the household's favour, and said so.
        let d = rules.decide(&household(None, adults()));
        assert_eq!(d.unmet, ["0:socio_economic_index:missing"]);
        // A couple without children gets the minimum.
        let d = rules.decide(&household(Some(9.0), adults()));
        assert!(d.eligible);
        assert_eq!(d.centimes, 50_000);
        assert_eq!(d.lines[0].label, "minimum_top_up");
        // Seven children: three in school (1–3), one under 6 at rank 4, one in school at rank 5,
        // one not in school at rank 6 (nothing), a disabled child at rank 7 (supplement only).
        let mut m = adults();
        m.push(member(15, Relation::Child, Schooling::LowerSecondary, 1));
        m.push(member(12, Relation::Child, Schooling::Primary, 2));
        m.push(member(10, Relation::Child, Schooling::Primary, 3));
        m.push(member(5, Relation::Child, Schooling::Preschool, 4));
        m.push(member(8, Relation::Child, Schooling::Primary, 5));
        m.push(member(7, Relation::Child, Schooling::None, 6));
        let mut disabled = member(3, Relation::Child, Schooling::None, 7);
        disabled.disabled = true;
        m.push(disabled);
        let d = rules.decide(&household(Some(9.5), m));
        let lines: Vec<(&str, u32, i64)> = d
            .lines
            .iter()
            .map(|l| (l.label.as_str(), l.count, l.centimes))
            .collect();
        assert_eq!(
            lines,
            [
                ("child_rank_1_3_in_school", 3, 75_000),
                ("child_rank_4_6_under_6", 1, 10_000),
                ("child_rank_4_6_in_school", 1, 12_500),
                ("child_disability_supplement", 1, 10_000),
            ]
        );
        assert_eq!(d.centimes, 107_500);
    }

    #[test]
    fn earthquake_example() {
        let rules = Rules::from_json(EARTHQUAKE_MONTHLY_AID_EXAMPLE).unwrap();
        let mut h = household(None, adults());
        assert!(!rules.decide(&h).eligible);
        h.affected_by_incident = true;
        h.housing_damage = HousingDamage::Partial;
        let d = rules.decide(&h);
        assert!(d.eligible);
        assert_eq!(d.centimes, 250_000);
        h.housing_damage = HousingDamage::None;
        assert_eq!(rules.decide(&h).unmet, ["1:housing_damage"]);
    }

    #[test]
    fn bad_rules_are_refused_with_a_code() {
        let cases = [
            (
                r#"{"eligibility":[{"field":"income","op":"le","value":1}],"entitlement":{}}"#,
                "rule_unknown_field",
            ),
            (
                r#"{"eligibility":[{"field":"area","op":"lt","value":"rural"}],"entitlement":{}}"#,
                "rule_bad_operator",
            ),
            (
                r#"{"eligibility":[{"field":"size","op":"in","value":[1]}],"entitlement":{}}"#,
                "rule_bad_operator",
            ),
            (
                r#"{"eligibility":[{"field":"size","op":"le","value":"3"}],"entitlement":{}}"#,
                "rule_bad_value",
            ),
            (
                r#"{"eligibility":[{"field":"area","op":"in","value":[]}],"entitlement":{}}"#,
                "rule_bad_value",
            ),
            (
                r#"{"eligibility":[],"entitlement":{"per_household":"-5.00"}}"#,
                "invalid_amount",
            ),
            (
                r#"{"eligibility":[],"entitlement":{"minimum":"10.00","maximum":"5.00"}}"#,
                "rule_minimum_above_maximum",
            ),
            (
                r#"{"eligibility":[],"entitlement":{"components":[{"label":"Bad Label","amount":"1.00"}]}}"#,
                "rule_bad_label",
            ),
            (
                r#"{"eligibility":[],"entitlement":{"components":[{"label":"a","amount":"1.00","when":[{"field":"socio_economic_index","op":"le","value":1}]}]}}"#,
                "rule_unknown_field",
            ),
            (
                r#"{"eligibility":[], "entitlement":{}, "extra": 1}"#,
                "rule_invalid_json",
            ),
            ("not json", "rule_invalid_json"),
        ];
        for (json, code) in cases {
            assert_eq!(Rules::from_json(json).unwrap_err().code, code, "{json}");
        }
    }

    #[test]
    fn household_components_and_cap() {
        let rules = Rules::from_json(
            r#"{"eligibility":[],"entitlement":{"per_household":"100.00","maximum":"150.00","components":[
                {"label":"rural","per":"household","amount":"80.00","when":[{"field":"area","op":"eq","value":"rural"}]}]}}"#,
        )
        .unwrap();
        let d = rules.decide(&household(None, adults()));
        assert_eq!(d.centimes, 15_000);
        assert_eq!(d.lines.last().unwrap().label, "maximum_cap");
    }
}
