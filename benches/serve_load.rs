//! Load on `sco-dash serve`, in steps of 50, 200 and 500 viewers at 120×40 connecting at once
//! over loopback to the real binary (a fresh server for each step, run with DEPLOY.md's
//! command unchanged), and how many of them got in. Each waits for its first
//! frame, goes to the results list, then all press `j` together. Prints, per step: time to
//! first frame (p50, p95, max), bytes each viewer received for the one key, the server's
//! memory (VmRSS) idle, with everyone in and per viewer, and the server's CPU time for the
//! step. Then the `attack` step: one viewer types 64 KiB into the search line as fast as the
//! link takes it while another switches tabs; it prints the server's CPU time for the attack
//! and the other viewer's key-to-frame times (the test `serve_attack` only checks that the
//! frames come). BENCHMARKS.md keeps the figures. `cargo bench --bench serve_load`
//! (`SCO_LOAD_STEPS=50,200` or `SCO_LOAD_STEPS=attack` for other steps).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/it/support/serve_process.rs"]
mod serve_process;
#[path = "../tests/it/support/ssh_client.rs"]
mod ssh_client;

use std::time::{Duration, Instant};

use serve_process::{Served, scratch};
use ssh_client::Viewer;

fn proc_field(pid: u32, file: &str, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/{file}")).unwrap();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn rss_kib(pid: u32) -> u64 {
    proc_field(pid, "status", "VmRSS:")
}

/// User plus system CPU seconds the process has used.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    (fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap()) / 100.0
}

/// The command docs/DEPLOY.md gives for one 2-core instance, unchanged: every step runs it,
/// with all clients on 127.0.0.1 as a room behind one NAT address would be.
const DEPLOYED: &[&str] = &["--max-sessions", "500", "--max-cells", "2500000"];

fn step(viewers: usize) {
    let dir = scratch("load");
    let served = Served::start(&dir.join("host_key"), DEPLOYED).expect("serves");
    let pid = served.child.id();
    let addr = served.addr;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let idle = rss_kib(pid);
    let cpu_before = cpu_seconds(pid);

    let (firsts, key_bytes, failed) = runtime.block_on(async {
        let (firsts, everyone, failed) = arrive(addr, viewers).await;
        let key_bytes = bytes_for_one_key(everyone, pid).await;
        (firsts, key_bytes, failed)
    });
    report(Measured {
        viewers,
        firsts,
        key_bytes,
        failed,
        idle,
        busy: RSS_WITH.load(std::sync::atomic::Ordering::Relaxed),
        cpu: cpu_seconds(pid) - cpu_before,
    });
}

/// `viewers` viewers connecting at once, each waiting for its first frame and going to the
/// results list: the times to the first frame of those who got one, everyone connected, and
/// how many got no frame or no connection.
async fn arrive(addr: std::net::SocketAddr, viewers: usize) -> (Vec<Duration>, Vec<Viewer>, usize) {
    let tasks: Vec<_> = (0..viewers)
        .map(|_| {
            tokio::spawn(async move {
                let started = Instant::now();
                let mut viewer = Viewer::try_open(addr, 120, 40).await?;
                let mut shown = false;
                // 60 s in all, in waits of `WAIT`.
                for _ in 0..60 / ssh_client::WAIT.as_secs() {
                    shown = viewer.wait_for("八大成果").await;
                    if shown {
                        break;
                    }
                }
                let first = started.elapsed();
                viewer.send(b"6").await;
                // The status bar's position, on the frame's last row: the whole frame is in.
                let _ = viewer.wait_for("成果清单 1/").await;
                Some((shown.then_some(first), viewer))
            })
        })
        .collect();
    let mut firsts = Vec::new();
    let mut everyone = Vec::new();
    let mut failed = 0;
    for task in tasks {
        match task.await.unwrap() {
            Some((Some(first), viewer)) => {
                firsts.push(first);
                everyone.push(viewer);
            }
            Some((None, viewer)) => {
                failed += 1;
                everyone.push(viewer);
            }
            None => failed += 1,
        }
    }
    (firsts, everyone, failed)
}

/// Everyone presses j at once; what each receives for it. The server's memory with everyone
/// in is taken before they leave.
async fn bytes_for_one_key(everyone: Vec<Viewer>, pid: u32) -> Vec<usize> {
    let before: Vec<usize> = everyone.iter().map(|v| v.received.len()).collect();
    for viewer in &everyone {
        viewer.send(b"j").await;
    }
    let drained = everyone.into_iter().map(|mut viewer| {
        tokio::spawn(async move {
            viewer.drain(Duration::from_millis(1500)).await;
            viewer
        })
    });
    let mut key_bytes = Vec::new();
    let mut kept = Vec::new();
    for (task, before) in drained.collect::<Vec<_>>().into_iter().zip(before) {
        let viewer = task.await.unwrap();
        key_bytes.push(viewer.received.len() - before);
        kept.push(viewer);
    }
    RSS_WITH.store(rss_kib(pid), std::sync::atomic::Ordering::Relaxed);
    drop(kept);
    key_bytes
}

/// What one step measured.
struct Measured {
    viewers: usize,
    firsts: Vec<Duration>,
    key_bytes: Vec<usize>,
    failed: usize,
    /// The server's VmRSS idle and with everyone in, in KiB.
    idle: u64,
    busy: u64,
    /// The server's CPU seconds for the step.
    cpu: f64,
}

/// Prints one step's figures, as BENCHMARKS.md keeps them.
fn report(m: Measured) {
    let Measured {
        viewers,
        mut firsts,
        mut key_bytes,
        failed,
        idle,
        busy,
        cpu,
    } = m;
    firsts.sort();
    key_bytes.sort_unstable();
    if firsts.is_empty() || key_bytes.is_empty() {
        println!("serve_load: {viewers} viewers: none got in");
        return;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pick = |q: f64| firsts[((firsts.len() - 1) as f64 * q) as usize];
    println!(
        "serve_load: {viewers} viewers at 120x40 on loopback, arriving at once, with DEPLOY.md's command ({})",
        DEPLOYED.join(" ")
    );
    println!(
        "  got in (first frame within 60 s): {} of {viewers} ({:.0} %)",
        firsts.len(),
        100.0 * firsts.len() as f64 / viewers as f64
    );
    println!(
        "  time to first frame: p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms ({failed} got none within 60 s)",
        ms(pick(0.5)),
        ms(pick(0.95)),
        ms(pick(1.0))
    );
    println!(
        "  bytes a viewer received for one j: median {}",
        key_bytes[key_bytes.len() / 2]
    );
    println!(
        "  server VmRSS: idle {} KiB, {viewers} in {} KiB ({:.0} KiB a viewer)",
        idle,
        busy,
        (busy.saturating_sub(idle)) as f64 / viewers as f64,
    );
    println!("  server CPU for the step: {cpu:.1} s");
}

static RSS_WITH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Switches tabs `presses` times; how long each key took to the frame that shows it.
async fn key_to_frame_times(calm: &mut Viewer, presses: usize) -> Vec<Duration> {
    let mut times = Vec::new();
    for n in 0..presses {
        let (key, shows) = if n % 2 == 0 {
            (b"3", "合作倡议 ━")
        } else {
            (b"4", "时间线 ━")
        };
        let sent = Instant::now();
        calm.send(key).await;
        assert!(calm.wait_for(shows).await, "{}", calm.text());
        times.push(sent.elapsed());
    }
    times
}

/// One viewer types 64 KiB of `a` into the search line, in 1 KiB packets as fast as the link
/// takes them, while another switches tabs 20 times: the server's CPU time for the attack
/// and the other viewer's key-to-frame times.
fn attack() {
    let dir = scratch("attack");
    let served = Served::start(&dir.join("host_key"), &[]).expect("serves");
    let pid = served.child.id();
    let addr = served.addr;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (cost, mut times) = runtime.block_on(async {
        let mut calm = Viewer::open(addr, 120, 40).await;
        assert!(calm.wait_for("八大成果").await);
        let attacker = Viewer::open(addr, 120, 40).await;
        let before = cpu_seconds(pid);
        let attack = async {
            attacker.send(b"\x06").await;
            for _ in 0..64 {
                attacker.send(&[b'a'; 1024]).await;
            }
            // What the server does with it, it does now: give it the time, so that the CPU
            // figure holds all of it.
            tokio::time::sleep(Duration::from_secs(2)).await;
        };
        let (_, times) = tokio::join!(attack, key_to_frame_times(&mut calm, 20));
        (cpu_seconds(pid) - before, times)
    });
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("serve_load: one viewer types 64 KiB into search, another switches tabs (120x40)");
    println!("  server CPU for the attack: {cost:.2} s");
    println!(
        "  the other viewer's key to frame: median {:.1} ms, slowest {:.1} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

fn main() {
    let steps = std::env::var("SCO_LOAD_STEPS").unwrap_or_else(|_| "50,200,500,attack".to_string());
    for step_name in steps.split(',').map(str::trim) {
        if step_name == "attack" {
            attack();
        } else if let Ok(viewers) = step_name.parse() {
            step(viewers);
        }
    }
}
