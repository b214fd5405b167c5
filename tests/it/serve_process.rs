//! `sco-dash serve` as people run it: the real binary, its host key on disk, signals, and the
//! real OpenSSH client in a pseudo-terminal (skipped, saying so, where OpenSSH is missing;
//! `.ci/run` installs it).
#![cfg(feature = "ssh")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::pty;
use crate::support::serve_process;
use crate::support::ssh_client;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use portable_pty::CommandBuilder;
use pty::Session;
use russh::keys::ssh_key::LineEnding;
use serve_process::{Served, scratch};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn fingerprint(log: &str) -> String {
    let start = log.find("SHA256:").expect("a fingerprint in the log");
    log[start..].split([',', ' ']).next().unwrap().to_string()
}

/// The client side's runtime: two workers, as a small client machine has.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn the_host_key_is_made_private_reused_and_refused_once_exposed() {
    let dir = scratch("host-key");
    let key = dir.join("state/host_key");
    let first = Served::start(&key, &[]).expect("serves");
    assert!(first.log_text().contains("made"), "{}", first.log_text());
    assert_eq!(mode(&key), 0o600, "written readable by its owner only");
    let made = fingerprint(&first.log_text());
    drop(first);

    let second = Served::start(&key, &[]).expect("serves again");
    assert!(second.log_text().contains("read"), "{}", second.log_text());
    assert_eq!(
        fingerprint(&second.log_text()),
        made,
        "the same key after a restart"
    );
    drop(second);

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_sco-dash"))
        .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
        .arg(&key)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("can be read by other users"), "{stderr}");
    assert!(stderr.contains("chmod 600"), "{stderr}");
}

#[test]
fn usage_mistakes_are_told_before_anything_listens() {
    let dir = scratch("usage");
    let key = dir.join("key");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sco-dash"))
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(&key)
            .args(args)
            .output()
            .unwrap()
    };
    let lonely = run(&["--presenter"]);
    assert_eq!(lonely.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&lonely.stderr).contains("--presenter-keys"));
    std::fs::write(dir.join("keys"), "ssh-ed25519 not-a-key\n").unwrap();
    let bad_list = run(&["--authorized-keys", dir.join("keys").to_str().unwrap()]);
    assert_eq!(bad_list.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&bad_list.stderr).contains("keys:1:"));
    let bad_duration = run(&["--idle-timeout", "soon"]);
    assert_eq!(bad_duration.status.code(), Some(2));
    // Trusting every address's PROXY header needs saying so.
    for everyone in ["0.0.0.0/0", "::/0"] {
        let open = run(&["--proxy-protocol", everyone]);
        assert_eq!(open.status.code(), Some(2), "{everyone}");
        assert!(String::from_utf8_lossy(&open.stderr).contains("--proxy-protocol-any"));
    }
}

#[test]
fn proxy_protocol_any_starts_with_a_warning() {
    let dir = scratch("proxy-any");
    let served = Served::start(
        &dir.join("key"),
        &["--proxy-protocol", "0.0.0.0/0", "--proxy-protocol-any"],
    )
    .expect("serves");
    let log = served.log_once_it_has("warning: --proxy-protocol-any");
    assert!(log.contains("warning: --proxy-protocol-any"), "{log}");
}

#[test]
fn sigterm_tells_viewers_and_exits_cleanly_with_a_log_line_each() {
    let dir = scratch("sigterm");
    let mut served = Served::start(&dir.join("key"), &[]).expect("serves");
    let addr = served.addr;
    let runtime = runtime();
    let mut viewer = runtime.block_on(async {
        let mut viewer = ssh_client::Viewer::open(addr, 90, 26).await;
        assert!(viewer.wait_for("八大成果").await);
        viewer
    });
    served.signal("TERM");
    runtime.block_on(async {
        assert!(viewer.wait_for_close().await);
    });
    assert!(viewer.text().contains("shutting down"), "{}", viewer.text());
    assert!(viewer.restored());
    assert_eq!(served.wait(), Some(0));
    let log = served.log_once_it_has("user=\"viewer\"");
    let line = log
        .lines()
        .find(|l| l.contains("user=\"viewer\""))
        .unwrap_or_else(|| panic!("a log line for the viewer in:\n{log}"));
    for field in [
        "auth=none",
        "term=\"xterm-256color\"",
        "size=90x26",
        "duration=",
        "in=",
        "out=",
        "end=shutdown",
    ] {
        assert!(line.contains(field), "{field} in {line}");
    }
}

#[test]
fn a_log_nobody_reads_holds_up_neither_logins_nor_sigterm() {
    let dir = scratch("stuck-log");
    // 127.0.0.1 is exempt so that the connections below, which fail the handshake on
    // purpose to make log lines, do not get it refused.
    let mut served =
        Served::start_with_stuck_stderr(&dir.join("key"), &["--penalty-exempt", "127.0.0.1"]);
    let addr = served.addr;
    let runtime = runtime();
    runtime.block_on(async {
        // Far more log lines than the full pipe could ever take: each connection that closes
        // without a word logs one.
        for _ in 0..200 {
            let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            drop(stream);
        }
        let mut viewer = ssh_client::Viewer::open(addr, 90, 26).await;
        assert!(viewer.wait_for("八大成果").await, "{}", viewer.text());
        viewer.send(b"6").await;
        assert!(viewer.wait_for("成果清单 1/").await, "{}", viewer.text());
        served.signal("TERM");
        assert!(viewer.wait_for_close().await);
        assert!(viewer.text().contains("shutting down"), "{}", viewer.text());
    });
    assert_eq!(served.wait(), Some(0));
}

/// The OpenSSH client, or `None` (and a note) where it is not installed.
fn openssh() -> Option<&'static str> {
    let found = Command::new("ssh").arg("-V").output().is_ok();
    if !found {
        eprintln!("SKIPPED: the OpenSSH client (ssh) is not installed; .ci/run installs it");
    }
    found.then_some("ssh")
}

const SSH_OPTIONS: &[&str] = &[
    "-o",
    "StrictHostKeyChecking=no",
    "-o",
    "UserKnownHostsFile=/dev/null",
    "-o",
    "LogLevel=ERROR",
    "-o",
    "BatchMode=yes",
];

fn ssh_command(addr: std::net::SocketAddr, extra: &[&str]) -> CommandBuilder {
    let mut command = CommandBuilder::new("ssh");
    command.args(SSH_OPTIONS);
    command.args(["-p", &addr.port().to_string()]);
    command.args(extra);
    command.env("TERM", "xterm-256color");
    command
}

#[test]
fn openssh_shows_the_dashboard_and_follows_a_presenter() {
    let Some(_) = openssh() else { return };
    let dir = scratch("openssh");
    // The presenter's key, as ssh-keygen would leave it.
    let key = ssh_client::random_key();
    let key_file = dir.join("presenter_ed25519");
    key.write_openssh_file(&key_file, LineEnding::LF).unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(
        dir.join("presenters"),
        key.public_key().to_openssh().unwrap() + "\n",
    )
    .unwrap();
    let served = Served::start(
        &dir.join("host_key"),
        &[
            "--presenter",
            "--presenter-keys",
            dir.join("presenters").to_str().unwrap(),
        ],
    )
    .expect("serves");

    let mut follower = Session::spawn(ssh_command(served.addr, &["-tt", "127.0.0.1"]), 30, 100);
    follower.expect("无人演示");
    let presenter_login = format!("{}@127.0.0.1", sco_dash::ssh::PRESENTER_USER);
    let mut presenter = Session::spawn(
        ssh_command(
            served.addr,
            &[
                "-tt",
                "-o",
                "IdentitiesOnly=yes",
                "-i",
                key_file.to_str().unwrap(),
                &presenter_login,
            ],
        ),
        40,
        120,
    );
    presenter.expect("你在演示");
    presenter.send("5");
    presenter.expect("元首会见 ━");
    follower.expect("元首会见 ━");
    follower.expect("跟随");
    presenter.send("q");
    assert!(presenter.wait_for_exit().success());
    follower.expect("无人演示");
    follower.send("q");
    let status = follower.wait_for_exit();
    assert!(status.success(), "{status:?}");
    let screen = follower.screen.lock().unwrap();
    assert!(
        !screen.screen().alternate_screen(),
        "the terminal is back on the main screen"
    );
    assert_eq!(
        screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
}

/// Runs `command` to its end, which it must reach by itself: `None` if it has not within
/// `ssh_client::WAIT` (a guard against hanging, not a measure of speed).
fn output_by_itself(mut command: Command) -> Option<std::process::Output> {
    let (done, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(command.output().unwrap());
    });
    output.recv_timeout(ssh_client::WAIT).ok()
}

#[test]
fn openssh_commands_and_sftp_are_refused_at_once() {
    let Some(ssh) = openssh() else { return };
    let dir = scratch("refusals");
    // No timer of the server's ends these connections within the test: only the refusal.
    let served = Served::start(&dir.join("host_key"), &["--login-grace", "1h"]).expect("serves");
    let port = served.addr.port().to_string();

    let mut exec = Command::new(ssh);
    exec.args(SSH_OPTIONS)
        .args(["-p", &port, "127.0.0.1", "echo", "hi"]);
    let exec = output_by_itself(exec).expect("refused at once: the server closes the channel");
    assert_eq!(exec.status.code(), Some(1), "{exec:?}");
    assert!(!String::from_utf8_lossy(&exec.stdout).contains("hi"));
    // The request is accepted and answered, so OpenSSH prints the reason.
    let said = String::from_utf8_lossy(&exec.stderr);
    assert!(said.contains("sco-dash: refused exec"), "{exec:?}");

    if Command::new("sftp").arg("-h").output().is_err() {
        eprintln!("SKIPPED: sftp is not installed");
        return;
    }
    let mut sftp = Command::new("sftp");
    sftp.args(SSH_OPTIONS)
        .args(["-P", &port, "127.0.0.1"])
        .stdin(std::process::Stdio::null());
    let sftp = output_by_itself(sftp).expect("refused at once: the server closes the channel");
    assert!(!sftp.status.success(), "{sftp:?}");
}

#[test]
fn openssh_shows_why_a_full_demo_refuses() {
    let Some(ssh) = openssh() else { return };
    let dir = scratch("full");
    let served = Served::start(&dir.join("host_key"), &["--max-sessions", "1"]).expect("serves");
    let addr = served.addr;
    let runtime = runtime();
    let _holder = runtime.block_on(async {
        let mut viewer = ssh_client::Viewer::open(addr, 80, 24).await;
        assert!(viewer.wait_for("八大成果").await);
        viewer
    });
    let refused = Command::new(ssh)
        // OpenSSH's default log level (ssh keeps the first value given for an option).
        .args(["-o", "LogLevel=INFO"])
        .args(SSH_OPTIONS)
        .args(["-p", &addr.port().to_string(), "127.0.0.1"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("Received disconnect") && said.contains("sco-dash: the demo is full"),
        "{said}"
    );
    let log = served.log_once_it_has("refused-full");
    assert!(log.contains("refused-full"), "{log}");
}

#[test]
fn authorized_keys_options_it_cannot_honour_stop_the_start_naming_the_line() {
    let dir = scratch("key-options");
    let keys = dir.join("authorized_keys");
    std::fs::write(
        &keys,
        "# viewers\ncommand=\"/bin/false\",no-pty ssh-ed25519 \
         AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x\n",
    )
    .unwrap();
    let keys = keys.to_str().unwrap();
    let error = Served::start(&dir.join("key"), &["--authorized-keys", keys])
        .err()
        .expect("refuses to start");
    assert!(
        error.contains("authorized_keys:2: option command=") && error.contains("not supported"),
        "{error}"
    );
}

#[test]
fn log_lines_go_live_to_the_log_file_with_timestamps_and_reason_words() {
    let dir = scratch("log-file");
    let log = dir.join("serve.log");
    let served =
        Served::start(&dir.join("key"), &["--log", log.to_str().unwrap()]).expect("serves");
    let addr = served.addr;
    let runtime = runtime();
    runtime.block_on(async {
        let mut viewer = ssh_client::Viewer::open(addr, 80, 24).await;
        assert!(viewer.wait_for("八大成果").await);
        viewer.send(b"q").await;
        assert!(viewer.wait_for_close().await);
    });
    // Written while the server runs, not held until it exits.
    let mut text = String::new();
    for _ in 0..100 {
        text = std::fs::read_to_string(&log).unwrap_or_default();
        if text.contains("end=quit") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let line = text
        .lines()
        .find(|l| l.contains("end=quit"))
        .unwrap_or_else(|| panic!("a line for the viewer in {text}"));
    let stamp = line.split_whitespace().next().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(stamp).is_ok(),
        "{line}"
    );
    assert!(
        line.contains("user=\"viewer\"") && line.contains("auth=none"),
        "{line}"
    );
    assert!(
        !served.log_text().contains("end=quit"),
        "not on stderr as well"
    );
    assert!(served.child.id() > 0);
}

#[test]
fn unfit_host_key_paths_get_a_clear_refusal_and_no_key_is_made_in_the_wrong_place() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("key-edges");
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    let empty = dir.join("empty");
    std::fs::write(&empty, "").unwrap();
    let public = dir.join("key.pub");
    std::fs::write(
        &public,
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x\n",
    )
    .unwrap();
    for path in [&empty, &public] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let fifo = dir.join("fifo");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut cases = vec![
        (folder, "is a directory"),
        (empty, "is empty"),
        (public, "holds a public key"),
    ];
    if made_fifo {
        cases.push((fifo, "not a regular file"));
    }
    // A key that belongs to someone else (only root can give a file away; CI runs as root).
    let made = dir.join("made_key");
    drop(Served::start(&made, &[]).expect("makes a key"));
    let given = Command::new("chown")
        .arg("65534")
        .arg(&made)
        .status()
        .is_ok_and(|s| s.success());
    if given {
        cases.push((made, "belongs to another user"));
    } else {
        eprintln!("SKIPPED: a key owned by another user (chown needs root)");
    }
    for (path, says) in cases {
        let error = Served::start(&path, &[]).err().expect("refuses to start");
        assert!(error.contains(says), "{says}: {error}");
    }

    // Neither HOME nor XDG_STATE_HOME: told to pass --host-key, and nothing is written here.
    let output = Command::new(env!("CARGO_BIN_EXE_sco-dash"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("HOME")
        .env_remove("XDG_STATE_HOME")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&output.stderr).contains("pass --host-key"));
    assert!(!std::fs::read_dir(&dir).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains("ssh_host")
    }));
}

/// HAProxy, or `None` (and a note) where it is not installed.
fn haproxy() -> Option<&'static str> {
    let found = Command::new("haproxy").arg("-v").output().is_ok();
    if !found {
        eprintln!("SKIPPED: HAProxy is not installed; .ci/run installs it");
    }
    found.then_some("haproxy")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// HAProxy in front of `a` and `b`, round robin, telling each the viewer's address (one by
/// PROXY protocol version 2, the other by version 1); and the address it listens on.
fn balance(
    haproxy: &str,
    dir: &Path,
    a: &Served,
    b: &Served,
) -> (std::process::Child, std::net::SocketAddr) {
    let front = free_port();
    let config = dir.join("haproxy.cfg");
    std::fs::write(
        &config,
        format!(
            "global\n  nbthread 1\n\
             defaults\n  mode tcp\n  timeout connect 5s\n  timeout client 60s\n  \
             timeout server 60s\n\
             frontend ssh\n  bind 127.0.0.1:{front}\n  default_backend dashboards\n\
             backend dashboards\n  balance roundrobin\n  \
             server a {} send-proxy-v2\n  server b {} send-proxy\n",
            a.addr, b.addr
        ),
    )
    .unwrap();
    let balancer = Command::new(haproxy)
        .args(["-db", "-f"])
        .arg(&config)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    (balancer, ([127, 0, 0, 1], front).into())
}

/// Four viewers through `front`, from two addresses, each seeing the dashboard and quitting;
/// how many got there.
fn four_viewers_through(front: std::net::SocketAddr) -> usize {
    let runtime = runtime();
    runtime.block_on(async {
        // HAProxy takes a moment to listen.
        for _ in 0..50 {
            if tokio::net::TcpStream::connect(front).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut viewers = Vec::new();
        // Four viewers, round robin: each instance gets some, whatever the connection that
        // checked HAProxy was listening took.
        for from in [
            [127, 0, 0, 7],
            [127, 0, 0, 8],
            [127, 0, 0, 7],
            [127, 0, 0, 8],
        ] {
            let mut viewer = ssh_client::Viewer::open_from(front, from).await;
            assert!(viewer.wait_for("八大成果").await, "{}", viewer.text());
            viewer.send(b"q").await;
            assert!(viewer.wait_for_close().await);
            viewers.push(viewer);
        }
        viewers.len()
    })
}

/// The log lines of the viewers who quit, on `a` and on `b`, once all four are logged (or
/// after five seconds).
fn quits_on_each(a: &Served, b: &Served) -> (Vec<String>, Vec<String>) {
    let quits = |served: &Served| -> Vec<String> {
        served
            .log_text()
            .lines()
            .filter(|l| l.contains("end=quit"))
            .map(str::to_string)
            .collect()
    };
    let (mut on_a, mut on_b) = (Vec::new(), Vec::new());
    for _ in 0..100 {
        (on_a, on_b) = (quits(a), quits(b));
        if on_a.len() + on_b.len() >= 4 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (on_a, on_b)
}

#[test]
fn behind_haproxy_two_instances_see_each_viewers_own_address() {
    let Some(haproxy) = haproxy() else { return };
    let dir = scratch("haproxy");
    let key = dir.join("host_key");
    let trusted = ["--proxy-protocol", "127.0.0.1"];
    let a = Served::start(&key, &trusted).expect("serves");
    // The same host key, so a viewer's client accepts whichever instance it reaches.
    let b = Served::start(&key, &trusted).expect("serves");
    let (mut balancer, front) = balance(haproxy, &dir, &a, &b);
    let reached = four_viewers_through(front);
    let _ = balancer.kill();
    let _ = balancer.wait();
    assert_eq!(reached, 4);
    // Each instance logged its viewers by their own addresses, never by the balancer's.
    let (on_a, on_b) = quits_on_each(&a, &b);
    assert!(
        !on_a.is_empty() && !on_b.is_empty(),
        "both instances served: {on_a:?} {on_b:?}"
    );
    let all: Vec<&String> = on_a.iter().chain(&on_b).collect();
    assert_eq!(all.len(), 4, "{all:?}");
    for line in &all {
        assert!(
            line.contains(" 127.0.0.7:") || line.contains(" 127.0.0.8:"),
            "the viewer's own address, not the balancer's: {line}"
        );
    }
    for address in ["127.0.0.7", "127.0.0.8"] {
        assert_eq!(
            all.iter().filter(|l| l.contains(address)).count(),
            2,
            "{all:?}"
        );
    }
}

#[test]
fn openssh_shows_the_banner_before_login() {
    let Some(ssh) = openssh() else { return };
    let dir = scratch("banner");
    let banner = dir.join("banner.txt");
    std::fs::write(&banner, "Welcome to the SCO demo\u{1b}[2J\n").unwrap();
    let keys = dir.join("authorized_keys");
    std::fs::write(
        &keys,
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x\n",
    )
    .unwrap();
    let served = Served::start(
        &dir.join("host_key"),
        &[
            "--banner",
            banner.to_str().unwrap(),
            "--authorized-keys",
            keys.to_str().unwrap(),
        ],
    )
    .expect("serves");
    // No listed key: the login fails, after the banner.
    let output = Command::new(ssh)
        // Before SSH_OPTIONS: ssh keeps the first value it is given for an option, and
        // shows banners at INFO (its default) and above.
        .args([
            "-o",
            "LogLevel=INFO",
            "-o",
            "IdentitiesOnly=yes",
            "-i",
            "/dev/null",
        ])
        .args(SSH_OPTIONS)
        .args(["-p", &served.addr.port().to_string(), "127.0.0.1"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("Welcome to the SCO demo"), "{said}");
    assert!(
        !said.contains('\u{1b}'),
        "the banner is sanitised: {said:?}"
    );
}

#[test]
fn present_logs_live_to_a_file_and_a_signal_ends_the_demo_with_status_0() {
    let dir = scratch("present");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.args([
        "serve",
        "--presenter",
        "--present",
        "--listen",
        "127.0.0.1:0",
        "--theme",
        "light",
    ]);
    command.arg("--host-key");
    command.arg(dir.join("key"));
    command.env("TERM", "xterm-256color");
    command.env("XDG_STATE_HOME", &dir);
    let mut session = Session::spawn_answering(
        command,
        30,
        100,
        vec![("\x1b[6n", "\x1b[2;2R"), ("\x1b[c", "\x1b[?62;22c")],
    );
    session.expect("上海合作组织天津峰会");
    // `--theme light` holds for the presenter's own terminal too: at 256 colours the light
    // scheme's active tab is colour 24 (the dark one's 80).
    assert_eq!(
        session
            .screen
            .lock()
            .unwrap()
            .screen()
            .cell(0, 1)
            .unwrap()
            .bgcolor(),
        vt100::Color::Idx(24)
    );
    let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    let log = dir.join("sco-dash").join("serve.log");
    assert!(raw.contains("logging to"), "{raw}");
    let port: u16 = raw
        .split("listening on 127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|port| port.parse().ok())
        .expect("the address is printed");
    let runtime = runtime();
    runtime.block_on(async {
        let mut viewer = ssh_client::Viewer::open(([127, 0, 0, 1], port).into(), 80, 24).await;
        assert!(viewer.wait_for("跟随").await, "{}", viewer.text());
        viewer.send(b"q").await;
        assert!(viewer.wait_for_close().await);
    });
    // The follower's line is in the file while the demo still runs.
    let mut text = String::new();
    for _ in 0..100 {
        text = std::fs::read_to_string(&log).unwrap_or_default();
        if text.contains("end=quit") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(text.contains("end=quit"), "{text}");
    let pid = session.child.process_id().expect("a process id");
    let sent = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = session.wait_for_exit();
    assert_eq!(
        status.exit_code(),
        0,
        "as README and --help say: {status:?}"
    );
}
