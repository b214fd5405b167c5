//! The map's projection against ratatui's canvas, and its marks and routes on the real data.

use std::sync::Arc;

use ratatui::symbols::Marker;
use ratatui::widgets::canvas::{Context, Painter};

use super::*;
use crate::data::Lang;

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::embedded().expect("embedded data"))
}

fn point(lon: f64, lat: f64) -> Point {
    Point::new(lon, lat).expect("on the globe")
}

const MOSCOW: Point = Point {
    lon: 37.62,
    lat: 55.76,
};
const CAIRO: Point = Point {
    lon: 31.24,
    lat: 30.04,
};
const KUALA_LUMPUR: Point = Point {
    lon: 101.70,
    lat: 3.15,
};
const NEW_YORK: Point = Point {
    lon: -74.01,
    lat: 40.71,
};

#[test]
fn known_capitals_fall_in_the_cells_worked_out_by_hand() {
    // 65 columns of 2 dots span 10°E–140°E: (130 − 1) dots over 130°, so a dot is ~1°.
    // 35 rows of 4 dots span 5°S–65°N: 139 dots over 70°, ~2 dots a degree.
    let projection = Projection {
        bounds: REGION,
        cols: 65,
        rows: 35,
    };
    // Moscow: x = round(27.62 × 129/130) = 27 → column 13; y = round(9.24 × 139/70) = 18
    // → row 4.
    assert_eq!(projection.cell(MOSCOW), Some((13, 4)));
    // Cairo: x = round(21.24 × 0.992) = 21 → 10; y = round(34.96 × 1.986) = 69 → 17.
    assert_eq!(projection.cell(CAIRO), Some((10, 17)));
    // Tianjin: x = round(107.2 × 0.992) = 106 → 53; y = round(25.87 × 1.986) = 51 → 12.
    assert_eq!(projection.cell(TIANJIN), Some((53, 12)));
    // Kuala Lumpur: x = round(91.7 × 0.992) = 91 → 45; y = round(61.85 × 1.986) = 123 → 30.
    assert_eq!(projection.cell(KUALA_LUMPUR), Some((45, 30)));
    // The corners are the first and last cells.
    assert_eq!(projection.cell(point(10.0, 65.0)), Some((0, 0)));
    assert_eq!(projection.cell(point(140.0, -5.0)), Some((64, 34)));
    assert_eq!(projection.cell(NEW_YORK), None);
}

#[test]
fn a_mark_lands_on_the_dot_the_canvas_paints() {
    for (cols, rows) in [(64, 36), (86, 21), (126, 31), (78, 10), (20, 5), (1, 1)] {
        let projection = Projection::fit(cols, rows);
        let b = projection.bounds;
        let mut context = Context::new(
            cols,
            rows,
            [b.west, b.east],
            [b.south, b.north],
            Marker::Braille,
        );
        let painter = Painter::from(&mut context);
        for p in [MOSCOW, CAIRO, TIANJIN, KUALA_LUMPUR, NEW_YORK] {
            assert_eq!(
                projection.dot(p),
                painter.get_point(p.lon, p.lat),
                "{cols}x{rows} {p:?}"
            );
        }
    }
}

#[test]
fn every_map_shows_the_region_with_square_dots_unless_it_must_stretch() {
    for cols in 1..200 {
        for rows in 1..70 {
            let projection = Projection::fit(cols, rows);
            let b = projection.bounds;
            assert!(
                b.west <= REGION.west && b.east >= REGION.east,
                "{cols}x{rows}"
            );
            assert!(
                b.south <= REGION.south && b.north >= REGION.north,
                "{cols}x{rows}"
            );
            assert!(b.west >= -180.0 && b.east <= 180.0 && b.south >= -90.0 && b.north <= 90.0);
            let across = b.width() / (f64::from(cols) * 2.0);
            let down = b.height() / (f64::from(rows) * 4.0);
            // Unless the map takes in every latitude it may, or every longitude.
            let stretched = b.height() >= LATITUDES.1 - LATITUDES.0 - 1e-9
                || b.width() >= LONGITUDES.1 - LONGITUDES.0 - 1e-9;
            assert!(
                stretched || (across - down).abs() < 1e-9,
                "{cols}x{rows}: {across} vs {down} degrees a dot"
            );
        }
    }
}

#[test]
fn a_seat_off_the_map_is_pinned_to_the_edge_it_lies_beyond() {
    let projection = Projection::fit(64, 36);
    let (cell, edge) = projection.pin(NEW_YORK);
    assert_eq!(edge, Some(Edge::West));
    assert_eq!(cell.0, 0);
    assert_eq!(
        Some(cell.1),
        projection.cell(point(20.0, 40.71)).map(|c| c.1)
    );
    assert_eq!(
        projection.pin(MOSCOW),
        (projection.cell(MOSCOW).unwrap(), None)
    );
    assert_eq!(projection.pin(point(170.0, 0.0)).1, Some(Edge::East));
    assert_eq!(projection.pin(point(60.0, -80.0)).1, Some(Edge::South));
}

#[test]
fn coordinates_that_are_not_on_the_globe_make_no_point() {
    assert_eq!(Point::new(f64::NAN, 10.0), None);
    assert_eq!(Point::new(10.0, f64::INFINITY), None);
    assert_eq!(Point::new(181.0, 0.0), None);
    assert_eq!(Point::new(0.0, -90.5), None);
    assert!(Point::new(-180.0, 90.0).is_some());
}

#[test]
fn wanted_rows_give_the_region_square_dots() {
    // 64 columns: 128 dots for 130°, so 70° wants 69 dots: 18 rows.
    assert_eq!(wanted_rows(64), 18);
    assert_eq!(wanted_rows(0), 0);
}

fn meeting(catalog: &Catalog, id: &str) -> usize {
    catalog.meeting_index[id]
}

fn route(view: &MapView) -> Option<(&str, &str)> {
    view.route
        .map(|(from, to)| (view.marks[from].name.as_str(), view.marks[to].name.as_str()))
}

#[test]
fn every_counterpart_is_marked_once_with_tianjin_and_beijing() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let view = map_view(&catalog, &items, None);
    let homes: Vec<&str> = view
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Home)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(homes, ["天津", "北京"]);
    let seats: Vec<&str> = view
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Seat)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(seats.len(), 14, "{seats:?}");
    assert_eq!(seats[0], "哈萨克斯坦");
    assert!(seats.contains(&"联合国") && seats.contains(&"马来西亚"));
    assert_eq!(view.route, None);
    assert!(view.marks.iter().all(|m| !m.selected));
    // Only the listed meetings' counterparts.
    let egypt = meeting(&catalog, "tj-2025-egypt");
    let view = map_view(&catalog, &[egypt], None);
    assert_eq!(view.marks.len(), 3);
}

#[test]
fn the_route_runs_from_where_china_received_the_counterpart_to_its_seat() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let route_of = |id: &str| {
        let view = map_view(&catalog, &items, Some(meeting(&catalog, id)));
        route(&view).map(|(a, b)| (a.to_string(), b.to_string()))
    };
    let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(route_of("tj-2025-egypt"), pair("天津", "埃及"));
    assert_eq!(route_of("bj-2025-uzbekistan"), pair("北京", "乌兹别克斯坦"));
    // A state visit abroad, and a meeting whose city the texts do not give: from Beijing.
    assert_eq!(
        route_of("ca-2024-kz-state-visit"),
        pair("北京", "哈萨克斯坦")
    );
    assert_eq!(route_of("2025-putin-talks"), pair("北京", "俄罗斯"));
    assert_eq!(route_of("ca-2024-guterres"), pair("北京", "联合国"));
    let view = map_view(&catalog, &items, Some(meeting(&catalog, "tj-2025-egypt")));
    let selected: Vec<&str> = view
        .marks
        .iter()
        .filter(|m| m.selected)
        .map(|m| m.place_name.as_str())
        .collect();
    assert_eq!(selected, ["天津", "开罗"]);
}

#[test]
fn the_english_map_names_places_in_english() {
    let catalog = catalog();
    let english = catalog.in_lang(Lang::En);
    let egypt = meeting(english, "tj-2025-egypt");
    let view = map_view(english, &[egypt], Some(egypt));
    assert_eq!(route(&view), Some(("Tianjin", "Egypt")));
    let to = view.route.expect("a route").1;
    assert_eq!(view.marks[to].place_name, "Cairo");
    assert!(view.marks.iter().any(|m| m.name == "Beijing"));
}
