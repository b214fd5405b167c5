use chrono::{NaiveDate, NaiveTime};

use super::lanes::{Placed, lay_out};
use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> i64 {
    minute(day(y, m, d).and_hms_opt(h, 0, 0).unwrap())
}

/// The data's extent and the summit's length, as the timeline has them.
fn scale(zoom: Zoom, centre: i64, width: u16) -> Scale {
    Scale::new(
        zoom,
        2,
        centre,
        (at(1954, 1, 1, 0), at(2035, 1, 1, 0)),
        width,
    )
}

fn apart(ticks: &[Tick], width: u16) -> bool {
    ticks
        .windows(2)
        .all(|p| usize::from(p[1].x) >= usize::from(p[0].x) + p[0].width() + LABEL_GAP)
        && ticks
            .iter()
            .all(|t| usize::from(t.x) + t.width() <= usize::from(width))
}

const ZH: &crate::app::words::Words = &crate::app::words::ZH;
const EN: &crate::app::words::Words = &crate::app::words::EN;

#[test]
fn tick_labels_never_overlap_at_any_zoom_or_width() {
    let centres = [
        at(1954, 1, 1, 0),
        at(2001, 6, 15, 0),
        at(2025, 9, 1, 10),
        at(2035, 1, 1, 0),
    ];
    for words in [ZH, EN] {
        for zoom in Zoom::ALL {
            for width in 1..=240 {
                for centre in centres {
                    let s = scale(zoom, centre, width);
                    let ticks = ticks(&s, words);
                    assert!(apart(&ticks, width), "{zoom:?} {width}: {ticks:?}");
                    if width >= 30 {
                        assert!(ticks.len() >= 2, "{zoom:?} {width}: {ticks:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn ticks_adapt_to_the_zoom() {
    let centre = at(2025, 9, 1, 10);
    let labels = |zoom| -> Vec<String> {
        ticks(&scale(zoom, centre, 100), ZH)
            .into_iter()
            .map(|t| t.label)
            .collect()
    };
    // Decades: years ten or more apart.
    let decades = labels(Zoom::Decades);
    assert!(
        decades.iter().all(|l| l.len() == 4 && l.ends_with('0')),
        "{decades:?}"
    );
    // Years: every year or two.
    let years = labels(Zoom::Years);
    assert!(years.iter().all(|l| l.len() == 4), "{years:?}");
    assert!(years.len() >= 6, "{years:?}");
    // Months: year and month, as the list dates them.
    let months = labels(Zoom::Months);
    assert!(
        months
            .iter()
            .all(|l| l.starts_with("20") && l.contains('年') && l.ends_with('月')),
        "{months:?}"
    );
    // Hours: clock times, and the day at midnight, as the list dates it.
    let hours = labels(Zoom::Hours);
    assert!(hours.iter().any(|l| l.contains(':')), "{hours:?}");
    assert!(hours.iter().any(|l| l == "9月1日"), "{hours:?}");
    let english: Vec<String> = ticks(&scale(Zoom::Months, centre, 100), EN)
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert!(english.iter().any(|l| l == "Jul 2025"), "{english:?}");
}

#[test]
fn the_first_hour_tick_says_which_day_it_is_of() {
    // A window that opens at 09:00: its first tick is not a midnight, so it carries the day.
    for (words, day) in [(ZH, "8月31日"), (EN, "31 Aug")] {
        let s = Scale {
            start: at(2025, 8, 31, 9),
            end: at(2025, 9, 1, 9),
            width: 80,
        };
        let ticks = ticks(&s, words);
        assert!(ticks[0].label.starts_with(day), "{ticks:?}");
        assert!(ticks[0].label.contains(':'), "{ticks:?}");
        assert!(
            ticks[1..].iter().all(|t| !t.label.starts_with(day)),
            "{ticks:?}"
        );
    }
}

#[test]
fn wider_windows_get_finer_ticks() {
    let centre = at(2025, 9, 1, 10);
    let narrow = ticks(&scale(Zoom::Years, centre, 40), ZH);
    let wide = ticks(&scale(Zoom::Years, centre, 200), ZH);
    assert!(wide.len() > narrow.len(), "{narrow:?} {wide:?}");
}

#[test]
fn partial_dates_sit_at_their_period_start_and_are_hollow() {
    let (year, known) = place(PartialDate::Year(2013), None, None);
    assert_eq!((year, known), (at(2013, 1, 1, 0), Known::Period));
    let (month, known) = place(PartialDate::Month(2024, 7), None, None);
    assert_eq!((month, known), (at(2024, 7, 1, 0), Known::Period));
    assert!(hollow(known, Zoom::Decades));
    let (d, known) = place(PartialDate::Day(day(2025, 9, 1)), None, None);
    assert_eq!((d, known), (at(2025, 9, 1, 0), Known::Day));
    assert!(!hollow(known, Zoom::Months));
    assert!(hollow(known, Zoom::Hours));
    let time = NaiveTime::from_hms_opt(10, 20, 0);
    let (t, known) = place(PartialDate::Day(day(2025, 9, 1)), time, None);
    assert_eq!((t, known), (at(2025, 9, 1, 10) + 20, Known::Time));
    assert!(!hollow(known, Zoom::Hours));
    let (noon, _) = place(
        PartialDate::Day(day(2025, 9, 1)),
        None,
        Some(TimeOfDay::Noon),
    );
    assert_eq!(noon, at(2025, 9, 1, 12));
}

#[test]
fn the_window_is_centred_on_the_selection_within_the_data() {
    let centre = at(2025, 9, 1, 12);
    let s = scale(Zoom::Hours, centre, 80);
    assert_eq!(s.column(centre), Some(40));
    assert_eq!(s.end - s.start, 2 * DAY);
    // The whole data fits the decades: the window is centred on it, not on the selection.
    let s = scale(Zoom::Decades, centre, 80);
    assert!(s.column(at(1954, 1, 1, 0)).is_some() && s.column(at(2035, 1, 1, 0)).is_some());
    // At the data's edge the window stays within it.
    let s = scale(Zoom::Years, at(1954, 1, 1, 0), 80);
    assert_eq!(s.column(at(1954, 1, 1, 0)), Some(0));
}

#[test]
fn zoom_steps_stop_at_the_ends() {
    assert_eq!(Zoom::Decades.zoom_out(), Zoom::Decades);
    assert_eq!(Zoom::Hours.zoom_in(), Zoom::Hours);
    assert_eq!(Zoom::Years.zoom_in(), Zoom::Months);
    assert_eq!(Zoom::Years.zoom_out(), Zoom::Decades);
}

#[test]
fn spans_are_cut_to_the_window() {
    let s = scale(Zoom::Hours, at(2025, 9, 1, 0), 48);
    // The summit days, 08-31 and 09-01, fill the hours window exactly.
    assert_eq!(
        span_columns(&s, day(2025, 8, 31), day(2025, 9, 1)),
        Some((0, 47, false, false))
    );
    // The chairmanship runs off both ends.
    let (from, to, cut_left, cut_right) =
        span_columns(&s, day(2024, 7, 4), day(2025, 9, 2)).unwrap();
    assert_eq!((from, to, cut_left, cut_right), (0, 47, true, true));
    assert_eq!(span_columns(&s, day(2001, 1, 1), day(2001, 1, 2)), None);
}

fn placed(item: usize, start: i64) -> Placed {
    Placed {
        item,
        start,
        end: None,
        hollow: false,
    }
}

#[test]
fn marks_in_one_column_stack_and_the_selection_always_shows() {
    let s = scale(Zoom::Decades, at(2025, 1, 1, 0), 60);
    let events: Vec<Placed> = (0..5).map(|i| placed(i, at(2025, 9, 1, 0))).collect();
    let layout = lay_out(&events, &s, 3, Some(4));
    let lanes: Vec<usize> = layout.marks.iter().map(|m| m.lane).collect();
    assert!(
        lanes.contains(&0) && lanes.contains(&1) && lanes.contains(&2),
        "{layout:?}"
    );
    assert_eq!(layout.marks.len(), 3);
    let selected = layout
        .marks
        .iter()
        .find(|m| m.item == 4)
        .expect("selected shown");
    assert_eq!(selected.lane, 2);
    assert_eq!(layout.overflow, vec![selected.x]);
    // Five events, three marks: two are counted as left out, whichever gave way.
    assert_eq!(layout.unmarked, 2);
    assert_eq!(lay_out(&events, &s, 3, None).unmarked, 2);
    // Apart events share the lowest lane.
    let events = [placed(0, at(1960, 1, 1, 0)), placed(1, at(2020, 1, 1, 0))];
    let layout = lay_out(&events, &s, 3, None);
    assert!(layout.marks.iter().all(|m| m.lane == 0) && layout.overflow.is_empty());
}

#[test]
fn events_off_the_window_are_counted() {
    let s = scale(Zoom::Hours, at(2025, 9, 1, 0), 60);
    let events = [
        placed(0, at(2001, 6, 15, 0)),
        placed(1, at(2025, 9, 1, 3)),
        placed(2, at(2030, 1, 1, 0)),
    ];
    let layout = lay_out(&events, &s, 3, None);
    assert_eq!((layout.before, layout.after, layout.marks.len()), (1, 1, 1));
}
