//! The map's projection against ratatui's canvas, its cropping, and its marks on the real
//! data.

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
        let projection = Projection::fit(cols, rows, REGION);
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
fn every_map_shows_its_extent_stretched_at_most_so_much() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let extent = map_view(&catalog, &items, None).extent();
    for cols in 1..200 {
        for rows in 1..70 {
            let projection = Projection::fit(cols, rows, extent);
            let b = projection.bounds;
            let inside = |a: f64, b: f64| a <= b + 1e-9;
            assert!(
                inside(b.west, extent.west) && inside(extent.east, b.east),
                "{cols}x{rows}"
            );
            assert!(
                inside(b.south, extent.south) && inside(extent.north, b.north),
                "{cols}x{rows}"
            );
            assert!(b.west >= -180.0 && b.east <= 180.0 && b.south >= -90.0 && b.north <= 90.0);
            let across = b.width() / (f64::from(cols) * 2.0);
            let down = b.height() / (f64::from(rows) * 4.0);
            // Unless the map takes in every latitude it may, or every longitude.
            let capped = b.height() >= LATITUDES.1 - LATITUDES.0 - 1e-9
                || b.width() >= LONGITUDES.1 - LONGITUDES.0 - 1e-9;
            let stretch = (across / down).max(down / across);
            assert!(
                capped || stretch <= STRETCH + 1e-9,
                "{cols}x{rows}: {across} vs {down} degrees a dot"
            );
            // Widened only where it had to be: one way stays the extent's.
            let kept = (b.width() - extent.width()).abs() < 1e-9
                || (b.height() - extent.height()).abs() < 1e-9;
            assert!(kept, "{cols}x{rows}: {b:?}");
        }
    }
}

#[test]
fn the_map_is_cropped_to_its_marks() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let view = map_view(&catalog, &items, None);
    let extent = view.extent();
    // Cairo in the west to Tianjin in the east, Kuala Lumpur in the south to Kazan and
    // Moscow in the north, with a margin; New York is pinned to the edge, not taken in.
    assert!(extent.west > 15.0 && extent.west < CAIRO.lon, "{extent:?}");
    assert!(
        extent.east > TIANJIN.lon && extent.east < 130.0,
        "{extent:?}"
    );
    assert!(
        extent.south > -10.0 && extent.south < KUALA_LUMPUR.lat,
        "{extent:?}"
    );
    assert!(extent.north > 55.8 && extent.north < 65.0, "{extent:?}");
    // A map pane of a 120x40 and a 200x60 screen: no half-empty southern hemisphere.
    for (cols, rows) in [(52, 36), (78, 9), (98, 27), (58, 13)] {
        let b = projection(&view, cols, rows + 1).bounds;
        assert!(b.south > -15.0, "{cols}x{rows}: {b:?}");
        assert!(b.north - b.south < 90.0, "{cols}x{rows}: {b:?}");
        assert!(b.west > -10.0 && b.east < 160.0, "{cols}x{rows}: {b:?}");
    }
    // One meeting: its place and its counterpart, and not the world.
    let egypt = meeting(&catalog, "tj-2025-egypt");
    let extent = map_view(&catalog, &[egypt], None).extent();
    assert!(
        extent.west < CAIRO.lon && extent.east > TIANJIN.lon,
        "{extent:?}"
    );
    assert!(extent.south > 0.0 && extent.north < 60.0, "{extent:?}");
}

#[test]
fn a_seat_off_the_map_is_pinned_to_the_edge_it_lies_beyond() {
    let projection = Projection::fit(64, 36, REGION);
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

fn names(view: &MapView, kind: MarkKind) -> Vec<&str> {
    view.marks
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.name.as_str())
        .collect()
}

#[test]
fn every_place_and_counterpart_is_marked_once() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let view = map_view(&catalog, &items, None);
    // Where the listed meetings were held, in the list's order (Kazan by reference
    // geography, the others as capitals).
    assert_eq!(
        names(&view, MarkKind::Place),
        ["阿斯塔纳", "杜尚别", "喀山", "天津", "北京"]
    );
    let seats = names(&view, MarkKind::Seat);
    assert_eq!(seats.len(), 14, "{seats:?}");
    assert_eq!(seats[0], "哈萨克斯坦");
    assert!(seats.contains(&"联合国") && seats.contains(&"马来西亚"));
    assert_eq!(view.selected, None);
    assert!(view.marks.iter().all(|m| !m.selected));
    // Only the listed meetings' places and counterparts.
    let egypt = meeting(&catalog, "tj-2025-egypt");
    let view = map_view(&catalog, &[egypt], None);
    assert_eq!(names(&view, MarkKind::Place), ["天津"]);
    assert_eq!(names(&view, MarkKind::Seat), ["埃及"]);
}

#[test]
fn the_selected_meeting_marks_where_it_was_and_with_whom_and_no_more() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let marked = |id: &str| {
        let view = map_view(&catalog, &items, Some(meeting(&catalog, id)));
        let s = view.selected.clone().expect("selected");
        let name = |i: Option<usize>| i.map(|i| view.marks[i].name.clone());
        (
            s.place.clone(),
            name(s.place_mark),
            s.with.clone(),
            name(s.seat_mark),
        )
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        marked("tj-2025-egypt"),
        (some("天津"), some("天津"), "埃及".into(), some("埃及"))
    );
    // A state visit abroad: it was held in Astana, not "from Beijing".
    assert_eq!(
        marked("ca-2024-kz-state-visit"),
        (
            some("阿斯塔纳"),
            some("阿斯塔纳"),
            "哈萨克斯坦".into(),
            some("哈萨克斯坦")
        )
    );
    // Where the texts do not say where: no place, no mark for one, and nothing drawn from
    // Beijing.
    for id in [
        "2025-putin-talks",
        "ca-2024-guterres",
        "2025-pre-summit-guterres",
    ] {
        let (place, place_mark, _, seat) = marked(id);
        assert_eq!((place, place_mark), (None, None), "{id}");
        assert!(seat.is_some(), "{id}");
    }
    let view = map_view(
        &catalog,
        &items,
        Some(meeting(&catalog, "2025-putin-talks")),
    );
    let selected: Vec<&str> = view
        .marks
        .iter()
        .filter(|m| m.selected)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(selected, ["俄罗斯"]);
}

#[test]
fn marks_in_one_cell_are_one_spot_naming_them_all() {
    let catalog = catalog();
    let items: Vec<usize> = (0..catalog.data.meetings.len()).collect();
    let kz = meeting(&catalog, "ca-2024-kz-state-visit");
    let view = map_view(&catalog, &items, Some(kz));
    let projection = projection(&view, 52, 37);
    let spots = spots(&view, &projection);
    // Astana is both where the meeting was and Kazakhstan's capital: one spot, `@`.
    let astana = spots
        .iter()
        .find(|s| s.name == "阿斯塔纳/哈萨克斯坦")
        .expect("one spot");
    assert_eq!(astana.glyph, "@");
    // Every mark is in exactly one spot, and no two spots share a cell.
    let mut all: Vec<usize> = spots.iter().flat_map(|s| s.marks.clone()).collect();
    all.sort_unstable();
    assert_eq!(all, (0..view.marks.len()).collect::<Vec<_>>());
    for (i, a) in spots.iter().enumerate() {
        assert!(spots[i + 1..].iter().all(|b| b.cell != a.cell));
    }
    // A tiny map puts the Caucasus in one cell: one spot names both.
    let tiny = projection_of(&view, 12, 5);
    let spots = crate::app::map::spots(&view, &tiny);
    for spot in &spots {
        assert_eq!(spot.name.split('/').count(), spot.marks.len());
    }
}

fn projection_of(view: &MapView, cols: u16, rows: u16) -> Projection {
    projection(view, cols, rows)
}

#[test]
fn the_english_map_names_places_in_english() {
    let catalog = catalog();
    let english = catalog.in_lang(Lang::En);
    let egypt = meeting(english, "tj-2025-egypt");
    let view = map_view(english, &[egypt], Some(egypt));
    let s = view.selected.clone().expect("selected");
    assert_eq!(s.place.as_deref(), Some("Tianjin"));
    assert_eq!(s.with, "Egypt");
    assert_eq!(names(&view, MarkKind::Place), ["Tianjin"]);
    let items: Vec<usize> = (0..english.data.meetings.len()).collect();
    let view = map_view(english, &items, None);
    assert!(names(&view, MarkKind::Place).contains(&"Kazan"));
    assert!(names(&view, MarkKind::Place).contains(&"Beijing"));
}
