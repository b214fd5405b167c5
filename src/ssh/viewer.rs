//! One viewer's dashboard: their own app and screen, fed by the bytes they type, drawn into
//! memory and sent with at most one frame in flight. While a frame is on its way, input is
//! still taken and applied, and the next frame carries everything that changed meanwhile, so
//! a slow link sees fewer frames, never a growing queue.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep_until, timeout};

use crate::app::input::bytes::InputParser;
use crate::app::input::{Input, Key, KeyCode};
use crate::app::presence::Presence;
use crate::app::{App, Catalog};
use crate::data::Lang;
use crate::output::{FrameWriter, draw_changes, osc52, screen_off, screen_on};
use crate::ssh::limits::{CellBudget, Cells, TokenBucket};
use crate::ssh::log::Record;
use crate::ssh::server::Limits;
use crate::ssh::stage::{Hub, Stage};
use crate::term::questions;
use crate::text::width::{Ambiguous, with_ambiguous};
use crate::ui::Theme;
use crate::ui::theme::ThemeChoice;

/// What the connection passes to its viewer.
#[derive(Debug)]
pub enum Event {
    Bytes(Vec<u8>),
    Resize(u16, u16),
}

/// The viewer's part in a presented demo.
#[derive(Debug, Clone)]
pub enum Part {
    /// No presenter mode: everyone browses on their own.
    Alone,
    Presenter {
        id: u64,
        name: String,
    },
    Follower,
}

pub struct Setup {
    pub catalog: Arc<Catalog>,
    pub theme: Theme,
    pub size: (u16, u16),
    pub part: Part,
    pub mouse: bool,
    pub limits: Limits,
    pub hub: Arc<Hub>,
    pub shutdown: watch::Receiver<bool>,
    pub record: Arc<Record>,
    #[cfg(feature = "test-hooks")]
    pub panic_key: Option<char>,
    pub cells: Arc<CellBudget>,
    /// The viewer's address: its source's screens share the cell budget.
    pub ip: std::net::IpAddr,
    /// `--theme`: `auto` follows each viewer's background.
    pub theme_choice: ThemeChoice,
    /// The viewer's language, from their forwarded locale.
    pub lang: Lang,
}

/// Inputs held for the next frame at most; a client typing faster than frames are drawn
/// loses the excess rather than growing the queue.
const MAX_TYPED: usize = 512;

/// Why a viewer's session ended: what the log says, and what the viewer is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Quit,
    Idle,
    TooLong,
    Shutdown,
    /// The client closed the channel or the connection went.
    Gone,
    /// The client stopped reading for longer than the stall timeout.
    Stalled,
    /// No room for another screen in the server's memory budget.
    Full,
}

impl End {
    pub fn log_word(self) -> &'static str {
        match self {
            End::Quit => "quit",
            End::Idle => "idle",
            End::TooLong => "max-session",
            End::Shutdown => "shutdown",
            End::Gone => "disconnected",
            End::Stalled => "stalled",
            End::Full => "refused-full",
        }
    }

    /// The last line a viewer reads, in the language they read at the end.
    fn farewell(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (End::Quit, Lang::En) => Some("sco-dash: goodbye"),
            (End::Shutdown, Lang::En) => Some("sco-dash: the server is shutting down. Goodbye"),
            (End::Quit, Lang::Ru) => Some("sco-dash: до свидания"),
            (End::Shutdown, Lang::Ru) => Some("sco-dash: сервер останавливается. До свидания"),
            _ => self.farewell_in_both(),
        }
    }

    fn farewell_in_both(self) -> Option<&'static str> {
        match self {
            End::Quit => Some("sco-dash: 再见 goodbye"),
            End::Idle => Some("sco-dash: closed after a while without keys (idle timeout)"),
            End::TooLong => Some("sco-dash: closed at the session time limit"),
            End::Shutdown => Some("sco-dash: the server is shutting down. 再见 goodbye"),
            End::Full => Some("sco-dash: the demo is full, try again later"),
            End::Gone | End::Stalled => None,
        }
    }
}

type Sending = Pin<Box<dyn Future<Output = Result<(), End>> + Send>>;

/// The frame on its way, or a future that never ends when there is none.
async fn in_flight(sending: &mut Option<Sending>) -> Result<(), End> {
    match sending {
        Some(frame) => frame.await,
        None => std::future::pending().await,
    }
}

/// Sends one frame, giving up if the client does not make room for it in time.
fn send(out: Arc<ChannelWriteHalf<Msg>>, bytes: Vec<u8>, stall: Duration) -> Sending {
    Box::pin(async move {
        match timeout(stall, out.data_bytes(bytes)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => Err(End::Gone),
            Err(_) => Err(End::Stalled),
        }
    })
}

/// Where the terminal writes a frame's bytes, until they are taken to be sent.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Screen {
    app: App,
    backend: CrosstermBackend<FrameWriter<Sink>>,
    /// What the viewer's terminal shows (see [`draw_changes`]).
    shown: Buffer,
    sink: Sink,
    theme: Theme,
    cells: Cells,
    /// How wide this viewer's terminal draws East Asian Ambiguous characters.
    ambiguous: Ambiguous,
    /// The next frame clears the screen first: its size changed, and what the client's
    /// terminal made of the old frame at the new size is not known.
    clear: bool,
}

impl Screen {
    fn new(setup: &Setup, cells: Cells) -> io::Result<Screen> {
        let (width, height) = cells.size();
        let mut app = App::new(Arc::clone(&setup.catalog), width, height);
        app.set_lang(setup.lang);
        app.set_presence(match &setup.part {
            Part::Alone => None,
            Part::Presenter { name, .. } => Some(Presence::presenter(name)),
            Part::Follower => Some(Presence::follower(None)),
        });
        let sink = Sink::default();
        Ok(Screen {
            app,
            backend: CrosstermBackend::new(FrameWriter::new(sink.clone())),
            shown: Buffer::empty(Rect::new(0, 0, width, height)),
            sink,
            theme: setup.theme,
            cells,
            ambiguous: Ambiguous::Narrow,
            clear: false,
        })
    }

    /// The bytes that bring the viewer's terminal up to date with the app.
    fn draw(&mut self) -> io::Result<Vec<u8>> {
        if std::mem::take(&mut self.clear) {
            // The screen is cleared and `shown` is blank (see `forget_shown`), so the frame
            // that follows is drawn whole.
            io::Write::write_all(&mut self.sink, b"\x1b[H\x1b[2J")?;
        }
        // What `y` copied goes to the viewer's own clipboard (OSC 52 travels over SSH).
        if let Some(text) = self.app.take_clipboard() {
            io::Write::write_all(&mut self.sink, osc52(&text).as_bytes())?;
        }
        draw_changes(&mut self.backend, &mut self.shown, &self.app, &self.theme)?;
        Ok(self.sink.take())
    }

    /// What the terminal said: from now on widths are measured in its mode and colours
    /// follow its background (unless the server was told a theme); a change redraws the
    /// next frame whole.
    fn take_answers(&mut self, answers: questions::Answers, choice: ThemeChoice) -> io::Result<()> {
        let ambiguous = answers.ambiguous.unwrap_or(self.ambiguous);
        let theme = match (choice, answers.background) {
            (ThemeChoice::Auto, Some(scheme)) if self.theme.color() => {
                self.theme.with_scheme(scheme)
            }
            _ => self.theme,
        };
        if ambiguous != self.ambiguous || theme != self.theme {
            self.ambiguous = ambiguous;
            self.theme = theme;
            self.forget_shown();
        }
        Ok(())
    }

    /// Takes the client's new size, or as much of it as the cell budget allows.
    fn resize(&mut self, size: (u16, u16)) -> io::Result<()> {
        if !self.cells.resize(size) {
            return Ok(()); // keeps the screen it has
        }
        let (width, height) = self.cells.size();
        self.app.handle(Input::Resize { width, height });
        self.forget_shown();
        Ok(())
    }

    /// The budget made this screen smaller (another source needed the cells).
    fn clamped(&mut self) {
        let (width, height) = self.cells.size();
        self.app.handle(Input::Resize { width, height });
        self.forget_shown();
    }

    /// The next frame clears the screen and is drawn whole, at the current size.
    fn forget_shown(&mut self) {
        let (width, height) = self.cells.size();
        self.shown = Buffer::empty(Rect::new(0, 0, width, height));
        self.clear = true;
    }

    /// Applies what the viewer typed since the last frame; true when they asked to quit.
    /// Pressing `f` to follow again jumps straight to what the presenter shows.
    fn take(&mut self, inputs: Vec<Input>, stage: Option<&Stage>, panic_key: Option<char>) -> bool {
        let mut inputs = inputs.into_iter().peekable();
        while inputs.peek().is_some() {
            // Everything up to the next `f` (or panic key) goes in one batch.
            let mut batch = Vec::new();
            for input in inputs.by_ref() {
                let special = |c: char| input == Input::Key(Key::plain(KeyCode::Char(c)));
                if panic_key.is_some_and(special) {
                    panic!("sco-dash serve: panic key pressed (a test of session isolation)");
                }
                let follow = special('f');
                batch.push(input);
                if follow {
                    break;
                }
            }
            let was_following = self.app.is_following();
            self.app.handle_all(batch);
            if !was_following && self.app.is_following() {
                self.watch_stage(stage);
            }
        }
        self.app.has_quit()
    }

    /// Takes what the presenter shows now, if this viewer follows.
    fn watch_stage(&mut self, stage: Option<&Stage>) {
        self.app.set_presenter(stage.map(|s| s.presenter.clone()));
        if self.app.is_following()
            && let Some(shows) = stage.and_then(|s| s.shows.as_ref())
        {
            self.app.follow(shows);
        }
    }
}

/// The test hook's key, in builds with `test-hooks` (the test suite's); never otherwise.
fn panic_key(_setup: &Setup) -> Option<char> {
    #[cfg(feature = "test-hooks")]
    return _setup.panic_key;
    #[cfg(not(feature = "test-hooks"))]
    None
}

/// What one turn of app work made: the screen back, whether the viewer quit, the frame.
type Worked = (Box<Screen>, bool, io::Result<Vec<u8>>);

/// Applies input and draws a frame off the async workers: a costly search then delays this
/// viewer's next frame, never another viewer's keys, logins or the shutdown. A panic in
/// the app is passed on to this viewer's task, which ends this session only.
async fn work(
    mut screen: Box<Screen>,
    inputs: Vec<Input>,
    stage: Option<Stage>,
    panic_key: Option<char>,
) -> Worked {
    let job = tokio::task::spawn_blocking(move || {
        let (quit, frame) = with_ambiguous(screen.ambiguous, || {
            let quit = !inputs.is_empty() && screen.take(inputs, stage.as_ref(), panic_key);
            // A tour (the presenter's, or a viewer's own) moves at most one step per frame,
            // and frames for it come at most once per step (see `run`'s wake).
            screen.app.tour_tick(Instant::now().into_std());
            let frame = if quit { Ok(Vec::new()) } else { screen.draw() };
            (quit, frame)
        });
        (screen, quit, frame)
    });
    match job.await {
        Ok(worked) => worked,
        Err(err) => match err.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            // Cancelled: only when the runtime shuts down, which ends this task as well.
            Err(_) => std::future::pending().await,
        },
    }
}

/// Runs one viewer until they quit, leave, idle out or the server stops; then puts their
/// terminal back and closes the channel.
pub async fn run(
    setup: Setup,
    mut events: mpsc::Receiver<Event>,
    out: Arc<ChannelWriteHalf<Msg>>,
) -> End {
    let (mut session, mut screen) = match Session::open(setup, out).await {
        Ok(opened) => opened,
        Err(end) => return end,
    };
    let end = loop {
        if session.frame_due() {
            let (back, ended) = session.draw(screen).await;
            screen = back;
            if let Some(end) = ended {
                break end;
            }
        }
        if let Some(end) = session.wait(&mut screen, &mut events).await {
            break end;
        }
    };
    session.finish(end, &screen).await;
    end
}

/// One viewer's session between turns of [`run`]'s loop: what was typed, what is on its way,
/// and when each timer is due. The screen is kept apart: drawing takes it off the async
/// workers and gives it back.
struct Session {
    setup: Setup,
    out: Arc<ChannelWriteHalf<Msg>>,
    limits: Limits,
    stage: watch::Receiver<Option<Stage>>,
    /// The presenter's connection id, when this viewer presents.
    presenter_id: Option<u64>,
    parser: InputParser,
    events_allowed: TokenBucket,
    lifetime: Lifetime,
    /// When a lone Esc or a cut-off paste is taken as it is.
    flush_at: Option<Instant>,
    /// When the paste under way (no end marker yet) began.
    paste_since: Option<Instant>,
    /// When the last size of a burst of window changes is taken.
    resize_at: Option<Instant>,
    resize_to: Option<(u16, u16)>,
    sending: Option<Sending>,
    typed: Vec<Input>,
    dirty: bool,
    next_frame: Instant,
    /// The terminal set-up and the questions, sent with the first frame.
    opening: Option<Vec<u8>>,
    /// Until the viewer's terminal answers (or the time is up), frames are drawn narrow and
    /// in the theme its variables gave; an answer that changes either redraws everything.
    probing: Option<Instant>,
    answers: questions::Answers,
}

/// The timers of one wait: the earliest wakes the loop.
struct Due {
    wake: Instant,
    /// Whether the key-idle timeout counts (see [`idle_counts`]).
    idle_counts: bool,
    tour_at: Option<Instant>,
}

/// A session's two time limits, read against the `now` its caller passes: the server passes
/// the runtime's clock, tests a clock of their own.
#[derive(Debug, Clone, Copy)]
struct Lifetime {
    started: Instant,
    last_key: Instant,
    idle_timeout: Duration,
    max_session: Duration,
}

impl Lifetime {
    fn new(now: Instant, limits: &Limits) -> Lifetime {
        Lifetime {
            started: now,
            last_key: now,
            idle_timeout: limits.idle_timeout,
            max_session: limits.max_session,
        }
    }

    /// A key (or, for a follower, a presenter arriving or leaving) restarts the idle clock.
    fn key(&mut self, now: Instant) {
        self.last_key = now;
    }

    /// When the session reaches its time limit, keys or not.
    fn over_at(&self) -> Instant {
        self.started + self.max_session
    }

    /// When the session idles out, if the idle timeout counts for it.
    fn idle_at(&self, idle_counts: bool) -> Option<Instant> {
        idle_counts.then(|| self.last_key + self.idle_timeout)
    }

    /// Why the session ends at `now`, if it does: the time limit first, then the idle timeout.
    fn ended(&self, now: Instant, idle_counts: bool) -> Option<End> {
        if now >= self.over_at() {
            return Some(End::TooLong);
        }
        if self.idle_at(idle_counts).is_some_and(|at| now >= at) {
            return Some(End::Idle);
        }
        None
    }
}

/// When what the parser holds is taken as it is: a lone Esc after the escape timeout from
/// `now`; a paste without its end marker at a fixed time after it began, however many bytes
/// come meanwhile (keys typed after a paste cut by the input cap are not swallowed for long).
fn flush_at(
    waiting: bool,
    paste_since: Option<Instant>,
    now: Instant,
    limits: &Limits,
) -> Option<Instant> {
    match paste_since {
        Some(since) => Some(since + limits.paste_timeout),
        None => waiting.then(|| now + limits.escape_timeout),
    }
}

/// Whether what a viewer sent is a person's doing, which holds off the idle timeout: a key,
/// a click or a paste. Bytes that make no input (a NUL, a stray byte of a sequence, the
/// terminal's answers to the probe) do not, so a client cannot stay in by sending them.
fn is_activity(inputs: &[Input]) -> bool {
    inputs
        .iter()
        .any(|input| matches!(input, Input::Key(_) | Input::Mouse(_) | Input::Paste(_)))
}

/// The key-idle timeout is for viewers on their own: not for a presenter, who may talk for a
/// while, nor for followers while someone presents.
fn idle_counts(part: &Part, someone_presents: bool) -> bool {
    match part {
        Part::Alone => true,
        Part::Presenter { .. } => false,
        Part::Follower => !someone_presents,
    }
}

impl Session {
    /// Grants the viewer's screen from the cell budget (or tells them the demo is full) and
    /// sets up their app.
    async fn open(
        setup: Setup,
        out: Arc<ChannelWriteHalf<Msg>>,
    ) -> Result<(Session, Box<Screen>), End> {
        let limits = setup.limits;
        let Some(cells) = setup.cells.grant(setup.ip, setup.size) else {
            close(End::Full, setup.lang, None, &out, &setup).await;
            return Err(End::Full);
        };
        setup.record.size(cells.size().0, cells.size().1);
        let mut screen = match Screen::new(&setup, cells) {
            Ok(screen) => Box::new(screen),
            Err(_) => return Err(End::Gone),
        };
        let mut stage = setup.hub.subscribe();
        let presenter_id = match &setup.part {
            Part::Presenter { id, .. } => Some(*id),
            _ => None,
        };
        if matches!(setup.part, Part::Follower) {
            screen.watch_stage(stage.borrow_and_update().as_ref());
        }
        let started = Instant::now();
        let opening = [screen_on(setup.mouse).as_bytes(), questions::QUESTIONS].concat();
        let session = Session {
            limits,
            stage,
            presenter_id,
            parser: InputParser::new(),
            events_allowed: TokenBucket::new(limits.input_event_rate, limits.input_event_burst),
            lifetime: Lifetime::new(started, &limits),
            flush_at: None,
            paste_since: None,
            resize_at: None,
            resize_to: None,
            sending: None,
            typed: Vec::new(),
            dirty: true,
            next_frame: started,
            opening: Some(opening),
            probing: Some(started + limits.probe_time),
            answers: questions::Answers::default(),
            setup,
            out,
        };
        Ok((session, screen))
    }

    /// Something changed, no frame is on its way, and the frame interval has passed.
    fn frame_due(&self) -> bool {
        self.dirty && self.sending.is_none() && Instant::now() >= self.next_frame
    }

    /// Applies what was typed, draws a frame and starts sending it; the screen back, and
    /// the end of the session if the viewer quit or the frame could not be made.
    async fn draw(&mut self, screen: Box<Screen>) -> (Box<Screen>, Option<End>) {
        let stage_now = self.stage.borrow().clone();
        let typed = std::mem::take(&mut self.typed);
        let (screen, quit, frame) = work(screen, typed, stage_now, panic_key(&self.setup)).await;
        if quit {
            return (screen, Some(End::Quit));
        }
        let mut bytes = self.opening.take().unwrap_or_default();
        match frame {
            Ok(frame) => bytes.extend_from_slice(&frame),
            Err(_) => return (screen, Some(End::Gone)),
        }
        self.setup
            .record
            .bytes_out
            .fetch_add(bytes.len() as u64, Ordering::Relaxed);
        self.sending = Some(send(
            Arc::clone(&self.out),
            bytes,
            self.limits.stall_timeout,
        ));
        self.dirty = false;
        self.next_frame = Instant::now() + self.limits.frame_interval;
        if let Some(id) = self.presenter_id {
            self.setup.hub.publish(id, screen.app.presented());
        }
        (screen, None)
    }

    /// When the loop must wake next, whatever else happens.
    fn due(&self, screen: &Screen) -> Due {
        let idle_counts = idle_counts(&self.setup.part, self.stage.borrow().is_some());
        let mut wake = self.lifetime.over_at();
        let idle_at = self.lifetime.idle_at(idle_counts);
        for at in [idle_at, self.flush_at, self.resize_at, self.probing]
            .into_iter()
            .flatten()
        {
            wake = wake.min(at);
        }
        if self.dirty && self.sending.is_none() {
            wake = wake.min(self.next_frame);
        }
        // A tour wakes the loop once per step, and only when no frame is already waiting:
        // touring costs the server one frame per interval (two seconds at the least).
        let tour_at = screen.app.tour_due_at().map(Instant::from_std);
        if let Some(at) = tour_at.filter(|_| !self.dirty) {
            wake = wake.min(at);
        }
        Due {
            wake,
            idle_counts,
            tour_at,
        }
    }

    /// Waits for the first of: the server stopping, the frame on its way arriving, the
    /// viewer typing or resizing, the presenter moving, a timer; takes it in. The end of
    /// the session, if that was it.
    async fn wait(
        &mut self,
        screen: &mut Screen,
        events: &mut mpsc::Receiver<Event>,
    ) -> Option<End> {
        let due = self.due(screen);
        tokio::select! {
            biased;
            _ = self.setup.shutdown.changed() => Some(End::Shutdown),
            sent = in_flight(&mut self.sending), if self.sending.is_some() => {
                self.sending = None;
                sent.err()
            }
            event = events.recv() => match event {
                None => Some(End::Gone),
                Some(Event::Bytes(bytes)) => self.take_bytes(screen, bytes),
                Some(Event::Resize(width, height)) => {
                    // The first change of a burst sets the time; later ones only the size,
                    // so a storm of changes is drawn at a steady pace, at the last size.
                    self.resize_at
                        .get_or_insert(Instant::now() + self.limits.resize_debounce);
                    self.resize_to = Some((width, height));
                    None
                }
            },
            () = screen.cells.clamped() => {
                screen.clamped();
                let (width, height) = screen.cells.size();
                self.setup.record.size(width, height);
                self.dirty = true;
                None
            }
            changed = self.stage.changed(), if self.presenter_id.is_none() => {
                if changed.is_ok() {
                    screen.watch_stage(self.stage.borrow_and_update().as_ref());
                    // Someone presenting, or just gone: a follower's idle clock starts now.
                    self.lifetime.key(Instant::now());
                    self.dirty = true;
                }
                None
            }
            _ = sleep_until(due.wake) => self.on_timer(screen, &due),
        }
    }

    /// What the viewer typed (and their terminal's answers to the probe, while it runs):
    /// parsed into inputs, as many as the rate allows, for the next frame.
    fn take_bytes(&mut self, screen: &mut Screen, mut bytes: Vec<u8>) -> Option<End> {
        let now = Instant::now();
        if self.probing.is_some() {
            self.answers.take_from(&mut bytes);
            if self.answers.done {
                self.probing = None;
            }
            if screen
                .take_answers(self.answers, self.setup.theme_choice)
                .is_err()
            {
                return Some(End::Gone);
            }
        }
        let inputs = self.parser.feed(&bytes);
        if is_activity(&inputs) {
            self.lifetime.key(now);
        }
        let allowed = self.events_allowed.take(inputs.len(), now.into_std());
        if self.typed.len() < MAX_TYPED {
            self.typed.extend(inputs.into_iter().take(allowed));
        }
        self.paste_since = self
            .parser
            .in_paste()
            .then(|| self.paste_since.unwrap_or(now));
        self.flush_at = flush_at(
            self.parser.is_waiting(),
            self.paste_since,
            now,
            &self.limits,
        );
        self.dirty = true;
        None
    }

    /// A timer went off: the session's limits, the probe's time, a tour step, a lone Esc or
    /// cut-off paste, the last size of a resize burst.
    fn on_timer(&mut self, screen: &mut Screen, due: &Due) -> Option<End> {
        let now = Instant::now();
        if let Some(end) = self.lifetime.ended(now, due.idle_counts) {
            return Some(end);
        }
        if self.probing.is_some_and(|at| now >= at) {
            self.probing = None;
        }
        if due.tour_at.is_some_and(|at| now >= at) {
            self.dirty = true;
        }
        if self.flush_at.is_some_and(|at| now >= at) {
            self.flush_at = None;
            self.paste_since = None;
            self.typed.extend(self.parser.flush());
            self.dirty = true;
        }
        if self.resize_at.is_some_and(|at| now >= at) {
            self.resize_at = None;
            if let Some(size) = self.resize_to.take() {
                if screen.resize(size).is_err() {
                    return Some(End::Gone);
                }
                let (width, height) = screen.cells.size();
                self.setup.record.size(width, height);
                self.dirty = true;
            }
        }
        None
    }

    /// Gives up the presenter's seat, then restores the viewer's terminal and says goodbye
    /// in the language they read now (`L` may have switched it).
    async fn finish(self, end: End, screen: &Screen) {
        if let Some(id) = self.presenter_id {
            self.setup.hub.release(id);
        }
        close(end, screen.app.lang(), self.sending, &self.out, &self.setup).await;
    }
}

/// Lets the frame on its way arrive, then restores the viewer's terminal, says why the
/// session ended, and closes the channel.
async fn close(
    end: End,
    lang: Lang,
    sending: Option<Sending>,
    out: &ChannelWriteHalf<Msg>,
    setup: &Setup,
) {
    // A client that has gone or stopped reading gets nothing more: the connection cuts it.
    if matches!(end, End::Gone | End::Stalled) {
        return;
    }
    if let Some(sending) = sending
        && sending.await.is_err()
    {
        return;
    }
    let sent = say_goodbye(
        out,
        setup.mouse,
        end.farewell(lang),
        0,
        setup.limits.stall_timeout,
    )
    .await;
    setup
        .record
        .bytes_out
        .fetch_add(sent as u64, Ordering::Relaxed);
}

/// Puts the viewer's terminal back, says why the session ended, and closes the channel with
/// an exit status, giving a client that does not read `stall` at most; the bytes sent.
pub async fn say_goodbye(
    out: &ChannelWriteHalf<Msg>,
    mouse: bool,
    why: Option<&str>,
    status: u32,
    stall: Duration,
) -> usize {
    let mut bytes = screen_off(mouse);
    if let Some(why) = why {
        bytes.push_str(why);
        bytes.push_str("\r\n");
    }
    let sent = bytes.len();
    let goodbye = async {
        out.data_bytes(bytes.into_bytes()).await?;
        out.exit_status(status).await?;
        out.eof().await?;
        out.close().await
    };
    let _ = timeout(stall, goodbye).await;
    sent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    /// An idle timeout of a minute, a time limit of ten, from `start`.
    fn lifetime(start: Instant) -> Lifetime {
        let limits = Limits {
            idle_timeout: secs(60),
            max_session: secs(600),
            ..Limits::default()
        };
        Lifetime::new(start, &limits)
    }

    #[test]
    fn keys_hold_off_the_idle_timeout_but_not_the_time_limit() {
        let start = Instant::now();
        let mut life = lifetime(start);
        // A key every 50 s: the idle timeout never comes.
        for n in 1..=11 {
            let now = start + secs(50 * n);
            assert_eq!(life.ended(now, true), None, "at {} s", 50 * n);
            life.key(now);
        }
        // The last key was at 550 s; the time limit, at 600 s, comes before the idle one.
        assert_eq!(life.ended(start + secs(599), true), None);
        assert_eq!(life.ended(start + secs(600), true), Some(End::TooLong));
    }

    #[test]
    fn without_keys_a_session_idles_out_only_where_the_idle_timeout_counts() {
        let start = Instant::now();
        let life = lifetime(start);
        assert_eq!(life.ended(start + secs(59), true), None);
        assert_eq!(life.ended(start + secs(60), true), Some(End::Idle));
        assert_eq!(life.idle_at(true), Some(start + secs(60)));
        assert_eq!(life.idle_at(false), None);
        assert_eq!(life.ended(start + secs(599), false), None, "not idle");
        assert_eq!(life.ended(start + secs(600), false), Some(End::TooLong));
    }

    #[test]
    fn a_cut_paste_ends_at_a_fixed_time_however_many_keys_follow() {
        let limits = Limits::default();
        let start = Instant::now();
        let end = start + limits.paste_timeout;
        // Keys every 0.3 s after the paste began: the end stays where it was.
        for n in 0..5 {
            let now = start + Duration::from_millis(300 * n);
            assert_eq!(flush_at(false, Some(start), now, &limits), Some(end));
        }
        let now = start + secs(1);
        assert_eq!(
            flush_at(true, None, now, &limits),
            Some(now + limits.escape_timeout)
        );
        assert_eq!(flush_at(false, None, now, &limits), None);
    }

    #[test]
    fn only_keys_clicks_and_pastes_hold_off_the_idle_timeout() {
        let mut parser = InputParser::new();
        assert!(!is_activity(&parser.feed(b"\0\0\0")), "NUL bytes");
        assert!(
            !is_activity(&parser.feed(&[0x1c, 0x1f])),
            "other non-key bytes"
        );
        assert!(is_activity(&parser.feed(b"j")));
        assert!(
            is_activity(&parser.feed(b"\x1b[200~hi\x1b[201~")),
            "a paste"
        );
    }

    #[test]
    fn presenters_and_followers_of_a_presenter_do_not_idle_out() {
        let presenter = Part::Presenter {
            id: 1,
            name: "alice".to_string(),
        };
        assert!(!idle_counts(&presenter, true));
        assert!(
            !idle_counts(&Part::Follower, true),
            "while someone presents"
        );
        assert!(idle_counts(&Part::Follower, false), "once nobody does");
        assert!(idle_counts(&Part::Alone, false));
    }
}
