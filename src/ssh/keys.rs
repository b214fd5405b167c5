//! Lists of public keys in OpenSSH's `authorized_keys` format: who may watch
//! (`--authorized-keys`) and who may present (`--presenter-keys`).

use std::net::IpAddr;
use std::path::Path;
use std::str::FromStr;

use chrono::{DateTime, NaiveDateTime, Utc};

use russh::keys::ssh_key::authorized_keys::Entry;
use russh::keys::{HashAlg, PublicKey};

use crate::ssh::admission::Net;
use crate::text::{sanitize, truncate};

/// A key's label in logs and in the status bar: its comment, shortened.
const NAME_WIDTH: usize = 24;

/// The keys of one `authorized_keys` file, with the options sco-dash honours.
#[derive(Debug, Clone, Default)]
pub struct AuthorizedKeys {
    keys: Vec<Listed>,
}

/// A key and the options of its line that sco-dash honours.
#[derive(Debug, Clone)]
struct Listed {
    key: PublicKey,
    /// `from="…"`: the client addresses it may log in from.
    from: Option<Vec<String>>,
    /// `expiry-time="…"`: when it stops working.
    expires: Option<DateTime<Utc>>,
    /// `restrict` (without a later `pty`) or `no-pty`: no terminal, so no dashboard.
    no_pty: bool,
}

/// Options that change nothing here: the server already refuses what they forbid.
const ALREADY_SO: &[&str] = &[
    "no-port-forwarding",
    "no-agent-forwarding",
    "no-x11-forwarding",
    "no-user-rc",
];

#[derive(Debug, thiserror::Error)]
pub enum AuthorizedKeysError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a public key in authorized_keys format ({source})")]
    Line {
        path: String,
        line: usize,
        source: russh::keys::ssh_key::Error,
    },
    #[error(
        "{path}:{line}: option {option} is not supported by sco-dash serve; remove it \
         (supported: from=, expiry-time=, restrict, pty, no-pty, no-port-forwarding, \
         no-agent-forwarding, no-X11-forwarding, no-user-rc)"
    )]
    Option {
        path: String,
        line: usize,
        option: String,
    },
    #[error("{path}: no keys in the file")]
    Empty { path: String },
}

/// A line's problem, before the file name is known.
#[derive(Debug)]
pub enum LineError {
    Key(russh::keys::ssh_key::Error),
    Option(String),
}

impl AuthorizedKeys {
    pub fn read(path: &Path) -> Result<AuthorizedKeys, AuthorizedKeysError> {
        let shown = sanitize(&path.to_string_lossy()).into_owned();
        let text = std::fs::read_to_string(path).map_err(|source| AuthorizedKeysError::Read {
            path: shown.clone(),
            source,
        })?;
        let list = AuthorizedKeys::parse(&text).map_err(|(line, error)| match error {
            LineError::Key(source) => AuthorizedKeysError::Line {
                path: shown.clone(),
                line,
                source,
            },
            LineError::Option(option) => AuthorizedKeysError::Option {
                path: shown.clone(),
                line,
                option: sanitize(&option).into_owned(),
            },
        })?;
        if list.keys.is_empty() {
            return Err(AuthorizedKeysError::Empty { path: shown });
        }
        Ok(list)
    }

    /// Parses the text of an `authorized_keys` file; the error names the first bad line.
    pub fn parse(text: &str) -> Result<AuthorizedKeys, (usize, LineError)> {
        let mut keys = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |error| (number + 1, error);
            let entry = Entry::from_str(line).map_err(|e| bad(LineError::Key(e)))?;
            let mut listed = Listed {
                key: entry.public_key().clone(),
                from: None,
                expires: None,
                no_pty: false,
            };
            for option in entry.config_opts().iter() {
                let (name, value) = match option.split_once('=') {
                    Some((name, value)) => (name, Some(value.trim_matches('"'))),
                    None => (option, None),
                };
                match (name.to_ascii_lowercase().as_str(), value) {
                    ("from", Some(patterns)) => {
                        listed.from = Some(patterns.split(',').map(str::to_string).collect());
                    }
                    ("expiry-time", Some(when)) => {
                        let when = expiry_time(when)
                            .ok_or_else(|| bad(LineError::Option(option.into())))?;
                        listed.expires = Some(when);
                    }
                    // As sshd: `restrict` forbids a pty too, and a `pty` after it allows one.
                    ("restrict" | "no-pty", None) => listed.no_pty = true,
                    ("pty", None) => listed.no_pty = false,
                    (flag, None) if ALREADY_SO.contains(&flag) => {}
                    _ => return Err(bad(LineError::Option(option.to_string()))),
                }
            }
            keys.push(listed);
        }
        Ok(AuthorizedKeys { keys })
    }

    pub fn from_keys(keys: Vec<PublicKey>) -> AuthorizedKeys {
        AuthorizedKeys {
            keys: keys
                .into_iter()
                .map(|key| Listed {
                    key,
                    from: None,
                    expires: None,
                    no_pty: false,
                })
                .collect(),
        }
    }

    /// The listed key with the same key material that may log in from `ip` now, if any
    /// (comments do not count).
    pub fn find_for(&self, key: &PublicKey, ip: IpAddr, now: DateTime<Utc>) -> Option<&PublicKey> {
        self.listed_for(key, ip, now).map(|l| &l.key)
    }

    /// Whether the line that lets `key` in (from `ip`, now) allows a pty: not after
    /// `restrict` or `no-pty`, unless `pty` follows.
    pub fn allows_pty(&self, key: &PublicKey, ip: IpAddr, now: DateTime<Utc>) -> bool {
        self.listed_for(key, ip, now).is_some_and(|l| !l.no_pty)
    }

    fn listed_for(&self, key: &PublicKey, ip: IpAddr, now: DateTime<Utc>) -> Option<&Listed> {
        self.keys
            .iter()
            .filter(|l| l.key.key_data() == key.key_data())
            .find(|l| {
                l.expires.is_none_or(|at| now < at)
                    && l.from.as_ref().is_none_or(|p| from_matches(p, ip))
            })
    }

    /// Whether the key is listed at all, whatever its options.
    pub fn contains(&self, key: &PublicKey) -> bool {
        self.keys.iter().any(|l| l.key.key_data() == key.key_data())
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// `YYYYMMDD`, `YYYYMMDDHHMM` or `YYYYMMDDHHMMSS`, in UTC (sshd reads local time unless a
/// `Z` follows; a server's log is in UTC, so is this).
fn expiry_time(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim_end_matches('Z');
    let padded = match text.len() {
        8 => format!("{text}000000"),
        12 => format!("{text}00"),
        14 => text.to_string(),
        _ => return None,
    };
    NaiveDateTime::parse_from_str(&padded, "%Y%m%d%H%M%S")
        .ok()
        .map(|t| t.and_utc())
}

/// sshd's `from=` rule: no negated pattern matches, and some pattern does. Patterns are
/// addresses with `*` and `?`, or CIDR blocks; host names cannot match (no DNS here).
fn from_matches(patterns: &[String], ip: IpAddr) -> bool {
    let mut allowed = false;
    for pattern in patterns {
        let (negated, pattern) = match pattern.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, pattern.as_str()),
        };
        let hit = match pattern.parse::<Net>() {
            Ok(net) if pattern.contains('/') || pattern.parse::<IpAddr>().is_ok() => {
                net.contains(ip)
            }
            _ => wildcard(pattern.as_bytes(), ip.to_string().as_bytes()),
        };
        if hit && negated {
            return false;
        }
        allowed |= hit;
    }
    allowed
}

fn wildcard(pattern: &[u8], text: &[u8]) -> bool {
    match (pattern.split_first(), text.split_first()) {
        (None, None) => true,
        (Some((b'*', rest)), _) => {
            wildcard(rest, text) || (!text.is_empty() && wildcard(pattern, &text[1..]))
        }
        (Some((b'?', rest)), Some((_, text))) => wildcard(rest, text),
        (Some((p, rest)), Some((t, text))) if p.eq_ignore_ascii_case(t) => wildcard(rest, text),
        _ => false,
    }
}

/// What to call the holder of a key: the comment of its entry in our list, or failing that
/// the start of its fingerprint. Safe to print: a comment is data from a file.
pub fn key_name(listed: &PublicKey) -> String {
    let comment = listed.comment().as_str_lossy().trim();
    if comment.is_empty() {
        let fingerprint = listed.fingerprint(HashAlg::Sha256).to_string();
        return truncate(&fingerprint, NAME_WIDTH).into_owned();
    }
    truncate(&sanitize(comment), NAME_WIDTH).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@demo";

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn lines_with_options_comments_and_blanks_are_read() {
        let text = format!("# presenters\n\n{ALICE}\nfrom=\"10.0.0.0/8\",restrict {ALICE}\n");
        let list = AuthorizedKeys::parse(&text).expect("parses");
        assert_eq!(list.len(), 2);
        assert_eq!(key_name(&list.keys[0].key), "alice@demo");
    }

    #[test]
    fn from_and_expiry_time_are_honoured() {
        let text = format!("from=\"10.0.0.0/8,!10.9.9.9,192.168.1.*\" {ALICE}\n");
        let list = AuthorizedKeys::parse(&text).unwrap();
        let key = &list.keys[0].key;
        let now = Utc::now();
        assert!(list.find_for(key, ip("10.1.2.3"), now).is_some());
        assert!(list.find_for(key, ip("10.9.9.9"), now).is_none(), "negated");
        assert!(
            list.find_for(key, ip("192.168.1.40"), now).is_some(),
            "wildcard"
        );
        assert!(list.find_for(key, ip("127.0.0.1"), now).is_none());
        let expiring = AuthorizedKeys::parse(&format!("expiry-time=\"20250901\" {ALICE}")).unwrap();
        let before = expiry_time("20250831235959").unwrap();
        let after = expiry_time("202509010000").unwrap();
        assert!(expiring.find_for(key, ip("127.0.0.1"), before).is_some());
        assert!(expiring.find_for(key, ip("127.0.0.1"), after).is_none());
    }

    #[test]
    fn options_it_does_not_implement_are_refused_with_their_line() {
        for option in [
            "command=\"/bin/false\"",
            "cert-authority",
            "permitopen=\"x:1\"",
        ] {
            let text = format!("{ALICE}\n{option} {ALICE}\n");
            let (line, error) = AuthorizedKeys::parse(&text).expect_err(option);
            assert_eq!(line, 2);
            assert!(matches!(error, LineError::Option(_)), "{option}");
        }
    }

    #[test]
    fn restrict_forbids_a_pty_unless_pty_follows_as_in_sshd() {
        let now = Utc::now();
        let from = ip("127.0.0.1");
        for (options, pty) in [
            ("", true),
            ("restrict ", false),
            ("no-pty ", false),
            ("restrict,pty ", true),
        ] {
            let list = AuthorizedKeys::parse(&format!("{options}{ALICE}")).expect("parses");
            let key = &list.keys[0].key;
            assert!(list.find_for(key, from, now).is_some(), "{options}");
            assert_eq!(list.allows_pty(key, from, now), pty, "{options}");
        }
    }

    #[test]
    fn a_bad_line_is_named() {
        let text = format!("{ALICE}\nssh-ed25519 not-base64\n");
        let (line, _) = AuthorizedKeys::parse(&text).expect_err("second line is bad");
        assert_eq!(line, 2);
    }

    #[test]
    fn keys_match_by_material_not_by_comment() {
        let list = AuthorizedKeys::parse(ALICE).expect("parses");
        let other_comment =
            PublicKey::from_openssh(&ALICE.replace("alice@demo", "someone")).expect("parses");
        assert!(list.contains(&other_comment));
        assert!(
            list.find_for(&other_comment, ip("127.0.0.1"), Utc::now())
                .is_some()
        );
    }
}
