//! twiza-link's integration tests: deduplication of generated Moroccan people against the truth
//! the generator knows.

use std::collections::{HashMap, HashSet};
use twiza_link::synth::People;
use twiza_link::{dedupe, Config, Record};

struct Quality {
    precision: f64,
    recall: f64,
    f1: f64,
    found: usize,
    truth: usize,
}

fn evaluate(n: u64, seed: u64, rate: f64) -> Quality {
    let people: Vec<_> = People::new(seed, n, rate).collect();
    let records: Vec<Record> = people.iter().map(|p| p.to_record()).collect();
    let pairs = dedupe(&records, &Config::default());
    let mut clusters: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        clusters.entry(p.cluster).or_default().push(i);
    }
    let mut truth = HashSet::new();
    for members in clusters.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                truth.insert((a.min(b), a.max(b)));
            }
        }
    }
    let found: HashSet<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
    let tp = found.intersection(&truth).count() as f64;
    let precision = tp / found.len().max(1) as f64;
    let recall = tp / truth.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    if std::env::var_os("TWIZA_LINK_SHOW").is_some() {
        let by_id: HashSet<(usize, usize)> = truth.difference(&found).copied().take(40).collect();
        for (a, b) in by_id {
            eprintln!("missed: {:?}\n    vs {:?}", people[a], people[b]);
        }
        for p in pairs
            .iter()
            .filter(|p| !truth.contains(&(p.a, p.b)))
            .take(40)
        {
            eprintln!(
                "false: {:.1} {:?}\n    {:?}\n    vs {:?}",
                p.score,
                p.reasons
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
                people[p.a],
                people[p.b]
            );
        }
    }
    Quality {
        precision,
        recall,
        f1,
        found: found.len(),
        truth: truth.len(),
    }
}

/// 5,000 generated people with 20% duplicates: precision and recall above a floor.
#[test]
fn generated_moroccan_people_are_linked() {
    let q = evaluate(5_000, 11, 0.2);
    eprintln!(
        "precision {:.4} recall {:.4} F1 {:.4} ({} found, {} true)",
        q.precision, q.recall, q.f1, q.found, q.truth
    );
    assert!(q.precision >= 0.97, "precision {}", q.precision);
    assert!(q.recall >= 0.93, "recall {}", q.recall);
}

/// The same person written in Arabic and in Latin script is found, with the reason.
#[test]
fn arabic_and_latin_records_of_one_person() {
    let latin = Record {
        given_name: Some("Fatima Zahra".into()),
        family_name: Some("El Idrissi".into()),
        birth_date: Some("1984-07-03".into()),
        phone: Some("0661234567".into()),
        locality: Some("Marrakech".into()),
        ..Record::default()
    };
    let arabic = Record {
        given_name: Some("فاطمة الزهراء".into()),
        family_name: Some("الإدريسي".into()),
        birth_date: Some("03/07/1984".into()),
        phone: Some("+212 661 23 45 67".into()),
        locality: Some("مراكش".into()),
        ..Record::default()
    };
    let other = Record {
        given_name: Some("Khadija".into()),
        family_name: Some("Bennani".into()),
        birth_date: Some("1984-07-03".into()),
        ..Record::default()
    };
    let pairs = dedupe(&[latin, other, arabic], &Config::default());
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
    let reasons: Vec<String> = pairs[0].reasons.iter().map(ToString::to_string).collect();
    assert!(
        reasons.contains(&"given_name:transliteration".to_owned()),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"phone:exact".to_owned()), "{reasons:?}");
}

/// A day and month exchanged and a swapped given/family name still link.
#[test]
fn date_swaps_and_name_swaps() {
    let a = Record {
        given_name: Some("Youssef".into()),
        family_name: Some("Ait Ouaziz".into()),
        birth_date: Some("1990-04-11".into()),
        national_id: Some("EE123456".into()),
        ..Record::default()
    };
    let b = Record {
        given_name: Some("Aitouaziz".into()),
        family_name: Some("Yousef".into()),
        birth_date: Some("1990-11-04".into()),
        national_id: Some("EE123456".into()),
        ..Record::default()
    };
    let pairs = dedupe(&[a, b], &Config::default());
    assert_eq!(pairs.len(), 1);
    let reasons: Vec<String> = pairs[0].reasons.iter().map(ToString::to_string).collect();
    assert!(
        reasons.contains(&"birth_date:day_month_swapped".to_owned()),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"given_name:swapped".to_owned()),
        "{reasons:?}"
    );
}
