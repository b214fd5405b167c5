//! The real binary in a pseudo-terminal, read through a terminal emulator: what a person
//! sees while switching through the tabs, and a clean terminal after quitting.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::pty;

use portable_pty::CommandBuilder;
use pty::Session;
use vt100::MouseProtocolMode;

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// The cursor report of a narrow terminal to the ambiguous-width probe (a `·` drawn at the
/// start of row 2 leaves the cursor in column 2). vt100 does not answer queries itself.
const NARROW_REPORT: (&str, &str) = ("\x1b[6n", "\x1b[2;2R");

/// DA1's answer from a VT220-class terminal: every terminal answers DA1.
const DA1: (&str, &str) = ("\x1b[c", DA1_REPLY);

fn start() -> Session {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.env("TERM", "xterm-256color");
    Session::spawn_answering(command, ROWS, COLS, vec![NARROW_REPORT, DA1])
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
        ("1", "上海合作组织天津峰会概览"),
    ] {
        session.send(key);
        session.expect(shows);
    }
    // A click on the second tab's label (SGR mouse report, 1-based column and row).
    session.send("\x1b[<0;12;1M\x1b[<0;12;1m");
    session.expect("┏ 八大成果 ━");

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

/// The last row of the screen as text.
fn bottom_row(session: &Session) -> String {
    let parser = session.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    screen.contents_between(rows - 1, 0, rows - 1, cols)
}

#[test]
fn a_resize_storm_there_and_back_leaves_a_whole_screen() {
    let session = start();
    session.expect("上海合作组织天津峰会");
    // A→B→A with no gap: the emulator cuts the screen to B, the app must repaint all of A.
    session.resize(15, 60);
    session.resize(ROWS, COLS);
    session.expect(" sco-dash ");
    let deadline = std::time::Instant::now() + pty::WAIT;
    while !bottom_row(&session).contains("帮助") {
        assert!(
            std::time::Instant::now() < deadline,
            "the status bar never came back:\n{}",
            session.contents()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Whether the process is stopped (state `T` in /proc).
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after_name = stat.rsplit_once(')')?.1.trim_start().chars().next()?;
            Some(after_name == 'T')
        })
        .unwrap_or(false)
}

fn wait_until(what: &str, session: &Session, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + pty::WAIT;
    while !done() {
        assert!(
            std::time::Instant::now() < deadline,
            "never {what}; the screen shows:\n{}",
            session.contents()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn signal(pid: u32, name: &str) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

fn assert_restored(session: &Session) {
    let parser = session.screen.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert_eq!(screen.mouse_protocol_mode(), MouseProtocolMode::None);
    assert!(!screen.hide_cursor(), "cursor shown");
    assert!(!screen.bracketed_paste(), "bracketed paste off");
}

#[test]
fn sigtstp_and_ctrl_z_give_the_terminal_back_and_sigcont_redraws() {
    let mut session = start();
    session.expect("上海合作组织天津峰会");
    let pid = session.child.process_id().expect("a process id");
    session.send("2");
    session.expect("制定了上合组织未来10年发展战略");
    for stop in ["signal", "key"] {
        match stop {
            "signal" => signal(pid, "TSTP"),
            _ => session.send("\x1a"),
        }
        wait_until("stopped", &session, || stopped(pid));
        // The restore was written before the stop; let the reader take it in.
        wait_until("back on the main screen", &session, || {
            !session.screen.lock().unwrap().screen().alternate_screen()
        });
        assert_restored(&session);
        // What the shell prints meanwhile is on the main screen; the app must repaint over it.
        signal(pid, "CONT");
        wait_until("redrawn", &session, || {
            let parser = session.screen.lock().unwrap();
            parser.screen().alternate_screen()
                && parser
                    .screen()
                    .contents()
                    .contains("制定了上合组织未来10年发展战略")
        });
        assert!(!stopped(pid), "{stop}: running again");
    }
    session.send("q");
    assert!(session.wait_for_exit().success());
    assert_restored(&session);
}

#[test]
fn sigquit_and_sigusr1_restore_the_terminal_and_exit_128_plus_n() {
    for (name, status) in [("QUIT", 131), ("USR1", 138)] {
        let mut session = start();
        session.expect("上海合作组织天津峰会");
        let pid = session.child.process_id().expect("a process id");
        signal(pid, name);
        assert_eq!(session.wait_for_exit().exit_code(), status, "SIG{name}");
        assert_restored(&session);
    }
}

/// DA1's answer from a VT220-class terminal.
const DA1_REPLY: &str = "\x1b[?62;22c";

fn start_answering(answers: Vec<(&'static str, &'static str)>) -> Session {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.env("TERM", "xterm-256color");
    command.env_remove("COLORFGBG");
    Session::spawn_answering(command, ROWS, COLS, answers)
}

/// The background colour of the active tab's label (row 0, column 1 on the overview).
fn active_tab_background(session: &Session) -> vt100::Color {
    let parser = session.screen.lock().unwrap();
    parser.screen().cell(0, 1).unwrap().bgcolor()
}

#[test]
fn a_terminal_that_answers_osc_11_with_white_gets_the_light_theme() {
    let mut session = start_answering(vec![
        ("\x1b]11;?", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"),
        ("\x1b[c", DA1_REPLY),
        NARROW_REPORT,
    ]);
    session.expect("上海合作组织天津峰会");
    // At 256 colours the light scheme's active tab is xterm colour 24, the dark one's 80.
    assert_eq!(active_tab_background(&session), vt100::Color::Idx(24));
    session.send("q");
    assert!(session.wait_for_exit().success());
    // The answer came while the first frame was being made: no dark frame came first, even
    // when the answer takes a while (as over a link of a few tens of milliseconds).
    let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    assert!(
        !raw.contains("48;5;80m"),
        "a dark frame before the light one"
    );
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.env("TERM", "xterm-256color");
    command.env_remove("COLORFGBG");
    let mut slow = Session::spawn_answering_after(
        command,
        ROWS,
        COLS,
        vec![
            ("\x1b]11;?", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"),
            ("\x1b[c", DA1_REPLY),
            NARROW_REPORT,
        ],
        std::time::Duration::from_millis(30),
    );
    slow.expect("上海合作组织天津峰会");
    assert_eq!(active_tab_background(&slow), vt100::Color::Idx(24));
    slow.send("q");
    assert!(slow.wait_for_exit().success());
    let raw = String::from_utf8_lossy(&slow.raw.lock().unwrap()).into_owned();
    assert!(
        !raw.contains("48;5;80m"),
        "a dark frame before the light one"
    );

    let mut session = start_answering(vec![
        ("\x1b]11;?", "\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\"),
        ("\x1b[c", DA1_REPLY),
        NARROW_REPORT,
    ]);
    session.expect("上海合作组织天津峰会");
    assert_eq!(active_tab_background(&session), vt100::Color::Idx(80));
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_terminal_that_answers_nothing_still_gets_its_first_frame() {
    // The questions are never answered: the dashboard draws anyway. (How soon, next to a
    // terminal that answers, is `scripts/measure.py`'s "silent terminal" figure.)
    let mut session = start_answering(vec![NARROW_REPORT, DA1]);
    session.expect("上海合作组织天津峰会");
    let mut silent = start_answering(Vec::new());
    silent.expect("上海合作组织天津峰会");
    assert_eq!(
        active_tab_background(&session),
        vt100::Color::Idx(80),
        "dark"
    );
    // A key typed while the dashboard still listens for answers is not lost.
    silent.send("3");
    silent.expect("中方将成立中国—上海合作组织能源合作平台");
    for session in [&mut session, &mut silent] {
        session.send("q");
        assert!(session.wait_for_exit().success());
    }
}

#[test]
fn y_copies_the_selected_record_through_osc_52_and_says_so() {
    let mut session = start();
    session.expect("上海合作组织天津峰会");
    session.send("5");
    session.expect("米尔济约耶夫");
    session.send("y");
    session.expect("已复制");
    let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    let end = start + raw[start..].find('\x07').expect("ended by BEL");
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("2024"), "the record's date: {text}");
    assert!(!text.contains('\x1b'), "plain text: {text:?}");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

/// The dashboard with a config file holding `text`, in a fresh XDG_CONFIG_HOME.
fn start_with_config(test: &str, text: &str) -> (Session, std::path::PathBuf) {
    let home = std::env::temp_dir().join(format!("sco-dash-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join("sco-dash")).unwrap();
    std::fs::write(home.join("sco-dash/config.toml"), text).unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", &home);
    (
        Session::spawn_answering(command, ROWS, COLS, vec![NARROW_REPORT, DA1]),
        home,
    )
}

#[test]
fn the_config_file_sets_the_start_tab_the_theme_and_the_keys() {
    let (mut session, home) = start_with_config(
        "config-good",
        "theme = \"light\"\nstart_tab = \"meetings\"\nmouse = false\n[keys]\nquit = \"Q\"\n",
    );
    session.expect("米尔济约耶夫");
    {
        let parser = session.screen.lock().unwrap();
        let screen = parser.screen();
        assert_eq!(
            screen.mouse_protocol_mode(),
            MouseProtocolMode::None,
            "mouse = false"
        );
        // The light scheme's active tab at 256 colours (the dark one's is 80).
        assert_eq!(screen.cell(0, 47).unwrap().bgcolor(), vt100::Color::Idx(24));
    }
    // The status bar's hint follows the rebinding, and `q` no longer quits: a key sent after
    // it is still taken and drawn (input is read in order), and the app still runs.
    session.expect("Q 退出");
    session.send("q2");
    session.expect("制定了上合组织未来10年发展战略");
    assert!(
        session.child.try_wait().unwrap().is_none(),
        "q no longer quits"
    );
    session.send("Q");
    assert!(session.wait_for_exit().success());
    std::fs::remove_dir_all(home).unwrap();
}

#[test]
fn a_broken_config_is_reported_at_its_line_and_column_then_the_defaults_go_on() {
    let (mut session, home) = start_with_config(
        "config-broken",
        "mouse = true\ntheme = \"blue\u{1b}]0;TITLE\u{7}\"\n",
    );
    // A raw ESC in the file: toml quotes the line, sanitised, and marks the column.
    session.expect("line 2, column 14");
    session.expect("press Enter");
    let contents = session.contents();
    assert!(contents.contains("invalid basic string"), "{contents}");
    assert!(contents.contains("␛]0;TITLE␇"), "shown inert: {contents}");
    assert!(
        !String::from_utf8_lossy(&session.raw.lock().unwrap()).contains("\x1b]0;TITLE"),
        "no escape sequence reached the terminal"
    );
    session.send("\r");
    session.expect("上海合作组织天津峰会");
    session.send("q");
    assert!(session.wait_for_exit().success());
    std::fs::remove_dir_all(home).unwrap();
}

#[test]
fn the_ambiguous_width_probe_reads_the_cursor_and_keeps_keys_typed_meanwhile() {
    // A terminal that draws ambiguous glyphs wide: the probe's dot moved the cursor two
    // columns. The user pressed 5 just before the answer came.
    let mut session = start_answering(vec![("\x1b[6n", "5\x1b[2;3R"), DA1]);
    session.expect("米尔济约耶夫");
    let contents = session.contents();
    assert!(
        contents.contains("#=") && !contents.contains('┏'),
        "ASCII frames in wide mode:\n{contents}"
    );
    session.send("q");
    assert!(session.wait_for_exit().success());

    let mut session = start_answering(vec![("\x1b[6n", "\x1b[2;2R"), DA1]);
    session.expect("上海合作组织天津峰会");
    assert!(
        session.contents().contains('┏'),
        "box drawing in narrow mode"
    );
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn at_16_colours_frames_use_classic_codes_and_come_as_synchronized_updates() {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sco-dash"));
    command.env("TERM", "xterm");
    command.env_remove("COLORTERM");
    let mut session = Session::spawn_answering(command, ROWS, COLS, vec![NARROW_REPORT, DA1]);
    session.expect("上海合作组织天津峰会");
    session.send("3");
    session.expect("中方将成立中国—上海合作组织能源合作平台");
    session.send("q");
    assert!(session.wait_for_exit().success());
    let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    assert!(
        !raw.contains("38;5;") && !raw.contains("48;5;"),
        "no 256-colour codes"
    );
    assert!(
        raw.contains("\x1b[44m") || raw.contains(";44m"),
        "the status bar's blue"
    );
    let begins = raw.matches("\x1b[?2026h").count();
    assert!(begins >= 2, "a synchronized update per frame: {begins}");
    assert_eq!(begins, raw.matches("\x1b[?2026l").count(), "each one ended");
}
