//! Writes a data folder many times the size of the embedded one (every timeline event and
//! meeting repeated; all links intact), for measuring sco-dash at scale:
//!
//! ```sh
//! cargo run --release --example scale_data -- /tmp/sco-100x 100
//! sco-dash validate --data /tmp/sco-100x
//! ```
#![allow(clippy::expect_used)]

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: scale_data DIR [TIMES]"));
    let times: usize = args
        .next()
        .map_or(100, |n| n.parse().expect("TIMES is a whole number"));
    let texts = sco_dash::data::scale::scaled_texts(times).expect("the embedded data parses");
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    for text in texts {
        std::fs::write(dir.join(text.file.name), text.text.as_bytes()).expect("written");
    }
    eprintln!("wrote {}× data to {}", times, dir.display());
}
