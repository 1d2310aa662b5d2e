//! The server-rendered map of an incident: its communes' boundaries coloured by gap (a
//! choropleth, from the shipped commune shapes of `twiza-geo`), with one disc per douar on top,
//! sized by the households in need and coloured by the douar's coverage; and the legend beside
//! it, as an HTML list of words with their colour. No tiles, no script: a few kilobytes that a
//! phone on a slow connection draws at once.
//!
//! To show the map on a page: build an [`IncidentMap`] (with [`incident_map`] from the store, or
//! [`IncidentMap::build`] from figures the handler already has), put it in the template as
//! `map`, and `{% include "incident_map.html" %}`.

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::AppState;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use twiza_geo::{Bounds, CommuneShape, LonLat};
use twiza_store::{Coverage, Douar};

/// Drawing width in SVG units (the element scales to the screen's width); the height follows
/// the incident's shape, within bounds.
const WIDTH: f64 = 640.0;
const MIN_HEIGHT: f64 = 240.0;
const MAX_HEIGHT: f64 = 560.0;
const MARGIN: f64 = 12.0;
/// Points closer than this (SVG units) to the simplified line are dropped: below a pixel on a
/// desktop, less on a phone.
const TOLERANCE: f64 = 0.8;

/// How a place stands, for its colour and the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// Half or more of the households without a pledge.
    Gap,
    /// Some households without a pledge.
    Partial,
    Covered,
    /// More pledged than needed.
    Oversupply,
    /// No need reported.
    Quiet,
}

impl Shade {
    /// Every shade, in the legend's order.
    pub const ALL: [Shade; 5] = [
        Shade::Gap,
        Shade::Partial,
        Shade::Covered,
        Shade::Oversupply,
        Shade::Quiet,
    ];

    pub fn of(c: &Coverage) -> Shade {
        if c.needed == 0 && c.pledged == 0 && c.delivered == 0 {
            Shade::Quiet
        } else if c.oversupply() > 0 {
            Shade::Oversupply
        } else if c.gap() * 2 >= c.needed && c.gap() > 0 {
            Shade::Gap
        } else if c.gap() > 0 {
            Shade::Partial
        } else {
            Shade::Covered
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Shade::Gap => "gap",
            Shade::Partial => "partial",
            Shade::Covered => "covered",
            Shade::Oversupply => "oversupply",
            Shade::Quiet => "quiet",
        }
    }

    /// The fill of a douar's disc and of the legend's swatch.
    pub fn colour(self) -> &'static str {
        match self {
            Shade::Gap => "#c0392b",
            Shade::Partial => "#e67e22",
            Shade::Covered => "#27ae60",
            Shade::Oversupply => "#6c3483",
            Shade::Quiet => "#b8c2c3",
        }
    }
}

/// One line of the legend: a shade's class, colour and name, and how many communes have it.
pub struct LegendEntry {
    pub class: &'static str,
    pub colour: &'static str,
    pub name: String,
    pub communes: i64,
}

/// An incident's map, ready for `templates/incident_map.html`.
pub struct IncidentMap {
    /// The `<svg>` element (its texts escaped).
    pub svg: String,
    /// Every shade, in order, with its words.
    pub legend: Vec<LegendEntry>,
    /// Communes drawn with their boundary.
    pub communes_drawn: usize,
}

/// The map of an incident from the store: its communes, their coverage and its douars.
pub async fn incident_map(state: &AppState, c: &Ctx, incident: i64) -> AppResult<IncidentMap> {
    let communes = state.store.incident_communes(incident).await?;
    let coverage = state.store.coverage(incident).await?;
    let douars = state.store.incident_douars(incident).await?;
    Ok(IncidentMap::build(c, &communes, &coverage, &douars))
}

/// A commune as drawn: its boundary and how it stands.
struct Area<'a> {
    name: String,
    shape: &'a CommuneShape,
    shade: Shade,
}

/// A douar as drawn.
struct Dot {
    name: String,
    at: LonLat,
    shade: Shade,
    needed: i64,
}

impl IncidentMap {
    /// The map of `communes` (the incident's, plus any commune the coverage names), coloured by
    /// `coverage` (lines without a douar are a commune's, with one a douar's), and the douars
    /// that have a point.
    pub fn build(
        c: &Ctx,
        communes: &[String],
        coverage: &[Coverage],
        douars: &[Douar],
    ) -> IncidentMap {
        let by_commune: HashMap<&str, &Coverage> = coverage
            .iter()
            .filter(|cv| cv.douar_id.is_none())
            .map(|cv| (cv.commune_code.as_str(), cv))
            .collect();
        let by_douar: HashMap<i64, &Coverage> = coverage
            .iter()
            .filter_map(|cv| cv.douar_id.map(|d| (d, cv)))
            .collect();
        let codes: BTreeSet<&str> = communes
            .iter()
            .map(String::as_str)
            .chain(by_commune.keys().copied())
            .collect();
        let shade_of = |code: &str| {
            by_commune
                .get(code)
                .map_or(Shade::Quiet, |cv| Shade::of(cv))
        };
        let areas: Vec<Area<'_>> = codes
            .iter()
            .filter_map(|code| {
                let shape = twiza_geo::shapes().get(code)?;
                Some(Area {
                    name: c.commune_name(code),
                    shape,
                    shade: shade_of(code),
                })
            })
            .collect();
        let dots: Vec<Dot> = douars
            .iter()
            .filter_map(|d| {
                let p = d.point?;
                let cv = by_douar.get(&d.id);
                Some(Dot {
                    name: c.douar_name(d).to_owned(),
                    at: LonLat {
                        lon: p.lon(),
                        lat: p.lat(),
                    },
                    shade: cv.map_or(Shade::Quiet, |cv| Shade::of(cv)),
                    needed: cv.map_or(0, |cv| cv.needed),
                })
            })
            .collect();
        let legend = Shade::ALL
            .iter()
            .map(|&s| LegendEntry {
                class: s.class(),
                colour: s.colour(),
                name: c.shade_name(s.class()),
                communes: codes.iter().filter(|code| shade_of(code) == s).count() as i64,
            })
            .collect();
        IncidentMap {
            svg: svg(&areas, &dots, &c.t("incident-map")),
            legend,
            communes_drawn: areas.len(),
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Equirectangular projection with longitudes shrunk by cos(latitude), one scale for both axes,
/// fitted to `bounds` and centred.
struct Frame {
    west: f64,
    north: f64,
    k: f64,
    scale: f64,
    off_x: f64,
    off_y: f64,
    height: f64,
}

impl Frame {
    fn fit(b: Bounds) -> Frame {
        let k = ((b.south + b.north) / 2.0).to_radians().cos();
        // A lone point still gets a few kilometres around it.
        let span_x = ((b.east - b.west) * k).max(0.02);
        let span_y = (b.north - b.south).max(0.02);
        let mut scale = (WIDTH - 2.0 * MARGIN) / span_x;
        let height = (span_y * scale + 2.0 * MARGIN).clamp(MIN_HEIGHT, MAX_HEIGHT);
        scale = scale.min((height - 2.0 * MARGIN) / span_y);
        Frame {
            west: b.west - ((WIDTH - 2.0 * MARGIN) / scale - (b.east - b.west) * k) / 2.0 / k,
            north: b.north + ((height - 2.0 * MARGIN) / scale - (b.north - b.south)) / 2.0,
            k,
            scale,
            off_x: MARGIN,
            off_y: MARGIN,
            height,
        }
    }

    fn project(&self, p: LonLat) -> (f64, f64) {
        (
            self.off_x + (p.lon - self.west) * self.k * self.scale,
            self.off_y + (self.north - p.lat) * self.scale,
        )
    }
}

/// Douglas–Peucker on a closed ring of projected points: keeps the points farther than
/// `tolerance` from the simplified line.
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 4 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    let last = points.len() - 1;
    // A ring: split at its first point and the point farthest from it.
    let far = (1..=last)
        .max_by(|&a, &b| dist2(points[0], points[a]).total_cmp(&dist2(points[0], points[b])))
        .unwrap_or(last);
    keep[0] = true;
    keep[far] = true;
    keep[last] = true;
    let mut stack = vec![(0, far), (far, last)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut at) = (0.0, a);
        for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = segment_distance(*p, points[a], points[b]);
            if d > worst {
                worst = d;
                at = i;
            }
        }
        if worst > tolerance {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let len2 = dist2(a, b);
    if len2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / len2).clamp(0.0, 1.0);
    dist2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

/// Appends a number to path data, with a separator only where SVG needs one.
fn push_number(out: &mut String, n: i64) {
    if n >= 0 && !out.ends_with(['M', 'l']) {
        out.push(' ');
    }
    let _ = write!(out, "{n}");
}

/// The path data of a commune's rings: whole SVG units, relative moves, closed.
fn path_data(frame: &Frame, shape: &CommuneShape) -> String {
    let mut d = String::new();
    for ring in &shape.rings {
        let projected: Vec<(f64, f64)> = ring.iter().map(|p| frame.project(*p)).collect();
        let mut points: Vec<(i64, i64)> = simplify(&projected, TOLERANCE)
            .into_iter()
            .map(|(x, y)| (x.round() as i64, y.round() as i64))
            .collect();
        points.dedup();
        if points.len() < 3 {
            continue;
        }
        let (x0, y0) = points[0];
        d.push('M');
        push_number(&mut d, x0);
        push_number(&mut d, y0);
        d.push('l');
        let mut prev = (x0, y0);
        for &(x, y) in &points[1..] {
            push_number(&mut d, x - prev.0);
            push_number(&mut d, y - prev.1);
            prev = (x, y);
        }
        d.push('z');
    }
    d
}

fn svg(areas: &[Area<'_>], dots: &[Dot], title: &str) -> String {
    let bounds = areas
        .iter()
        .map(|a| a.shape.bounds)
        .chain(dots.iter().map(|d| Bounds::at(d.at)))
        .reduce(Bounds::union);
    let Some(bounds) = bounds else {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {MIN_HEIGHT}\" \
             role=\"img\" aria-label=\"{}\" class=\"map\"><rect width=\"{WIDTH}\" \
             height=\"{MIN_HEIGHT}\" fill=\"#f4f1ea\"/></svg>",
            escape(title)
        );
    };
    let frame = Frame::fit(bounds);
    let height = frame.height.round();
    let mut out = String::with_capacity(4096 + areas.len() * 600 + dots.len() * 160);
    // Presentation attributes, not a <style> element: the pages' Content-Security-Policy
    // allows only the site's stylesheet.
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{}\" class=\"map\"><rect width=\"{WIDTH}\" height=\"{height}\" \
         fill=\"#f4f1ea\"/><g fill-opacity=\"0.55\" fill-rule=\"evenodd\" stroke=\"#3d4a52\" \
         stroke-width=\"1\" stroke-linejoin=\"round\">",
        escape(title)
    );
    // Larger communes first, so a town inside a rural commune stays on top.
    let mut order: Vec<&Area<'_>> = areas.iter().collect();
    order.sort_by(|a, b| area_of(b.shape.bounds).total_cmp(&area_of(a.shape.bounds)));
    for area in order {
        let _ = write!(
            out,
            "<path class=\"commune {}\" data-code=\"{}\" fill=\"{}\" d=\"{}\"><title>{}</title>\
             </path>",
            area.shade.class(),
            escape(&area.shape.code),
            area.shade.colour(),
            path_data(&frame, area.shape),
            escape(&area.name)
        );
    }
    out.push_str("</g><g stroke=\"#fff\" stroke-width=\"1.5\">");
    // Largest discs first, so small ones stay visible on top.
    let mut order: Vec<&Dot> = dots.iter().collect();
    order.sort_by_key(|d| std::cmp::Reverse(d.needed));
    for dot in order {
        let (x, y) = frame.project(dot.at);
        let r = (3.5 + (dot.needed.max(0) as f64).sqrt() * 0.6).min(18.0);
        let _ = write!(
            out,
            "<circle class=\"place {}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\">\
             <title>{}</title></circle>",
            dot.shade.class(),
            dot.shade.colour(),
            escape(&dot.name)
        );
    }
    out.push_str("</g>");
    out.push_str("</svg>");
    out
}

fn area_of(b: Bounds) -> f64 {
    (b.east - b.west) * (b.north - b.south)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, shade: Shade) -> Area<'static> {
        Area {
            name: code.to_owned(),
            shape: twiza_geo::shapes().get(code).unwrap(),
            shade,
        }
    }

    fn numbers(svg: &str, attribute: &str) -> Vec<f64> {
        svg.split(&format!("{attribute}=\""))
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn communes_and_douars_are_drawn_inside_the_frame_where_they_are() {
        // Ighil (south-west) and Moulay Brahim (north-east), with a douar in each.
        let areas = [
            area("07.041.07.05", Shade::Gap),
            area("07.041.09.01", Shade::Oversupply),
        ];
        let dots = [
            Dot {
                name: "Tnirt <A&B>".into(),
                at: LonLat {
                    lat: 31.07,
                    lon: -8.41,
                },
                shade: Shade::Gap,
                needed: 40,
            },
            Dot {
                name: "Moulay Brahim".into(),
                at: LonLat {
                    lat: 31.29,
                    lon: -7.97,
                },
                shade: Shade::Oversupply,
                needed: 10,
            },
        ];
        let svg = svg(&areas, &dots, "Map");
        assert_eq!(svg.matches("<path class=\"commune gap\"").count(), 1);
        assert_eq!(svg.matches("<path class=\"commune oversupply\"").count(), 1);
        assert!(svg.contains("class=\"place gap\"") && svg.contains("class=\"place oversupply\""));
        assert!(svg.contains("Tnirt &lt;A&amp;B&gt;") && !svg.contains("<A&B>"));
        let height: f64 = svg
            .split("viewBox=\"0 0 640 ")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!((MIN_HEIGHT..=MAX_HEIGHT).contains(&height));
        let xs = numbers(&svg, "cx");
        let ys = numbers(&svg, "cy");
        for (x, y) in xs.iter().zip(&ys) {
            assert!((0.0..=WIDTH).contains(x) && (0.0..=height).contains(y));
        }
        // Tnirt (drawn first: larger need) is west and south of Moulay Brahim.
        assert!(xs[0] < xs[1] && ys[0] > ys[1]);
    }

    #[test]
    fn paths_are_simplified_for_the_scale() {
        let shape = twiza_geo::shapes().get("07.041.07.03").unwrap();
        let frame = Frame::fit(shape.bounds);
        let d = path_data(&frame, shape);
        assert!(d.starts_with('M') && d.ends_with('z'));
        // Seen alone, Asni keeps most of its points; seen with all of Morocco, few.
        let country = twiza_geo::shapes()
            .all()
            .iter()
            .map(|s| s.bounds)
            .reduce(Bounds::union)
            .unwrap();
        let small = path_data(&Frame::fit(country), shape);
        assert!(small.len() * 4 < d.len(), "{} vs {}", small.len(), d.len());
    }

    #[test]
    fn an_empty_map_is_a_frame() {
        let svg = svg(&[], &[], "Map");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>") && !svg.contains("<path"));
    }

    #[test]
    fn shades_follow_the_gap() {
        let c = |needed, pledged, delivered| Coverage {
            needed,
            pledged,
            delivered,
            ..Coverage::default()
        };
        assert_eq!(Shade::of(&c(10, 0, 0)), Shade::Gap);
        assert_eq!(Shade::of(&c(10, 6, 0)), Shade::Partial);
        assert_eq!(Shade::of(&c(10, 4, 6)), Shade::Covered);
        assert_eq!(Shade::of(&c(10, 15, 0)), Shade::Oversupply);
        assert_eq!(Shade::of(&c(0, 0, 0)), Shade::Quiet);
    }
}
