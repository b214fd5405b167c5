//! The meetings map: the world in braille dots around Eurasia, a mark at each counterpart's
//! seat and at Tianjin and Beijing, the selected meeting's route, and the names where they
//! fit. The model (projection, marks, where names go) is `app/map.rs`; this draws it.
//!
//! Every glyph is one cell wide in both width models (braille and ASCII), and the meaning
//! survives without colour: the selected meeting's ends are `*` where the others are `o`, a
//! seat off the map is an arrow at the edge (`<`), the selected name is reversed, and the
//! route is drawn bold over a dim coastline.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as RouteLine, Map, MapResolution};

use crate::app::App;
use crate::app::detail::Role;
use crate::app::layout::inner;
use crate::app::map::labels::{self, Request};
use crate::app::map::{Edge, MapView, MarkKind, Projection, map_view};
use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate, width};
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

/// The canvas paints in these; each stands for a layer, styled by the theme when copied.
const COAST: Color = Color::Indexed(1);
const ROUTE: Color = Color::Indexed(2);

pub fn draw_map(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let catalog = app.catalog();
    let selected = app.position().map(|_| app.shown_pane().selected);
    let view = map_view(catalog, &app.list().items, selected);
    let footer = view.route.map(|(from, to)| {
        format!(
            " {} {} {} ",
            sanitize(&view.marks[from].place_name),
            Glyph::Link,
            sanitize(&view.marks[to].place_name)
        )
    });
    draw_box(
        buf,
        area,
        catalog.words().map_title,
        footer.as_deref(),
        border_set(false, false),
        theme.border(false),
    );
    let inside = inner(area);
    if inside.is_empty() {
        return;
    }
    let projection = Projection::fit(inside.width, inside.height);
    let route = draw_dots(&view, &projection, inside, buf, theme);
    draw_marks(&view, &projection, inside, &route, buf, theme);
}

/// The coastline and the route, painted by ratatui's canvas on a scratch buffer and copied
/// in the theme's styles. Returns the route's cells, which names keep off.
fn draw_dots(
    view: &MapView,
    projection: &Projection,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Vec<(u16, u16)> {
    let b = projection.bounds;
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([b.west, b.east])
        .y_bounds([b.south, b.north])
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: COAST,
            });
            if let Some((from, to)) = view.route {
                // Its own layer: where it crosses the coast, its cells show the route alone.
                ctx.layer();
                let a = view.marks[from].at;
                let z = projection.clamp(view.marks[to].at);
                ctx.draw(&RouteLine::new(a.lon, a.lat, z.lon, z.lat, ROUTE));
            }
        });
    let mut scratch = Buffer::empty(Rect::new(0, 0, area.width, area.height));
    canvas.render(scratch.area, &mut scratch);
    let (coast, route) = (coast_style(theme), route_style(theme));
    let mut route_cells = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &scratch[(x, y)];
            if cell.symbol() == " " {
                continue;
            }
            let style = if cell.fg == ROUTE {
                route_cells.push((x, y));
                route
            } else {
                coast
            };
            buf[(area.x + x, area.y + y)]
                .set_symbol(cell.symbol())
                .set_style(style);
        }
    }
    route_cells
}

/// The marks, then their names where they fit: the selected seat's always, the route's
/// other end next, then Tianjin and Beijing, then the seats in the list's order.
fn draw_marks(
    view: &MapView,
    projection: &Projection,
    area: Rect,
    route: &[(u16, u16)],
    buf: &mut Buffer,
    theme: &Theme,
) {
    let pins: Vec<((u16, u16), Option<Edge>)> =
        view.marks.iter().map(|m| projection.pin(m.at)).collect();
    // The selected ends last, so they show where marks share a cell.
    let mut order: Vec<usize> = (0..view.marks.len()).collect();
    order.sort_by_key(|&i| view.marks[i].selected);
    for &i in &order {
        let mark = &view.marks[i];
        let ((x, y), edge) = pins[i];
        let glyph = match (edge, mark.selected) {
            (Some(Edge::West), _) => "<",
            (Some(Edge::East), _) => ">",
            (Some(Edge::North), _) => "^",
            (Some(Edge::South), _) => "v",
            (None, true) => "*",
            (None, false) => "o",
        };
        let style = match (mark.selected, mark.kind) {
            (true, _) => route_style(theme),
            (false, MarkKind::Home) => theme.role(Role::Heading),
            (false, MarkKind::Seat) => theme.role(Role::Label).add_modifier(Modifier::BOLD),
        };
        buf[(area.x + x, area.y + y)]
            .set_symbol(glyph)
            .set_style(style);
    }
    let mut names: Vec<usize> = (0..view.marks.len()).collect();
    names.sort_by_key(|&i| {
        let mark = &view.marks[i];
        let seat_of_route = view.route.is_some_and(|(_, to)| to == i);
        (!seat_of_route, !mark.selected, mark.kind == MarkKind::Seat)
    });
    let texts: Vec<String> = view
        .marks
        .iter()
        .map(|m| sanitize(&m.name).into_owned())
        .collect();
    let requests: Vec<Request> = names
        .iter()
        .map(|&i| Request {
            anchor: pins[i].0,
            width: width(&texts[i]).min(usize::from(u16::MAX)) as u16,
            always: view.route.is_some_and(|(_, to)| to == i),
        })
        .collect();
    let cells: Vec<(u16, u16)> = pins.iter().map(|(cell, _)| *cell).collect();
    let placed = labels::place((area.width, area.height), &cells, route, &requests);
    for (&i, spot) in names.iter().zip(placed) {
        let Some(spot) = spot else { continue };
        let mark = &view.marks[i];
        let style = match (mark.selected, mark.kind) {
            (true, _) => theme.selected_link().add_modifier(Modifier::BOLD),
            (false, MarkKind::Home) => theme.role(Role::Heading),
            (false, MarkKind::Seat) => theme.role(Role::Text),
        };
        // A blank cell on either side, so the name stands clear of the coastline's dots.
        for x in [spot.x.checked_sub(1), Some(spot.x + spot.width)]
            .into_iter()
            .flatten()
            .filter(|&x| x < area.width && !cells.contains(&(x, spot.y)))
            .filter(|&x| !route.contains(&(x, spot.y)))
        {
            buf[(area.x + x, area.y + spot.y)].reset();
        }
        // Its own cells too: the coastline's colour must not carry over to the name.
        for x in spot.x..spot.x + spot.width {
            buf[(area.x + x, area.y + spot.y)].reset();
        }
        let text = truncate(&texts[i], usize::from(spot.width));
        put_line(
            buf,
            area.x + spot.x,
            area.y + spot.y,
            &Line::styled(text.into_owned(), style),
            spot.width,
        );
    }
}

/// The coastline: muted, and dim where muted has no colour (no colour at all, or the
/// terminal's own grey), so the route and the marks stand out in shape and weight too.
fn coast_style(theme: &Theme) -> Style {
    let style = theme.role(Role::Muted);
    if style.fg.is_none() {
        style.add_modifier(Modifier::DIM)
    } else {
        style
    }
}

fn route_style(theme: &Theme) -> Style {
    theme.role(Role::Accent).add_modifier(Modifier::BOLD)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use ratatui::style::Color;

    use super::*;
    use crate::app::input::{Input, parse_keys};
    use crate::app::{Action, Catalog, Tab};
    use crate::ui::snapshot::draw;
    use crate::ui::theme::{Depth, Scheme};

    /// Egypt's prime minister, met in Tianjin, with the map on: the screen and the map's
    /// inside.
    fn drawn(theme: &Theme) -> (Buffer, Rect) {
        let catalog = Arc::new(Catalog::embedded().expect("embedded data"));
        let mut app = App::new(catalog, 120, 40);
        app.update(Action::GoTo(Tab::Meetings));
        for key in parse_keys("jjjjjjjjjm").expect("keys") {
            app.handle(Input::Key(key));
        }
        let map = app.areas().and_then(|a| a.map).expect("the map is on");
        (draw(&app, theme), inner(map))
    }

    fn braille(symbol: &str) -> bool {
        symbol
            .chars()
            .all(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
    }

    #[test]
    fn the_map_reads_at_every_colour_depth_and_without_colour() {
        for depth in [Depth::Mono, Depth::Ansi16, Depth::Ansi256, Depth::TrueColor] {
            for scheme in [Scheme::Dark, Scheme::Light] {
                let theme = Theme::new(depth).with_scheme(scheme);
                let (buf, map) = drawn(&theme);
                let cells: Vec<&ratatui::buffer::Cell> =
                    map.positions().map(|p| &buf[(p.x, p.y)]).collect();
                let named = format!("{depth:?} {scheme:?}");
                // Shape: the route's two ends are stars, every other place a ring.
                let count = |symbol: &str| cells.iter().filter(|c| c.symbol() == symbol).count();
                assert_eq!(count("*"), 2, "{named}");
                assert!(count("o") >= 10, "{named}: {}", count("o"));
                assert_eq!(
                    count("<"),
                    1,
                    "{named}: the United Nations, west of the map"
                );
                // Weight: the route is bold, the coast is not.
                let (route, coast): (Vec<&&ratatui::buffer::Cell>, Vec<_>) = cells
                    .iter()
                    .filter(|c| braille(c.symbol()))
                    .partition(|c| c.modifier.contains(Modifier::BOLD));
                assert!(route.len() > 10 && coast.len() > 100, "{named}");
                // The selected name is reversed.
                let name = cells.iter().find(|c| c.symbol() == "埃").expect("埃及");
                assert!(name.modifier.contains(Modifier::REVERSED), "{named}");
                // Colours the depth can show, and none without colour, where the coast is
                // dim.
                for cell in &cells {
                    for colour in [cell.fg, cell.bg] {
                        let fits = match depth {
                            Depth::Mono => colour == Color::Reset,
                            Depth::Ansi16 => !matches!(
                                colour,
                                Color::Rgb(..) | Color::Indexed(_) | Color::DarkGray
                            ),
                            Depth::Ansi256 => !matches!(colour, Color::Rgb(..)),
                            Depth::TrueColor => !matches!(colour, Color::Indexed(_)),
                        };
                        assert!(fits, "{named}: {colour:?}");
                    }
                }
                if depth == Depth::Mono {
                    assert!(coast.iter().all(|c| c.modifier.contains(Modifier::DIM)));
                } else {
                    assert_ne!(route[0].fg, coast[0].fg, "{named}");
                }
            }
        }
    }
}
