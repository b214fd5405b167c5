//! The meetings map as a model: where a longitude and latitude fall on a map of a given size
//! (the equirectangular projection ratatui's `Map` is drawn in, computed the way its canvas
//! computes it, so a mark lands on the dot the canvas paints), which places the map marks for
//! the meetings the list shows, and the selected meeting's route. No terminal here:
//! `ui/map.rs` draws it; `map/labels.rs` places the names.

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
    fn width(&self) -> f64 {
        self.east - self.west
    }

    fn height(&self) -> f64 {
        self.north - self.south
    }
}

/// What every map shows at least: Cairo to Beijing and Kuala Lumpur to Moscow — the
/// counterparts' seats (all but the United Nations') — with room for names on either side.
pub const REGION: Region = Region {
    west: 10.0,
    east: 140.0,
    south: -5.0,
    north: 65.0,
};

/// Braille dots a cell holds, across and down.
pub const DOTS: (u16, u16) = (2, 4);

/// A map in a tall area shows more of the north and south, but not the empty ends of the
/// globe: past these it is stretched instead.
const LATITUDES: (f64, f64) = (-48.0, 84.0);
const LONGITUDES: (f64, f64) = (-180.0, 180.0);

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
    /// The map for an area: `REGION` with square dots, widened (or heightened, up to a limit)
    /// around its centre to fill the area.
    pub fn fit(cols: u16, rows: u16) -> Projection {
        let across = f64::from(cols.max(1)) * f64::from(DOTS.0);
        let down = f64::from(rows.max(1)) * f64::from(DOTS.1);
        let scale = (REGION.width() / across).max(REGION.height() / down);
        let (west, east) = span_around(
            (REGION.west + REGION.east) / 2.0,
            scale * across,
            LONGITUDES,
        );
        let (south, north) =
            span_around((REGION.south + REGION.north) / 2.0, scale * down, LATITUDES);
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

/// The summit city's place. The data gives capitals' coordinates (reference geography,
/// not from the texts); Tianjin is no capital, so its own is here, to the same precision.
pub const TIANJIN: Point = Point {
    lon: 117.20,
    lat: 39.13,
};

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// Tianjin or Beijing, where the Chinese side met.
    Home,
    /// A counterpart's capital or organisation's seat.
    Seat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// As the label says it, in the reader's language: the city for a home mark, the
    /// country or organisation for a seat.
    pub name: String,
    /// The seat's own name ("开罗"), for the route's caption; the city for a home mark.
    pub place_name: String,
    /// The country or organisation a seat is of.
    pub country: Option<String>,
    pub at: Point,
    pub kind: MarkKind,
    /// An end of the selected meeting's route.
    pub selected: bool,
}

/// The marks for a list of meetings, and the selected one's route.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapView {
    /// Home marks first, then each counterpart once, in the list's order.
    pub marks: Vec<Mark>,
    /// The selected meeting's ends: indices into `marks`, from the Chinese side to the
    /// counterpart's seat.
    pub route: Option<(usize, usize)>,
}

/// The map of the meetings `items` (indices into the data's meetings, in the list's order),
/// with `selected` highlighted: a line from where China received the counterpart — Tianjin
/// for the summit's meetings, Beijing for the rest, visits abroad included, as the Chinese
/// side's capital — to the counterpart's seat.
pub fn map_view(catalog: &Catalog, items: &[usize], selected: Option<usize>) -> MapView {
    let data = &catalog.data;
    let mut marks = Vec::new();
    let summit_city = data.summit.as_ref().map(|s| s.city.clone());
    let tianjin = summit_city.as_ref().map(|city| {
        marks.push(home(city, TIANJIN));
        marks.len() - 1
    });
    let china = data.country("CN");
    let beijing_name = china.and_then(|c| c.capital_zh.clone());
    let beijing = china
        .and_then(|c| Point::new(c.lon?, c.lat?))
        .zip(beijing_name.as_ref())
        .map(|(at, name)| {
            marks.push(home(name, at));
            marks.len() - 1
        });
    let mut seat_of = Vec::new();
    for &item in items {
        let Some(meeting) = data.meetings.get(item) else {
            continue;
        };
        let id = &meeting.counterpart.country;
        if seat_of.iter().any(|(seen, _)| seen == id) {
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
            place_name: country
                .capital_zh
                .clone()
                .unwrap_or_else(|| country.name_zh.clone()),
            country: Some(id.clone()),
            at,
            kind: MarkKind::Seat,
            selected: false,
        });
        seat_of.push((id.clone(), marks.len() - 1));
    }
    let route = selected
        .and_then(|item| data.meetings.get(item))
        .and_then(|meeting| {
            let to = seat_of
                .iter()
                .find(|(id, _)| *id == meeting.counterpart.country)?
                .1;
            let in_tianjin = meeting.city.is_some() && meeting.city == summit_city;
            let from = if in_tianjin {
                tianjin.or(beijing)
            } else {
                beijing.or(tianjin)
            }?;
            Some((from, to))
        });
    if let Some((from, to)) = route {
        marks[from].selected = true;
        marks[to].selected = true;
    }
    MapView { marks, route }
}

/// The country of the seat marked at, or just beside, a cell of a map of `projection`'s size
/// (a click lands on the mark or next to it): the nearest, if any.
pub fn seat_at<'a>(
    view: &'a MapView,
    projection: &Projection,
    (x, y): (u16, u16),
) -> Option<&'a str> {
    view.marks
        .iter()
        .filter_map(|mark| {
            let (cell, _) = projection.pin(mark.at);
            let distance = cell.0.abs_diff(x).max(cell.1.abs_diff(y));
            (distance <= 1).then_some((distance, mark.country.as_deref()?))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, country)| country)
}

fn home(city: &str, at: Point) -> Mark {
    Mark {
        name: city.to_string(),
        place_name: city.to_string(),
        country: None,
        at,
        kind: MarkKind::Home,
        selected: false,
    }
}

#[cfg(test)]
mod tests;
