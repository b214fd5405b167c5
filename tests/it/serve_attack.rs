//! `sco-dash serve` attacked the way an anonymous viewer at a conference could, with the
//! server as its own process. What is checked is what people notice: the others still get
//! their frames, the attacker's session still works, the server still stops cleanly. What
//! the attack costs (server CPU, the other viewer's key-to-frame time) depends on the
//! machine: `cargo bench --bench serve_load` measures it (its `attack` step).
#![cfg(all(feature = "ssh", target_os = "linux"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::support::serve_process;
use crate::support::ssh_client;

use std::time::Duration;

use serve_process::{Served, scratch};
use ssh_client::{Viewer, connect_from, read_all};

/// Types `bytes` of `a` into the search line as fast as the link takes them, in 1 KiB
/// packets, as keys (not a bracketed paste).
async fn type_into_search(attacker: &Viewer, bytes: usize) {
    attacker.send(b"\x06").await;
    for _ in 0..bytes / 1024 {
        attacker.send(&[b'a'; 1024]).await;
    }
}

/// Switches tabs `presses` times, each press seen drawn before the next.
async fn switch_tabs(calm: &mut Viewer, presses: usize) {
    for n in 0..presses {
        let (key, shows) = if n % 2 == 0 {
            (b"3", "合作倡议 ━")
        } else {
            (b"4", "时间线 ━")
        };
        calm.send(key).await;
        assert!(calm.wait_for(shows).await, "press {n}: {}", calm.text());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_viewer_typing_64_kib_into_search_leaves_the_others_their_frames() {
    let dir = scratch("attack");
    let mut served = Served::start(&dir.join("key"), &[]).expect("serves");
    let mut calm = Viewer::open(served.addr, 120, 40).await;
    assert!(calm.wait_for("八大成果").await);
    let mut attacker = Viewer::open(served.addr, 120, 40).await;
    assert!(attacker.wait_for("八大成果").await);

    // During the attack every key of the calm viewer's is drawn, and after it too.
    let attack = type_into_search(&attacker, 64 * 1024);
    tokio::join!(attack, switch_tabs(&mut calm, 20));
    switch_tabs(&mut calm, 2).await;

    // The attacker's session still works: keys past its input rate are dropped, so Esc is
    // pressed until the search goes (each press given a moment to show), then 2.
    let searching = |v: &Viewer| v.text().contains("搜索全部 ▸ aaaa");
    assert!(attacker.wait_until(searching).await, "{}", attacker.text());
    let every = Duration::from_millis(500);
    assert!(
        attacker
            .press_until(b"\x1b", every, |v| !searching(v))
            .await,
        "Esc closes the search: {}",
        attacker.text()
    );
    assert!(
        attacker
            .press_until(b"2", every, |v| v.text().contains("八大成果 ━"))
            .await,
        "{}",
        attacker.text()
    );

    // SIGTERM while another attack arrives: the server exits, with status 0.
    type_into_search(&attacker, 16 * 1024).await;
    served.signal("TERM");
    assert_eq!(served.wait(), Some(0));
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
    // A new login while the pool is full waits its turn rather than be refused, and gets in
    // once the idle sockets give way (the login time cuts them, or the oldest silent one is
    // closed for it)...
    let mut newcomer = Viewer::open_from(served.addr, [127, 0, 0, 9]).await;
    assert!(newcomer.wait_for("八大成果").await, "{}", newcomer.text());
    // ... but a viewer who already watches keeps watching: pending logins never take a
    // viewer's place.
    watching.send(b"2").await;
    assert!(watching.wait_for("八大成果 ━").await);
    // At the login time (one timer from accept) the idle sockets are cut, and their
    // addresses penalised: reconnecting gets them nothing. Each socket is read to its end,
    // then the log waited for: a connection's line is written once its penalty is in place.
    let mut cut = 0;
    for socket in idle {
        if !read_all(socket).await.contains("too many") {
            cut += 1;
        }
    }
    let graced =
        |log: &str| log.matches("end=login-grace").count() + log.matches("end=stale-login").count();
    let deadline = tokio::time::Instant::now() + ssh_client::WAIT;
    while graced(&served.log_text()) < cut && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(graced(&served.log_text()), cut, "{}", served.log_text());
    let said = read_all(connect_from(served.addr, [127, 0, 0, 2]).await).await;
    assert!(said.contains("too many failed logins"), "{said:?}");
    let mut viewer = Viewer::open(served.addr, 80, 24).await;
    assert!(viewer.wait_for("八大成果").await, "people get in again");
    let log = served.log_text();
    for word in ["login-grace", "refused-penalty"] {
        assert!(log.contains(word), "{word} in {log}");
    }
}
