//! The command line: parses arguments, runs a command, and reports errors for people.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use std::sync::Arc;

use sco_dash::app::input::{Key, parse_keys};
use sco_dash::app::keymap::Keymap;
use sco_dash::app::{Catalog, Tab};
use sco_dash::config::{self, Config};
use sco_dash::data::{self, Lang, LoadFailed, Loaded, Origin};
use sco_dash::exit::ExitStatus;
use sco_dash::export::{self, ExportError, Format, Part};
use sco_dash::term;
use sco_dash::text::sanitize::{sanitize, sanitize_lines};
use sco_dash::text::search::Query;
use sco_dash::text::width::Ambiguous;
use sco_dash::ui::theme::{ColorChoice, ThemeChoice};
use sco_dash::ui::{Theme, snapshot};

#[cfg(feature = "ssh")]
const SERVE_ABOUT: &str = "\
Safe defaults for a public demo: loopback only unless --listen says otherwise; no passwords
(anyone may watch, or only --authorized-keys); commands, sftp and forwarding refused;
curve25519 key exchange only; logins under way have their own pool (--max-startups) with
per-address rate limits and penalties; caps on viewers, input, work, screen memory and
session time. SIGTERM/SIGINT/SIGHUP tell viewers and stop (exit 0, with --present too).";

#[cfg(feature = "ssh")]
fn serve_help() -> String {
    format!("{SERVE_ABOUT}\n\n{}", ExitStatus::serve_help())
}

/// A terminal dashboard for the 2025 SCO summit in Tianjin (上海合作组织天津峰会).
#[derive(Debug, Parser)]
#[command(version, about, after_help = ExitStatus::help())]
struct Cli {
    /// Read the data set from this folder instead of the copy built into the binary.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,

    /// Do not ask the terminal (or, with serve, the viewers' terminals) for mouse reports.
    #[arg(long, global = true)]
    no_mouse: bool,

    /// Colours for a dark or a light background, or none (mono) [default: auto]. auto asks
    /// the terminal for its background (OSC 11) or reads COLORFGBG; snapshot takes it as dark.
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    theme: Option<ThemeChoice>,

    /// Colour depth [default: auto, from TERM, COLORTERM and NO_COLOR].
    #[arg(long, global = true, value_enum, value_name = "DEPTH")]
    color: Option<ColorChoice>,

    /// How wide the terminal draws East Asian Ambiguous characters (─ · “ ” …) [default:
    /// auto, which asks the terminal].
    #[arg(long, global = true, value_enum, value_name = "WIDTH")]
    ambiguous: Option<config::AmbiguousSetting>,

    /// Read the dashboard's settings from this file instead of
    /// $XDG_CONFIG_HOME/sco-dash/config.toml (see `sco-dash config --print-default`).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// The language to read in: zh (Chinese only), en (English only) or ru (Russian only).
    /// The dashboard's default is the config file's, else the locale's (LC_ALL, LC_MESSAGES,
    /// LANG: zh for a zh locale, C or none; ru for a ru locale; en for any other), and L goes
    /// round the three live; snapshot, search and export print Chinese unless asked, so
    /// scripts get the same output everywhere.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<Lang>,

    /// Tour the dashboard for a projector or a booth: the overview, each outcome with its
    /// initiatives, the meetings on the map, the timeline at the summit, the results; one
    /// step every SECONDS (2 to 3600, default 8). Any key pauses it; T resumes. With serve,
    /// only under --present (the local screen tours and the viewers follow); with snapshot,
    /// the tour as one animated SVG.
    #[arg(
        long,
        global = true,
        value_name = "SECONDS",
        num_args = 0..=1,
        default_missing_value = "8",
        value_parser = parse_tour
    )]
    tour: Option<Duration>,

    /// A paused tour runs again after SECONDS without a key (0: only the tour key resumes
    /// it) [default: the config file's tour_resume, else 60].
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_resume)]
    tour_resume: Option<u64>,

    /// With --tour: a booth's screen that a visitor cannot close: q does nothing and the tour
    /// goes on (Ctrl-c or a signal still ends it).
    #[arg(long, global = true, requires = "tour")]
    kiosk: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

fn parse_resume(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(seconds @ 0..=86_400) => Ok(seconds),
        Ok(_) => Err("a tour resumes after 0 (never) to 86400 seconds".to_string()),
        Err(err) => Err(format!("{text:?}: {err}")),
    }
}

fn parse_tour(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<u64>() {
        Ok(seconds @ 2..=3600) => Ok(Duration::from_secs(seconds)),
        Ok(_) => Err("a tour step lasts 2 to 3600 seconds".to_string()),
        Err(err) => Err(format!("{text:?}: {err}")),
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The config file: print the documented defaults, or where it is read from.
    Config {
        /// Print the default config file, every setting explained.
        #[arg(long)]
        print_default: bool,
        /// Print the path the config file is read from.
        #[arg(long)]
        path: bool,
    },
    /// Check the data set and print a count per kind.
    #[command(after_help = ExitStatus::help())]
    Validate,
    /// Write the data set, or one section of it, to stdout.
    #[command(after_help = ExitStatus::help())]
    Export {
        /// json is the stable interface for scripts; csv needs --section.
        #[arg(long, value_enum)]
        format: Format,
        /// Only this part of the data set.
        #[arg(long, value_enum, value_name = "NAME")]
        section: Option<Part>,
    },
    /// Search every pane: Chinese, pinyin (tianjin), initials (tjfh), English, numbers.
    #[command(after_help = ExitStatus::help())]
    Search {
        query: String,
        /// Print the ranked hits as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Serve the dashboard over SSH: `ssh -p 2222 localhost` shows it, one session per viewer.
    #[cfg(feature = "ssh")]
    #[command(after_help = serve_help())]
    Serve(Box<sco_dash::ssh::command::ServeArgs>),
    /// Render one frame of the dashboard without a terminal (for screenshots and scripts);
    /// with --tour, the tour as one animated SVG.
    #[command(after_help = ExitStatus::help())]
    Snapshot {
        /// The tab to show; not with --tour, which shows them all.
        #[arg(
            long,
            value_enum,
            value_name = "NAME",
            required_unless_present = "tour",
            conflicts_with = "tour"
        )]
        tab: Option<Tab>,
        /// Terminal size, e.g. 120x40.
        #[arg(long, value_parser = parse_size, value_name = "WxH", default_value = "120x40")]
        size: (u16, u16),
        /// Keys to press first, e.g. "jj<Enter>" (names in angle brackets: <Esc>, <C-d>, …).
        #[arg(long, value_parser = parse_key_notation, conflicts_with = "tour")]
        keys: Option<KeyArg>,
        /// txt or svg [default: txt; with --tour, svg, the only format a tour is written in].
        #[arg(long, value_enum)]
        format: Option<SnapshotFormat>,
        /// Render without colour.
        #[arg(long)]
        no_color: bool,
        /// With --tour: the tour in --lang, then again in Chinese (after Chinese, in English).
        #[arg(long)]
        bilingual: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SnapshotFormat {
    Txt,
    Svg,
}

#[derive(Debug, Clone)]
struct KeyArg(Vec<Key>);

fn parse_key_notation(text: &str) -> Result<KeyArg, String> {
    parse_keys(text).map(KeyArg)
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or("expected WxH, e.g. 120x40")?;
    let parse = |n: &str| n.trim().parse::<u16>().map_err(|e| format!("{n:?}: {e}"));
    let (w, h) = (parse(w)?, parse(h)?);
    if w == 0 || h == 0 || w > 1000 || h > 500 {
        return Err(format!("{w}x{h}: sizes run from 1x1 to 1000x500"));
    }
    Ok((w, h))
}

/// Every line sco-dash writes to stderr goes through here: the text may quote a path, a key
/// or a value from the data folder or the command line, so it is sanitised first.
fn say(text: impl std::fmt::Display) {
    eprintln!("{}", sanitize_lines(&text.to_string()));
}

/// clap quotes what was typed (`invalid value '…' for '--size'`), which may hold escape
/// sequences; its plain rendering is sanitised. Help and version hold none and keep colour.
fn parse_command_line() -> Result<Cli, ExitStatus> {
    Cli::try_parse().map_err(|err| {
        use clap::error::ErrorKind;
        if matches!(
            err.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
        ) {
            err.exit();
        }
        let text = err.render().to_string();
        if err.use_stderr() {
            eprint!("{}", sanitize_lines(&text));
        } else {
            print!("{}", sanitize_lines(&text));
        }
        // clap's own codes: 0 (help asked for by a missing subcommand) or 2 (usage).
        if err.exit_code() == 0 {
            ExitStatus::Success
        } else {
            ExitStatus::Usage
        }
    })
}

fn main() -> ExitCode {
    run().into()
}

fn run() -> ExitStatus {
    // Most starts are the dashboard on the embedded data: it is read on a second core while
    // the command line is parsed (a third of a millisecond each), and dropped if the command
    // line names a folder or asks for `validate`, which reads everything itself.
    let embedded = std::thread::Builder::new()
        .spawn(|| data::load_deferred(&Origin::Embedded))
        .ok();
    let cli = match parse_command_line() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if let Some(Command::Config {
        print_default,
        path,
    }) = &cli.command
    {
        return print_config(*print_default, *path, cli.config.as_deref());
    }
    let origin = Origin::from_option(cli.data.clone());
    // `validate` checks the whole data set; the rest leave the embedded English layer (checked
    // by the test suite) until English is first read, so the dashboard starts without it.
    let load = if matches!(cli.command, Some(Command::Validate)) {
        data::load
    } else {
        data::load_deferred
    };
    let early = embedded
        .filter(|_| origin == Origin::Embedded && !matches!(cli.command, Some(Command::Validate)))
        .and_then(|thread| thread.join().ok());
    let loaded = match early.unwrap_or_else(|| load(&origin)) {
        Ok(loaded) => loaded,
        Err(failed) => return report_failure(&origin, &failed),
    };
    for notice in &loaded.notices {
        say(format_args!("sco-dash: note: {notice}"));
    }
    let result = match cli.command {
        None => return run_dashboard(loaded, &cli),
        Some(Command::Config { .. }) => Ok(()),
        #[cfg(feature = "ssh")]
        Some(Command::Serve(args)) => {
            let catalog = Arc::new(Catalog::from_loaded(loaded));
            return sco_dash::ssh::command::run(
                *args,
                catalog,
                !cli.no_mouse,
                cli.theme.unwrap_or_default(),
                cli.lang.unwrap_or_default(),
                cli.tour,
            );
        }
        Some(Command::Validate) => print_summary(&origin, &loaded),
        Some(Command::Export { format, section }) => {
            let lang = cli.lang.unwrap_or_default();
            let data = loaded.in_lang(lang);
            export::export(&data, lang, format, section, &mut io::stdout().lock())
        }
        Some(Command::Search { query, json }) => {
            let catalog = Arc::new(Catalog::from_loaded(loaded));
            print_hits(catalog.in_lang(cli.lang.unwrap_or_default()), &query, json)
        }
        Some(Command::Snapshot {
            tab,
            size,
            keys,
            format,
            no_color,
            bilingual,
        }) => {
            let catalog = Arc::new(Catalog::from_loaded(loaded));
            // Snapshots are narrow unless asked: there is no terminal to probe.
            if cli.ambiguous == Some(config::AmbiguousSetting::Wide) {
                sco_dash::text::width::set_ambiguous(Ambiguous::Wide);
            }
            let theme = if no_color {
                Theme::PLAIN
            } else {
                Theme::new(cli.color.unwrap_or_default().depth(Theme::default().depth)).choose(
                    cli.theme.unwrap_or_default(),
                    None,
                    || None,
                )
            };
            let lang = cli.lang.unwrap_or_default();
            let text = match (cli.tour, tab, format) {
                // clap's `requires` does not see a global option such as --tour.
                (None, _, _) if bilingual => {
                    say("sco-dash: snapshot --bilingual is for a tour: add --tour SECONDS");
                    return ExitStatus::Usage;
                }
                (Some(_), _, Some(SnapshotFormat::Txt)) => {
                    say("sco-dash: snapshot --tour writes an animated SVG: --format svg");
                    return ExitStatus::Usage;
                }
                (Some(interval), _, _) => {
                    let langs = if bilingual {
                        vec![lang, lang.counterpart()]
                    } else {
                        vec![lang]
                    };
                    snapshot::tour_svg(catalog, &langs, size, interval, &theme)
                }
                // clap asks for one of --tab and --tour.
                (None, None, _) => return ExitStatus::Usage,
                (None, Some(tab), format) => {
                    let keys = keys.map(|k| k.0).unwrap_or_default();
                    let buf = snapshot::frame(catalog, lang, tab, size.0, size.1, &keys, &theme);
                    match format.unwrap_or(SnapshotFormat::Txt) {
                        SnapshotFormat::Txt => snapshot::to_text(&buf),
                        SnapshotFormat::Svg => snapshot::to_svg(&buf, theme.scheme),
                    }
                }
            };
            io::stdout()
                .lock()
                .write_all(text.as_bytes())
                .map_err(ExportError::from)
        }
    };
    match result {
        Ok(()) => ExitStatus::Success,
        Err(err) if err.is_broken_pipe() => ExitStatus::Success,
        Err(err @ ExportError::CsvNeedsSection) => {
            say(format_args!("sco-dash: {err}"));
            ExitStatus::Usage
        }
        Err(err) => {
            say(format_args!("sco-dash: cannot write the output: {err}"));
            ExitStatus::Output
        }
    }
}

fn run_dashboard(loaded: Loaded, cli: &Cli) -> ExitStatus {
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        // No cursor addressing, no alternate screen: the dashboard cannot be drawn at all.
        say(
            "sco-dash: TERM=dumb: this terminal cannot show the dashboard (it has no cursor \
             addressing). Set TERM to your terminal's type (e.g. TERM=xterm-256color), or use \
             `sco-dash search`, `sco-dash export` or `sco-dash snapshot --format txt`.",
        );
        return ExitStatus::Usage;
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        say(
            "sco-dash: the dashboard needs a terminal; for output to a pipe or file use \
             `sco-dash export` or `sco-dash snapshot`",
        );
        return ExitStatus::Usage;
    }
    let config = match read_config(cli.config.as_deref()) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let catalog = Arc::new(Catalog::from_loaded(loaded));
    let detected = Theme::for_this_terminal();
    let (theme, ask_background) = term::theme(
        Theme::new(cli.color.unwrap_or(config.color).depth(detected.depth)),
        cli.theme.unwrap_or(config.theme),
    );
    let options = term::Options {
        mouse: !cli.no_mouse && config.mouse,
        presence: None,
    };
    let start = term::Start {
        tab: config.start_tab,
        lang: config.language.choose(cli.lang),
        ambiguous: match cli.ambiguous.unwrap_or(config.ambiguous) {
            config::AmbiguousSetting::Auto => None,
            config::AmbiguousSetting::Narrow => Some(Ambiguous::Narrow),
            config::AmbiguousSetting::Wide => Some(Ambiguous::Wide),
        },
        ask_background,
        tour: cli.tour,
        tour_resume: match cli.tour_resume.unwrap_or(config.tour_resume) {
            0 => None,
            seconds => Some(Duration::from_secs(seconds)),
        },
        kiosk: cli.kiosk,
        keymap: Keymap::new(&config.keys),
    };
    match term::run_from(catalog, options, theme, start, |_| {}) {
        Ok(exit) => ExitStatus::from(exit),
        Err(err) => {
            say(format_args!("sco-dash: terminal error: {err}"));
            ExitStatus::Output
        }
    }
}

/// The dashboard's settings. A broken file is reported with toml's own message (its line
/// and column), and the dashboard goes on with the defaults once the user has read it.
fn read_config(explicit: Option<&std::path::Path>) -> Result<Config, ExitStatus> {
    let Some(path) = explicit.map(PathBuf::from).or_else(config::default_path) else {
        return Ok(Config::default());
    };
    let config = match config::load(&path, explicit.is_some()) {
        config::ConfigRead::Absent => return Ok(Config::default()),
        config::ConfigRead::Read(config) => config,
        config::ConfigRead::Broken(message) => {
            say(format_args!("sco-dash: config {message}"));
            say("sco-dash: press Enter to go on with the default settings, Ctrl-c to stop");
            let mut line = String::new();
            if io::stdin().read_line(&mut line).is_err() {
                return Err(ExitStatus::Usage);
            }
            return Ok(Config::default());
        }
    };
    Ok(config)
}

fn print_config(print_default: bool, path: bool, explicit: Option<&std::path::Path>) -> ExitStatus {
    let mut out = io::stdout().lock();
    let written = if path || !print_default {
        match explicit.map(PathBuf::from).or_else(config::default_path) {
            Some(path) => writeln!(out, "{}", sanitize(&path.display().to_string())),
            None => {
                say("sco-dash: no config path: neither XDG_CONFIG_HOME nor HOME is set");
                return ExitStatus::Usage;
            }
        }
    } else {
        out.write_all(config::default_text().as_bytes())
    };
    match written {
        Ok(()) => ExitStatus::Success,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Success,
        Err(err) => {
            say(format_args!("sco-dash: cannot write the output: {err}"));
            ExitStatus::Output
        }
    }
}

fn report_failure(origin: &Origin, failed: &LoadFailed) -> ExitStatus {
    for notice in &failed.notices {
        say(format_args!("sco-dash: note: {notice}"));
    }
    for problem in &failed.errors.problems {
        say(problem);
    }
    say(format_args!(
        "sco-dash: {} ({})",
        failed.errors,
        origin.describe()
    ));
    ExitStatus::DataProblems
}

fn print_hits(catalog: &Catalog, query: &str, json: bool) -> Result<(), ExportError> {
    let hits = Query::new(query).map_or_else(Vec::new, |q| catalog.search().search(&q, None));
    // A pasted page is searched, and named, by its start (see `MAX_QUERY_CHARS`).
    let query = sco_dash::text::search::cut(query.trim());
    let mut out = io::stdout().lock();
    if json {
        return export::write_json(&mut out, &hits);
    }
    // The same ranked list as the dashboard's search of everything; a loose hit says so.
    if !hits.is_empty() && hits.iter().all(|h| h.loose) {
        say(format_args!(
            "sco-dash: no exact match for “{query}”; loose matches (~) follow"
        ));
    }
    for hit in &hits {
        let tier = if hit.loose {
            "~loose".to_string()
        } else {
            serde_json::to_value(hit.tier)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        };
        write!(out, "{:<9} {:<12} {}", tier, hit.pane, sanitize(&hit.title))?;
        if let Some(context) = &hit.context {
            write!(out, "  — {}", sanitize(context))?;
        }
        writeln!(out)?;
    }
    if hits.is_empty() {
        say(format_args!("sco-dash: nothing matches “{query}”"));
    }
    Ok(())
}

fn print_summary(origin: &Origin, loaded: &Loaded) -> Result<(), ExportError> {
    let mut out = io::stdout().lock();
    writeln!(out, "data OK ({})", origin.describe())?;
    for line in data::summary::summary_lines(&loaded.data) {
        writeln!(out, "{line}")?;
    }
    // Ids come from the data folder: shown sanitised, as every other line from it.
    for lang in Lang::LAYERED {
        for line in data::summary::coverage_lines(lang, &loaded.coverage(lang)) {
            writeln!(out, "{}", sanitize(&line))?;
        }
    }
    Ok(())
}
