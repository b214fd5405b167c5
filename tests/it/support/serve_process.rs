//! `sco-dash serve` as its own process, on a free loopback port, with a host key in a fresh
//! folder; stderr is kept for the log lines.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A folder of its own for one test, emptied first.
pub fn scratch(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "sco-dash-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub struct Served {
    pub child: Child,
    pub addr: SocketAddr,
    pub log: Arc<Mutex<Vec<String>>>,
    lines: Receiver<String>,
    /// The read end of a stderr nobody reads (see [`Served::start_with_stuck_stderr`]).
    stuck: Option<BufReader<std::io::PipeReader>>,
}

impl Served {
    /// Starts the server; `None` with its stderr if it exits instead of listening.
    pub fn start(host_key: &Path, args: &[&str]) -> Result<Served, String> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sco-dash"))
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(host_key)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sco-dash starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (send, lines) = channel();
        let kept = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                kept.lock().unwrap().push(line.clone());
                let _ = send.send(line);
            }
        });
        loop {
            match lines.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("sco-dash serve: listening on ") {
                        let addr = rest.split_whitespace().next().unwrap().parse().unwrap();
                        return Ok(Served {
                            child,
                            addr,
                            log,
                            lines,
                            stuck: None,
                        });
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(log.lock().unwrap().join("\n"));
                }
            }
        }
    }

    /// Starts the server with its stderr a pipe that nobody reads once the server has said
    /// where it listens: the test fills it, so every later write to it would wait forever.
    /// The pipe stays open (and full) as long as the `Served`.
    pub fn start_with_stuck_stderr(host_key: &Path, args: &[&str]) -> Served {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_sco-dash"))
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(host_key)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(writer.try_clone().unwrap())
            .spawn()
            .expect("sco-dash starts");
        let mut reader = BufReader::new(reader);
        let mut addr = None;
        let log = Arc::new(Mutex::new(Vec::new()));
        // Up to the last line it prints at start.
        loop {
            let mut line = String::new();
            assert!(reader.read_line(&mut line).unwrap() > 0, "serve exited");
            log.lock().unwrap().push(line.clone());
            if let Some(rest) = line.strip_prefix("sco-dash serve: listening on ") {
                addr = Some(rest.split_whitespace().next().unwrap().parse().unwrap());
            }
            if line.starts_with("sco-dash serve: connect with") {
                break;
            }
        }
        // Fills the pipe: this thread waits on it until the reader goes with the `Served`.
        std::thread::spawn(move || {
            use std::io::Write;
            let junk = vec![b'.'; 1 << 20];
            let _ = writer.write_all(&junk);
        });
        Served {
            child,
            addr: addr.unwrap(),
            log,
            lines: channel().1,
            stuck: Some(reader),
        }
    }

    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to exit (30 s at most, against hanging); its exit code.
    pub fn wait(&mut self) -> Option<i32> {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("sco-dash serve did not exit");
    }

    pub fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// The log once a line holds `needle` (or, after 20 s, as it is): the server writes its
    /// log from a thread of its own, and this side reads it on another, so a line arrives some
    /// time after what it reports.
    pub fn log_once_it_has(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let log = self.log_text();
            if log.contains(needle) || std::time::Instant::now() >= deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
