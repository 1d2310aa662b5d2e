//! The commune boundaries: they parse, match the HCP codes as documented in `data/README.md`,
//! and cover the demo incident.

use twiza_geo::{commune_shape, geo, shapes, CommuneCode, LonLat};

/// The communes of the demo incident (`crates/twiza-cli/src/demo/crisis.rs`, `PLACES`).
const DEMO_COMMUNES: &[&str] = &[
    "07.041.07.05",
    "07.041.07.13",
    "07.041.07.07",
    "07.041.07.11",
    "07.041.07.09",
    "07.041.07.03",
    "07.041.01.03",
    "07.041.05.05",
    "07.041.09.01",
    "07.161.07.01",
    "07.161.07.09",
    "07.161.05.01",
    "09.541.04.49",
    "09.541.04.67",
    "09.541.01.02",
];

#[test]
fn boundary_codes_that_match_no_hcp_commune_are_the_documented_ones() {
    let unmatched: Vec<(&str, &str)> = shapes()
        .unmatched_geometry()
        .map(|u| (u.code.as_str(), u.name.as_str()))
        .collect();
    // Sebta and Melilia: the HCP census has no commune for them (see data/README.md).
    assert_eq!(
        unmatched,
        [("01.573.00.00", "Sebta"), ("02.381.00.00", "Melilia")]
    );
    for (code, _) in &unmatched {
        assert!(
            CommuneCode::parse(code).is_err(),
            "{code} is an HCP commune"
        );
    }
}

#[test]
fn every_hcp_commune_has_a_boundary_or_is_listed_without_one() {
    let listed: Vec<&str> = shapes()
        .communes_without_shape()
        .map(|u| u.code.as_str())
        .collect();
    let missing: Vec<&str> = geo()
        .communes()
        .iter()
        .filter(|c| commune_shape(&c.code).is_none())
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(missing, listed);
    assert!(
        missing.is_empty(),
        "communes without a boundary: {missing:?}"
    );
    assert_eq!(shapes().all().len(), geo().communes().len());
}

#[test]
fn every_commune_of_the_demo_incident_has_a_polygon() {
    for code in DEMO_COMMUNES {
        let code = CommuneCode::parse(code).unwrap();
        let shape = commune_shape(&code).unwrap_or_else(|| panic!("{code} has no boundary"));
        assert!(shape.rings.iter().all(|r| r.len() >= 3), "{code}");
    }
}

#[test]
fn boundaries_are_where_the_places_are() {
    let at = |lat, lon| LonLat { lat, lon };
    let inside = |code: &str, p: LonLat| {
        commune_shape(&CommuneCode::parse(code).unwrap())
            .unwrap()
            .contains(p)
    };
    // Asni village, in Asni (matched by code).
    assert!(inside("07.041.07.03", at(31.247, -7.981)));
    assert!(!inside("07.041.09.01", at(31.247, -7.981)));
    // Marrakech's Jemaa el-Fna, in the city whose arrondissements were merged.
    assert!(inside("07.351.01.0", at(31.6258, -7.9891)));
    // Tafraout, and the ends of the coast: the source's latitudes were corrected (README).
    assert!(inside("09.581.01.05", at(29.7206, -8.9747)));
    assert!(inside("01.511.01.0", at(35.77, -5.80)));
    assert!(inside("12.391.01.01", at(23.70, -15.95)));
}

#[test]
fn bounds_hold_every_point() {
    for s in shapes().all() {
        for p in s.rings.iter().flatten() {
            assert!(
                s.bounds.west <= p.lon && p.lon <= s.bounds.east,
                "{}",
                s.code
            );
            assert!(
                s.bounds.south <= p.lat && p.lat <= s.bounds.north,
                "{}",
                s.code
            );
        }
        // Morocco's extent, with the southern provinces.
        assert!(s.bounds.west > -17.5 && s.bounds.east < -0.9, "{}", s.code);
        assert!(s.bounds.south > 20.5 && s.bounds.north < 36.0, "{}", s.code);
    }
}

#[test]
fn a_communes_centre_lies_within_its_bounds_near_its_places() {
    for s in shapes().all() {
        let c = s.centre();
        assert!(
            s.bounds.west <= c.lon && c.lon <= s.bounds.east,
            "{}",
            s.code
        );
        assert!(
            s.bounds.south <= c.lat && c.lat <= s.bounds.north,
            "{}",
            s.code
        );
    }
    // Asni's centre is a few kilometres from Asni village.
    let asni = commune_shape(&CommuneCode::parse("07.041.07.03").unwrap())
        .unwrap()
        .centre();
    assert!((asni.lat - 31.247).abs() < 0.15 && (asni.lon + 7.981).abs() < 0.15);
}
