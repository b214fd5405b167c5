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
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep_until, timeout};

use crate::app::input::{Input, Key, KeyCode};
use crate::app::presence::Presence;
use crate::app::{App, Catalog};
use crate::ssh::input::InputParser;
use crate::ssh::log::Record;
use crate::ssh::server::Limits;
use crate::ssh::stage::{Hub, Stage};
use crate::term::{screen_off, screen_on};
use crate::ui::{Theme, draw_frame};

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
    pub panic_key: Option<char>,
}

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
        }
    }

    fn farewell(self) -> Option<&'static str> {
        match self {
            End::Quit => Some("sco-dash: 再见 goodbye"),
            End::Idle => Some("sco-dash: closed after a while without keys (idle timeout)"),
            End::TooLong => Some("sco-dash: closed at the session time limit"),
            End::Shutdown => Some("sco-dash: the server is shutting down. 再见 goodbye"),
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
    terminal: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
    theme: Theme,
}

impl Screen {
    fn new(setup: &Setup) -> io::Result<Screen> {
        let (width, height) = setup.size;
        let mut app = App::new(Arc::clone(&setup.catalog), width, height);
        app.presence = match &setup.part {
            Part::Alone => None,
            Part::Presenter { name, .. } => Some(Presence::presenter(name)),
            Part::Follower => Some(Presence::follower(None)),
        };
        let sink = Sink::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )?;
        Ok(Screen {
            app,
            terminal,
            sink,
            theme: setup.theme,
        })
    }

    /// The bytes that bring the viewer's terminal up to date with the app.
    fn draw(&mut self) -> io::Result<Vec<u8>> {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal.draw(|frame| draw_frame(frame, app, theme))?;
        Ok(self.sink.take())
    }

    fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, width, height))?;
        self.app.handle(Input::Resize { width, height });
        Ok(())
    }

    /// Applies what the viewer typed; true when they asked to quit. Pressing `f` to follow
    /// again jumps straight to what the presenter shows.
    fn take(
        &mut self,
        inputs: Vec<Input>,
        stage: &watch::Receiver<Option<Stage>>,
        panic_key: Option<char>,
    ) -> bool {
        for input in inputs {
            if let Some(c) = panic_key
                && input == Input::Key(Key::plain(KeyCode::Char(c)))
            {
                panic!("sco-dash serve: panic key pressed (a test of session isolation)");
            }
            let was_following = self.app.is_following();
            self.app.handle(input);
            if !was_following && self.app.is_following() {
                self.watch_stage(stage.borrow().as_ref());
            }
        }
        self.app.quit
    }

    /// Takes what the presenter shows now, if this viewer follows.
    fn watch_stage(&mut self, stage: Option<&Stage>) {
        if let Some(presence) = &mut self.app.presence {
            presence.presenter = stage.map(|s| s.presenter.clone());
        }
        if self.app.is_following()
            && let Some(shows) = stage.and_then(|s| s.shows.as_ref())
        {
            self.app.follow(shows);
        }
    }
}

/// Runs one viewer until they quit, leave, idle out or the server stops; then puts their
/// terminal back and closes the channel.
pub async fn run(
    mut setup: Setup,
    mut events: mpsc::Receiver<Event>,
    out: Arc<ChannelWriteHalf<Msg>>,
) -> End {
    let limits = setup.limits;
    let mut screen = match Screen::new(&setup) {
        Ok(screen) => screen,
        Err(_) => return End::Gone,
    };
    let mut stage = setup.hub.subscribe();
    let presenter_id = match &setup.part {
        Part::Presenter { id, .. } => Some(*id),
        _ => None,
    };
    if matches!(setup.part, Part::Follower) {
        screen.watch_stage(stage.borrow_and_update().as_ref());
    }
    let mut parser = InputParser::new();
    let started = Instant::now();
    let mut last_key = started;
    let mut esc_at: Option<Instant> = None;
    let mut resize_to: Option<(Instant, (u16, u16))> = None;
    let mut sending: Option<Sending> = None;
    let mut dirty = true;
    let mut opening = Some(screen_on(setup.mouse).into_bytes());

    let end = loop {
        if dirty && sending.is_none() {
            let mut bytes = opening.take().unwrap_or_default();
            match screen.draw() {
                Ok(frame) => bytes.extend_from_slice(&frame),
                Err(_) => break End::Gone,
            }
            setup
                .record
                .bytes_out
                .fetch_add(bytes.len() as u64, Ordering::Relaxed);
            sending = Some(send(Arc::clone(&out), bytes, limits.stall_timeout));
            dirty = false;
        }
        let idle_at = last_key + limits.idle_timeout;
        let over_at = started + limits.max_session;
        let mut wake = idle_at.min(over_at);
        if let Some(at) = esc_at {
            wake = wake.min(at);
        }
        if let Some((at, _)) = resize_to {
            wake = wake.min(at);
        }
        tokio::select! {
            biased;
            _ = setup.shutdown.changed() => break End::Shutdown,
            sent = in_flight(&mut sending), if sending.is_some() => {
                sending = None;
                if let Err(end) = sent {
                    break end;
                }
            }
            event = events.recv() => match event {
                None => break End::Gone,
                Some(Event::Bytes(bytes)) => {
                    last_key = Instant::now();
                    let inputs = parser.feed(&bytes);
                    esc_at = parser.is_waiting().then(|| last_key + limits.escape_timeout);
                    if screen.take(inputs, &stage, setup.panic_key) {
                        break End::Quit;
                    }
                    dirty = true;
                }
                Some(Event::Resize(width, height)) => {
                    let at = Instant::now() + limits.resize_debounce;
                    resize_to = Some((at, (width, height)));
                }
            },
            changed = stage.changed(), if presenter_id.is_none() => {
                if changed.is_ok() {
                    screen.watch_stage(stage.borrow_and_update().as_ref());
                    dirty = true;
                }
            }
            _ = sleep_until(wake) => {
                let now = Instant::now();
                if now >= over_at {
                    break End::TooLong;
                }
                if now >= idle_at {
                    break End::Idle;
                }
                if esc_at.is_some_and(|at| now >= at) {
                    esc_at = None;
                    if screen.take(parser.flush(), &stage, setup.panic_key) {
                        break End::Quit;
                    }
                    dirty = true;
                }
                if let Some((at, (width, height))) = resize_to
                    && now >= at
                {
                    resize_to = None;
                    setup.record.size(width, height);
                    if screen.resize(width, height).is_err() {
                        break End::Gone;
                    }
                    dirty = true;
                }
            }
        }
        if let Some(id) = presenter_id {
            setup.hub.publish(id, screen.app.presented());
        }
    };
    if let Some(id) = presenter_id {
        setup.hub.release(id);
    }
    close(end, sending, &out, &setup).await;
    end
}

/// Lets the frame on its way arrive, then restores the viewer's terminal, says why the
/// session ended, and closes the channel.
async fn close(end: End, sending: Option<Sending>, out: &ChannelWriteHalf<Msg>, setup: &Setup) {
    // A client that has gone or stopped reading gets nothing more: the connection cuts it.
    if matches!(end, End::Gone | End::Stalled) {
        return;
    }
    if let Some(sending) = sending
        && sending.await.is_err()
    {
        return;
    }
    let mut bytes = screen_off();
    if let Some(farewell) = end.farewell() {
        bytes.push_str(farewell);
        bytes.push_str("\r\n");
    }
    setup
        .record
        .bytes_out
        .fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let goodbye = async {
        out.data_bytes(bytes.into_bytes()).await?;
        out.exit_status(0).await?;
        out.eof().await?;
        out.close().await
    };
    let _ = timeout(setup.limits.stall_timeout, goodbye).await;
}
