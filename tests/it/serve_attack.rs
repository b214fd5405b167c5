//! `sco-dash serve` attacked the way an anonymous viewer at a conference could: the server
//! runs as its own process, so its CPU time is read from outside (`/proc/PID/stat`), and the
//! attack and a calm viewer share it.
#![cfg(all(feature = "ssh", target_os = "linux"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::support::serve_process;
use crate::support::ssh_client;

use std::time::{Duration, Instant};

use serve_process::{Served, scratch};
use ssh_client::{Viewer, connect_from, read_all};

/// User plus system CPU seconds the process has used.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

/// Types `bytes` of `a` into the search line as fast as the link takes them, in 1 KiB
/// packets, as keys (not a bracketed paste).
async fn type_into_search(attacker: &Viewer, bytes: usize) {
    attacker.send(b"\x06").await;
    for _ in 0..bytes / 1024 {
        attacker.send(&[b'a'; 1024]).await;
    }
}

/// Switches tabs and times each key to the frame that shows it.
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_viewer_typing_64_kib_into_search_costs_little_and_slows_no_one() {
    let dir = scratch("attack");
    let mut served = Served::start(&dir.join("key"), &[]).expect("serves");
    let pid = served.child.id();
    let mut calm = Viewer::open(served.addr, 120, 40).await;
    assert!(calm.wait_for("八大成果").await);
    let mut attacker = Viewer::open(served.addr, 120, 40).await;
    assert!(attacker.wait_for("八大成果").await);

    let before = cpu_seconds(pid);
    let attack = async {
        type_into_search(&attacker, 64 * 1024).await;
        // What the server does with it, it does now: let it.
        tokio::time::sleep(Duration::from_secs(2)).await;
    };
    let (_, times) = tokio::join!(attack, key_to_frame_times(&mut calm, 20));
    let cost = cpu_seconds(pid) - before;
    let slowest = times.iter().max().unwrap();
    eprintln!(
        "server CPU for 64 KiB typed into search: {cost:.2} s; calm viewer's slowest key: {slowest:?}"
    );
    assert!(cost < 1.0, "the attack cost the server {cost:.2} s of CPU");
    assert!(
        *slowest < Duration::from_millis(100),
        "another viewer's key took {slowest:?} to its frame: {times:?}"
    );
    // The search line holds what a query can be, and the attacker's session still works.
    attacker.drain(Duration::from_millis(200)).await;
    attacker.send(b"\x1b").await;
    // A lone Esc is told from a sequence by a pause.
    attacker.drain(Duration::from_millis(100)).await;
    attacker.send(b"2").await;
    assert!(attacker.wait_for("八大成果 ━").await, "{}", attacker.text());

    // SIGTERM in the middle of another attack: out within 5 s, with status 0.
    let again = type_into_search(&attacker, 16 * 1024);
    let stop = async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let asked = Instant::now();
        served.signal("TERM");
        (served.wait(), asked.elapsed())
    };
    let (_, (status, took)) = tokio::join!(again, stop);
    assert_eq!(status, Some(0));
    assert!(took < Duration::from_secs(5), "SIGTERM took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_sockets_from_many_addresses_cannot_keep_viewers_out() {
    let dir = scratch("idle-slots");
    let served = Served::start(
        &dir.join("key"),
        &[
            "--max-startups",
            "4:30:8",
            "--max-pending-per-ip",
            "2",
            "--login-grace",
            "1s",
        ],
    )
    .expect("serves");
    let mut watching = Viewer::open(served.addr, 80, 24).await;
    assert!(watching.wait_for("八大成果").await);
    // Eight sockets that never say anything, from four addresses: the pre-login pool is full.
    let mut idle = Vec::new();
    for last in 2..6 {
        for _ in 0..2 {
            idle.push(connect_from(served.addr, [127, 0, 0, last]).await);
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A new login is refused while the pool is full, in words an SSH client shows...
    let said = read_all(connect_from(served.addr, [127, 0, 0, 9]).await).await;
    assert!(said.contains("too many people are logging in"), "{said:?}");
    // ... but a viewer who already watches keeps watching: pending logins never take a
    // viewer's place.
    watching.send(b"2").await;
    assert!(watching.wait_for("八大成果 ━").await);
    // At the login time (one timer from accept) the idle sockets are cut, and their
    // addresses penalised: reconnecting gets them nothing.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let said = read_all(connect_from(served.addr, [127, 0, 0, 2]).await).await;
    assert!(said.contains("too many failed logins"), "{said:?}");
    let mut viewer = Viewer::open(served.addr, 80, 24).await;
    assert!(viewer.wait_for("八大成果").await, "people get in again");
    drop(idle);
    let log = served.log_text();
    for word in ["refused-busy", "login-grace", "refused-penalty"] {
        assert!(log.contains(word), "{word} in {log}");
    }
}
