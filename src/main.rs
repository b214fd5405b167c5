//! The command line: parses arguments, runs a command, and reports errors for people.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use std::sync::Arc;

use clap::Parser;

use sco_dash::app::Catalog;
use sco_dash::app::keymap::Keymap;
use sco_dash::config::{self, Config};
use sco_dash::data::{self, Lang, LoadFailed, Loaded, Origin};
use sco_dash::exit::ExitStatus;
use sco_dash::export::{self, ExportError};
use sco_dash::term;
use sco_dash::text::sanitize::{sanitize, sanitize_lines};
use sco_dash::text::search::Query;
use sco_dash::text::width::{Ambiguous, with_ambiguous};
use sco_dash::ui::{Theme, snapshot};

mod command_line;
use command_line::{Cli, Command, SnapshotArgs, SnapshotFormat};

/// Every line sco-dash writes to stderr goes through here: the text may quote a path, a key
/// or a value from the data folder or the command line, so it is sanitised first.
fn say(text: impl std::fmt::Display) {
    eprintln!("{}", sanitize_lines(&text.to_string()));
}

/// clap quotes what was typed (`invalid value '…' for '--size'`), which may hold escape
/// sequences; its plain rendering is sanitised. Help and version hold none and keep colour.
fn parse_command_line() -> Result<Cli, ExitStatus> {
    let cli = Cli::try_parse().map_err(|err| {
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
    })?;
    cli.resolve().map_err(|message| {
        say(format_args!("sco-dash: {message}"));
        ExitStatus::Usage
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
        config,
    }) = &cli.command
    {
        return print_config(*print_default, *path, config.config.as_deref());
    }
    let origin = Origin::from_option(cli.data_dir());
    let validating = matches!(cli.command, Some(Command::Validate { .. }));
    // `validate` checks the whole data set; the rest leave the embedded English layer (checked
    // by the test suite) until English is first read, so the dashboard starts without it.
    let load = if validating {
        data::load
    } else {
        data::load_deferred
    };
    let early = embedded
        .filter(|_| origin == Origin::Embedded && !validating)
        .and_then(|thread| thread.join().ok());
    let loaded = match early.unwrap_or_else(|| load(&origin)) {
        Ok(loaded) => loaded,
        Err(failed) => return report_failure(&origin, &failed),
    };
    for notice in &loaded.notices {
        say(format_args!("sco-dash: note: {notice}"));
    }
    match cli.command {
        None => run_dashboard(loaded, &cli),
        Some(command) => run_command(command, &origin, loaded),
    }
}

/// A command other than the dashboard: its output, and what went wrong writing it.
fn run_command(command: Command, origin: &Origin, loaded: Loaded) -> ExitStatus {
    let result = match command {
        Command::Config { .. } => Ok(()),
        #[cfg(feature = "ssh")]
        Command::Serve {
            args,
            lang,
            theme,
            mouse,
            tour,
            ..
        } => {
            let catalog = Arc::new(Catalog::from_loaded(loaded));
            return sco_dash::ssh::command::run(
                *args,
                catalog,
                !mouse.no_mouse,
                theme.theme.unwrap_or_default(),
                lang.lang.unwrap_or_default(),
                tour.tour,
            );
        }
        Command::Validate { .. } => print_summary(origin, &loaded),
        Command::Export {
            format,
            section,
            lang,
            ..
        } => {
            let lang = lang.lang.unwrap_or_default();
            let data = loaded.in_lang(lang);
            export::export(&data, lang, format, section, &mut io::stdout().lock())
        }
        Command::Search {
            query, json, lang, ..
        } => {
            let catalog = Arc::new(Catalog::from_loaded(loaded));
            print_hits(catalog.in_lang(lang.lang.unwrap_or_default()), &query, json)
        }
        Command::Snapshot(args) => match snapshot_text(&args, loaded) {
            Ok(text) => io::stdout()
                .lock()
                .write_all(text.as_bytes())
                .map_err(ExportError::from),
            Err(usage) => {
                say(format_args!("sco-dash: {usage}"));
                return ExitStatus::Usage;
            }
        },
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

/// One frame as text or SVG, or the tour as an animated SVG; `Err` says what to change.
fn snapshot_text(args: &SnapshotArgs, loaded: Loaded) -> Result<String, &'static str> {
    let catalog = Arc::new(Catalog::from_loaded(loaded));
    let theme = if args.no_color {
        Theme::PLAIN
    } else {
        Theme::new(
            args.color
                .color
                .unwrap_or_default()
                .depth(Theme::default().depth),
        )
        .choose(args.theme.theme.unwrap_or_default(), None, || None)
    };
    let lang = args.lang.lang.unwrap_or_default();
    // Snapshots are narrow unless asked: there is no terminal to probe.
    let ambiguous = match args.ambiguous.ambiguous {
        Some(config::AmbiguousSetting::Wide) => Ambiguous::Wide,
        _ => Ambiguous::Narrow,
    };
    with_ambiguous(ambiguous, || {
        match (args.tour.tour, args.tab, args.format) {
            // clap's `requires` lets --bilingual through beside --tab.
            (None, _, _) if args.bilingual => {
                Err("snapshot --bilingual is for a tour: add --tour SECONDS")
            }
            (Some(_), _, Some(SnapshotFormat::Txt)) => {
                Err("snapshot --tour writes an animated SVG: --format svg")
            }
            (Some(interval), _, _) => {
                let langs = if args.bilingual {
                    vec![lang, lang.counterpart()]
                } else {
                    vec![lang]
                };
                Ok(snapshot::tour_svg(
                    catalog, &langs, args.size, interval, &theme,
                ))
            }
            // clap asks for one of --tab and --tour.
            (None, None, _) => Err("snapshot needs --tab NAME or --tour"),
            (None, Some(tab), format) => {
                let keys = args
                    .keys
                    .as_ref()
                    .map(|k| k.0.as_slice())
                    .unwrap_or_default();
                let (width, height) = args.size;
                let buf = snapshot::frame(catalog, lang, tab, width, height, keys, &theme);
                Ok(match format.unwrap_or(SnapshotFormat::Txt) {
                    SnapshotFormat::Txt => snapshot::to_text(&buf),
                    SnapshotFormat::Svg => snapshot::to_svg(&buf, theme.scheme),
                })
            }
        }
    })
}

/// The dashboard's start as the command line and the config file set it.
fn start(cli: &Cli, config: &Config, ask_background: bool) -> term::Start {
    term::Start {
        tab: config.start_tab,
        lang: config.language.choose(cli.lang.lang),
        ambiguous: match cli.ambiguous.ambiguous.unwrap_or(config.ambiguous) {
            config::AmbiguousSetting::Auto => None,
            config::AmbiguousSetting::Narrow => Some(Ambiguous::Narrow),
            config::AmbiguousSetting::Wide => Some(Ambiguous::Wide),
        },
        ask_background,
        tour: cli.tour.tour,
        tour_resume: match cli.booth.tour_resume.unwrap_or(config.tour_resume) {
            0 => None,
            seconds => Some(Duration::from_secs(seconds)),
        },
        kiosk: cli.booth.kiosk,
        keymap: Keymap::new(&config.keys),
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
    let config = match read_config(cli.config.config.as_deref()) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let catalog = Arc::new(Catalog::from_loaded(loaded));
    let detected = Theme::for_this_terminal();
    let (theme, ask_background) = term::theme(
        Theme::new(
            cli.color
                .color
                .unwrap_or(config.color)
                .depth(detected.depth),
        ),
        cli.theme.theme.unwrap_or(config.theme),
    );
    let options = term::Options {
        mouse: !cli.mouse.no_mouse && config.mouse,
        presence: None,
    };
    let start = start(cli, &config, ask_background);
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
