//! How sco-dash ends: one list of exit statuses, used by the code that exits and by the
//! "Exit codes" text of `--help` and `serve --help`, so the two cannot drift apart.

use std::process::ExitCode;

/// The status the process exits with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    /// The data has problems (each printed to stderr).
    DataProblems,
    /// Wrong usage, or no terminal for the dashboard.
    Usage,
    /// Output could not be written, or the terminal failed.
    Output,
    /// `serve`: the server could not start.
    CannotServe,
    /// The dashboard was stopped by this signal: 128 + its number, by convention.
    Signal(i32),
}

impl ExitStatus {
    /// Every status, in the order help lists them (one signal stands for them all).
    pub const ALL: [ExitStatus; 6] = [
        ExitStatus::Success,
        ExitStatus::DataProblems,
        ExitStatus::Usage,
        ExitStatus::Output,
        ExitStatus::CannotServe,
        ExitStatus::Signal(0),
    ];

    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::DataProblems => 1,
            ExitStatus::Usage => 2,
            ExitStatus::Output => 3,
            ExitStatus::CannotServe => 4,
            ExitStatus::Signal(n) => u8::try_from(128 + n.clamp(0, 127)).unwrap_or(u8::MAX),
        }
    }

    /// The code as help shows it.
    fn label(self) -> String {
        match self {
            ExitStatus::Signal(_) => "128+n".to_string(),
            status => status.code().to_string(),
        }
    }

    /// What the status means for the dashboard and the commands other than `serve`.
    fn meaning(self) -> &'static str {
        match self {
            ExitStatus::Success => "success",
            ExitStatus::DataProblems => {
                "the data has problems (each printed to stderr as FILE:LINE:COLUMN: FIELD: message)"
            }
            ExitStatus::Usage => {
                "wrong usage (unknown option, missing argument, …), or no terminal for the dashboard\n     \
                 (not a terminal, or TERM=dumb)"
            }
            ExitStatus::Output => "output could not be written, or the terminal failed",
            ExitStatus::CannotServe => {
                "serve: the server could not start (address in use, unfit host key or key list)"
            }
            ExitStatus::Signal(_) => {
                "the dashboard was stopped by signal n (SIGHUP 129, SIGINT 130, SIGQUIT 131, \
                 SIGTERM 143)"
            }
        }
    }

    /// What the status means for `serve`, or `None` when `serve` never ends with it: a
    /// signal stops the server as it should stop, so `serve` exits 0, with `--present` too.
    fn meaning_for_serve(self) -> Option<&'static str> {
        match self {
            ExitStatus::Success => {
                Some("stopped by a signal or, with --present, by quitting (or a signal)")
            }
            ExitStatus::DataProblems => Some("the data has problems"),
            ExitStatus::Usage => Some("wrong usage"),
            ExitStatus::Output => Some("with --present, the terminal failed"),
            ExitStatus::CannotServe => {
                Some("the server could not start (address in use, unfit host key or key list)")
            }
            ExitStatus::Signal(_) => None,
        }
    }

    /// The "Exit codes" section of `--help`.
    pub fn help() -> String {
        listing(ExitStatus::ALL.map(|s| Some((s.label(), s.meaning()))))
    }

    /// The "Exit codes" section of `serve --help`.
    pub fn serve_help() -> String {
        listing(ExitStatus::ALL.map(|s| Some((s.label(), s.meaning_for_serve()?))))
    }
}

fn listing(lines: [Option<(String, &str)>; 6]) -> String {
    let lines: Vec<String> = lines
        .into_iter()
        .flatten()
        .map(|(label, meaning)| format!("  {label}  {meaning}"))
        .collect();
    format!("Exit codes:\n{}", lines.join("\n"))
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        ExitCode::from(status.code())
    }
}

impl From<crate::term::Exit> for ExitStatus {
    fn from(exit: crate::term::Exit) -> Self {
        match exit {
            crate::term::Exit::Quit | crate::term::Exit::Hangup => ExitStatus::Success,
            crate::term::Exit::Signal(n) => ExitStatus::Signal(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_status_once_with_its_code() {
        let help = ExitStatus::help();
        for status in ExitStatus::ALL {
            let line = format!("\n  {}  {}", status.label(), status.meaning());
            assert_eq!(help.matches(&line).count(), 1, "{status:?} in {help}");
        }
        let codes = help.lines().filter(|l| {
            l.strip_prefix("  ")
                .is_some_and(|rest| rest.starts_with(char::is_numeric))
        });
        assert_eq!(codes.count(), ExitStatus::ALL.len(), "{help}");
    }

    #[test]
    fn serve_help_lists_every_status_serve_can_end_with() {
        let help = ExitStatus::serve_help();
        for status in ExitStatus::ALL {
            let listed = help.contains(&format!("\n  {}  ", status.label()));
            assert_eq!(listed, status.meaning_for_serve().is_some(), "{status:?}");
        }
        assert!(!help.contains("128"), "{help}");
    }

    #[test]
    fn signals_are_128_plus_their_number() {
        assert_eq!(ExitStatus::Signal(15).code(), 143);
        assert_eq!(ExitStatus::Signal(1).code(), 129);
        let codes: Vec<u8> = ExitStatus::ALL[..5].iter().map(|s| s.code()).collect();
        assert_eq!(codes, [0, 1, 2, 3, 4]);
    }
}
