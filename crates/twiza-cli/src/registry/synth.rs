//! Generated household files for tests and the registry benchmark: households of Moroccan
//! communes (drawn by their 2024 number of households) with a head, often a spouse, children
//! and sometimes a parent; names, sex, identity numbers and phones from `twiza-link`'s people
//! generator; living conditions; an imported index for seven households in ten (the others get
//! the proxy-means test's at import). Household size averages 3.8 people, as in Morocco's 2024
//! census (19 million people in 5 million households at full scale).

use anyhow::Context;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::io::Write;
use twiza_domain::registry_file::COLUMNS;
use twiza_link::normalize::Script;
use twiza_link::synth::{People, SynthPerson};

/// Writes `households` households; returns (households, people).
pub fn write(out: impl Write, households: u64, seed: u64) -> anyhow::Result<(u64, u64)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let today = time::OffsetDateTime::now_utc().date();
    let mut people = People::new(seed, u64::MAX, 0.0);
    let geo = twiza_geo::geo();
    let communes: Vec<(&str, u64)> = geo
        .communes()
        .iter()
        .map(|c| (c.code.as_str(), c.households_2024.unwrap_or(1000).max(1)))
        .collect();
    let total: u64 = communes.iter().map(|c| c.1).sum();
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    let mut written = 0u64;
    let mut serial = 0u64;
    for h in 1..=households {
        // Commune weighted by its households.
        let mut pick = rng.gen_range(0..total);
        let commune = communes
            .iter()
            .find(|(_, n)| {
                if pick < *n {
                    true
                } else {
                    pick -= n;
                    false
                }
            })
            .map(|c| c.0)
            .context("communes")?;
        let size = household_size(&mut rng);
        let head_age = rng.gen_range(24..80);
        let mut members: Vec<(&str, i64)> = vec![("head", head_age)];
        if size > 1 && rng.gen_bool(0.8) {
            members.push(("spouse", (head_age + rng.gen_range(-8..4)).max(18)));
        }
        if members.len() < size && head_age > 50 && rng.gen_bool(0.1) {
            members.push(("parent", (head_age + rng.gen_range(20..30)).min(100)));
        }
        while members.len() < size {
            let oldest = (head_age - 18).clamp(0, 30);
            members.push(("child", rng.gen_range(0..=oldest)));
        }
        let damage = match rng.gen_range(0..100) {
            0..=2 => "total",
            3..=7 => "partial",
            _ => "none",
        };
        let flag = |rng: &mut StdRng, p: f64| if rng.gen_bool(p) { "1" } else { "0" };
        let living = [
            rng.gen_range(1..6).to_string(),
            flag(&mut rng, 0.7).to_owned(),
            flag(&mut rng, 0.9).to_owned(),
            flag(&mut rng, 0.5).to_owned(),
            flag(&mut rng, 0.6).to_owned(),
            flag(&mut rng, 0.5).to_owned(),
            flag(&mut rng, 0.7).to_owned(),
            flag(&mut rng, 0.1).to_owned(),
            rng.gen_range(0..12).to_string(),
        ];
        let index = rng
            .gen_bool(0.7)
            .then(|| format!("{:.6}", 9.75 + normal(&mut rng) * 0.5));
        let mut family: Option<(String, Script)> = None;
        for (n, (relation, age)) in members.iter().enumerate() {
            let p: SynthPerson = people.next().context("people")?;
            serial += 1;
            let script = p.script;
            let given = p.given_name.clone().unwrap_or_else(|| "Mohamed".to_owned());
            let family_name = match (relation, &family) {
                (&"spouse" | &"parent", _) | (_, None) => {
                    let f = p.family_name.clone().unwrap_or_else(|| "Amrani".to_owned());
                    if family.is_none() {
                        family = Some((f.clone(), script));
                    }
                    (f, script)
                }
                (_, Some(f)) => f.clone(),
            };
            let sex = if p.sex.as_deref() == Some("F") {
                "f"
            } else {
                "m"
            };
            let birth =
                (today - time::Duration::days(age * 365 + rng.gen_range(0..365))).to_string();
            let adult = *age >= 18;
            let cin = if adult && rng.gen_bool(0.9) {
                cin_of(serial)
            } else {
                String::new()
            };
            let phone = if adult && rng.gen_bool(0.6) {
                format!("06{:08}", serial % 100_000_000)
            } else {
                String::new()
            };
            let schooling = match age {
                3..=5 if rng.gen_bool(0.5) => "preschool",
                6..=11 if rng.gen_bool(0.95) => "primary",
                12..=14 if rng.gen_bool(0.85) => "lower_secondary",
                15..=17 if rng.gen_bool(0.65) => "upper_secondary",
                18..=22 if rng.gen_bool(0.3) => "higher",
                _ => "none",
            };
            let disability = if rng.gen_bool(0.03) {
                "physical"
            } else {
                "none"
            };
            let (given_ar, given_lat) = match script {
                Script::Arabic => (given.as_str(), ""),
                _ => ("", given.as_str()),
            };
            let (family_ar, family_lat) = match family_name.1 {
                Script::Arabic => (family_name.0.as_str(), ""),
                _ => ("", family_name.0.as_str()),
            };
            let first = n == 0;
            let key = format!("H{h}");
            let pick = |s: &str| if first { s.to_owned() } else { String::new() };
            let mut row = vec![key, pick(commune), pick(""), pick(""), pick(damage)];
            row.extend(living.iter().map(|v| pick(v)));
            match &index {
                Some(ix) => row.extend([pick(ix), pick("rsu"), pick("2026-01-01")]),
                None => row.extend([String::new(), String::new(), String::new()]),
            }
            row.extend([pick("registration"), pick("consent"), pick("in_person")]);
            row.extend(
                [
                    given_ar, family_ar, given_lat, family_lat, sex, &birth, relation, disability,
                    schooling, &phone, &cin, "",
                ]
                .map(str::to_owned),
            );
            w.write_record(&row)?;
            written += 1;
        }
    }
    w.flush()?;
    Ok((households, written))
}

/// 1 to 10 people, 3.77 on average.
fn household_size(rng: &mut StdRng) -> usize {
    const WEIGHTS: [(usize, u32); 10] = [
        (1, 10),
        (2, 17),
        (3, 21),
        (4, 21),
        (5, 14),
        (6, 9),
        (7, 5),
        (8, 1),
        (9, 1),
        (10, 1),
    ];
    let mut pick = rng.gen_range(0..100);
    for (size, w) in WEIGHTS {
        if pick < w {
            return size;
        }
        pick -= w;
    }
    4
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    let v: f64 = rng.gen_range(0.0..1.0);
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

/// A unique CIN for a serial number: two letters and six digits.
fn cin_of(serial: u64) -> String {
    let letters = serial / 1_000_000;
    let a = (b'A' + (letters / 26 % 26) as u8) as char;
    let b = (b'A' + (letters % 26) as u8) as char;
    format!("{a}{b}{:06}", serial % 1_000_000)
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_files_import_without_errors() {
        let mut out = Vec::new();
        let (h, p) = super::write(&mut out, 300, 7).unwrap();
        assert_eq!(h, 300);
        assert!((3.0..4.6).contains(&(p as f64 / h as f64)), "{p}");
        let today = time::OffsetDateTime::now_utc().date();
        let file = twiza_domain::registry_file::HouseholdFile::open(out.as_slice(), today).unwrap();
        let results: Vec<_> = file.collect();
        assert_eq!(results.len(), 300);
        let errors: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
