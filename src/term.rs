//! The local terminal: set-up, restore on every way out, and crossterm events translated into
//! the app's own input. The only module that touches the real terminal.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use crossterm::terminal;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM,
    SIGXCPU,
};
use signal_hook::iterator::Signals;

use crate::app::input::{Input, Key, KeyCode, Mouse, MouseKind};
use crate::app::keymap::Keymap;
use crate::app::presence::Presence;
use crate::app::{App, Catalog, Tab};
use crate::data::Lang;
use crate::output::{FrameWriter, osc52, screen_off, screen_on, synchronized};
use crate::text::sanitize::sanitize_lines;
use crate::text::width::{Ambiguous, with_ambiguous};
use crate::ui::theme::ThemeChoice;
use crate::ui::{Theme, draw_frame};

mod probe;
pub(crate) mod questions;
use probe::Answers;

pub struct Options {
    pub mouse: bool,
    /// Set when this terminal presents a demo that SSH viewers follow.
    pub presence: Option<Presence>,
}

/// Why the dashboard stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// A signal: its number, for the conventional 128 + n exit status.
    Signal(i32),
    /// The terminal went away (EOF or an error reading it, as when an SSH link drops).
    Hangup,
}

impl Exit {
    /// The process's exit status: 0, or 128 + the signal's number.
    pub fn status(self) -> u8 {
        match self {
            Exit::Quit | Exit::Hangup => 0,
            Exit::Signal(signal) => (128 + signal).clamp(0, 255) as u8,
        }
    }
}

static MOUSE_ENABLED: AtomicBool = AtomicBool::new(false);
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Lines for stderr that came while the dashboard owned the terminal (the SSH server's log
/// under `serve --present`): printed once the terminal is restored, not over the screen.
static HELD: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Writes a line to stderr, or holds it until the terminal is restored. Sanitised: a log
/// line may quote what a client sent.
pub fn report(line: String) {
    if ACTIVE.load(Ordering::SeqCst) {
        HELD.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(line);
    } else {
        eprintln!("{}", sanitize_lines(&line));
    }
}

fn print_held() {
    let held = std::mem::take(&mut *HELD.lock().unwrap_or_else(PoisonError::into_inner));
    for line in held {
        eprintln!("{}", sanitize_lines(&line));
    }
}

/// Puts the terminal back as it was. Safe to call more than once, from a panic hook too.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let mouse = MOUSE_ENABLED.swap(false, Ordering::SeqCst);
    let _ = out.write_all(screen_off(mouse).as_bytes());
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
    print_held();
}

struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn set_up(options: &Options) -> io::Result<Guard> {
    let guard = Guard;
    enter(options)?;
    Ok(guard)
}

/// Raw mode and the dashboard's screen; again after a suspend, so it must not assume
/// anything about the terminal's state.
fn enter(options: &Options) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    out.write_all(screen_on(options.mouse).as_bytes())?;
    MOUSE_ENABLED.store(options.mouse, Ordering::SeqCst);
    out.flush()
}

/// Restores the terminal before the panic message is printed, so the message is readable and
/// the shell is usable afterwards.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic on another thread (an SSH viewer's, under `serve --present`) ends only that
        // session: the dashboard keeps the terminal, and the message waits for the restore.
        if ACTIVE.load(Ordering::SeqCst) && std::thread::current().name() != Some("main") {
            report(format!("sco-dash: a session panicked: {info}"));
            return;
        }
        restore();
        previous(info);
    }));
}

/// Signals that end the dashboard (exit status 128 + n) after the terminal is restored. The
/// ones that cannot be caught safely (SIGKILL, SIGSEGV, …) are out of reach of any program.
const FATAL_SIGNALS: [i32; 9] = [
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU,
];

/// What wakes the main loop: the terminal (keys, mouse, resizes) or a signal.
enum Wake {
    Terminal(io::Result<Event>),
    Signal(i32),
    /// The answers to the start-up questions, when they came after the first frame.
    Answered(Answers),
}

/// Signals arrive as messages on the loop's own channel, so each one is handled at once and
/// in order (a stop then a continue are two things to do, not one flag overwritten).
fn spawn_signal_thread(sender: SyncSender<Wake>) -> io::Result<()> {
    let mut wanted = FATAL_SIGNALS.to_vec();
    wanted.extend([SIGTSTP, SIGCONT]);
    let mut signals = Signals::new(&wanted)?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(Wake::Signal(signal)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// The theme `choice` gives this terminal from what its variables say (`COLORFGBG`), and
/// whether its background is still to be asked, with the other start-up questions (the
/// choice is `auto`, colour is on and `COLORFGBG` does not say).
pub fn theme(base: Theme, choice: ThemeChoice) -> (Theme, bool) {
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let mut ask = false;
    let theme = base.choose(choice, colorfgbg.as_deref(), || {
        ask = true;
        None
    });
    (theme, ask)
}

/// Runs the dashboard on this terminal until it quits, a signal comes or the terminal goes.
/// `observe` sees the app after every frame (a presenter's moves go to followers from there).
pub fn run(
    catalog: Arc<Catalog>,
    options: Options,
    theme: Theme,
    observe: impl FnMut(&App),
) -> io::Result<Exit> {
    run_from(catalog, options, theme, Start::default(), observe)
}

/// How the local dashboard opens (from the command line and the config file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub tab: Tab,
    pub lang: Lang,
    /// `None`: ask the terminal.
    pub ambiguous: Option<Ambiguous>,
    /// Ask the terminal for its background, and take its scheme (the theme is `auto`).
    pub ask_background: bool,
    /// `--tour SECONDS`: open on a tour, one step per interval.
    pub tour: Option<Duration>,
    /// A paused tour runs again after this long without a key (`None`: only the tour key).
    pub tour_resume: Option<Duration>,
    /// `--kiosk`: `q` does not quit.
    pub kiosk: bool,
    /// The keys in force (the config file's `[keys]` over the built-in ones).
    pub keymap: Keymap,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            tab: Tab::Overview,
            lang: Lang::Zh,
            ambiguous: Some(Ambiguous::Narrow),
            ask_background: false,
            tour: None,
            tour_resume: Some(crate::app::tour::DEFAULT_RESUME),
            kiosk: false,
            keymap: Keymap::default(),
        }
    }
}

/// As [`run`], opening as `start` says.
pub fn run_from(
    catalog: Arc<Catalog>,
    options: Options,
    theme: Theme,
    start: Start,
    mut observe: impl FnMut(&App),
) -> io::Result<Exit> {
    install_panic_hook();
    let (sender, wakes) = mpsc::sync_channel(64);
    spawn_signal_thread(sender.clone())?;
    let _guard = set_up(&options)?;
    // The terminal's ambiguous width: a value of this loop, measured under for each turn.
    let ambiguous = start.ambiguous.unwrap_or(Ambiguous::Narrow);
    let ask = start.ask_background || start.ambiguous.is_none();
    // The event reader starts once the answers are in: until then they are read as answers,
    // not keys.
    let answers = {
        let sender = sender.clone();
        probe::ask(ask, move || spawn_reader(sender))?
    };
    let (width, height) = terminal::size()?;
    let mut app = with_ambiguous(ambiguous, || {
        open_app(catalog, &start, &options, width, height)
    });
    // A fixed viewport: ratatui's full-screen one asks the terminal its size before every
    // frame; resizes come as events and are applied below.
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(FrameWriter::new(io::stdout())),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height)),
        },
    )?;
    let mut screen = Screen {
        theme,
        ambiguous,
        redraw_all: false,
    };
    first_answers(answers, &sender, &start, &mut screen, &mut app);
    let mut index_warmed = false;
    while !app.has_quit() {
        let mode = screen.ambiguous;
        let next = with_ambiguous(mode, || {
            // The tour moves on here, before the frame: at most one step per frame.
            app.tour_tick(Instant::now());
            let full = std::mem::take(&mut screen.redraw_all);
            draw(&mut terminal, &mut app, &screen.theme, full)?;
            observe(&app);
            if !std::mem::replace(&mut index_warmed, true) {
                // The search index is built once the first frame is up, not before it.
                let catalog = Arc::clone(app.catalog());
                std::thread::spawn(move || {
                    catalog.search();
                });
            }
            match next_wake(&wakes, &app) {
                Ok(Some(wake)) => {
                    on_wake(wake, &options, &start, &mut screen, &mut app, &mut terminal)
                }
                Ok(None) => Ok(Next::Frame),
                Err(exit) => Ok(Next::Exit(exit)),
            }
        })?;
        match next {
            Next::Frame => {}
            Next::FullFrame => screen.redraw_all = true,
            Next::Exit(exit) => return Ok(exit),
        }
    }
    Ok(Exit::Quit)
}

/// How the local terminal draws: what its answers may change while the dashboard runs.
struct Screen {
    theme: Theme,
    ambiguous: Ambiguous,
    /// Draw every cell next: the screen may hold anything.
    redraw_all: bool,
}

/// The app as the command line and the config file open it.
fn open_app(
    catalog: Arc<Catalog>,
    start: &Start,
    options: &Options,
    width: u16,
    height: u16,
) -> App {
    let mut app = App::new(catalog, width, height);
    app.set_lang(start.lang);
    app.set_keymap(start.keymap.clone());
    app.set_kiosk(start.kiosk);
    app.set_tour_resume(start.tour_resume);
    app.set_presence(options.presence.clone());
    if start.tab != Tab::Overview {
        app.update(crate::app::Action::GoTo(start.tab));
    }
    if let Some(interval) = start.tour {
        app.start_tour(interval);
    }
    app
}

/// The first frame waits a moment for the answers (here they come while the app was being
/// built), so a light terminal does not see a dark frame first; a slow link gets the frame
/// with what is known, and the answers' effect when they come.
fn first_answers(
    answers: mpsc::Receiver<Answers>,
    sender: &mpsc::SyncSender<Wake>,
    start: &Start,
    screen: &mut Screen,
    app: &mut App,
) {
    match answers.recv_timeout(ANSWER_WAIT) {
        Ok(answered) => {
            apply(answered, start, screen, app);
        }
        Err(_) => {
            let sender = sender.clone();
            std::thread::spawn(move || {
                if let Ok(answered) = answers.recv() {
                    let _ = sender.send(Wake::Answered(answered));
                }
            });
        }
    }
}

type LocalTerminal = Terminal<CrosstermBackend<FrameWriter<io::Stdout>>>;

/// One frame; `full` after whatever the screen holds now is unknown.
fn draw(terminal: &mut LocalTerminal, app: &mut App, theme: &Theme, full: bool) -> io::Result<()> {
    synchronized(terminal, |terminal| {
        if full {
            // Whatever the screen holds now (a terminal's reflow after a resize, the
            // shell's output after a suspend) is unknown: clear it and draw every cell.
            // (`resize` clears and resets the diff; `clear` would ask the terminal where
            // its cursor is, a reply the event reader would swallow.)
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            app.handle(Input::Resize {
                width: size.width,
                height: size.height,
            });
        }
        terminal.draw(|frame| draw_frame(frame, app, theme))?;
        Ok(())
    })
}

/// Waits for what comes next: `None` when a tour step is due, `Err` when the terminal has
/// gone away.
fn next_wake(wakes: &mpsc::Receiver<Wake>, app: &App) -> Result<Option<Wake>, Exit> {
    loop {
        match wakes.recv_timeout(TICK) {
            Ok(wake) => return Ok(Some(wake)),
            Err(RecvTimeoutError::Disconnected) => return Err(Exit::Hangup),
            // Between events: a terminal that has gone away ends the session.
            Err(RecvTimeoutError::Timeout) if !io::stdin().is_terminal() => {
                return Err(Exit::Hangup);
            }
            // A tour step is due: round the loop to show it.
            Err(RecvTimeoutError::Timeout)
                if app.tour_due_at().is_some_and(|at| Instant::now() >= at) =>
            {
                return Ok(None);
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

/// What the loop does after a wake.
enum Next {
    Frame,
    /// Draw every cell: the screen may hold anything.
    FullFrame,
    Exit(Exit),
}

fn on_wake(
    wake: Wake,
    options: &Options,
    start: &Start,
    screen: &mut Screen,
    app: &mut App,
    terminal: &mut LocalTerminal,
) -> io::Result<Next> {
    let event = match wake {
        Wake::Terminal(Ok(event)) => event,
        Wake::Terminal(Err(_)) => return Ok(Next::Exit(Exit::Hangup)),
        Wake::Signal(SIGTSTP) => {
            suspend(options)?;
            return Ok(Next::FullFrame);
        }
        // Continued after a stop we did not ask for (`kill -STOP`): the shell may have
        // reset the terminal meanwhile.
        Wake::Signal(SIGCONT) => {
            enter(options)?;
            return Ok(Next::FullFrame);
        }
        Wake::Signal(signal) => return Ok(Next::Exit(Exit::Signal(signal))),
        Wake::Answered(answered) => {
            let full = apply(answered, start, screen, app);
            return Ok(if full { Next::FullFrame } else { Next::Frame });
        }
    };
    if is_suspend_key(&event) {
        suspend(options)?;
        return Ok(Next::FullFrame);
    }
    if let Event::Resize(..) = event {
        // Every resize, even back to the size drawn last (A→B→A within a few ms): the
        // terminal may have reflowed or cut the screen, which ratatui's diff cannot know.
        return Ok(Next::FullFrame);
    }
    if let Some(input) = translate(event) {
        app.handle(input);
    }
    if let Some(text) = app.take_clipboard() {
        let backend = terminal.backend_mut();
        backend.write_all(osc52(&text).as_bytes())?;
        backend.flush()?;
    }
    Ok(Next::Frame)
}

/// Ctrl-z: in raw mode the terminal sends it as a key instead of stopping the job.
fn is_suspend_key(event: &Event) -> bool {
    matches!(event, Event::Key(key)
        if key.kind != KeyEventKind::Release
            && key.code == event::KeyCode::Char('z')
            && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// Gives the terminal back and stops the job as the shell expects; returns once continued
/// (`fg`), with the dashboard's screen set up again.
fn suspend(options: &Options) -> io::Result<()> {
    restore();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter(options)
}

const TICK: Duration = Duration::from_millis(200);

/// How long the first frame waits for the terminal's answers before it is drawn without them.
const ANSWER_WAIT: Duration = Duration::from_millis(50);

/// Takes the terminal's answers and the keys typed before them; `true` when the screen must
/// be drawn again for them. (The app's layouts are kept by ambiguous width, so a change of
/// it lays them out again.)
fn apply(answers: Answers, start: &Start, screen: &mut Screen, app: &mut App) -> bool {
    let mut changed = false;
    if let Some(scheme) = answers.said.background.filter(|_| start.ask_background)
        && scheme != screen.theme.scheme
    {
        screen.theme = screen.theme.with_scheme(scheme);
        changed = true;
    }
    if let Some(mode) = answers.said.ambiguous.filter(|_| start.ambiguous.is_none())
        && mode != screen.ambiguous
    {
        screen.ambiguous = mode;
        changed = true;
    }
    // The keys typed before the answers act on the screen as it now is.
    with_ambiguous(screen.ambiguous, || {
        for c in answers.typed.chars() {
            app.handle(Input::Key(Key {
                code: KeyCode::Char(c),
                ctrl: false,
                alt: false,
            }));
        }
    });
    changed
}

/// Reads terminal events on their own thread. When the terminal hangs up, crossterm's read
/// can spin without returning (crossterm #793); the main loop never waits on it for longer
/// than a tick, so it still notices the hangup and the process exits, thread and all.
fn spawn_reader(sender: SyncSender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(Wake::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
}

/// A crossterm event as the app's input; `None` for what the app does not use.
pub fn translate(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let code = match key.code {
                event::KeyCode::Char(c) => KeyCode::Char(c),
                event::KeyCode::Enter => KeyCode::Enter,
                event::KeyCode::Esc => KeyCode::Esc,
                event::KeyCode::Backspace => KeyCode::Backspace,
                event::KeyCode::Tab => KeyCode::Tab,
                event::KeyCode::BackTab => KeyCode::BackTab,
                event::KeyCode::Up => KeyCode::Up,
                event::KeyCode::Down => KeyCode::Down,
                event::KeyCode::Left => KeyCode::Left,
                event::KeyCode::Right => KeyCode::Right,
                event::KeyCode::Home => KeyCode::Home,
                event::KeyCode::End => KeyCode::End,
                event::KeyCode::PageUp => KeyCode::PageUp,
                event::KeyCode::PageDown => KeyCode::PageDown,
                event::KeyCode::Delete => KeyCode::Delete,
                event::KeyCode::F(n) => KeyCode::F(n),
                _ => return None,
            };
            Some(Input::Key(Key {
                code,
                ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
                alt: key.modifiers.contains(KeyModifiers::ALT),
            }))
        }
        Event::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                _ => return None,
            };
            Some(Input::Mouse(Mouse {
                kind,
                column: mouse.column,
                row: mouse.row,
            }))
        }
        Event::Paste(text) => Some(Input::Paste(text)),
        Event::Resize(width, height) => Some(Input::Resize { width, height }),
        _ => None,
    }
}
