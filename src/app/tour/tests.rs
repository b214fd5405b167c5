use super::*;
use crate::app::testing::catalog;

#[test]
fn the_path_runs_overview_outcomes_with_initiatives_meetings_timeline_results() {
    let catalog = catalog();
    let steps = steps(&catalog);
    assert_eq!(steps[0], Step::at(Tab::Overview, 0));
    let outcomes: Vec<usize> = steps
        .iter()
        .filter(|s| s.tab == Tab::Outcomes)
        .map(|s| s.item)
        .collect();
    assert_eq!(outcomes, (0..8).collect::<Vec<_>>(), "all eight outcomes");
    // Each outcome is followed by exactly the initiatives it links to.
    for outcome in &catalog.data.outcomes {
        let item = outcomes::locate(&catalog, outcome.n).unwrap();
        let at = steps
            .iter()
            .position(|s| *s == Step::at(Tab::Outcomes, item))
            .unwrap();
        let linked: Vec<usize> = outcome
            .initiatives
            .iter()
            .map(|&n| initiatives::locate(&catalog, n).unwrap())
            .collect();
        let following: Vec<usize> = steps[at + 1..]
            .iter()
            .take_while(|s| s.tab == Tab::Initiatives)
            .map(|s| s.item)
            .collect();
        assert_eq!(following, linked, "outcome {}", outcome.n);
    }
    let initiatives = steps.iter().filter(|s| s.tab == Tab::Initiatives).count();
    assert_eq!(
        initiatives, 9,
        "outcomes 5, 6 and 7 link 2 + 6 + 1 initiatives"
    );
    let meetings: Vec<&Step> = steps.iter().filter(|s| s.tab == Tab::Meetings).collect();
    assert_eq!(meetings.len(), 4, "the four meetings in Tianjin");
    for step in &meetings {
        assert!(step.map, "the meetings are shown on the map");
        assert_eq!(
            catalog.data.meetings[step.item].city.as_deref(),
            Some("天津")
        );
    }
    let timeline = steps.iter().find(|s| s.tab == Tab::Timeline).unwrap();
    let event = &catalog.data.timeline[catalog.timeline[timeline.item]];
    assert_eq!(
        event.date.first_day().to_string(),
        "2025-08-31",
        "the timeline opens at the summit"
    );
    assert_eq!(timeline.then, TIMELINE_AXIS);
    assert_eq!(steps.last(), Some(&Step::at(Tab::Results, 0)));
    assert_eq!(steps.len(), 1 + 8 + 9 + 4 + 1 + 1);
}

#[test]
fn next_goes_round() {
    let catalog = catalog();
    let mut tour = Tour::new(&catalog, DEFAULT_INTERVAL);
    let count = tour.steps().len();
    assert_eq!(tour.position(), (1, count));
    for _ in 0..count - 1 {
        tour.next_step();
    }
    assert_eq!(tour.current().map(|s| s.tab), Some(Tab::Results));
    assert_eq!(tour.next_step().map(|s| s.tab), Some(Tab::Overview));
    assert_eq!(tour.position(), (1, count));
}

#[test]
fn ticks_before_the_interval_do_nothing_and_one_after_moves_exactly_one_step() {
    let catalog = catalog();
    let mut tour = Tour::new(&catalog, Duration::from_secs(8));
    let start = Instant::now();
    // The first tick shows the first step at once.
    assert_eq!(tour.tick(start).map(|s| s.tab), Some(Tab::Overview));
    assert_eq!(tour.due_at(), Some(start + Duration::from_secs(8)));
    for ms in [1, 200, 4_000, 7_999] {
        assert_eq!(
            tour.tick(start + Duration::from_millis(ms)),
            None,
            "{ms} ms"
        );
        assert_eq!(tour.position().0, 1);
    }
    let late = start + Duration::from_secs(60);
    // However late the tick, one step.
    assert_eq!(tour.tick(late).map(|s| s.tab), Some(Tab::Outcomes));
    assert_eq!(tour.position().0, 2);
    assert_eq!(tour.tick(late + Duration::from_millis(1)), None);
    assert_eq!(tour.due_at(), Some(late + Duration::from_secs(8)));
}

#[test]
fn a_paused_tour_stands_still_and_resumes_where_it_was() {
    let catalog = catalog();
    let mut tour = Tour::new(&catalog, DEFAULT_INTERVAL);
    let start = Instant::now();
    tour.tick(start);
    tour.tick(start + DEFAULT_INTERVAL);
    tour.pause();
    assert_eq!(tour.due_at(), None);
    assert_eq!(tour.tick(start + DEFAULT_INTERVAL * 10), None);
    assert_eq!(tour.position().0, 2);
    tour.resume();
    let later = start + DEFAULT_INTERVAL * 11;
    // Resumed: the step it paused at comes back at once, then the clock runs again.
    assert_eq!(tour.tick(later).map(|s| s.tab), Some(Tab::Outcomes));
    assert_eq!(tour.position().0, 2);
    assert_eq!(tour.tick(later + Duration::from_secs(1)), None);
}

#[test]
fn a_paused_tour_runs_again_after_its_idle_time_without_keys() {
    let catalog = catalog();
    let mut tour = Tour::new(&catalog, DEFAULT_INTERVAL);
    let start = Instant::now();
    tour.tick(start);
    tour.tick(start + DEFAULT_INTERVAL);
    tour.pause();
    // The first tick after the key starts the idle clock; the tour waits its whole time.
    let paused = start + DEFAULT_INTERVAL + Duration::from_secs(1);
    assert_eq!(tour.tick(paused), None);
    assert_eq!(tour.due_at(), Some(paused + DEFAULT_RESUME));
    assert_eq!(tour.tick(paused + DEFAULT_RESUME / 2), None);
    // A key while paused: the clock starts again from the next tick.
    tour.touched();
    let touched = paused + DEFAULT_RESUME / 2;
    assert_eq!(tour.tick(touched), None);
    assert_eq!(
        tour.tick(paused + DEFAULT_RESUME),
        None,
        "a key reset the clock"
    );
    assert!(tour.is_paused());
    // Left alone long enough, it runs again from the step it paused at.
    let resumed = touched + DEFAULT_RESUME;
    assert_eq!(tour.tick(resumed).map(|s| s.tab), Some(Tab::Outcomes));
    assert!(!tour.is_paused());
    assert_eq!(tour.position().0, 2);
    assert_eq!(tour.due_at(), Some(resumed + DEFAULT_INTERVAL));
}

#[test]
fn a_tour_told_never_to_resume_waits_for_its_key() {
    let catalog = catalog();
    let mut tour = Tour::new(&catalog, DEFAULT_INTERVAL).resuming_after(None);
    let start = Instant::now();
    tour.tick(start);
    tour.pause();
    assert_eq!(tour.tick(start), None);
    assert_eq!(tour.due_at(), None);
    assert_eq!(tour.tick(start + DEFAULT_RESUME * 100), None);
    assert!(tour.is_paused());
}

#[test]
fn the_interval_has_a_floor() {
    let catalog = catalog();
    let tour = Tour::new(&catalog, Duration::from_millis(10));
    assert_eq!(tour.interval(), MIN_INTERVAL);
}
