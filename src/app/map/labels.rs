//! Where the map's names go: on whole cells beside their marks, never over another name, a
//! mark or a leader, inside the map. A name sits on its mark's row, one blank cell away; where
//! that row has no room, on the row above or below, tied to its mark by a leader (`/` or `\`)
//! in the cell between them — never floating where it could be read as a neighbour's. The
//! selected name is placed first and always; the others where there is room, in the order
//! given.

/// A name to place beside the mark at `anchor` (column, row within the map).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub anchor: (u16, u16),
    /// Its width in cells.
    pub width: u16,
    /// Placed whatever the room: cut to the map's width if it must.
    pub always: bool,
}

/// A placed name: its first cell and its width (less than asked for only when the map is
/// narrower than the name), and the leader that ties it to its mark when it is not on the
/// mark's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub leader: Option<Leader>,
}

/// A leader's cell and its glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leader {
    pub x: u16,
    pub y: u16,
    pub glyph: &'static str,
}

impl Placed {
    fn covers(&self, (x, y): (u16, u16)) -> bool {
        y == self.y && (self.x..self.x + self.width).contains(&x)
            || self.leader.is_some_and(|l| (l.x, l.y) == (x, y))
    }

    /// Whether a cell is left or right of it, touching or one blank cell away: a mark there
    /// would seem to be the name's own (its own mark keeps one blank cell away).
    fn beside(&self, (x, y): (u16, u16)) -> bool {
        let end = self.x + self.width;
        y == self.y && (x + 1 == self.x || x + 2 == self.x || x == end || x == end + 1)
    }

    /// Whether it overlaps `other` or touches it on the same row (names need a blank cell
    /// between them to read as two), or either's leader is on the other.
    fn crowds(&self, other: &Placed) -> bool {
        let rows = self.y == other.y
            && self.x < other.x + other.width + 1
            && other.x < self.x + self.width + 1;
        let leaders = self.leader.is_some_and(|l| other.covers((l.x, l.y)))
            || other.leader.is_some_and(|l| self.covers((l.x, l.y)));
        rows || leaders
    }
}

/// Places each request in a map of `size` (columns, rows). `marks` are the cells no name or
/// leader may cover, nor a name stand beside. Requests are placed in order; an `always` one
/// should come first, as it is placed even where the names before it leave no room. A name
/// whose mark an `always` name had to cover is not placed: it would name what is not shown.
pub fn place(size: (u16, u16), marks: &[(u16, u16)], requests: &[Request]) -> Vec<Option<Placed>> {
    let mut placed: Vec<Option<Placed>> = Vec::with_capacity(requests.len());
    for request in requests {
        let free = |spot: &Placed| {
            let on_mark = marks
                .iter()
                .any(|m| spot.covers(*m) || (*m != request.anchor && spot.beside(*m)));
            let crowded = placed.iter().flatten().any(|p| p.crowds(spot));
            !(on_mark || crowded)
        };
        let hidden = placed.iter().flatten().any(|p| p.covers(request.anchor));
        let spots = candidates(size, request);
        let spot = match spots.iter().find(|s| free(s)) {
            _ if hidden => None,
            Some(spot) => Some(*spot),
            None if request.always => fallback(size, request),
            None => None,
        };
        placed.push(spot);
    }
    placed
}

/// A name's first cell, and its leader's column and glyph when it has one.
type Offset = (i32, i32, Option<(i32, &'static str)>);

/// The spots beside a mark, best first: right of it on its row, left; then on the row above
/// or below, right then left, with a leader in the cell between. Only those inside the map.
fn candidates(size: (u16, u16), request: &Request) -> Vec<Placed> {
    let (cols, rows) = (i32::from(size.0), i32::from(size.1));
    let (ax, ay) = (i32::from(request.anchor.0), i32::from(request.anchor.1));
    let w = i32::from(request.width);
    let offsets: [Offset; 6] = [
        (ax + 2, ay, None),
        (ax - 1 - w, ay, None),
        (ax + 2, ay - 1, Some((ax + 1, "/"))),
        (ax + 2, ay + 1, Some((ax + 1, "\\"))),
        (ax - 1 - w, ay - 1, Some((ax - 1, "\\"))),
        (ax - 1 - w, ay + 1, Some((ax - 1, "/"))),
    ];
    offsets
        .into_iter()
        .filter(|&(x, y, leader)| {
            let inside = x >= 0 && y >= 0 && x + w <= cols && y < rows && w > 0;
            inside && leader.is_none_or(|(lx, _)| lx >= 0 && lx < cols)
        })
        .map(|(x, y, leader)| Placed {
            x: x as u16,
            y: y as u16,
            width: request.width,
            leader: leader.map(|(lx, glyph)| Leader {
                x: lx as u16,
                y: y as u16,
                glyph,
            }),
        })
        .collect()
}

/// Where an `always` name goes when no spot is free: on its mark's row, right of it, moved
/// (and cut) to stay inside the map.
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
        leader: None,
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
        let placed = place(size, marks, requests);
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
                assert!(
                    !marks
                        .iter()
                        .any(|m| *m != request.anchor && spot.beside(*m)),
                    "{spot:?} by a mark"
                );
            }
            // Tied to its mark: on its row one blank cell away, or by a leader that touches
            // both the mark (diagonally) and the name.
            if let Some(spot) = spot {
                let (ax, ay) = request.anchor;
                match spot.leader {
                    None if !request.always => {
                        assert_eq!(spot.y, ay, "{request:?} {spot:?}");
                        assert!(
                            spot.x == ax + 2 || spot.x + spot.width + 1 == ax,
                            "{request:?} {spot:?}"
                        );
                    }
                    None => {}
                    Some(leader) => {
                        assert_eq!(leader.y, spot.y);
                        assert_eq!(leader.x.abs_diff(ax), 1, "{request:?} {spot:?}");
                        assert_eq!(leader.y.abs_diff(ay), 1, "{request:?} {spot:?}");
                        assert!(
                            leader.x + 1 == spot.x || spot.x + spot.width == leader.x,
                            "{request:?} {spot:?}"
                        );
                    }
                }
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
                width: 4,
                leader: None,
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
                width: 6,
                leader: None,
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
    fn a_name_keeps_two_cells_from_another_mark_on_its_row() {
        // Right of (5, 2) the name would end one blank cell before the mark at (10, 2), as
        // near as its own: "o 亚美 o" reads both ways. It goes left.
        let marks = [(5, 2), (10, 2)];
        let placed = check((20, 5), &marks, &[request((5, 2), 2, false)]);
        assert_eq!(
            placed,
            [Some(Placed {
                x: 2,
                y: 2,
                width: 2,
                leader: None,
            })]
        );
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
                width: 2,
                leader: None,
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
                width: 5,
                leader: None,
            })]
        );
    }

    #[test]
    fn a_name_with_no_room_on_its_row_goes_above_with_a_leader() {
        // Marks to the right and left of (5, 2) leave its row no room: the name goes up and
        // right, tied by a `/` between the mark and the name.
        let marks = [(5, 2), (8, 2), (1, 2)];
        let placed = check((20, 5), &marks, &[request((5, 2), 4, false)]);
        assert_eq!(
            placed,
            [Some(Placed {
                x: 7,
                y: 1,
                width: 4,
                leader: Some(Leader {
                    x: 6,
                    y: 1,
                    glyph: "/"
                }),
            })]
        );
    }

    #[test]
    fn a_name_is_not_placed_for_a_mark_the_selected_name_covers() {
        // A one-row map: the selected name, cut to the map, covers the other mark.
        let marks = [(1, 0), (4, 0)];
        let requests = [request((1, 0), 8, true), request((4, 0), 3, false)];
        let placed = place((8, 1), &marks, &requests);
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
