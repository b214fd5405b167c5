//! One search keystroke: the query as typed so far, matched against every record. The app
//! runs this on each key in the search line and in search-everything.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use sco_dash::app::Catalog;
use sco_dash::data::embedded;
use sco_dash::text::search::Query;

const QUERIES: [&str; 5] = ["鲁班工坊", "tianjin", "tjfh", "lbgf", "5000"];

fn keystroke(c: &mut Criterion) {
    let data = embedded().expect("the embedded data loads");
    let catalog = Catalog::new(Arc::new(data));
    let embedded = catalog.search().clone();
    let hundredfold = embedded.repeated(100);
    for (name, index) in [("embedded", &embedded), ("100x", &hundredfold)] {
        let mut group = c.benchmark_group(format!("search/{name} ({} records)", index.len()));
        if name == "100x" {
            group.sample_size(20);
        }
        for query in QUERIES {
            group.bench_function(query, |b| {
                b.iter(|| {
                    let query = Query::new(black_box(query)).expect("a query");
                    // What search-everything does on each key: rank all, show the best 200.
                    black_box(index.search_top(&query, None, 200))
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
