//! The command line: parses arguments, runs a command, and reports errors for people.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sco_dash::data::{self, LoadFailed, Loaded, Origin};
use sco_dash::export::{self, ExportError, Format, Part};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the data has problems (each printed to stderr as FILE:LINE:COLUMN: FIELD: message)
  2  wrong usage (unknown option, missing argument, …)
  3  output could not be written";

/// A terminal dashboard for the 2025 SCO summit in Tianjin (上海合作组织天津峰会).
#[derive(Debug, Parser)]
#[command(version, about, after_help = EXIT_CODES)]
struct Cli {
    /// Read the data set from this folder instead of the copy built into the binary.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the data set and print a count per kind.
    #[command(after_help = EXIT_CODES)]
    Validate,
    /// Write the data set, or one section of it, to stdout.
    #[command(after_help = EXIT_CODES)]
    Export {
        /// json is the stable interface for scripts; csv needs --section.
        #[arg(long, value_enum)]
        format: Format,
        /// Only this part of the data set.
        #[arg(long, value_enum, value_name = "NAME")]
        section: Option<Part>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let origin = Origin::from_option(cli.data);
    let loaded = match data::load(&origin) {
        Ok(loaded) => loaded,
        Err(failed) => return report_failure(&origin, &failed),
    };
    for notice in &loaded.notices {
        eprintln!("sco-dash: note: {notice}");
    }
    let result = match cli.command {
        Some(Command::Validate) | None => print_summary(&origin, &loaded),
        Some(Command::Export { format, section }) => {
            export::export(&loaded.data, format, section, &mut io::stdout().lock())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err @ ExportError::CsvNeedsSection) => {
            eprintln!("sco-dash: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("sco-dash: cannot write the output: {err}");
            ExitCode::from(3)
        }
    }
}

fn report_failure(origin: &Origin, failed: &LoadFailed) -> ExitCode {
    for notice in &failed.notices {
        eprintln!("sco-dash: note: {notice}");
    }
    for problem in &failed.errors.problems {
        eprintln!("{problem}");
    }
    eprintln!("sco-dash: {} ({})", failed.errors, origin.describe());
    ExitCode::from(1)
}

fn print_summary(origin: &Origin, loaded: &Loaded) -> Result<(), ExportError> {
    let mut out = io::stdout().lock();
    writeln!(out, "data OK ({})", origin.describe())?;
    for line in data::summary::summary_lines(&loaded.data) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
