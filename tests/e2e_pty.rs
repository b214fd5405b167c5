//! The real binary in a pseudo-terminal, read through a terminal emulator: what a person
//! sees while switching through the tabs, and a clean terminal after quitting.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use portable_pty::CommandBuilder;
use pty::Session;
use vt100::MouseProtocolMode;

const ROWS: u16 = 30;
const COLS: u16 = 100;

fn start() -> Session {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.env("TERM", "xterm-256color");
    Session::spawn(command, ROWS, COLS)
}

#[test]
fn switching_through_every_tab_and_quitting_leaves_a_clean_terminal() {
    let mut session = start();
    session.expect("上海合作组织天津峰会");
    {
        let parser = session.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(
            screen.alternate_screen(),
            "the dashboard uses the alternate screen"
        );
        assert_eq!(
            screen.mouse_protocol_mode(),
            MouseProtocolMode::PressRelease,
            "buttons only, never all motion"
        );
    }
    for (key, shows) in [
        ("2", "制定了上合组织未来10年发展战略"),
        ("3", "中方将成立中国—上海合作组织能源合作平台"),
        ("4", "元首理事会第一次会议"),
        ("5", "米尔济约耶夫"),
        ("6", "主席国主要活动"),
        // Back on the overview, whose first screen reaches the chairmanship section.
        ("1", "轮值主席国 Chairmanship"),
    ] {
        session.send(key);
        session.expect(shows);
    }
    // A click on the second tab's label (SGR mouse report, 1-based column and row).
    session.send("\x1b[<0;12;1M\x1b[<0;12;1m");
    session.expect("八大成果 Outcomes");

    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    let parser = session.screen.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse reporting off"
    );
    assert!(!screen.hide_cursor(), "cursor shown again");
    assert!(!screen.bracketed_paste(), "bracketed paste off");
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut session = start();
    session.expect("上海合作组织天津峰会");
    let pid = session.child.process_id().expect("a process id");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 143, "{status:?}");
    let parser = session.screen.lock().unwrap();
    assert!(!parser.screen().alternate_screen());
    assert_eq!(
        parser.screen().mouse_protocol_mode(),
        MouseProtocolMode::None
    );
}
