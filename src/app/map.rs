//! The meetings map as a model: where a longitude and latitude fall on a map of a given size
//! (the equirectangular projection ratatui's `Map` is drawn in, computed the way its canvas
//! computes it, so a mark lands on the dot the canvas paints), cropped to the marks; which
//! places the map marks for the meetings the list shows — where each meeting was held and
//! whom it was with (the counterpart's country, at its capital) — and which of them are the
//! selected meeting's. No lines: the data records where a meeting was, not a journey, and a
//! line from Tianjin to Cairo would read as one. No terminal here: `ui/map.rs` draws it;
//! `map/labels.rs` places the names.

pub mod labels;

use crate::app::catalog::Catalog;

/// A place on the globe, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lon: f64,
    pub lat: f64,
}

impl Point {
    /// A point, if both coordinates are finite and on the globe (a data folder may hold
    /// anything).
    pub fn new(lon: f64, lat: f64) -> Option<Point> {
        let on_globe = (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
        on_globe.then_some(Point { lon, lat })
    }
}

/// A rectangle of longitude and latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

impl Region {
    pub fn width(&self) -> f64 {
        self.east - self.west
    }

    pub fn height(&self) -> f64 {
        self.north - self.south
    }

    pub fn contains(&self, p: Point) -> bool {
        (self.west..=self.east).contains(&p.lon) && (self.south..=self.north).contains(&p.lat)
    }
}

/// The shape the layout gives a map (`wanted_rows`): Cairo to Beijing and Kuala Lumpur to
/// Moscow — the counterparts' seats (all but the United Nations') — with room for names. The
/// map itself is cropped to its marks (`MapView::extent`).
pub const REGION: Region = Region {
    west: 10.0,
    east: 140.0,
    south: -5.0,
    north: 65.0,
};

/// Braille dots a cell holds, across and down.
pub const DOTS: (u16, u16) = (2, 4);

/// A map in an area of another shape than its marks' stretches its dots up to this much
/// before it takes in more of the globe.
pub const STRETCH: f64 = 2.0;

/// Where a map may widen to, at the most: not the empty ends of the globe.
const LATITUDES: (f64, f64) = (-48.0, 84.0);
const LONGITUDES: (f64, f64) = (-180.0, 180.0);

/// Marks farther out than this (the United Nations' seat in New York) do not stretch the
/// map: they are pinned to its edge, an arrow pointing their way.
const FAR: Region = Region {
    west: -20.0,
    east: 160.0,
    south: -40.0,
    north: 80.0,
};

/// Room around the marks for their names, as a share of the marks' span, at least
/// `MARGIN_MIN` degrees; and the smallest span a map shows.
const MARGIN: f64 = 0.08;
const MARGIN_MIN: f64 = 3.0;
const SPAN_MIN: f64 = 20.0;

/// Rows of map a width wants, frame excluded, so that `REGION` fills it with square dots.
pub fn wanted_rows(cols: u16) -> u16 {
    let dots = f64::from(cols) * f64::from(DOTS.0) * REGION.height() / REGION.width();
    (dots / f64::from(DOTS.1)).ceil() as u16
}

/// Which way a place off the map lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    West,
    East,
    North,
    South,
}

/// A map of `cols` × `rows` cells showing `bounds`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub bounds: Region,
    pub cols: u16,
    pub rows: u16,
}

impl Projection {
    /// The map of `extent` for an area of `cols` × `rows` cells: the extent fills the area,
    /// its dots stretched up to `STRETCH` times taller or wider than square; past that, the
    /// extent is widened around its centre the short way (within the globe's usable parts).
    pub fn fit(cols: u16, rows: u16, extent: Region) -> Projection {
        let across = f64::from(cols.max(1)) * f64::from(DOTS.0);
        let down = f64::from(rows.max(1)) * f64::from(DOTS.1);
        let (mut width, mut height) = (extent.width().max(1e-6), extent.height().max(1e-6));
        // Degrees a dot stands for, across and down.
        let (x, y) = (width / across, height / down);
        if x > y * STRETCH {
            height = down * x / STRETCH;
        } else if y > x * STRETCH {
            width = across * y / STRETCH;
        }
        let (west, east) = span_around((extent.west + extent.east) / 2.0, width, LONGITUDES);
        let (south, north) = span_around((extent.south + extent.north) / 2.0, height, LATITUDES);
        Projection {
            bounds: Region {
                west,
                east,
                south,
                north,
            },
            cols,
            rows,
        }
    }

    /// The dot a point is painted on, as ratatui's canvas computes it
    /// (`Painter::get_point`); `None` off the map.
    pub fn dot(&self, p: Point) -> Option<(usize, usize)> {
        let b = &self.bounds;
        if !(b.west..=b.east).contains(&p.lon) || !(b.south..=b.north).contains(&p.lat) {
            return None;
        }
        let across = f64::from(self.cols) * f64::from(DOTS.0);
        let down = f64::from(self.rows) * f64::from(DOTS.1);
        let x = ((p.lon - b.west) * (across - 1.0) / b.width()).round();
        let y = ((b.north - p.lat) * (down - 1.0) / b.height()).round();
        Some((x.max(0.0) as usize, y.max(0.0) as usize))
    }

    /// The cell a point falls in, counted from the map's top left; `None` off the map.
    pub fn cell(&self, p: Point) -> Option<(u16, u16)> {
        let (x, y) = self.dot(p)?;
        let col = (x / usize::from(DOTS.0)).min(usize::from(self.cols.saturating_sub(1)));
        let row = (y / usize::from(DOTS.1)).min(usize::from(self.rows.saturating_sub(1)));
        Some((col as u16, row as u16))
    }

    /// The nearest point on the map.
    pub fn clamp(&self, p: Point) -> Point {
        let b = &self.bounds;
        Point {
            lon: p.lon.clamp(b.west, b.east),
            lat: p.lat.clamp(b.south, b.north),
        }
    }

    /// A place's cell, pinned to the map's edge when it lies off the map, and which way it
    /// lies then.
    pub fn pin(&self, p: Point) -> ((u16, u16), Option<Edge>) {
        let b = &self.bounds;
        let edge = if p.lon < b.west {
            Some(Edge::West)
        } else if p.lon > b.east {
            Some(Edge::East)
        } else if p.lat > b.north {
            Some(Edge::North)
        } else if p.lat < b.south {
            Some(Edge::South)
        } else {
            None
        };
        (self.cell(self.clamp(p)).unwrap_or((0, 0)), edge)
    }
}

/// `span` degrees around `centre`, moved (and cut) to stay within `limits`.
fn span_around(centre: f64, span: f64, (low, high): (f64, f64)) -> (f64, f64) {
    let span = span.min(high - low);
    let start = (centre - span / 2.0).clamp(low, high - span);
    (start, start + span)
}

/// Places the data gives no coordinates for, as reference geography (not from the texts), to
/// the precision of the capitals' in countries.toml: (Chinese name, English name, place).
pub const CITIES: [(&str, &str, Point); 2] = [
    (
        "天津",
        "Tianjin",
        Point {
            lon: 117.20,
            lat: 39.13,
        },
    ),
    (
        "喀山",
        "Kazan",
        Point {
            lon: 49.12,
            lat: 55.79,
        },
    ),
];

/// The summit city's place.
pub const TIANJIN: Point = CITIES[0].2;

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A city where a listed meeting was held.
    Place,
    /// A counterpart's country (or organisation), at its capital (or seat).
    Seat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// As the label says it, in the reader's language: the city for a place, the country or
    /// organisation for a seat.
    pub name: String,
    /// The country or organisation a seat is of.
    pub country: Option<String>,
    pub at: Point,
    pub kind: MarkKind,
    /// The selected meeting's place or counterpart.
    pub selected: bool,
}

/// The marks for a list of meetings, and what the selected one's are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapView {
    /// Places first, then each counterpart once, each in the list's order.
    pub marks: Vec<Mark>,
    /// The selected meeting, if any.
    pub selected: Option<Selected>,
}

/// Where the selected meeting was and with whom, as the footer says it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selected {
    /// The city, when the sources give one (it has a mark only when the map can place it).
    pub place: Option<String>,
    pub place_mark: Option<usize>,
    /// The counterpart's country or organisation, and its mark.
    pub with: String,
    pub seat_mark: Option<usize>,
}

/// The map of the meetings `items` (indices into the data's meetings, in the list's order),
/// `selected` marked: a mark where each was held, when the sources say and the map can place
/// the city, and one at each counterpart's capital.
pub fn map_view(catalog: &Catalog, items: &[usize], selected: Option<usize>) -> MapView {
    let data = &catalog.data;
    let mut marks: Vec<Mark> = Vec::new();
    for meeting in items.iter().filter_map(|&i| data.meetings.get(i)) {
        let Some(city) = &meeting.city else { continue };
        if marks.iter().any(|m| &m.name == city) {
            continue;
        }
        if let Some(at) = place_of(catalog, city) {
            marks.push(Mark {
                name: city.clone(),
                country: None,
                at,
                kind: MarkKind::Place,
                selected: false,
            });
        }
    }
    for meeting in items.iter().filter_map(|&i| data.meetings.get(i)) {
        let id = &meeting.counterpart.country;
        if marks.iter().any(|m| m.country.as_ref() == Some(id)) {
            continue;
        }
        let Some(country) = data.country(id) else {
            continue;
        };
        let Some(at) = country
            .lon
            .zip(country.lat)
            .and_then(|(lon, lat)| Point::new(lon, lat))
        else {
            continue;
        };
        marks.push(Mark {
            name: country.name_zh.clone(),
            country: Some(id.clone()),
            at,
            kind: MarkKind::Seat,
            selected: false,
        });
    }
    let selected = selected
        .and_then(|item| data.meetings.get(item))
        .map(|meeting| {
            let place_mark = meeting.city.as_ref().and_then(|city| {
                marks
                    .iter()
                    .position(|m| m.kind == MarkKind::Place && &m.name == city)
            });
            let seat_mark = marks
                .iter()
                .position(|m| m.country.as_ref() == Some(&meeting.counterpart.country));
            Selected {
                place: meeting.city.clone(),
                place_mark,
                with: crate::app::panes::meetings::country_name(catalog, meeting),
                seat_mark,
            }
        });
    if let Some(s) = &selected {
        for i in [s.place_mark, s.seat_mark].into_iter().flatten() {
            marks[i].selected = true;
        }
    }
    MapView { marks, selected }
}

/// Where a city is: a country's capital (the data's coordinates), or one of `CITIES`.
fn place_of(catalog: &Catalog, city: &str) -> Option<Point> {
    let capital = catalog.data.countries.iter().find_map(|c| {
        (c.capital_zh.as_deref() == Some(city))
            .then(|| Point::new(c.lon?, c.lat?))
            .flatten()
    });
    capital.or_else(|| {
        CITIES
            .iter()
            .find(|(zh, en, _)| *zh == city || *en == city)
            .map(|(_, _, at)| *at)
    })
}

impl MapView {
    /// Where a map of these marks is cropped to: the marks within `FAR`, with a margin for
    /// their names; `REGION` when there are none.
    pub fn extent(&self) -> Region {
        let near: Vec<Point> = self
            .marks
            .iter()
            .map(|m| m.at)
            .filter(|p| FAR.contains(*p))
            .collect();
        if near.is_empty() {
            return REGION;
        }
        let fold = |f: fn(f64, f64) -> f64, of: fn(&Point) -> f64, start: f64| {
            near.iter().map(of).fold(start, f)
        };
        let (west, east) = (
            fold(f64::min, |p| p.lon, f64::INFINITY),
            fold(f64::max, |p| p.lon, f64::NEG_INFINITY),
        );
        let (south, north) = (
            fold(f64::min, |p| p.lat, f64::INFINITY),
            fold(f64::max, |p| p.lat, f64::NEG_INFINITY),
        );
        let widen = |low: f64, high: f64, limits: (f64, f64)| {
            let span = (high - low).max(SPAN_MIN);
            let span = span + 2.0 * (span * MARGIN).max(MARGIN_MIN);
            span_around((low + high) / 2.0, span, limits)
        };
        let (west, east) = widen(west, east, LONGITUDES);
        let (south, north) = widen(south, north, LATITUDES);
        Region {
            west,
            east,
            south,
            north,
        }
    }
}

/// Rows of a map's area its legend takes (the last): one where there is room for a map above
/// it too.
pub fn legend_rows(rows: u16) -> u16 {
    u16::from(rows >= 6)
}

/// The projection a map of `view` is drawn in, in an area of `cols` × `rows` cells (its legend
/// row included): as drawing and clicks both use it.
pub fn projection(view: &MapView, cols: u16, rows: u16) -> Projection {
    Projection::fit(cols, rows - legend_rows(rows), view.extent())
}

/// Marks that share a cell, drawn as one: one glyph, one name naming them all, so that no
/// name stands for a mark hidden under another.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub cell: (u16, u16),
    /// Which way its marks lie, when they are off the map.
    pub edge: Option<Edge>,
    /// Indices into the view's marks, places first.
    pub marks: Vec<usize>,
    pub glyph: &'static str,
    /// Its marks' names, places first: "阿斯塔纳/哈萨克斯坦".
    pub name: String,
    pub selected: bool,
    pub kind: MarkKind,
}

/// The view's marks as drawn on a map of `projection`: one spot a cell, in the marks' order.
/// A place is `#`, a country `o`; the selected meeting's place `@` and country `*`; a spot off
/// the map an arrow at the edge its marks lie beyond.
pub fn spots(view: &MapView, projection: &Projection) -> Vec<Spot> {
    let mut spots: Vec<Spot> = Vec::new();
    for (i, mark) in view.marks.iter().enumerate() {
        let (cell, edge) = projection.pin(mark.at);
        match spots.iter_mut().find(|s| s.cell == cell) {
            Some(spot) => spot.marks.push(i),
            None => spots.push(Spot {
                cell,
                edge,
                marks: vec![i],
                glyph: "",
                name: String::new(),
                selected: false,
                kind: mark.kind,
            }),
        }
    }
    for spot in &mut spots {
        let marks: Vec<&Mark> = spot.marks.iter().map(|&i| &view.marks[i]).collect();
        let names: Vec<&str> = marks.iter().map(|m| m.name.as_str()).collect();
        spot.name = names.join("/");
        spot.selected = marks.iter().any(|m| m.selected);
        spot.kind = marks[0].kind;
        let selected_place = marks
            .iter()
            .any(|m| m.selected && m.kind == MarkKind::Place);
        spot.glyph = match spot.edge {
            Some(Edge::West) => "<",
            Some(Edge::East) => ">",
            Some(Edge::North) => "^",
            Some(Edge::South) => "v",
            None if selected_place => "@",
            None if spot.selected => "*",
            None if spot.kind == MarkKind::Place => "#",
            None => "o",
        };
    }
    spots
}

/// The country of the seat marked at, or just beside, a cell of a map drawn in `projection`
/// (a click lands on the mark or next to it): the nearest, if any.
pub fn seat_at<'a>(
    view: &'a MapView,
    projection: &Projection,
    (x, y): (u16, u16),
) -> Option<&'a str> {
    spots(view, projection)
        .into_iter()
        .filter_map(|spot| {
            let distance = spot.cell.0.abs_diff(x).max(spot.cell.1.abs_diff(y));
            let country = spot
                .marks
                .iter()
                .find_map(|&i| view.marks[i].country.as_deref())?;
            (distance <= 1).then_some((distance, country))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, country)| country)
}

#[cfg(test)]
mod tests;
