//! `sco-dash serve` end to end, with russh's own client on loopback: what a viewer sees, what
//! is refused, and the limits that make it safe to leave running.
#![cfg(feature = "ssh")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::support::ssh_client;

use std::time::Duration;

use russh::client::{Handle, Msg};
use russh::{Channel, ChannelMsg};
use sco_dash::ssh::server::{Limits, Server};
use ssh_client::*;
use tokio::io::AsyncReadExt;
use tokio::time::{sleep, timeout};

/// Each tab's key and what its pane shows when it is on screen.
const TABS: [(&[u8], &str); 6] = [
    (b"1", "天津峰会概览"),
    (b"2", "八大成果 ━"),
    (b"3", "合作倡议 ━"),
    (b"4", "时间线 ━"),
    (b"5", "元首会见 ━"),
    (b"6", "成果清单 ━"),
];

/// The text of one screen row.
fn row(viewer: &Viewer, y: u16) -> String {
    let (_, width) = viewer.screen.screen().size();
    viewer.screen.screen().contents_between(y, 0, y, width)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_viewer_browses_resizes_and_quits_to_a_clean_terminal() {
    let server = start(options()).await;
    let mut viewer = Viewer::open(server.addr, 100, 30).await;
    assert!(viewer.wait_for("八大成果").await, "{}", viewer.text());
    assert!(viewer.screen.screen().alternate_screen());

    viewer.send(b"5").await;
    assert!(viewer.wait_for("元首会见 ━").await, "{}", viewer.text());
    // An arrow key, as a terminal sends it, moves the selection.
    viewer.send(b"\x1b[B").await;
    assert!(viewer.wait_for("2/21").await, "{}", viewer.text());

    // Search, then a lone Esc (no sequence follows) closes it again.
    viewer.send("/塔吉克".as_bytes()).await;
    assert!(viewer.wait_for("Enter 保留").await, "{}", viewer.text());
    viewer.send(b"\x1b").await;
    assert!(
        viewer
            .wait_until(|v| !v.text().contains("Enter 保留"))
            .await
    );

    viewer.resize(72, 20).await;
    assert!(
        viewer
            .wait_until(|v| row(v, 18).trim_end().ends_with('┛') && row(v, 19).contains("元首会见"))
            .await,
        "{}",
        viewer.text()
    );

    viewer.send(b"q").await;
    assert!(viewer.wait_for_close().await);
    assert_eq!(viewer.exit_status, Some(0));
    assert!(viewer.restored(), "the terminal is left as it was found");
    assert!(viewer.text().contains("再见"), "{}", viewer.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_viewer_reads_in_the_language_of_their_locale() {
    let server = start(options()).await;
    let mut english = Viewer::open_with_env(
        server.addr,
        "viewer",
        None,
        &[("LANG", "en_US.UTF-8")],
        100,
        30,
    )
    .await;
    let mut chinese = Viewer::open_with_env(
        server.addr,
        "viewer",
        None,
        &[("LANG", "zh_CN.UTF-8")],
        100,
        30,
    )
    .await;
    let mut silent = Viewer::open(server.addr, 100, 30).await;
    assert!(english.wait_for("2 Outcomes").await, "{}", english.text());
    assert!(english.text().contains("Shanghai Cooperation Organisation"));
    assert!(chinese.wait_for("2 八大成果").await, "{}", chinese.text());
    // A client that sends no locale gets the server's default (Chinese).
    assert!(silent.wait_for("2 八大成果").await, "{}", silent.text());
    // L switches one viewer only: English, then Russian, then Chinese.
    english.send(b"L").await;
    assert!(english.wait_for("2 Итоги").await, "{}", english.text());
    english.send(b"L").await;
    assert!(english.wait_for("2 八大成果").await, "{}", english.text());
    // A key the Chinese viewer presses after that is drawn in Chinese.
    chinese.send(b"2").await;
    assert!(chinese.wait_for("八大成果 ━").await, "{}", chinese.text());
    assert!(!chinese.text().contains("Outcomes │"), "{}", chinese.text());
    // The last line is in the language the viewer reads at the end: L made it Chinese; the
    // viewer who stayed in English is told goodbye in English.
    english.send(b"q").await;
    assert!(english.wait_for_close().await);
    assert!(english.text().contains("再见"), "{}", english.text());
    let mut stays = Viewer::open_with_env(
        server.addr,
        "viewer",
        None,
        &[("LANG", "en_GB.UTF-8")],
        100,
        30,
    )
    .await;
    assert!(stays.wait_for("2 Outcomes").await, "{}", stays.text());
    stays.send(b"q").await;
    assert!(stays.wait_for_close().await);
    assert!(
        stays.text().contains("sco-dash: goodbye") && !stays.text().contains("再见"),
        "{}",
        stays.text()
    );
    // A viewer whose client forwards a Russian locale reads Russian, data and chrome, and is
    // told goodbye in Russian; L takes them on to Chinese.
    let mut russian = Viewer::open_with_env(
        server.addr,
        "viewer",
        None,
        &[("LANG", "ru_RU.UTF-8")],
        100,
        30,
    )
    .await;
    assert!(russian.wait_for("2 Итоги").await, "{}", russian.text());
    assert!(
        russian
            .text()
            .contains("Шанхайской организации сотрудничества"),
        "{}",
        russian.text()
    );
    assert!(russian.text().contains("L 中文"), "{}", russian.text());
    russian.send(b"q").await;
    assert!(russian.wait_for_close().await);
    assert!(
        russian.text().contains("sco-dash: до свидания") && !russian.text().contains("再见"),
        "{}",
        russian.text()
    );
}

/// What a channel says until it closes: its exit status and what it wrote on stderr.
async fn exit_and_stderr(channel: &mut Channel<Msg>) -> (Option<u32>, String) {
    let mut said = Vec::new();
    let mut status = None;
    while let Ok(Some(message)) = timeout(WAIT, channel.wait()).await {
        match message {
            ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
            ChannelMsg::ExtendedData { data, .. } => said.extend_from_slice(&data),
            ChannelMsg::Close => break,
            _ => {}
        }
    }
    (status, String::from_utf8_lossy(&said).into_owned())
}

/// Asks for what `refusal` names; whether the answer (a failure) is still to come on the
/// channel. A second session and forwarding are refused in their own answers, checked here.
async fn ask(handle: &Handle<Client>, channel: &mut Channel<Msg>, refusal: &str) -> bool {
    match refusal {
        "sftp" => {
            channel.request_subsystem(true, "sftp").await.unwrap();
            true
        }
        "x11" => {
            channel
                .request_x11(true, false, "MIT-MAGIC-COOKIE-1", "00", 0)
                .await
                .unwrap();
            true
        }
        "agent" => {
            channel.agent_forward(true).await.unwrap();
            true
        }
        "env" => {
            channel
                .set_env(true, "LD_PRELOAD", "/tmp/x.so")
                .await
                .unwrap();
            true
        }
        "second session" => {
            let second = timeout(WAIT, handle.channel_open_session())
                .await
                .expect("answered");
            assert!(second.is_err(), "a second session channel is refused");
            false
        }
        _ => {
            let direct = timeout(
                WAIT,
                handle.channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5000),
            )
            .await
            .expect("answered");
            assert!(direct.is_err(), "port forwarding is refused");
            let remote = timeout(WAIT, handle.tcpip_forward("127.0.0.1", 0))
                .await
                .expect("answered");
            assert!(remote.is_err(), "remote forwarding is refused");
            false
        }
    }
}

/// Whether the channel answers a failure in time (a reason on stderr may come first).
async fn answers_failure(channel: &mut Channel<Msg>, refusal: &str) -> bool {
    let failed = async {
        loop {
            match channel.wait().await {
                Some(ChannelMsg::Failure) => return true,
                Some(ChannelMsg::ExtendedData { .. }) => {}
                other => panic!("{refusal}: {other:?}"),
            }
        }
    };
    timeout(WAIT, failed).await.expect("answered in time")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_a_demo_has_no_use_for_is_refused_at_once() {
    let server = start(options()).await;
    let (handle, _) = login(server.addr, "viewer", None).await;

    // A command: answered with a reason on stderr and exit status 1, and the channel closed
    // (accepted first, so that OpenSSH prints the reason before it exits).
    let mut exec = handle.channel_open_session().await.unwrap();
    exec.exec(true, "echo hi").await.unwrap();
    let (status, said) = exit_and_stderr(&mut exec).await;
    assert_eq!(status, Some(1), "exec ends with exit status 1");
    assert!(said.contains("refused exec"));

    for refusal in [
        "sftp",
        "x11",
        "agent",
        "second session",
        "forwarding",
        "env",
    ] {
        let (handle, _) = login(server.addr, "viewer", None).await;
        let mut channel = handle.channel_open_session().await.unwrap();
        let answered_failure = ask(&handle, &mut channel, refusal).await;
        if refusal == "sftp" {
            // Like a command: accepted, then a reason on stderr, exit status 1 and close.
            let (status, said) = exit_and_stderr(&mut channel).await;
            assert_eq!(status, Some(1));
            assert!(said.contains("refused subsystem"));
        } else if answered_failure {
            assert!(answers_failure(&mut channel, refusal).await);
        }
    }

    // Colour variables are welcome.
    let (handle, _) = login(server.addr, "viewer", None).await;
    let mut channel = handle.channel_open_session().await.unwrap();
    channel
        .set_env(true, "COLORTERM", "truecolor")
        .await
        .unwrap();
    let answer = timeout(WAIT, channel.wait())
        .await
        .expect("answered in time");
    assert!(matches!(answer, Some(ChannelMsg::Success)), "{answer:?}");

    // A shell without a pty: one line, then closed.
    channel.request_shell(true).await.unwrap();
    let mut said = Vec::new();
    while let Ok(Some(message)) = timeout(WAIT, channel.wait()).await {
        match message {
            ChannelMsg::Data { data } => said.extend_from_slice(&data),
            ChannelMsg::Close => break,
            _ => {}
        }
    }
    let said = String::from_utf8_lossy(&said);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("needs a terminal"), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_never_asked_and_listed_keys_are_checked() {
    let allowed = random_key();
    let mut options = options();
    options.authorized_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::from_keys(vec![
        allowed.public_key().clone(),
    ]));
    let server = start(options).await;
    let (_, none) = login(server.addr, "viewer", None).await;
    assert!(
        !none.success(),
        "no login without a key when keys are listed"
    );
    let (mut handle, _) = login(server.addr, "viewer", None).await;
    let password = handle
        .authenticate_password("viewer", "hunter2")
        .await
        .unwrap();
    assert!(!password.success());
    let (_, stranger) = login(server.addr, "viewer", Some(&random_key())).await;
    assert!(!stranger.success(), "an unlisted key is refused");
    let (_, listed) = login(server.addr, "viewer", Some(&allowed)).await;
    assert!(listed.success(), "a listed key logs in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_is_refused_whoever_signed_it_and_a_listed_key_still_logs_in() {
    use russh::keys::Certificate;
    use russh::keys::ssh_key::certificate::Builder;
    let listed = random_key();
    let mut options = options();
    options.authorized_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::from_keys(vec![
        listed.public_key().clone(),
    ]));
    let server = start(options).await;
    // The listed key itself, certified by a CA nobody listed (no CA is ever trusted here).
    let unknown_ca = random_key();
    let mut builder = Builder::new_with_random_nonce(
        &mut rand::rng(),
        listed.public_key().key_data().clone(),
        0,
        u64::MAX,
    )
    .unwrap();
    builder.all_principals_valid().unwrap();
    let certified = builder.sign(&unknown_ca).unwrap();
    // And the same with its CA signature broken.
    let mut bytes = certified.to_bytes().unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let forged = Certificate::from_bytes(&bytes).unwrap();

    let mut handle = connect(server.addr).await;
    let key = std::sync::Arc::new(listed.clone());
    for cert in [certified, forged] {
        let auth = handle
            .authenticate_openssh_cert("viewer", std::sync::Arc::clone(&key), cert)
            .await
            .expect("answered");
        assert!(!auth.success(), "a certificate is refused");
    }
    // Refused, not cut: the same connection logs in with the listed key.
    let plain = handle
        .authenticate_publickey("viewer", russh::keys::PrivateKeyWithHashAlg::new(key, None))
        .await
        .expect("answered");
    assert!(plain.success(), "the listed key logs in after");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_pty_sizes_are_cut_to_the_maximum_or_replaced() {
    let server = start(options()).await;
    let mut huge = Viewer::open(server.addr, 60000, 60000).await;
    // Drawn as 320×120 at most: the frame's bottom-right corner is at (319, 119).
    huge.screen = vt100::Parser::new(130, 340, 0);
    assert!(
        huge.wait_until(|v| v
            .screen
            .screen()
            .cell(118, 319)
            .is_some_and(|c| c.contents() == "┛"))
            .await,
        "the screen is cut to 320×120"
    );
    assert!(
        huge.screen
            .screen()
            .contents_between(120, 0, 129, 339)
            .trim()
            .is_empty()
    );
    assert!(huge.text().lines().all(|l| sco_dash::text::width(l) <= 320));

    let mut zero = Viewer::open(server.addr, 0, 0).await;
    zero.screen = vt100::Parser::new(24, 80, 0);
    assert!(zero.wait_for("八大成果").await, "a zero size gets 80×24");
    // A window change to zero is ignored, not drawn.
    zero.channel.window_change(0, 0, 0, 0).await.unwrap();
    zero.send(b"2").await;
    assert!(zero.wait_for("八大成果 ━").await, "{}", zero.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_that_stalls_is_dropped_without_slowing_the_others() {
    let mut options = options();
    options.limits.stall_timeout = Duration::from_secs(1);
    options.presenting = true;
    let presenter_key = random_key();
    options.presenter_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::from_keys(vec![
        presenter_key.public_key().clone(),
    ]));
    let server = start(options).await;
    let mut presenter = Viewer::open_as(
        server.addr,
        sco_dash::ssh::PRESENTER_USER,
        Some(&presenter_key),
        100,
        30,
    )
    .await;
    assert!(presenter.wait_for("你在演示").await);

    // The stalled viewer follows at the largest screen but never reads: the frames the
    // presenter's moves make for it back up against SSH flow control (never in the server's
    // memory), the frame in flight misses the stall timeout, and the server cuts it off.
    let stalled = Viewer::open(server.addr, 500, 200).await;
    let mut tabs = TABS.iter().skip(1).chain(&TABS[..1]).cycle();
    let flood = async {
        while server.connections() > 1 {
            let (key, title) = tabs.next().unwrap();
            presenter.send(key).await;
            // The presenter reads its own frames as it goes: each move is seen before the next.
            assert!(presenter.wait_for(title).await, "{}", presenter.text());
        }
    };
    assert!(
        timeout(WAIT, flood).await.is_ok(),
        "the stalled viewer is cut off"
    );
    presenter.send(b"5").await;
    assert!(
        presenter.wait_for("元首会见 ━").await,
        "the presenter still gets frames"
    );
    drop(stalled);
}

/// A client's TCP stream whose reading the test stops: from then on the client takes nothing
/// the server sends, while its keys still go out.
struct Unread {
    inner: tokio::net::TcpStream,
    stopped: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl tokio::io::AsyncRead for Unread {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        if self.stopped.load(std::sync::atomic::Ordering::SeqCst) {
            // Never woken: this client reads no more.
            return std::task::Poll::Pending;
        }
        std::pin::Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Unread {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bytes: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.inner).poll_write(cx, bytes)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_is_cut_whatever_window_it_advertises() {
    let (log, captured) = captured_log();
    let mut options = options();
    options.log = log;
    options.limits.stall_timeout = Duration::from_secs(1);
    let server = start(options).await;
    let mut calm = Viewer::open(server.addr, 100, 30).await;
    assert!(calm.wait_for("八大成果").await, "{}", calm.text());

    // A client advertising a 2 GiB window: the server is never held up by the window, and
    // what it sends goes straight to the socket.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stream = Unread {
        inner: socket.connect(server.addr).await.unwrap(),
        stopped: std::sync::Arc::clone(&stopped),
    };
    let config = std::sync::Arc::new(russh::client::Config {
        window_size: 1 << 31,
        ..Default::default()
    });
    let mut handle = russh::client::connect_stream(config, stream, Client)
        .await
        .expect("connects");
    assert!(handle.authenticate_none("viewer").await.unwrap().success());
    let mut channel = handle.channel_open_session().await.unwrap();
    channel
        .request_pty(true, "xterm-256color", 320, 120, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(true).await.unwrap();
    let first = timeout(WAIT, async {
        while let Some(message) = channel.wait().await {
            if matches!(message, ChannelMsg::Data { .. }) {
                return true;
            }
        }
        false
    });
    assert!(first.await.unwrap(), "the dashboard starts");

    // It stops reading and keeps switching tabs at the largest screen: the frames fill the
    // socket, and once the server stops taking its keys too, each key waits a moment.
    stopped.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut tabs = TABS.iter().cycle();
    let flood = async {
        while server.connections() > 1 {
            let (key, _) = tabs.next().unwrap();
            let _ = timeout(Duration::from_millis(200), channel.data_bytes(key.to_vec())).await;
        }
    };
    assert!(
        timeout(WAIT, flood).await.is_ok(),
        "the client that stopped reading is cut"
    );
    assert!(
        captured.wait_for("end=stalled").await,
        "{}",
        captured.text()
    );
    // The calm viewer, who had nothing to read meanwhile, is still there.
    assert_eq!(server.connections(), 1);
    calm.send(b"5").await;
    assert!(calm.wait_for("元首会见 ━").await, "{}", calm.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn viewer_places_are_capped_in_all_at_accept_and_per_address_at_login() {
    let mut options = options();
    options.limits = Limits {
        max_sessions: 3,
        max_per_ip: 2,
        ..Limits::default()
    };
    let server = start(options).await;
    let first = Viewer::open(server.addr, 80, 24).await;
    let _second = Viewer::open(server.addr, 80, 24).await;
    // A third viewer from the same address logs in, then is told there is no place for it.
    let (handle, auth) = login(server.addr, "viewer", None).await;
    assert!(auth.success());
    assert!(
        handle.channel_open_session().await.is_err(),
        "no session for a viewer over the per-address cap"
    );
    // Another address still gets in, up to the total; past it, a refusal in an SSH
    // disconnect message (a client shows it), before any key exchange.
    let _third = Viewer::open_from_second_address(server.addr).await;
    let said = read_all(connect_from(server.addr, [127, 0, 0, 3]).await).await;
    assert!(said.starts_with("SSH-2.0-sco-dash"), "{said:?}");
    assert!(said.contains("sco-dash: the demo is full"), "{said:?}");
    drop(first);
    let freed = async {
        while server.connections() > 2 {
            sleep(Duration::from_millis(20)).await;
        }
    };
    assert!(
        timeout(WAIT, freed).await.is_ok(),
        "a closed connection frees its place"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_idle_screens_from_one_address_leave_room_for_another_address() {
    // The default budget of 1,000,000 cells: 26 screens of 320×120 from one address fill it.
    let server = start(options()).await;
    let mut huge = Vec::new();
    for _ in 0..26 {
        let mut viewer = Viewer::open(server.addr, 320, 120).await;
        assert!(viewer.wait_for("八大成果").await, "{}", viewer.text());
        huge.push(viewer);
    }
    // A viewer from elsewhere gets their dashboard, not "the demo is full".
    let mut other = Viewer::open_from(server.addr, [127, 0, 0, 5]).await;
    assert!(other.wait_for("八大成果").await, "{}", other.text());
    assert!(!other.text().contains("the demo is full"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_arriving_at_once_waits_its_turn_for_the_login_pool() {
    let mut options = options();
    // A pool of 2 logins at a time; 12 viewers arrive together.
    options.admission.startups = sco_dash::ssh::admission::Startups {
        start: 2,
        rate: 0,
        full: 2,
    };
    let server = start(options).await;
    let addr = server.addr;
    let arriving = (0..12).map(|_| async move {
        let mut viewer = Viewer::open(addr, 80, 24).await;
        viewer.wait_for("八大成果").await
    });
    for shown in futures_join_all(arriving).await {
        assert!(shown, "every one gets in, none is refused");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_sockets_filling_the_login_pool_give_way_to_a_real_login() {
    let mut options = options();
    options.admission.startups = sco_dash::ssh::admission::Startups {
        start: 8,
        rate: 0,
        full: 8,
    };
    let server = start(options).await;
    // The whole pool: sockets from 8 addresses that never send a version string.
    let mut idle = Vec::new();
    for n in 0..8 {
        idle.push(connect_from(server.addr, [127, 0, 1, n]).await);
    }
    let pooled = async {
        while server.connections() < 8 {
            sleep(Duration::from_millis(20)).await;
        }
    };
    timeout(WAIT, pooled).await.expect("all 8 pending");
    // Once they have been silent a while, a real viewer gets in and the oldest is closed.
    sleep(Duration::from_millis(1_200)).await;
    let mut viewer = Viewer::open(server.addr, 80, 24).await;
    assert!(viewer.wait_for("八大成果").await, "{}", viewer.text());
    let mut oldest = idle.remove(0);
    let mut said = Vec::new();
    let closed = timeout(WAIT, oldest.read_to_end(&mut said)).await;
    assert!(closed.is_ok(), "the oldest silent socket is closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_forward_after_login_is_no_failed_handshake_and_no_penalty() {
    let (log, captured) = captured_log();
    let mut options = options();
    options.log = log;
    let server = start(options).await;
    // `ssh -W` four times from an address with penalties: logged in, refused the forward,
    // gone. Four failed handshakes would be enough to refuse that address.
    for n in 1..=4 {
        let stream = connect_from(server.addr, [127, 0, 0, 11]).await;
        let config = std::sync::Arc::new(russh::client::Config::default());
        let mut handle = russh::client::connect_stream(config, stream, Client)
            .await
            .expect("connects");
        assert!(handle.authenticate_none("viewer").await.unwrap().success());
        let direct = timeout(
            WAIT,
            handle.channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5000),
        )
        .await
        .expect("answered");
        assert!(direct.is_err(), "the forward is refused");
        drop(handle);
        let ended = timeout(WAIT, async {
            let ends = |text: &str| {
                let ended = |l: &&str| l.contains("127.0.0.11:") && l.contains(" end=");
                text.lines().filter(ended).count()
            };
            while ends(&captured.text()) < n {
                sleep(Duration::from_millis(20)).await;
            }
        });
        assert!(ended.await.is_ok(), "{}", captured.text());
    }
    assert!(
        !captured.text().contains("handshake-failed"),
        "{}",
        captured.text()
    );
    // The same address still gets the dashboard.
    let mut viewer = Viewer::open_from(server.addr, [127, 0, 0, 11]).await;
    assert!(viewer.wait_for("八大成果").await, "{}", viewer.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_keeps_asking_for_refused_requests_is_cut_and_penalised() {
    let (log, captured) = captured_log();
    let mut options = options();
    options.log = log;
    let server = start(options).await;
    let stream = connect_from(server.addr, [127, 0, 0, 9]).await;
    let config = std::sync::Arc::new(russh::client::Config::default());
    let mut handle = russh::client::connect_stream(config, stream, Client)
        .await
        .expect("connects");
    // One cell wide, 20 KB long.
    let user = format!("x{}", "\u{301}".repeat(10_000));
    assert!(handle.authenticate_none(&user).await.unwrap().success());
    let mut answered = 0;
    for _ in 0..500 {
        if handle.is_closed() {
            break;
        }
        if timeout(WAIT, handle.tcpip_forward("127.0.0.1", 0))
            .await
            .expect("answered")
            .is_err()
        {
            answered += 1;
        }
    }
    assert!(handle.is_closed(), "cut after {answered} refusals");
    assert!(
        captured.wait_for("end=refused-requests").await,
        "{}",
        captured.text()
    );
    let text = captured.text();
    let each = text.matches("refused-request what=forward").count();
    assert_eq!(each, 5, "{text}");
    assert!(text.contains("more refused requests"), "{text}");
    assert!(text.lines().all(|line| line.len() < 1_000), "{text}");
    // And that address must wait a while before it tries again.
    let said = read_all(connect_from(server.addr, [127, 0, 0, 9]).await).await;
    assert!(said.contains("try again later"), "{said:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_and_idle_and_overlong_sessions_are_closed() {
    // Connects and says nothing: gone after the login grace. (A server of its own: a grace
    // this short would also cut a real login on a busy machine.)
    let mut quick_grace = options();
    quick_grace.limits.login_grace = Duration::from_millis(500);
    let server = start(quick_grace).await;
    let mut silent = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let mut sink = Vec::new();
    let read = timeout(WAIT, silent.read_to_end(&mut sink)).await;
    assert!(read.is_ok(), "a silent connection is closed");

    // A viewer who does not type is closed at the idle timeout, and told why. That each key
    // restarts the idle clock, and that the time limit comes whatever the keys, is shown by
    // `ssh::viewer`'s unit tests on a clock of their own: here keys would race the timeout
    // on a busy machine.
    let mut short_idle = options();
    short_idle.limits.idle_timeout = Duration::from_millis(1200);
    let server = start(short_idle).await;
    let mut viewer = Viewer::open(server.addr, 80, 24).await;
    assert!(viewer.wait_for_close().await, "closed without keys");
    assert!(viewer.text().contains("idle timeout"), "{}", viewer.text());
    assert!(viewer.restored());

    // A session ends at the time limit.
    let mut short_session = options();
    short_session.limits.max_session = Duration::from_millis(1500);
    let server = start(short_session).await;
    let mut viewer = Viewer::open(server.addr, 80, 24).await;
    assert!(viewer.wait_for_close().await);
    assert!(viewer.text().contains("time limit"), "{}", viewer.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_panicking_session_leaves_the_others_running() {
    let mut options = options();
    options.panic_key = Some('Z');
    let server = start(options).await;
    let mut calm = Viewer::open(server.addr, 80, 24).await;
    let mut doomed = Viewer::open(server.addr, 80, 24).await;
    assert!(doomed.wait_for("八大成果").await);
    doomed.send(b"Z").await;
    assert!(doomed.wait_for_close().await);
    assert!(
        doomed.text().contains("internal error"),
        "{}",
        doomed.text()
    );
    assert!(doomed.restored());
    calm.send(b"3").await;
    assert!(calm.wait_for("合作倡议 ━").await, "{}", calm.text());
    let mut later = Viewer::open(server.addr, 80, 24).await;
    assert!(later.wait_for("八大成果").await, "the server still accepts");
}

/// A presenting server with a follower waiting for a presenter, and the presenter on (the
/// server is kept by the test for as long as they run).
async fn presenter_and_follower() -> (Server, Viewer, Viewer) {
    let presenter_key = random_key();
    let mut options = options();
    options.presenting = true;
    options.presenter_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::from_keys(vec![
        presenter_key.public_key().clone(),
    ]));
    let server = start(options).await;

    let mut follower = Viewer::open(server.addr, 80, 24).await;
    assert!(follower.wait_for("无人演示").await, "{}", follower.text());
    // Asking to present without a listed key: refused rather than silently a viewer.
    let (_, stranger) = login(
        server.addr,
        sco_dash::ssh::PRESENTER_USER,
        Some(&random_key()),
    )
    .await;
    assert!(stranger.success(), "an unlisted key may still watch");

    let mut presenter = Viewer::open_as(
        server.addr,
        sco_dash::ssh::PRESENTER_USER,
        Some(&presenter_key),
        120,
        40,
    )
    .await;
    assert!(presenter.wait_for("你在演示").await, "{}", presenter.text());
    (server, follower, presenter)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn followers_follow_the_presenter_and_f_lets_them_browse() {
    let (_server, mut follower, mut presenter) = presenter_and_follower().await;
    presenter.send(b"5jj").await;
    assert!(presenter.wait_for("3/21").await);
    assert!(follower.wait_for("跟随").await, "{}", follower.text());
    assert!(
        follower.wait_for("3/21").await,
        "the follower is on the presenter's selection: {}",
        follower.text()
    );

    // Following, the follower's own moves are ignored... A negative check: the key is
    // followed by keys that show (L, which works while following, round the languages), so
    // the frame looked at was drawn after the follower's session took the 2.
    follower.send(b"2L").await;
    assert!(follower.wait_for("2 Outcomes").await, "{}", follower.text());
    follower.send(b"LL").await;
    assert!(follower.wait_for("2 八大成果").await, "{}", follower.text());
    assert!(
        follower.text().contains("元首会见 3/21"),
        "{}",
        follower.text()
    );
    // ... until f.
    follower.send(b"f").await;
    assert!(follower.wait_for("自己浏览").await, "{}", follower.text());
    follower.send(b"2").await;
    assert!(follower.wait_for("八大成果 ━").await);
    presenter.send(b"6").await;
    assert!(presenter.wait_for("成果清单 ━").await);
    // The presenter's move reached the follower's session before the frame that shows their
    // first L went out; the last L's frame is drawn after the session took it in.
    follower.send(b"L").await;
    assert!(follower.wait_for("2 Outcomes").await, "{}", follower.text());
    follower.send(b"LL").await;
    assert!(follower.wait_for("2 八大成果").await, "{}", follower.text());
    assert!(
        follower.text().contains("八大成果 ━"),
        "browsing alone, the follower stays: {}",
        follower.text()
    );
    follower.send(b"f").await;
    assert!(
        follower.wait_for("成果清单").await,
        "rejoining jumps to the presenter: {}",
        follower.text()
    );
    // A follower reads in their own language while following; the presenter keeps theirs.
    follower.send(b"L").await;
    assert!(follower.wait_for("6 Results").await, "{}", follower.text());
    presenter.send(b"2").await;
    assert!(presenter.wait_for("八大成果 ━").await);
    assert!(
        follower.wait_for("2 Outcomes").await,
        "the follower follows, in English: {}",
        follower.text()
    );
    assert!(
        !presenter.text().contains("Outcomes │"),
        "{}",
        presenter.text()
    );

    presenter.send(b"q").await;
    assert!(presenter.wait_for_close().await);
    assert!(
        follower.wait_for("no presenter").await,
        "{}",
        follower.text()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_tells_every_viewer() {
    let server = start(options()).await;
    let mut viewers = Vec::new();
    for _ in 0..3 {
        let mut viewer = Viewer::open(server.addr, 80, 24).await;
        assert!(viewer.wait_for("八大成果").await);
        viewers.push(viewer);
    }
    server.shutdown(Duration::from_secs(5)).await;
    for viewer in &mut viewers {
        assert!(viewer.wait_for_close().await);
        assert!(viewer.text().contains("shutting down"), "{}", viewer.text());
        assert!(viewer.restored());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_viewers_at_once_each_get_their_own_dashboard() {
    let mut options = options();
    options.limits.max_per_ip = 64;
    let server = start(options).await;
    let opening = (0..50u16).map(|i| async move {
        // Each at a size of their own, each on a tab of their own.
        let mut viewer = Viewer::open(server.addr, 100 + i % 20, 30 + i % 10).await;
        let tab = [b"1", b"2", b"3", b"4", b"5", b"6"][usize::from(i % 6)];
        viewer.send(tab).await;
        let title = [
            "天津峰会概览",
            "八大成果 ━",
            "合作倡议 ━",
            "时间线 ━",
            "元首会见 ━",
            "成果清单 ━",
        ][usize::from(i % 6)];
        assert!(
            viewer.wait_for(title).await,
            "viewer {i}: {}",
            viewer.text()
        );
        viewer
    });
    let viewers = futures_join_all(opening).await;
    assert_eq!(server.connections(), 50);
    drop(viewers);
    let closed = async {
        while server.connections() > 0 {
            sleep(Duration::from_millis(50)).await;
        }
    };
    assert!(
        timeout(Duration::from_secs(20), closed).await.is_ok(),
        "every place is freed"
    );
}

/// Runs the futures concurrently on the runtime and collects their results in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let tasks: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("the viewer task finishes"));
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_asking_for_finite_field_diffie_hellman_is_refused() {
    let server = start(options()).await;
    for kex in [
        russh::kex::DH_G18_SHA512,
        russh::kex::DH_G14_SHA256,
        russh::kex::DH_GEX_SHA256,
    ] {
        let config = russh::client::Config {
            preferred: russh::Preferred {
                kex: std::borrow::Cow::Owned(vec![kex]),
                ..russh::Preferred::DEFAULT
            },
            ..Default::default()
        };
        let connected = timeout(
            WAIT,
            russh::client::connect(std::sync::Arc::new(config), server.addr, Client),
        )
        .await
        .expect("answered in time");
        assert!(connected.is_err(), "{kex:?} is not offered");
    }
    // curve25519 (the default client's choice) works.
    let (_, auth) = login(server.addr, "viewer", None).await;
    assert!(auth.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paste_cut_by_the_input_cap_does_not_swallow_the_keys_after_it() {
    let server = start(options()).await;
    let mut viewer = Viewer::open(server.addr, 100, 30).await;
    assert!(viewer.wait_for("八大成果").await);
    viewer.send(b"5/").await;
    assert!(viewer.wait_for("Enter 保留").await, "{}", viewer.text());
    // 72 KiB in one go: past the 64 KiB burst, so the end marker is dropped with the rest
    // (and the input cap paces the reading of the 8 KiB beyond it).
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'x', 72 * 1024));
    paste.extend_from_slice(b"\x1b[201~");
    for chunk in paste.chunks(16 * 1024) {
        viewer.send(chunk).await;
    }
    // At the paste timeout what came of it is typed into the search line...
    let search_line = "/ xxxxxxxx";
    assert!(
        viewer.wait_for(search_line).await,
        "the paste, cut: {}",
        viewer.text()
    );
    // ... and the keys work again: Esc closes the search (once it is told from a sequence,
    // which the search line going shows), 3 switches tab.
    viewer.send(b"\x1b").await;
    assert!(
        viewer.wait_until(|v| !v.text().contains(search_line)).await,
        "{}",
        viewer.text()
    );
    viewer.send(b"3").await;
    assert!(viewer.wait_for("合作倡议 ━").await, "{}", viewer.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn followers_and_the_presenter_are_not_cut_for_idling_while_a_demo_runs() {
    let mut options = options();
    options.limits.idle_timeout = Duration::from_millis(1000);
    options.presenting = true;
    let presenter_key = random_key();
    options.presenter_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::from_keys(vec![
        presenter_key.public_key().clone(),
    ]));
    let server = start(options).await;
    let mut follower = Viewer::open(server.addr, 80, 24).await;
    let mut presenter = Viewer::open_as(
        server.addr,
        sco_dash::ssh::PRESENTER_USER,
        Some(&presenter_key),
        100,
        30,
    )
    .await;
    assert!(presenter.wait_for("你在演示").await);
    // The presenter's last key for a while; the follower never types.
    presenter.send(b"5").await;
    assert!(presenter.wait_for("元首会见 ━").await);
    assert!(follower.wait_for("元首会见 ━").await, "{}", follower.text());
    // A witness: a viewer on their own, on a server with the same idle timeout, who comes
    // after that key and never types. Once the witness is cut for idling, an idle timeout
    // has passed for the presenter and the follower as well, however fast the machine.
    let mut alone = ssh_client::options();
    alone.limits.idle_timeout = Duration::from_millis(1000);
    let elsewhere = start(alone).await;
    let mut witness = Viewer::open(elsewhere.addr, 80, 24).await;
    assert!(witness.wait_for_close().await);
    assert!(
        witness.text().contains("idle timeout"),
        "{}",
        witness.text()
    );
    // Neither was cut: the presenter's next move reaches both.
    presenter.send(b"6").await;
    assert!(
        presenter.wait_for("成果清单 ━").await,
        "a presenter who talks stays: {}",
        presenter.text()
    );
    assert!(
        follower.wait_for("成果清单 ━").await,
        "a follower watching a presenter stays: {}",
        follower.text()
    );
    // Alone after the presenter leaves, the follower's idle clock runs again.
    presenter.send(b"q").await;
    assert!(presenter.wait_for_close().await);
    assert!(follower.wait_for_close().await, "idle once nobody presents");
    assert!(
        follower.text().contains("idle timeout"),
        "{}",
        follower.text()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screens_share_a_memory_budget_smaller_then_refused() {
    let mut options = options();
    options.limits.max_cells = 200 * 60 + 100 * 30;
    let server = start(options).await;
    let mut first = Viewer::open(server.addr, 200, 60).await;
    assert!(first.wait_for("八大成果").await);
    // The second asks for 200×60 and gets what is left, in the same shape (100×30 here).
    let mut second = Viewer::open(server.addr, 200, 60).await;
    assert!(
        second
            .wait_until(|v| v
                .screen
                .screen()
                .cell(28, 99)
                .is_some_and(|c| c.contents() == "┛"))
            .await,
        "{}",
        second.text()
    );
    // Nothing is left for a third.
    let mut third = Viewer::open(server.addr, 80, 24).await;
    assert!(third.wait_for_close().await);
    assert!(
        third.text().contains("the demo is full"),
        "{}",
        third.text()
    );
    // A place freed is a place taken.
    first.send(b"q").await;
    assert!(first.wait_for_close().await);
    let mut fourth = Viewer::open(server.addr, 80, 24).await;
    assert!(fourth.wait_for("八大成果").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_presenter_key_presents_only_as_presenter_and_a_resize_storm_settles() {
    let mut options = options();
    options.presenting = true;
    let presenter_key = random_key();
    options.presenter_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::from_keys(vec![
        presenter_key.public_key().clone(),
    ]));
    let server = start(options).await;
    let mut watcher = Viewer::open_as(server.addr, "viewer", Some(&presenter_key), 90, 26).await;
    assert!(watcher.wait_for("无人演示").await, "{}", watcher.text());

    // Fifty window changes back and forth, in bursts of ten each drawn before the next (so
    // the storm spans several debounces whatever the machine's speed), ending where they
    // started: the screen is redrawn whole at the last size, and keeps answering keys.
    watcher.send(b"f").await;
    for n in 0..50u16 {
        let (w, h) = if n % 2 == 0 { (120, 40) } else { (90, 26) };
        watcher.resize(w, h).await;
        if n % 10 == 9 {
            assert!(
                watcher
                    .wait_until(|v| row(v, h - 2).trim_end().ends_with('┛'))
                    .await,
                "drawn at {w}×{h}: {}",
                watcher.text()
            );
        }
    }
    watcher.resize(100, 30).await;
    assert!(
        watcher
            .wait_until(|v| row(v, 28).trim_end().ends_with('┛'))
            .await,
        "{}",
        watcher.text()
    );
    watcher.send(b"5").await;
    assert!(watcher.wait_for("元首会见 ━").await, "{}", watcher.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorized_keys_from_and_expiry_time_are_honoured() {
    let (near, far, old) = (random_key(), random_key(), random_key());
    let line = |options: &str, key: &russh::keys::PrivateKey| {
        format!(
            "{options} {} test\n",
            key.public_key().to_openssh().unwrap()
        )
    };
    let text = [
        line("from=\"127.0.0.0/8,!127.0.0.3\"", &near),
        line("from=\"10.9.9.9\"", &far),
        line("expiry-time=\"20200101\"", &old),
    ]
    .concat();
    let mut options = options();
    options.authorized_keys = Some(sco_dash::ssh::keys::AuthorizedKeys::parse(&text).unwrap());
    let server = start(options).await;
    let (_, auth) = login(server.addr, "viewer", Some(&near)).await;
    assert!(auth.success(), "from 127.0.0.1, inside 127.0.0.0/8");
    let (_, auth) = login(server.addr, "viewer", Some(&far)).await;
    assert!(!auth.success(), "only from 10.9.9.9");
    let (_, auth) = login(server.addr, "viewer", Some(&old)).await;
    assert!(!auth.success(), "expired");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_gets_a_stats_line_with_what_is_open_and_what_was_refused() {
    let path = std::env::temp_dir().join(format!("sco-dash-stats-{}.log", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut options = options();
    options.log = std::sync::Arc::new(sco_dash::ssh::log::Log::file(&path).unwrap());
    options.limits.stats_interval = Duration::from_millis(200);
    options.limits.max_sessions = 1;
    let server = start(options).await;
    let mut viewer = Viewer::open(server.addr, 80, 24).await;
    assert!(viewer.wait_for("八大成果").await);
    let said = read_all(connect_from(server.addr, [127, 0, 0, 4]).await).await;
    assert!(said.contains("the demo is full"));
    // A stats line written after the refusal says all of it.
    let fields = ["open=1", "pending=0", "viewers=1", "refused-full=1"];
    let said_all = |log: &str| {
        log.lines()
            .any(|l| l.contains(" stats ") && fields.iter().all(|f| l.contains(f)))
    };
    let mut log = String::new();
    let deadline = tokio::time::Instant::now() + WAIT;
    while !said_all(&log) && tokio::time::Instant::now() < deadline {
        sleep(Duration::from_millis(50)).await;
        log = std::fs::read_to_string(&path).unwrap();
    }
    assert!(said_all(&log), "a stats line with {fields:?} in {log}");
    let _ = std::fs::remove_file(&path);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn frames_are_synchronized_updates_and_y_copies_to_the_viewers_clipboard() {
    let server = start(options()).await;
    let mut viewer = Viewer::open(server.addr, 100, 30).await;
    assert!(viewer.wait_for("八大成果").await);
    let received = String::from_utf8_lossy(&viewer.received).into_owned();
    assert!(received.contains("\x1b[?2026h") && received.contains("\x1b[?2026l"));
    viewer.send(b"2").await;
    assert!(viewer.wait_for("八大成果 ━").await);
    let before = viewer.received.len();
    viewer.send(b"y").await;
    assert!(viewer.wait_for("已复制").await, "{}", viewer.text());
    let copied = String::from_utf8_lossy(&viewer.received[before..]).into_owned();
    assert!(copied.contains("\x1b]52;c;"), "{copied:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_viewer_is_probed_for_ambiguous_width_and_drawn_in_its_own_mode() {
    let mut options = options();
    // The answers below come after the first frame: however slow the machine, before the
    // probe gives up on them.
    options.limits.probe_time = WAIT;
    let server = start(options).await;
    let mut narrow = Viewer::open(server.addr, 100, 30).await;
    let mut wide = Viewer::open(server.addr, 100, 30).await;
    for viewer in [&mut narrow, &mut wide] {
        assert!(viewer.wait_for("八大成果").await);
        let asked = String::from_utf8_lossy(&viewer.received).into_owned();
        for question in ["\x1b[2;1H·\x1b[6n", "\x1b]11;?", "\x1b[c"] {
            assert!(asked.contains(question), "{question:?} is asked");
        }
    }
    // One terminal draws `·` in two cells (the cursor went to column 3), one in one.
    wide.send(b"\x1b[2;3R\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c")
        .await;
    narrow
        .send(b"\x1b[2;2R\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c")
        .await;
    assert!(
        wide.wait_until(|v| !v.text().contains('┃') && v.text().contains("八大成果"))
            .await,
        "wide: frames in ASCII: {}",
        wide.text()
    );
    // A negative check: keys that show (L, round the languages) after the answers, so the
    // frame looked at was drawn after the narrow viewer's session took them in.
    narrow.send(b"L").await;
    assert!(narrow.wait_for("2 Outcomes").await, "{}", narrow.text());
    narrow.send(b"LL").await;
    assert!(narrow.wait_for("2 八大成果").await, "{}", narrow.text());
    assert!(narrow.text().contains('┃'), "narrow keeps its frames");
    // Each in the theme for its own background (white, black): the tab bar's colours differ.
    let colours = |v: &Viewer| {
        let cell = v.screen.screen().cell(0, 1).unwrap();
        (cell.fgcolor(), cell.bgcolor())
    };
    assert_ne!(colours(&wide), colours(&narrow), "light and dark themes");
    // The answers were not taken for keys: both still on the overview, and keys work.
    assert!(narrow.text().contains("天津峰会概览"), "{}", narrow.text());
    wide.send(b"2").await;
    assert!(wide.wait_for("# 八大成果 =").await, "{}", wide.text());
}
