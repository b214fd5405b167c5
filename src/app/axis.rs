//! The timeline's axis (`z` on the timeline): where events, the chairmanship and the summit
//! days fall on a horizontal time axis at a zoom, and which ticks to label. Pure: columns and
//! labels from dates and a width; `ui/axis.rs` draws them.
//!
//! Times are whole minutes since 1970 (UTC-naive, as the data's dates are). Events with only a
//! year or a month sit at that period's start and are marked hollow, as are day-only events
//! at the hours zoom, where a column says more than the date does.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::app::words::Words;
use crate::data::values::{PartialDate, TimeOfDay};

pub use plan::{Plan, plan};

pub mod lanes;
mod plan;
#[cfg(test)]
mod tests;

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;
/// 365.25 days: a window's length, not a calendar step.
const YEAR: i64 = 365 * DAY + DAY / 4;

/// How much time the axis shows across its width. `+` zooms in, `-` out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Zoom {
    Decades,
    #[default]
    Years,
    Months,
    /// The hours of the summit days: a window as long as the summit.
    Hours,
}

impl Zoom {
    pub const ALL: [Zoom; 4] = [Zoom::Decades, Zoom::Years, Zoom::Months, Zoom::Hours];

    pub fn index(self) -> usize {
        Zoom::ALL.iter().position(|z| *z == self).unwrap_or(0)
    }

    pub fn zoom_in(self) -> Zoom {
        Zoom::ALL[(self.index() + 1).min(Zoom::ALL.len() - 1)]
    }

    pub fn zoom_out(self) -> Zoom {
        Zoom::ALL[self.index().saturating_sub(1)]
    }

    /// The window's length in minutes; `summit_days` is how many days the summit lasts.
    fn span(self, summit_days: i64) -> i64 {
        match self {
            Zoom::Decades => 100 * YEAR,
            Zoom::Years => 12 * YEAR,
            Zoom::Months => 2 * YEAR,
            Zoom::Hours => summit_days.max(1) * DAY,
        }
    }
}

/// A moment in whole minutes since 1970-01-01 00:00.
pub fn minute(at: NaiveDateTime) -> i64 {
    at.and_utc().timestamp().div_euclid(60)
}

fn at_minute(minute: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(minute * 60, 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

/// The first day of a partial date's period.
pub fn period_start(date: PartialDate) -> NaiveDate {
    match date {
        PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
        PartialDate::Day(d) => Some(d),
    }
    .unwrap_or_default()
}

/// The hour a part of the day stands for on the axis.
fn part_hour(part: TimeOfDay) -> u32 {
    match part {
        TimeOfDay::Morning => 9,
        TimeOfDay::Noon => 12,
        TimeOfDay::Afternoon => 15,
        TimeOfDay::Dusk => 18,
        TimeOfDay::Evening => 20,
    }
}

/// How precisely an event's moment is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Known {
    /// A year or a month only.
    Period,
    Day,
    /// A clock time or a part of the day.
    Time,
}

/// Where an event sits: its moment, and how precisely that is known.
pub fn place(date: PartialDate, time: Option<NaiveTime>, part: Option<TimeOfDay>) -> (i64, Known) {
    let day = period_start(date);
    let (clock, known) = match (date, time, part) {
        (PartialDate::Day(_), Some(t), _) => (t, Known::Time),
        (PartialDate::Day(_), None, Some(p)) => (
            NaiveTime::from_hms_opt(part_hour(p), 0, 0).unwrap_or_default(),
            Known::Time,
        ),
        (PartialDate::Day(_), None, None) => (NaiveTime::MIN, Known::Day),
        _ => (NaiveTime::MIN, Known::Period),
    };
    (minute(day.and_time(clock)), known)
}

/// Whether a mark is hollow: the date says less than a column does at this zoom.
pub fn hollow(known: Known, zoom: Zoom) -> bool {
    known == Known::Period || (zoom == Zoom::Hours && known == Known::Day)
}

/// The axis's window: minutes `start..end` across `width` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub start: i64,
    pub end: i64,
    pub width: u16,
}

impl Scale {
    /// A window of the zoom's length centred on `centre`, kept within the data's `extent`
    /// where it is shorter than it (and centred on the extent where it is longer), so the
    /// axis is never mostly empty.
    pub fn new(zoom: Zoom, summit_days: i64, centre: i64, extent: (i64, i64), width: u16) -> Scale {
        let span = zoom.span(summit_days);
        let (low, high) = extent;
        let start = if high - low <= span {
            low + (high - low) / 2 - span / 2
        } else {
            (centre - span / 2).clamp(low, high - span)
        };
        Scale {
            start,
            end: start + span,
            width,
        }
    }

    /// The column a moment falls in; outside `0..width` when it is off the window.
    pub fn x(&self, minute: i64) -> i64 {
        let span = (self.end - self.start).max(1);
        ((i128::from(minute - self.start) * i128::from(self.width)).div_euclid(i128::from(span)))
            as i64
    }

    pub fn column(&self, minute: i64) -> Option<u16> {
        u16::try_from(self.x(minute))
            .ok()
            .filter(|x| *x < self.width)
    }
}

/// A tick step: the calendar unit ticks fall on and how many of it between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Hours(i64),
    Days(i64),
    Months(i32),
    Years(i32),
}

/// Every step, finest first: the finest whose labels keep apart is used.
pub const STEPS: [Step; 15] = [
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
];

/// Columns kept free between two labels.
pub const LABEL_GAP: usize = 2;

/// A labelled tick: its column and its text, dated in the language's own style ("8月31日",
/// "31 Aug"; "2025年8月", "Aug 2025"), as the list and the detail date things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub x: u16,
    pub label: String,
}

impl Tick {
    /// Columns its label takes.
    pub fn width(&self) -> usize {
        crate::text::width(&self.label)
    }
}

/// A tick's label. Hours show the clock, and the day at midnight; the first hour tick always
/// carries its day too, so the window says which day its hours are of.
fn label(step: Step, at: NaiveDateTime, words: &Words, first: bool) -> String {
    let day = (words.short_day)(at.month(), at.day());
    match step {
        Step::Hours(_) if at.hour() == 0 => day,
        Step::Hours(_) if first => format!("{day} {}", at.format("%H:%M")),
        Step::Hours(_) => at.format("%H:%M").to_string(),
        Step::Days(_) => day,
        Step::Months(_) => (words.short_month)(at.year(), at.month()),
        Step::Years(_) => at.format("%Y").to_string(),
    }
}

/// The moments of a step's ticks from `start` (rounded down to the step) to before `end`.
fn tick_moments(step: Step, start: i64, end: i64) -> Vec<i64> {
    let first = at_minute(start);
    let months = |idx: i32| {
        NaiveDate::from_ymd_opt(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1, 1)
            .map(|d| minute(d.and_time(NaiveTime::MIN)))
    };
    let mut moments = Vec::new();
    match step {
        Step::Hours(n) | Step::Days(n) => {
            let unit = if matches!(step, Step::Hours(_)) {
                HOUR
            } else {
                DAY
            } * n;
            let mut t = start.div_euclid(unit) * unit;
            while t < end {
                moments.push(t);
                t += unit;
            }
        }
        Step::Months(n) | Step::Years(n) => {
            let n = if matches!(step, Step::Years(_)) {
                n * 12
            } else {
                n
            };
            let index = first.year() * 12 + first.month0() as i32;
            let mut idx = index.div_euclid(n) * n;
            while let Some(t) = months(idx).filter(|t| *t < end) {
                moments.push(t);
                idx += n;
            }
        }
    }
    moments
}

/// A step's length, near enough to count its ticks.
fn rough_minutes(step: Step) -> i64 {
    match step {
        Step::Hours(n) => n * HOUR,
        Step::Days(n) => n * DAY,
        Step::Months(n) => i64::from(n) * 28 * DAY,
        Step::Years(n) => i64::from(n) * 365 * DAY,
    }
}

/// A step's labelled ticks within the window, and whether they all keep apart.
fn ticks_of(scale: &Scale, step: Step, words: &Words) -> (Vec<Tick>, bool) {
    let mut ticks: Vec<Tick> = Vec::new();
    let mut apart = true;
    for t in tick_moments(step, scale.start, scale.end) {
        let Some(x) = scale.column(t) else { continue };
        let tick = Tick {
            x,
            label: label(step, at_minute(t), words, ticks.is_empty()),
        };
        if usize::from(x) + tick.width() > usize::from(scale.width) {
            continue;
        }
        if let Some(last) = ticks.last()
            && usize::from(x) < usize::from(last.x) + last.width() + LABEL_GAP
        {
            apart = false;
            continue;
        }
        ticks.push(tick);
    }
    (ticks, apart)
}

/// The ticks to label: the finest step whose labels keep apart and of which at least two fit
/// (or the coarsest with one). Labels never overlap: a step's labels that would are dropped.
pub fn ticks(scale: &Scale, words: &Words) -> Vec<Tick> {
    let mut best = None;
    for step in STEPS {
        // A step with more ticks than columns cannot keep its labels apart: skip it unmade
        // (hours over a century would be a million ticks).
        if (scale.end - scale.start) / rough_minutes(step) > i64::from(scale.width) {
            continue;
        }
        let (ticks, apart) = ticks_of(scale, step, words);
        if apart && ticks.len() >= 2 {
            return ticks;
        }
        if apart && !ticks.is_empty() && best.is_none() {
            best = Some(ticks);
        }
    }
    best.unwrap_or_else(|| ticks_of(scale, STEPS[STEPS.len() - 1], words).0)
}

/// The columns a span of days covers (`first..=last`, the last day whole), cut to the window;
/// with which ends are cut. None when it is entirely off the window.
pub fn span_columns(
    scale: &Scale,
    first: NaiveDate,
    last: NaiveDate,
) -> Option<(u16, u16, bool, bool)> {
    let from = scale.x(minute(first.and_time(NaiveTime::MIN)));
    let to = scale.x(minute((last + Duration::days(1)).and_time(NaiveTime::MIN)) - 1);
    let right = i64::from(scale.width) - 1;
    if to < 0 || from > right {
        return None;
    }
    Some((
        from.clamp(0, right) as u16,
        to.clamp(0, right) as u16,
        from < 0,
        to > right,
    ))
}
