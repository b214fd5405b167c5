//! What the timeline's axis shows for an app: the listed events placed in time, the window
//! the zoom and the selection give, and the events laid in lanes. `ui/axis.rs` draws it.

use chrono::{NaiveDate, NaiveTime};

use super::lanes::{Layout, Placed, lay_out};
use super::{Scale, Zoom, hollow, minute, period_start, place};
use crate::app::App;
use crate::data::model::Event;

/// The axis for one frame.
pub struct Plan<'a> {
    pub scale: Scale,
    pub layout: Layout,
    /// The selected event (the list item), spelled out above the lanes.
    pub selected: Option<usize>,
    pub selected_event: Option<&'a Event>,
}

/// The events of the app's list on an axis `width` columns wide with `lanes` lanes.
pub fn plan(app: &App, width: u16, lanes: usize) -> Plan<'_> {
    let catalog = app.catalog();
    let pane = app.shown_pane();
    let event_of = |item: usize| {
        catalog
            .timeline
            .get(item)
            .and_then(|&i| catalog.data.timeline.get(i))
    };
    let selected = app.position().map(|_| pane.selected);
    let events: Vec<Placed> = app
        .list()
        .items
        .iter()
        .filter_map(|&item| {
            let event = event_of(item)?;
            let (start, known) = place(event.date, event.time.map(|t| t.0), event.time_of_day);
            let end = event
                .end
                .map(|end| minute(period_start(end).and_time(NaiveTime::MIN)));
            Some(Placed {
                item,
                start,
                end: end.filter(|e| *e > start),
                hollow: hollow(known, pane.zoom),
            })
        })
        .collect();
    let midnight = |d: NaiveDate| minute(d.and_time(NaiveTime::MIN));
    // The data's extent: the events listed, the chairmanship and the summit.
    let mut moments: Vec<i64> = events
        .iter()
        .flat_map(|e| [e.start, e.end.unwrap_or(e.start)])
        .collect();
    let mut summit_days = 2;
    let mut summit = None;
    if let Some(s) = catalog.data.summit.as_ref() {
        moments.push(midnight(s.chairmanship.start.0));
        moments.push(midnight(s.end.0) + 24 * 60);
        summit_days = (s.end.0 - s.start.0).num_days() + 1;
        summit = Some((midnight(s.start.0), midnight(s.end.0) + 24 * 60));
    }
    let low = moments.iter().copied().min().unwrap_or(0);
    let high = moments.iter().copied().max().unwrap_or(0);
    // On the selected event (the axis opens with the summit's selected, unless the reader
    // chose another); at the hours zoom an event of the summit days shows those days whole.
    let centre = selected
        .and_then(|item| events.iter().find(|e| e.item == item))
        .map(|e| match summit {
            Some((from, to)) if pane.zoom == Zoom::Hours && (from..to).contains(&e.start) => {
                (from + to) / 2
            }
            _ => e.start,
        })
        .or(summit.map(|(from, to)| (from + to) / 2))
        .unwrap_or((low + high) / 2);
    let scale = Scale::new(pane.zoom, summit_days, centre, (low, high), width);
    let layout = lay_out(&events, &scale, lanes, selected);
    Plan {
        scale,
        layout,
        selected,
        selected_event: selected.and_then(event_of),
    }
}
