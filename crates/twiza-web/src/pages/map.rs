//! The server-rendered SVG map of an incident: one disc per douar with a known point, sized by
//! the households in need and coloured by coverage (gap, partly covered, covered, oversupplied).
//! No tiles, no script: a few kilobytes that a phone on a slow connection draws at once.

use std::fmt::Write;
use twiza_store::{Coverage, Douar};

/// Drawing size in SVG units (the element scales to the screen's width).
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 420.0;
const MARGIN: f64 = 36.0;

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

    fn colour(self) -> &'static str {
        match self {
            Shade::Gap => "#c0392b",
            Shade::Partial => "#e67e22",
            Shade::Covered => "#27ae60",
            Shade::Oversupply => "#6c3483",
            Shade::Quiet => "#95a5a6",
        }
    }
}

/// One mapped douar: its point, name and coverage.
pub struct MapPlace<'a> {
    pub douar: &'a Douar,
    pub name: &'a str,
    pub coverage: Option<&'a Coverage>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG of `places` (those without a point are left out); `title` is its accessible name.
pub fn svg(places: &[MapPlace<'_>], title: &str) -> String {
    let located: Vec<(&MapPlace<'_>, f64, f64)> = places
        .iter()
        .filter_map(|p| p.douar.point.map(|pt| (p, pt.lat(), pt.lon())))
        .collect();
    let mut out = String::with_capacity(256 + located.len() * 200);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"{}\" class=\"map\"><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#f4f1ea\"/>",
        escape(title)
    );
    if located.is_empty() {
        out.push_str("</svg>");
        return out;
    }
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (_, lat, lon) in &located {
        lat0 = lat0.min(*lat);
        lat1 = lat1.max(*lat);
        lon0 = lon0.min(*lon);
        lon1 = lon1.max(*lon);
    }
    // Equirectangular, with longitude shrunk by cos(latitude) so distances look right; one
    // scale for both axes, centred.
    let k = ((lat0 + lat1) / 2.0).to_radians().cos();
    let span_x = ((lon1 - lon0) * k).max(0.01);
    let span_y = (lat1 - lat0).max(0.01);
    let scale = ((WIDTH - 2.0 * MARGIN) / span_x).min((HEIGHT - 2.0 * MARGIN) / span_y);
    let off_x = (WIDTH - span_x * scale) / 2.0;
    let off_y = (HEIGHT - span_y * scale) / 2.0;
    let project = |lat: f64, lon: f64| {
        (
            off_x + (lon - lon0) * k * scale,
            HEIGHT - (off_y + (lat - lat0) * scale),
        )
    };
    // Largest discs first, so small ones stay visible on top.
    let mut order = located;
    order.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.coverage.map_or(0, |c| c.needed)));
    for (place, lat, lon) in &order {
        let (x, y) = project(*lat, *lon);
        let needed = place.coverage.map_or(0, |c| c.needed);
        let r = (3.0 + (needed as f64).sqrt() * 0.6).min(24.0);
        let shade = place.coverage.map_or(Shade::Quiet, Shade::of);
        let _ = write!(
            out,
            "<g class=\"place {}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\" \
             fill-opacity=\"0.75\" stroke=\"#222\" stroke-width=\"0.6\"><title>{}</title></circle>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#222\">{}</text></g>",
            shade.class(),
            shade.colour(),
            escape(place.name),
            x + r + 2.0,
            y + 4.0,
            escape(place.name)
        );
    }
    out.push_str("</svg>");
    out
}

/// The legend's colour for a shade (used by the page's legend swatches).
pub fn colour(shade: Shade) -> &'static str {
    shade.colour()
}

#[cfg(test)]
mod tests {
    use super::*;
    use twiza_domain::crisis::GeoPoint;

    fn douar(id: i64, lat: f64, lon: f64) -> Douar {
        Douar {
            id,
            commune_code: "07.041.07.05".into(),
            name_ar: "دوار".into(),
            name_fr: "Douar".into(),
            name_latin: "Douar".into(),
            point: GeoPoint::parse(Some(lat), Some(lon)).unwrap(),
            population: None,
        }
    }

    #[test]
    fn places_are_drawn_inside_the_frame_and_coloured_by_coverage() {
        let a = douar(1, 31.07, -8.41);
        let b = douar(2, 31.25, -7.98);
        let gap = Coverage {
            needed: 40,
            ..Coverage::default()
        };
        let crowded = Coverage {
            needed: 10,
            pledged: 30,
            ..Coverage::default()
        };
        let svg = svg(
            &[
                MapPlace {
                    douar: &a,
                    name: "Tnirt <A&B>",
                    coverage: Some(&gap),
                },
                MapPlace {
                    douar: &b,
                    name: "Asni",
                    coverage: Some(&crowded),
                },
            ],
            "Map",
        );
        assert!(svg.contains("class=\"place gap\"") && svg.contains("class=\"place oversupply\""));
        assert!(svg.contains("Tnirt &lt;A&amp;B&gt;") && !svg.contains("<A&B>"));
        for cx in svg.split("cx=\"").skip(1) {
            let x: f64 = cx.split('"').next().unwrap().parse().unwrap();
            assert!((0.0..=WIDTH).contains(&x));
        }
        // The western douar is left of the eastern one; the southern one lower.
        let xs: Vec<f64> = svg
            .split("cx=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(
            xs[0] < xs[1],
            "Tnirt (drawn first: larger need) is west of Asni"
        );
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
