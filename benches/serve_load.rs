//! Load on `sco-dash serve`: 50 viewers at 120×40 connect at once over loopback to the real
//! binary, each waits for their first frame, presses a few keys, and leaves. Prints the time
//! to first frame and the server's memory (VmRSS) idle, with everyone in, and after all have
//! gone; BENCHMARKS.md keeps the figures. `cargo bench --bench serve_load`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/serve_process.rs"]
mod serve_process;
#[path = "../tests/support/ssh_client.rs"]
mod ssh_client;

use std::time::{Duration, Instant};

use serve_process::{Served, scratch};
use ssh_client::Viewer;

const VIEWERS: usize = 50;

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn main() {
    let dir = scratch("load");
    let served = Served::start(
        &dir.join("host_key"),
        // The clients all connect from 127.0.0.1 at once: as a venue NAT would, so that
        // address is exempt from the per-source rate, and the pending pool is large enough.
        &[
            "--max-sessions",
            "100",
            "--max-startups",
            "100:30:200",
            "--max-pending-per-ip",
            "100",
            "--penalty-exempt",
            "127.0.0.1",
        ],
    )
    .expect("serves");
    let pid = served.child.id();
    let addr = served.addr;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let idle = rss_kib(pid);

    let (mut firsts, viewers) = runtime.block_on(async {
        let tasks: Vec<_> = (0..VIEWERS)
            .map(|_| {
                tokio::spawn(async move {
                    let started = Instant::now();
                    let mut viewer = Viewer::open(addr, 120, 40).await;
                    assert!(viewer.wait_for("八大成果").await);
                    let first = started.elapsed();
                    for key in [b"2", b"j", b"6", b"j"] {
                        viewer.send(key).await;
                    }
                    assert!(viewer.wait_for("成果清单 Results").await);
                    (first, viewer)
                })
            })
            .collect();
        let mut firsts = Vec::new();
        let mut viewers = Vec::new();
        for task in tasks {
            let (first, viewer) = task.await.unwrap();
            firsts.push(first);
            viewers.push(viewer);
        }
        (firsts, viewers)
    });
    let busy = rss_kib(pid);
    drop(viewers);
    std::thread::sleep(Duration::from_secs(2));
    let after = rss_kib(pid);

    firsts.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pick = |q: f64| firsts[((firsts.len() - 1) as f64 * q) as usize];
    println!("serve_load: {VIEWERS} viewers at 120x40 on loopback");
    println!(
        "  time to first frame: median {:.0} ms, p90 {:.0} ms, max {:.0} ms",
        ms(pick(0.5)),
        ms(pick(0.9)),
        ms(pick(1.0))
    );
    println!(
        "  server VmRSS: idle {} KiB, {VIEWERS} in {} KiB ({:.0} KiB a viewer), after all left {} KiB",
        idle,
        busy,
        (busy.saturating_sub(idle)) as f64 / VIEWERS as f64,
        after
    );
}
