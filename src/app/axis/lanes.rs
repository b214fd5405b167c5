//! Marks in lanes: each event on its column (with a line to its end's column if it has one),
//! stacked upwards where columns are taken. The selected event is always shown.

use crate::app::axis::Scale;

/// An event to place: the list item, its moment, its end, whether it is hollow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub item: usize,
    pub start: i64,
    pub end: Option<i64>,
    pub hollow: bool,
}

/// A mark on the axis: lane 0 is nearest the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub item: usize,
    pub x: u16,
    pub end_x: u16,
    pub lane: usize,
    pub hollow: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub marks: Vec<Mark>,
    /// Columns where marks did not fit in the lanes.
    pub overflow: Vec<u16>,
    /// Events inside the window left without a mark for want of lanes.
    pub unmarked: usize,
    /// Events before and after the window.
    pub before: usize,
    pub after: usize,
}

/// Lay events out in `lanes` lanes: each in the lowest lane free over its columns (and one
/// column either side, so marks in a lane stay apart). A selected event that does not fit
/// takes the top lane over the marks there.
pub fn lay_out(events: &[Placed], scale: &Scale, lanes: usize, selected: Option<usize>) -> Layout {
    let width = usize::from(scale.width);
    let mut taken = vec![vec![false; width]; lanes];
    let mut layout = Layout::default();
    let mut left_out = None;
    for event in events {
        let (from, to) = (
            scale.x(event.start),
            scale.x(event.end.unwrap_or(event.start)),
        );
        if to < 0 {
            layout.before += 1;
            continue;
        }
        if from >= i64::from(scale.width) {
            layout.after += 1;
            continue;
        }
        let x = from.max(0) as usize;
        let end_x = (to.min(width as i64 - 1)) as usize;
        let cells = x.saturating_sub(1)..(end_x + 2).min(width);
        let mark = |lane| Mark {
            item: event.item,
            x: x as u16,
            end_x: end_x as u16,
            lane,
            hollow: event.hollow,
        };
        match (0..lanes).find(|&l| taken[l][cells.clone()].iter().all(|t| !t)) {
            Some(lane) => {
                taken[lane][cells].iter_mut().for_each(|t| *t = true);
                layout.marks.push(mark(lane));
            }
            None => {
                layout.overflow.push(x as u16);
                layout.unmarked += 1;
                if Some(event.item) == selected && lanes > 0 {
                    left_out = Some(mark(lanes - 1));
                }
            }
        }
    }
    if let Some(chosen) = left_out {
        let over =
            |m: &Mark| m.lane == chosen.lane && m.x <= chosen.end_x + 1 && chosen.x <= m.end_x + 1;
        let pushed: Vec<u16> = layout
            .marks
            .iter()
            .filter(|m| over(m))
            .map(|m| m.x)
            .collect();
        layout.marks.retain(|m| !over(m));
        layout.unmarked = layout.unmarked + pushed.len() - 1;
        if let Some(i) = layout.overflow.iter().position(|x| *x == chosen.x) {
            layout.overflow.remove(i);
        }
        layout.overflow.extend(pushed);
        layout.marks.push(chosen);
    }
    layout.overflow.sort_unstable();
    layout.overflow.dedup();
    layout
}
