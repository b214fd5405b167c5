//! The binary's command line: what each command takes, so `sco-dash search --help` lists the
//! options a search has and no others.
//!
//! Options shared by several commands are small groups, each flattened into the commands
//! that take it. Without a command the options are the dashboard's; written before a command
//! (`sco-dash --lang en search putin`) they count as that command's when it takes them, and
//! are refused, by name, when it does not.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use sco_dash::app::Tab;
use sco_dash::app::input::{Key, parse_keys};
use sco_dash::config;
use sco_dash::data::Lang;
use sco_dash::exit::ExitStatus;
use sco_dash::export::{Format, Part};
use sco_dash::ui::theme::{ColorChoice, ThemeChoice};

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
pub struct Cli {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub theme: ThemeArg,
    #[command(flatten)]
    pub color: ColorArg,
    #[command(flatten)]
    pub ambiguous: AmbiguousArg,
    #[command(flatten)]
    pub mouse: MouseArg,
    #[command(flatten)]
    pub tour: TourArg,
    #[command(flatten)]
    pub booth: BoothArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Default, Args)]
pub struct DataArg {
    /// Read the data set from this folder instead of the copy built into the binary.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Default, Args)]
pub struct ConfigArg {
    /// Read the dashboard's settings from this file instead of
    /// $XDG_CONFIG_HOME/sco-dash/config.toml (see `sco-dash config --print-default`).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Default, Args)]
pub struct LangArg {
    /// The language to read in: zh (Chinese only), en (English only) or ru (Russian only).
    /// The dashboard's default is the config file's, else the locale's (LC_ALL, LC_MESSAGES,
    /// LANG: zh for a zh locale, C or none; ru for a ru locale; en for any other), and L goes
    /// round the three live; snapshot, search and export print Chinese unless asked, so
    /// scripts get the same output everywhere.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Default, Args)]
pub struct ThemeArg {
    /// Colours for a dark or a light background, or none (mono) [default: auto]. auto asks
    /// the terminal for its background (OSC 11) or reads COLORFGBG; snapshot takes it as dark.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeChoice>,
}

#[derive(Debug, Default, Args)]
pub struct ColorArg {
    /// Colour depth [default: auto, from TERM, COLORTERM and NO_COLOR].
    #[arg(long, value_enum, value_name = "DEPTH")]
    pub color: Option<ColorChoice>,
}

#[derive(Debug, Default, Args)]
pub struct AmbiguousArg {
    /// How wide the terminal draws East Asian Ambiguous characters (─ · “ ” …) [default:
    /// auto, which asks the terminal; snapshot: narrow].
    #[arg(long, value_enum, value_name = "WIDTH")]
    pub ambiguous: Option<config::AmbiguousSetting>,
}

#[derive(Debug, Default, Args)]
pub struct MouseArg {
    /// Do not ask the terminal (or, with serve, the viewers' terminals) for mouse reports.
    #[arg(long)]
    pub no_mouse: bool,
}

#[derive(Debug, Default, Args)]
pub struct TourArg {
    /// Tour the dashboard for a projector or a booth: the overview, each outcome with its
    /// initiatives, the meetings on the map, the timeline at the summit, the results; one
    /// step every SECONDS (2 to 3600, default 8). Any key pauses it; T resumes. With serve,
    /// only under --present (the local screen tours and the viewers follow); with snapshot,
    /// the tour as one animated SVG.
    #[arg(
        long,
        value_name = "SECONDS",
        num_args = 0..=1,
        default_missing_value = "8",
        value_parser = parse_tour
    )]
    pub tour: Option<Duration>,
}

/// What only the local dashboard's tour takes.
#[derive(Debug, Default, Args)]
pub struct BoothArgs {
    /// A paused tour runs again after SECONDS without a key (0: only the tour key resumes
    /// it) [default: the config file's tour_resume, else 60].
    #[arg(long, value_name = "SECONDS", value_parser = parse_resume)]
    pub tour_resume: Option<u64>,

    /// With --tour: a booth's screen that a visitor cannot close: q does nothing and the tour
    /// goes on (Ctrl-c or a signal still ends it).
    #[arg(long, requires = "tour")]
    pub kiosk: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The config file: print the documented defaults, or where it is read from.
    Config {
        /// Print the default config file, every setting explained.
        #[arg(long)]
        print_default: bool,
        /// Print the path the config file is read from.
        #[arg(long)]
        path: bool,
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Check the data set and print a count per kind.
    #[command(after_help = ExitStatus::help())]
    Validate {
        #[command(flatten)]
        data: DataArg,
    },
    /// Write the data set, or one section of it, to stdout.
    #[command(after_help = ExitStatus::help())]
    Export {
        /// json is the stable interface for scripts; csv needs --section.
        #[arg(long, value_enum)]
        format: Format,
        /// Only this part of the data set.
        #[arg(long, value_enum, value_name = "NAME")]
        section: Option<Part>,
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Search every pane: Chinese, pinyin (tianjin), initials (tjfh), English, numbers.
    #[command(after_help = ExitStatus::help())]
    Search {
        query: String,
        /// Print the ranked hits as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Serve the dashboard over SSH: `ssh -p 2222 localhost` shows it, one session per viewer.
    #[cfg(feature = "ssh")]
    #[command(after_help = serve_help())]
    Serve {
        #[command(flatten)]
        args: Box<sco_dash::ssh::command::ServeArgs>,
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        lang: LangArg,
        #[command(flatten)]
        theme: ThemeArg,
        #[command(flatten)]
        mouse: MouseArg,
        #[command(flatten)]
        tour: TourArg,
    },
    /// Render one frame of the dashboard without a terminal (for screenshots and scripts);
    /// with --tour, the tour as one animated SVG.
    #[command(after_help = ExitStatus::help())]
    Snapshot(Box<SnapshotArgs>),
}

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// The tab to show; not with --tour, which shows them all.
    #[arg(
        long,
        value_enum,
        value_name = "NAME",
        required_unless_present = "tour",
        conflicts_with = "tour"
    )]
    pub tab: Option<Tab>,
    /// Terminal size, e.g. 120x40.
    #[arg(long, value_parser = parse_size, value_name = "WxH", default_value = "120x40")]
    pub size: (u16, u16),
    /// Keys to press first, e.g. "jj<Enter>" (names in angle brackets: <Esc>, <C-d>, …).
    #[arg(long, value_parser = parse_key_notation, conflicts_with = "tour")]
    pub keys: Option<KeyArg>,
    /// txt or svg [default: txt; with --tour, svg, the only format a tour is written in].
    #[arg(long, value_enum)]
    pub format: Option<SnapshotFormat>,
    /// Render without colour.
    #[arg(long)]
    pub no_color: bool,
    /// With --tour: the tour in --lang, then again in Chinese (after Chinese, in English).
    #[arg(long, requires = "tour")]
    pub bilingual: bool,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub theme: ThemeArg,
    #[command(flatten)]
    pub color: ColorArg,
    #[command(flatten)]
    pub ambiguous: AmbiguousArg,
    #[command(flatten)]
    pub tour: TourArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SnapshotFormat {
    Txt,
    Svg,
}

#[derive(Debug, Clone)]
pub struct KeyArg(pub Vec<Key>);

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

/// Moves an option written before the command into the command's own, unless the command's
/// own says otherwise.
fn adopt<T>(own: &mut Option<T>, before: &mut Option<T>) {
    let before = before.take();
    if own.is_none() {
        *own = before;
    }
}

impl Cli {
    /// Gives the command the options written before it that it takes; `Err` names the first
    /// one it does not take.
    pub fn resolve(mut self) -> Result<Self, String> {
        let top = &mut self;
        let Some(command) = top.command.as_mut() else {
            return Ok(self);
        };
        let name = match command {
            Command::Config { config, .. } => {
                adopt(&mut config.config, &mut top.config.config);
                "config"
            }
            Command::Validate { data } => {
                adopt(&mut data.data, &mut top.data.data);
                "validate"
            }
            Command::Export { data, lang, .. } | Command::Search { data, lang, .. } => {
                adopt(&mut data.data, &mut top.data.data);
                adopt(&mut lang.lang, &mut top.lang.lang);
                if matches!(command, Command::Export { .. }) {
                    "export"
                } else {
                    "search"
                }
            }
            #[cfg(feature = "ssh")]
            Command::Serve {
                data,
                lang,
                theme,
                mouse,
                tour,
                ..
            } => {
                adopt(&mut data.data, &mut top.data.data);
                adopt(&mut lang.lang, &mut top.lang.lang);
                adopt(&mut theme.theme, &mut top.theme.theme);
                mouse.no_mouse |= std::mem::take(&mut top.mouse.no_mouse);
                adopt(&mut tour.tour, &mut top.tour.tour);
                "serve"
            }
            Command::Snapshot(args) => {
                adopt(&mut args.data.data, &mut top.data.data);
                adopt(&mut args.lang.lang, &mut top.lang.lang);
                adopt(&mut args.theme.theme, &mut top.theme.theme);
                adopt(&mut args.color.color, &mut top.color.color);
                adopt(&mut args.ambiguous.ambiguous, &mut top.ambiguous.ambiguous);
                "snapshot"
            }
        };
        match self.dashboard_only() {
            Some(option) => Err(format!(
                "{option} is not an option of `sco-dash {name}` (see `sco-dash {name} --help`)"
            )),
            None => Ok(self),
        }
    }

    /// The first dashboard option still set, once the command has taken its own.
    fn dashboard_only(&self) -> Option<&'static str> {
        [
            (self.data.data.is_some(), "--data"),
            (self.config.config.is_some(), "--config"),
            (self.lang.lang.is_some(), "--lang"),
            (self.theme.theme.is_some(), "--theme"),
            (self.color.color.is_some(), "--color"),
            (self.ambiguous.ambiguous.is_some(), "--ambiguous"),
            (self.mouse.no_mouse, "--no-mouse"),
            (self.tour.tour.is_some(), "--tour"),
            (self.booth.tour_resume.is_some(), "--tour-resume"),
            (self.booth.kiosk, "--kiosk"),
        ]
        .into_iter()
        .find_map(|(set, name)| set.then_some(name))
    }

    /// The data folder named for whichever command runs.
    pub fn data_dir(&self) -> Option<PathBuf> {
        match &self.command {
            None => self.data.data.clone(),
            Some(Command::Config { .. }) => None,
            Some(Command::Validate { data })
            | Some(Command::Export { data, .. })
            | Some(Command::Search { data, .. }) => data.data.clone(),
            #[cfg(feature = "ssh")]
            Some(Command::Serve { data, .. }) => data.data.clone(),
            Some(Command::Snapshot(args)) => args.data.data.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, String> {
        Cli::try_parse_from(std::iter::once("sco-dash").chain(args.iter().copied()))
            .map_err(|e| e.to_string())
            .and_then(Cli::resolve)
    }

    fn help(command: &str) -> String {
        let mut cli = <Cli as clap::CommandFactory>::command();
        cli.find_subcommand_mut(command)
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn a_command_s_help_lists_only_the_options_it_takes() {
        let search = help("search");
        assert!(
            search.contains("--lang") && search.contains("--data"),
            "{search}"
        );
        for foreign in ["--theme", "--no-mouse", "--tour", "--kiosk", "--ambiguous"] {
            assert!(
                !search.contains(foreign),
                "search --help lists {foreign}:\n{search}"
            );
        }
        let validate = help("validate");
        assert!(!validate.contains("--lang"), "{validate}");
        let snapshot = help("snapshot");
        assert!(
            snapshot.contains("--tour") && snapshot.contains("--theme"),
            "{snapshot}"
        );
        assert!(!snapshot.contains("--no-mouse") && !snapshot.contains("--kiosk"));
    }

    #[test]
    fn an_option_before_the_command_is_the_command_s_when_it_takes_it() {
        let cli = parse(&["--lang", "en", "search", "putin"]).unwrap();
        let Some(Command::Search { lang, .. }) = &cli.command else {
            panic!("{cli:?}")
        };
        assert_eq!(lang.lang, Some(Lang::En));
        // The command's own wins over one written before it.
        let cli = parse(&["--lang", "en", "search", "--lang", "ru", "putin"]).unwrap();
        let Some(Command::Search { lang, .. }) = &cli.command else {
            panic!("{cli:?}")
        };
        assert_eq!(lang.lang, Some(Lang::Ru));
        assert_eq!(
            parse(&["--data", "d", "validate"]).unwrap().data_dir(),
            Some(PathBuf::from("d"))
        );
    }

    #[test]
    fn an_option_the_command_does_not_take_is_refused_by_name() {
        let err = parse(&["--theme", "light", "search", "putin"]).unwrap_err();
        assert!(
            err.contains("--theme") && err.contains("sco-dash search"),
            "{err}"
        );
        let err = parse(&["--lang", "en", "validate"]).unwrap_err();
        assert!(err.contains("--lang"), "{err}");
        assert!(parse(&["search", "--theme", "light", "x"]).is_err());
    }

    #[test]
    fn the_dashboard_takes_every_option_without_a_command() {
        let cli = parse(&["--theme", "light", "--lang", "ru", "--tour", "--kiosk"]).unwrap();
        assert!(cli.command.is_none() && cli.booth.kiosk);
        assert_eq!(cli.tour.tour, Some(Duration::from_secs(8)));
    }
}
