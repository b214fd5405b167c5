//! Where the map's names go: on whole cells beside their marks, never over another name or a
//! mark, inside the map. The selected name is placed first and always; the others where
//! there is room, in the order given.

/// A name to place beside the mark at `anchor` (column, row within the map).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub anchor: (u16, u16),
    /// Its width in cells.
    pub width: u16,
    /// Placed whatever the room: over marks if it must, cut to the map's width.
    pub always: bool,
}

/// A placed name: its first cell and its width (less than asked for only when the map is
/// narrower than the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub x: u16,
    pub y: u16,
    pub width: u16,
}

impl Placed {
    fn covers(&self, (x, y): (u16, u16)) -> bool {
        y == self.y && (self.x..self.x + self.width).contains(&x)
    }

    /// Whether a cell is just left or right of it: a mark there would seem to be the name's
    /// own (its own mark keeps a blank cell away).
    fn beside(&self, (x, y): (u16, u16)) -> bool {
        y == self.y && (x + 1 == self.x || x == self.x + self.width)
    }

    /// Whether it overlaps `other` or touches it on the same row: names need a blank cell
    /// between them to read as two.
    fn crowds(&self, other: &Placed) -> bool {
        self.y == other.y && self.x < other.x + other.width + 1 && other.x < self.x + self.width + 1
    }
}

/// Places each request in a map of `size` (columns, rows). `marks` are the cells no name
/// may cover or stand beside; `avoid` are cells only an `always` name covers, when it has
/// nowhere else to go (the route). Requests are placed in order; an `always` one should come
/// first, as it is placed even where the names before it leave no room.
pub fn place(
    size: (u16, u16),
    marks: &[(u16, u16)],
    avoid: &[(u16, u16)],
    requests: &[Request],
) -> Vec<Option<Placed>> {
    let mut placed: Vec<Option<Placed>> = Vec::with_capacity(requests.len());
    for request in requests {
        let free = |spot: &Placed, strict: bool| {
            let on_mark = marks.iter().any(|m| spot.covers(*m) || spot.beside(*m));
            let on_route = strict && avoid.iter().any(|c| spot.covers(*c));
            let crowded = placed.iter().flatten().any(|p| p.crowds(spot));
            !(on_mark || on_route || crowded)
        };
        let spots = candidates(size, request);
        let spot = match spots.iter().find(|s| free(s, true)) {
            Some(spot) => Some(*spot),
            // Only the `always` one may cover the route, and marks at the last.
            None if request.always => spots
                .iter()
                .find(|s| free(s, false))
                .copied()
                .or_else(|| fallback(size, request)),
            None => None,
        };
        placed.push(spot);
    }
    placed
}

/// The spots beside a mark, best first: right of it, left (a blank cell between), then
/// above and below (centred, then leaning right and left). Only those inside the map.
fn candidates(size: (u16, u16), request: &Request) -> Vec<Placed> {
    let (cols, rows) = (i32::from(size.0), i32::from(size.1));
    let (ax, ay) = (i32::from(request.anchor.0), i32::from(request.anchor.1));
    let w = i32::from(request.width);
    let offsets = [
        (ax + 2, ay),
        (ax - 1 - w, ay),
        (ax - w / 2, ay - 1),
        (ax - w / 2, ay + 1),
        (ax + 1, ay - 1),
        (ax + 1, ay + 1),
        (ax - w, ay - 1),
        (ax - w, ay + 1),
    ];
    offsets
        .into_iter()
        .filter(|&(x, y)| x >= 0 && y >= 0 && x + w <= cols && y < rows && w > 0)
        .map(|(x, y)| Placed {
            x: x as u16,
            y: y as u16,
            width: request.width,
        })
        .collect()
}

/// Where an `always` name goes when no spot is free: right of its mark, moved (and cut) to
/// stay inside the map.
fn fallback(size: (u16, u16), request: &Request) -> Option<Placed> {
    let (cols, rows) = size;
    if cols == 0 || rows == 0 || request.width == 0 {
        return None;
    }
    let width = request.width.min(cols);
    let x = request.anchor.0.saturating_add(2).min(cols - width);
    Some(Placed {
        x,
        y: request.anchor.1.min(rows - 1),
        width,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(anchor: (u16, u16), width: u16, always: bool) -> Request {
        Request {
            anchor,
            width,
            always,
        }
    }

    fn check(size: (u16, u16), marks: &[(u16, u16)], requests: &[Request]) -> Vec<Option<Placed>> {
        let placed = place(size, marks, &[], requests);
        assert_eq!(placed.len(), requests.len());
        let spots: Vec<Placed> = placed.iter().flatten().copied().collect();
        for (i, a) in spots.iter().enumerate() {
            assert!(
                a.x + a.width <= size.0 && a.y < size.1,
                "{a:?} inside {size:?}"
            );
            for b in &spots[i + 1..] {
                assert!(!a.crowds(b), "{a:?} and {b:?} overlap");
            }
        }
        for (request, spot) in requests.iter().zip(&placed) {
            if request.always {
                assert!(spot.is_some(), "{request:?} is always placed");
            } else if let Some(spot) = spot {
                assert!(!marks.iter().any(|m| spot.covers(*m)), "{spot:?} on a mark");
                assert!(!marks.iter().any(|m| spot.beside(*m)), "{spot:?} by a mark");
            }
        }
        placed
    }

    #[test]
    fn a_name_goes_right_of_its_mark_when_there_is_room() {
        let placed = check((20, 5), &[(3, 2)], &[request((3, 2), 4, false)]);
        assert_eq!(
            placed,
            [Some(Placed {
                x: 5,
                y: 2,
                width: 4
            })]
        );
    }

    #[test]
    fn a_name_at_the_right_edge_goes_left() {
        let placed = check((20, 5), &[(18, 2)], &[request((18, 2), 6, false)]);
        assert_eq!(
            placed,
            [Some(Placed {
                x: 11,
                y: 2,
                width: 6
            })]
        );
    }

    #[test]
    fn neighbours_take_turns_and_the_crowded_one_gives_way() {
        // Three marks in a row, one cell apart: the first's name goes right, over nothing.
        let marks = [(5, 2), (7, 2), (9, 2)];
        let requests = [
            request((7, 2), 6, true),
            request((5, 2), 6, false),
            request((9, 2), 6, false),
        ];
        let placed = check((30, 5), &marks, &requests);
        assert!(placed.iter().all(Option::is_some), "{placed:?}");
        // On a one-row map there is room for fewer.
        let placed = check(
            (16, 1),
            &[(5, 0), (7, 0), (9, 0)],
            &requests.map(|r| Request {
                anchor: (r.anchor.0, 0),
                ..r
            }),
        );
        assert!(placed[0].is_some());
        assert!(placed.iter().any(Option::is_none), "{placed:?}");
    }

    #[test]
    fn a_name_does_not_sit_beside_another_mark() {
        // Right of (3, 2), the name would start just after the mark at (4, 2) and seem to be
        // its: it goes left.
        let marks = [(3, 2), (4, 2)];
        let placed = check((20, 5), &marks, &[request((3, 2), 2, false)]);
        assert_eq!(
            placed,
            [Some(Placed {
                x: 0,
                y: 2,
                width: 2
            })]
        );
    }

    #[test]
    fn the_selected_name_is_cut_to_a_map_narrower_than_it() {
        let placed = check((5, 3), &[(2, 1)], &[request((2, 1), 12, true)]);
        assert_eq!(
            placed,
            [Some(Placed {
                x: 0,
                y: 1,
                width: 5
            })]
        );
    }

    #[test]
    fn names_keep_off_the_route_and_only_the_selected_one_goes_over_it() {
        let route = [(6, 2), (7, 2), (8, 2), (9, 2)];
        let placed = place((20, 5), &[(4, 2)], &route, &[request((4, 2), 3, false)]);
        let spot = placed[0].unwrap();
        assert!(!route.iter().any(|c| spot.covers(*c)), "{spot:?}");
        // On a one-row map the route takes every spot but the one over it.
        let route: Vec<(u16, u16)> = (0..12).map(|x| (x, 0)).collect();
        let requests = [request((4, 0), 3, true), request((9, 0), 2, false)];
        let placed = place((12, 1), &[(4, 0), (9, 0)], &route, &requests);
        assert!(placed[0].is_some() && placed[1].is_none(), "{placed:?}");
    }

    /// A small deterministic generator, so the test needs no crate and always runs the same.
    fn next(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn many_crowded_maps_never_overlap_and_always_place_the_selected() {
        let mut seed = 13;
        for _ in 0..2000 {
            let size = (
                1 + (next(&mut seed) % 70) as u16,
                1 + (next(&mut seed) % 30) as u16,
            );
            let count = 1 + (next(&mut seed) % 25) as usize;
            let marks: Vec<(u16, u16)> = (0..count)
                .map(|_| {
                    (
                        (next(&mut seed) % u64::from(size.0)) as u16,
                        (next(&mut seed) % u64::from(size.1)) as u16,
                    )
                })
                .collect();
            let requests: Vec<Request> = marks
                .iter()
                .enumerate()
                .map(|(i, &anchor)| request(anchor, 1 + (next(&mut seed) % 14) as u16, i == 0))
                .collect();
            check(size, &marks, &requests);
        }
    }
}
