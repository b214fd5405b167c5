//! What one frame and one key cost, on the embedded data and on a data set 100 times larger
//! (`data::scale`): loading and validating, drawing every pane at three sizes, one key
//! (update, draw, diff against the previous frame), and wrapping a long Chinese text.
//! `cargo bench --bench frame`; the figures are in BENCHMARKS.md.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use sco_dash::app::input::{Input, Key, KeyCode};
use sco_dash::app::{Action, App, Catalog, Tab};
use sco_dash::data::{load_texts, scale::scaled_texts};
use sco_dash::text::wrap;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::draw;

fn catalogs() -> [(&'static str, Arc<Catalog>); 2] {
    ["embedded", "100x"].map(|name| {
        let times = if name == "100x" { 100 } else { 1 };
        let texts = scaled_texts(times).expect("scales");
        let data = load_texts(&texts).expect("validates").data;
        (name, Arc::new(Catalog::new(Arc::new(data))))
    })
}

fn load_and_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("load+validate");
    group.sample_size(20);
    for (name, times) in [("embedded", 1), ("100x", 100)] {
        let texts = scaled_texts(times).expect("scales");
        group.bench_function(name, |b| {
            b.iter(|| black_box(load_texts(black_box(&texts)).expect("validates")))
        });
    }
    group.finish();
}

fn render_every_pane(c: &mut Criterion) {
    let theme = Theme::default();
    for (name, catalog) in catalogs() {
        let mut group = c.benchmark_group(format!("render/{name}"));
        group.sample_size(20);
        for (width, height) in [(80, 24), (120, 40), (250, 70)] {
            for tab in Tab::ALL {
                let mut app = App::new(Arc::clone(&catalog), width, height);
                app.update(Action::GoTo(tab));
                group.bench_function(format!("{tab:?} {width}x{height}"), |b| {
                    b.iter(|| black_box(draw(&app, &theme)))
                });
            }
        }
        group.finish();
    }
}

fn one_key(c: &mut Criterion) {
    let theme = Theme::default();
    for (name, catalog) in catalogs() {
        let mut group = c.benchmark_group(format!("key/{name}"));
        group.sample_size(30);
        for tab in [Tab::Timeline, Tab::Meetings] {
            let mut app = App::new(Arc::clone(&catalog), 120, 40);
            app.update(Action::GoTo(tab));
            let mut previous = draw(&app, &theme);
            let mut down = true;
            group.bench_function(format!("j/k on {tab:?} 120x40"), |b| {
                b.iter(|| {
                    let code = if down {
                        KeyCode::Char('j')
                    } else {
                        KeyCode::Char('k')
                    };
                    down = !down;
                    app.handle(Input::Key(Key::plain(code)));
                    let next = draw(&app, &theme);
                    black_box(previous.diff(&next).len());
                    previous = next;
                })
            });
        }
        group.finish();
    }
}

fn wrap_long_text(c: &mut Criterion) {
    let sentence = "上海合作组织天津峰会发表《天津宣言》，批准未来10年发展战略，成果清单共313项。";
    let text: String = sentence.repeat(10 * 1024 / sentence.len() + 1);
    let mut group = c.benchmark_group("wrap 10 KB of Chinese");
    for width in [40, 120] {
        group.bench_function(format!("width {width}"), |b| {
            b.iter(|| black_box(wrap(black_box(&text), width)))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    load_and_validate,
    render_every_pane,
    one_key,
    wrap_long_text
);
criterion_main!(benches);
