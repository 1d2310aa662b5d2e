//! The socio-economic index: either imported from the unified social registry (RSU) with its
//! date and source, or computed by a proxy-means test — a linear model of the logarithm of
//! consumption per person from what a field agent can observe (household make-up, dwelling,
//! assets), with separate weights for urban and rural households. The model is data (JSON),
//! versioned; the default's weights are an illustrative calibration on the RSU index's scale
//! (threshold for direct social aid: 9.743001), not the official model, which is not public.

use crate::registry::{Area, LivingConditions, Relation};
use crate::text::FieldError;
use serde::{Deserialize, Serialize};

/// Where an index value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum IndexSource {
    /// Imported from the unified social registry (or another named source).
    Imported { source: String },
    /// Computed by a proxy-means-test model of this version.
    Model { version: String },
}

/// The weights for one area. Every feature is a number; booleans count 1 when true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub intercept: f64,
    /// Times ln(household size).
    pub ln_size: f64,
    /// Times the share of members under 15.
    pub share_children: f64,
    /// Times the share of members 65 and over.
    pub share_elderly: f64,
    /// Times the share of members with a disability.
    pub share_disabled: f64,
    pub head_female: f64,
    /// Times rooms per person (capped at 3).
    pub rooms_per_person: f64,
    pub piped_water: f64,
    pub electricity: f64,
    pub flush_toilet: f64,
    pub owns_home: f64,
    pub refrigerator: f64,
    pub television: f64,
    pub car: f64,
    /// Times head of livestock (capped at 50).
    pub livestock_heads: f64,
}

/// A versioned proxy-means-test model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PmtModel {
    pub version: String,
    pub urban: Weights,
    pub rural: Weights,
}

/// What the model reads of one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PmtMember {
    pub age: i32,
    pub relation: Relation,
    pub female: bool,
    pub disabled: bool,
}

/// The default model (see the module's documentation for what its weights are).
pub const DEFAULT_MODEL: &str = r#"{
  "version": "pmt-2026.1",
  "urban": {"intercept": 10.30, "ln_size": -0.42, "share_children": -0.35, "share_elderly": -0.10,
            "share_disabled": -0.08, "head_female": -0.03, "rooms_per_person": 0.12,
            "piped_water": 0.10, "electricity": 0.08, "flush_toilet": 0.12, "owns_home": 0.05,
            "refrigerator": 0.15, "television": 0.06, "car": 0.35, "livestock_heads": 0.0},
  "rural": {"intercept": 9.95, "ln_size": -0.38, "share_children": -0.30, "share_elderly": -0.08,
            "share_disabled": -0.06, "head_female": -0.04, "rooms_per_person": 0.08,
            "piped_water": 0.12, "electricity": 0.10, "flush_toilet": 0.15, "owns_home": 0.02,
            "refrigerator": 0.18, "television": 0.07, "car": 0.40, "livestock_heads": 0.01}
}"#;

impl PmtModel {
    pub fn from_json(json: &str) -> Result<PmtModel, FieldError> {
        let model: PmtModel =
            serde_json::from_str(json).map_err(|_| FieldError::new("model", "model_invalid"))?;
        let finite = |w: &Weights| {
            [
                w.intercept,
                w.ln_size,
                w.share_children,
                w.share_elderly,
                w.share_disabled,
                w.head_female,
                w.rooms_per_person,
                w.piped_water,
                w.electricity,
                w.flush_toilet,
                w.owns_home,
                w.refrigerator,
                w.television,
                w.car,
                w.livestock_heads,
            ]
            .iter()
            .all(|x| x.is_finite())
        };
        let version_ok = !model.version.is_empty()
            && model.version.len() <= 40
            && model
                .version
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
        if !version_ok || !finite(&model.urban) || !finite(&model.rural) {
            return Err(FieldError::new("model", "model_invalid"));
        }
        Ok(model)
    }

    /// The default model.
    pub fn default_model() -> PmtModel {
        // The constant is checked by the tests below.
        PmtModel::from_json(DEFAULT_MODEL).unwrap_or_else(|_| PmtModel {
            version: String::new(),
            urban: ZERO,
            rural: ZERO,
        })
    }

    /// The index of a household, rounded to six decimals like the registry's. A missing living
    /// condition counts as absent (the poorer answer); `None` for a household without members.
    pub fn index(
        &self,
        area: Area,
        members: &[PmtMember],
        living: &LivingConditions,
    ) -> Option<f64> {
        if members.is_empty() {
            return None;
        }
        let w = match area {
            Area::Urban => &self.urban,
            Area::Rural => &self.rural,
        };
        let n = members.len() as f64;
        let share = |f: fn(&PmtMember) -> bool| members.iter().filter(|m| f(m)).count() as f64 / n;
        let flag = |b: Option<bool>| if b == Some(true) { 1.0 } else { 0.0 };
        let head_female = members
            .iter()
            .any(|m| m.relation == Relation::Head && m.female);
        let rooms = living.rooms.unwrap_or(1).max(0) as f64;
        let livestock = living.livestock_heads.unwrap_or(0).clamp(0, 50) as f64;
        let index = w.intercept
            + w.ln_size * n.ln()
            + w.share_children * share(|m| m.age < 15)
            + w.share_elderly * share(|m| m.age >= 65)
            + w.share_disabled * share(|m| m.disabled)
            + w.head_female * if head_female { 1.0 } else { 0.0 }
            + w.rooms_per_person * (rooms / n).min(3.0)
            + w.piped_water * flag(living.piped_water)
            + w.electricity * flag(living.electricity)
            + w.flush_toilet * flag(living.flush_toilet)
            + w.owns_home * flag(living.owns_home)
            + w.refrigerator * flag(living.refrigerator)
            + w.television * flag(living.television)
            + w.car * flag(living.car)
            + w.livestock_heads * livestock;
        Some((index * 1e6).round() / 1e6)
    }
}

const ZERO: Weights = Weights {
    intercept: 0.0,
    ln_size: 0.0,
    share_children: 0.0,
    share_elderly: 0.0,
    share_disabled: 0.0,
    head_female: 0.0,
    rooms_per_person: 0.0,
    piped_water: 0.0,
    electricity: 0.0,
    flush_toilet: 0.0,
    owns_home: 0.0,
    refrigerator: 0.0,
    television: 0.0,
    car: 0.0,
    livestock_heads: 0.0,
};

/// An imported index value: finite and within the plausible range of a log-consumption index.
pub fn parse_index(field: &'static str, raw: &str) -> Result<f64, FieldError> {
    let value: f64 = raw
        .trim()
        .parse()
        .map_err(|_| FieldError::new(field, "index_invalid"))?;
    if value.is_finite() && (0.0..=20.0).contains(&value) {
        Ok((value * 1e6).round() / 1e6)
    } else {
        Err(FieldError::new(field, "index_invalid"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(children: usize) -> Vec<PmtMember> {
        let mut m = vec![
            PmtMember {
                age: 40,
                relation: Relation::Head,
                female: false,
                disabled: false,
            },
            PmtMember {
                age: 36,
                relation: Relation::Spouse,
                female: true,
                disabled: false,
            },
        ];
        for i in 0..children {
            m.push(PmtMember {
                age: 2 + 2 * i as i32,
                relation: Relation::Child,
                female: i % 2 == 0,
                disabled: false,
            });
        }
        m
    }

    #[test]
    fn default_model_parses_and_orders_households_sensibly() {
        let model = PmtModel::from_json(DEFAULT_MODEL).unwrap();
        assert_eq!(model, PmtModel::default_model());
        let poor = LivingConditions {
            rooms: Some(2),
            electricity: Some(true),
            ..Default::default()
        };
        let better = LivingConditions {
            rooms: Some(5),
            piped_water: Some(true),
            electricity: Some(true),
            flush_toilet: Some(true),
            owns_home: Some(true),
            refrigerator: Some(true),
            television: Some(true),
            car: Some(true),
            livestock_heads: None,
        };
        let big_poor = model.index(Area::Rural, &family(4), &poor).unwrap();
        let small_better = model.index(Area::Urban, &family(1), &better).unwrap();
        assert!(big_poor < 9.743001, "{big_poor}");
        assert!(small_better > 9.743001, "{small_better}");
        // More children, same dwelling: a lower index.
        assert!(
            model.index(Area::Rural, &family(6), &poor)
                < model.index(Area::Rural, &family(2), &poor)
        );
        assert_eq!(model.index(Area::Rural, &[], &poor), None);
    }

    #[test]
    fn bad_models_and_indexes() {
        assert!(PmtModel::from_json("{}").is_err());
        assert!(PmtModel::from_json(&DEFAULT_MODEL.replace("pmt-2026.1", "pmt 2026")).is_err());
        assert_eq!(parse_index("i", " 9.7430011 ").unwrap(), 9.743001);
        for bad in ["", "nan", "inf", "-1", "25", "9,74"] {
            assert_eq!(
                parse_index("i", bad).unwrap_err().code,
                "index_invalid",
                "{bad}"
            );
        }
    }
}
