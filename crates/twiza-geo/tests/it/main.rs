//! Integration tests of the reference geography: counts, consistency, lookups and search.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod shapes;

use twiza_geo::{geo, CommuneCode, CommuneKind, Geo, GeoError, ProvinceCode, RegionCode};

#[test]
fn embedded_data_parses_with_the_census_counts() {
    let g = Geo::parse().expect("data parses");
    assert_eq!(g.regions().len(), 12);
    assert_eq!(g.provinces().len(), 83);
    assert_eq!(g.communes().len(), 1503);
    let urban = g
        .communes()
        .iter()
        .filter(|c| c.kind == CommuneKind::Urban)
        .count();
    assert_eq!(urban, 242);
}

#[test]
fn every_commune_lies_in_its_province_and_region() {
    let g = geo();
    for c in g.communes() {
        let p = g.province(&c.province_code).expect("province exists");
        assert_eq!(p.region_code, c.region_code, "{}", c.code);
        assert!(g.region(&c.region_code).is_some());
    }
}

#[test]
fn commune_populations_add_up_to_their_province() {
    let g = geo();
    // Prefectures made of arrondissements of one big city (Casablanca's) hold no commune.
    for p in g
        .provinces()
        .iter()
        .filter(|p| !g.communes_of(&p.code).is_empty())
    {
        let sum: u64 = g
            .communes_of(&p.code)
            .iter()
            .filter_map(|c| c.population_2024)
            .sum();
        let total = p.population_2024.expect("province population");
        let gap = sum.abs_diff(total) as f64 / total as f64;
        assert!(gap < 0.01, "{} sums to {sum}, declared {total}", p.name_fr);
    }
}

#[test]
fn earthquake_communes_are_found_by_name_in_both_scripts() {
    let g = geo();
    let al_haouz = ProvinceCode::parse("07.041").expect("Al Haouz");
    assert_eq!(g.province(&al_haouz).expect("p").name_fr, "Al Haouz");
    for (fr, ar) in [
        ("Asni", "أسني"),
        ("Ouirgane", "ويركان"),
        ("Ijoukak", "إجوكاك"),
        ("Amizmiz", "أمزميز"),
    ] {
        let by_fr = g.search_communes(fr, 3);
        assert_eq!(
            by_fr.first().map(|c| c.province_code.clone()),
            Some(al_haouz.clone()),
            "{fr}"
        );
        let by_ar = g.search_communes(ar, 3);
        assert_eq!(
            by_ar.first().map(|c| c.code.clone()),
            by_fr.first().map(|c| c.code.clone()),
            "{ar}"
        );
    }
    let adassil = g.search_communes("adassil", 1);
    assert_eq!(
        adassil[0].province_code.as_str(),
        "07.161",
        "Adassil is in Chichaoua"
    );
    let tafingoult = g.search_communes("Tafingoult", 1);
    assert_eq!(
        g.province(&tafingoult[0].province_code).expect("p").name_fr,
        "Taroudannt",
        "HCP spelling"
    );
    assert_eq!(
        g.search_communes("talat n yaa", 5)[0].name_fr,
        "Talat N'yaaqoub"
    );
}

#[test]
fn search_ranks_and_accepts_codes() {
    let g = geo();
    let hits = g.search_communes("07.041.07", 50);
    assert!(hits
        .iter()
        .all(|c| c.code.as_str().starts_with("07.041.07")));
    assert!(!hits.is_empty());
    let marrakech = g.search_communes("marrakech", 5);
    assert!(marrakech
        .windows(2)
        .all(|w| w[0].population_2024 >= w[1].population_2024
            || w[0].name_fr.to_lowercase() == "marrakech"));
    assert!(g.search_communes("   ", 5).is_empty());
    assert!(g.search_communes("zzzzqqq", 5).is_empty());
}

#[test]
fn unknown_codes_are_rejected() {
    assert_eq!(
        CommuneCode::parse("99.999.99.99"),
        Err(GeoError::UnknownCommune)
    );
    assert_eq!(
        ProvinceCode::parse("07.999"),
        Err(GeoError::UnknownProvince)
    );
    assert_eq!(RegionCode::parse("13"), Err(GeoError::UnknownRegion));
    assert_eq!(
        CommuneCode::parse("' OR 1=1 --"),
        Err(GeoError::UnknownCommune)
    );
    assert!(CommuneCode::parse(" 07.041.07.03 ").is_ok());
}
