//! The meetings map: the world in braille dots, cropped to the marks; a mark where each
//! listed meeting was held and one at each counterpart's capital; the names beside their
//! marks (or tied to them by a leader); a legend line; and in the footer where the selected
//! meeting was and with whom. No lines: nothing in the data is a journey. The model
//! (projection, marks, spots, where names go) is `app/map.rs`; this draws it.
//!
//! Every glyph is one cell wide in both width models (braille and ASCII), and the meaning
//! survives without colour: a meeting place is `#`, a country `o`, the selected meeting's `@`
//! and `*`; a mark off the map is an arrow at the edge (`<`); the selected names are
//! reversed; the coastline is dim.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use crate::app::App;
use crate::app::detail::Role;
use crate::app::layout::inner;
use crate::app::map::labels::{self, Request};
use crate::app::map::{MarkKind, Projection, Spot, legend_rows, map_view, projection, spots};
use crate::text::glyphs::Glyph;
use crate::text::{sanitize, truncate, width};
use crate::ui::put::{border_set, draw_box, put_line};
use crate::ui::theme::Theme;

/// The canvas paints the coast in this; the copy gives it the theme's style.
const COAST: Color = Color::Indexed(1);

pub fn draw_map(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let catalog = app.catalog();
    let words = catalog.words();
    let selected = app.position().map(|_| app.shown_pane().selected);
    let view = map_view(catalog, &app.list().items, selected);
    let footer = view.selected.as_ref().map(|s| {
        let place = match &s.place {
            Some(place) => (words.map_met_in)(&sanitize(place)),
            None => words.map_place_unknown.to_string(),
        };
        format!(
            " {place} {} {} ",
            Glyph::Separator,
            (words.map_with)(&sanitize(&s.with))
        )
    });
    let inside = inner(area);
    let frame = |buf: &mut Buffer, title: &str| {
        draw_box(
            buf,
            area,
            title,
            footer.as_deref(),
            border_set(false, false),
            theme.border(false),
        );
    };
    if inside.is_empty() {
        return frame(buf, words.map_title);
    }
    let legend = legend_rows(inside.height);
    let map = Rect {
        height: inside.height - legend,
        ..inside
    };
    let projection = projection(&view, inside.width, inside.height);
    draw_coast(&projection, map, buf, theme);
    let spots = spots(&view, &projection);
    draw_spots(&spots, map, buf, theme);
    // The frame goes on after the names (its border only): its title counts those left out.
    let unnamed = draw_names(&spots, map, buf, theme);
    if unnamed > 0 {
        let title = format!(
            "{} {} {} ",
            words.map_title.trim_end(),
            Glyph::Separator,
            (words.map_more)(unnamed)
        );
        frame(buf, &title);
    } else {
        frame(buf, words.map_title);
    }
    if legend > 0 {
        let text = truncate(words.map_legend, usize::from(inside.width)).into_owned();
        put_line(
            buf,
            inside.x,
            inside.bottom() - 1,
            &Line::styled(text, theme.role(Role::Muted)),
            inside.width,
        );
    }
}

/// The coastline, painted by ratatui's canvas on a scratch buffer and copied in the theme's
/// style.
fn draw_coast(projection: &Projection, area: Rect, buf: &mut Buffer, theme: &Theme) {
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
        });
    let mut scratch = Buffer::empty(Rect::new(0, 0, area.width, area.height));
    canvas.render(scratch.area, &mut scratch);
    let coast = coast_style(theme);
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &scratch[(x, y)];
            if cell.symbol() != " " {
                buf[(area.x + x, area.y + y)]
                    .set_symbol(cell.symbol())
                    .set_style(coast);
            }
        }
    }
}

fn draw_spots(spots: &[Spot], area: Rect, buf: &mut Buffer, theme: &Theme) {
    for spot in spots {
        let style = match (spot.selected, spot.kind) {
            (true, _) => selected_style(theme),
            (false, MarkKind::Place) => theme.role(Role::Heading),
            (false, MarkKind::Seat) => theme.role(Role::Label).add_modifier(Modifier::BOLD),
        };
        let (x, y) = spot.cell;
        buf[(area.x + x, area.y + y)]
            .set_symbol(spot.glyph)
            .set_style(style);
    }
}

/// The names where they fit, beside their marks or tied to them by a leader: the selected
/// meeting's first and always, then the places, then the countries in the list's order.
/// Returns how many names found no room.
fn draw_names(spots: &[Spot], area: Rect, buf: &mut Buffer, theme: &Theme) -> usize {
    let mut order: Vec<usize> = (0..spots.len()).collect();
    order.sort_by_key(|&i| (!spots[i].selected, spots[i].kind == MarkKind::Seat));
    let texts: Vec<String> = spots
        .iter()
        .map(|s| sanitize(&s.name).into_owned())
        .collect();
    let requests: Vec<Request> = order
        .iter()
        .map(|&i| Request {
            anchor: spots[i].cell,
            width: width(&texts[i]).min(usize::from(u16::MAX)) as u16,
            always: spots[i].selected,
        })
        .collect();
    let cells: Vec<(u16, u16)> = spots.iter().map(|s| s.cell).collect();
    let placed = labels::place((area.width, area.height), &cells, &requests);
    let unnamed = placed.iter().filter(|p| p.is_none()).count();
    for (&i, spot) in order.iter().zip(placed) {
        let Some(spot) = spot else { continue };
        let style = match (spots[i].selected, spots[i].kind) {
            (true, _) => theme.selected_link().add_modifier(Modifier::BOLD),
            (false, MarkKind::Place) => theme.role(Role::Heading),
            (false, MarkKind::Seat) => theme.role(Role::Text),
        };
        // A blank cell on either side, so the name stands clear of the coastline's dots.
        for x in [spot.x.checked_sub(1), Some(spot.x + spot.width)]
            .into_iter()
            .flatten()
            .filter(|&x| x < area.width && !cells.contains(&(x, spot.y)))
            .filter(|&x| spot.leader.is_none_or(|l| l.x != x))
        {
            buf[(area.x + x, area.y + spot.y)].reset();
        }
        // Its own cells too: the coastline's colour must not carry over to the name.
        for x in spot.x..spot.x + spot.width {
            buf[(area.x + x, area.y + spot.y)].reset();
        }
        if let Some(leader) = spot.leader {
            buf[(area.x + leader.x, area.y + leader.y)]
                .set_symbol(leader.glyph)
                .set_style(style.remove_modifier(Modifier::REVERSED));
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
    unnamed
}

/// The coastline: muted, and dim where muted has no colour (no colour at all, or the
/// terminal's own grey), so the marks stand out in shape and weight too.
fn coast_style(theme: &Theme) -> Style {
    let style = theme.role(Role::Muted);
    if style.fg.is_none() {
        style.add_modifier(Modifier::DIM)
    } else {
        style
    }
}

fn selected_style(theme: &Theme) -> Style {
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
        let map = inner(app.areas().and_then(|a| a.map).expect("the map is on"));
        // Above the legend's row.
        let map = Rect {
            height: map.height - 1,
            ..map
        };
        (draw(&app, theme), map)
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
                // Shape: the meeting's place (Tianjin) is `@`, its counterpart (Egypt) `*`,
                // the other places `#` and countries `o`.
                let count = |symbol: &str| cells.iter().filter(|c| c.symbol() == symbol).count();
                assert_eq!((count("@"), count("*")), (1, 1), "{named}");
                assert!(count("#") >= 2, "{named}: {}", count("#"));
                assert!(count("o") >= 8, "{named}: {}", count("o"));
                assert_eq!(
                    count("<"),
                    1,
                    "{named}: the United Nations, west of the map"
                );
                // No line: no bold braille, only the dim coast.
                let braille_cells: Vec<_> = cells.iter().filter(|c| braille(c.symbol())).collect();
                assert!(braille_cells.len() > 100, "{named}");
                assert!(
                    braille_cells
                        .iter()
                        .all(|c| !c.modifier.contains(Modifier::BOLD)),
                    "{named}"
                );
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
                    assert!(
                        braille_cells
                            .iter()
                            .all(|c| c.modifier.contains(Modifier::DIM))
                    );
                }
            }
        }
    }
}
