//! Lists of public keys in OpenSSH's `authorized_keys` format: who may watch
//! (`--authorized-keys`) and who may present (`--presenter-keys`).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use russh::keys::ssh_key::authorized_keys::Entry;
use russh::keys::{HashAlg, PublicKey};

use crate::text::{sanitize, truncate};

/// A key's label in logs and in the status bar: its comment, shortened.
const NAME_WIDTH: usize = 24;

#[derive(Debug, Clone, Default)]
pub struct KeyList {
    keys: Vec<PublicKey>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyListError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a public key in authorized_keys format ({source})")]
    Line {
        path: PathBuf,
        line: usize,
        source: russh::keys::ssh_key::Error,
    },
    #[error("{path}: no keys in the file")]
    Empty { path: PathBuf },
}

impl KeyList {
    pub fn read(path: &Path) -> Result<KeyList, KeyListError> {
        let text = std::fs::read_to_string(path).map_err(|source| KeyListError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let list = KeyList::parse(&text).map_err(|(line, source)| KeyListError::Line {
            path: path.to_path_buf(),
            line,
            source,
        })?;
        if list.keys.is_empty() {
            return Err(KeyListError::Empty {
                path: path.to_path_buf(),
            });
        }
        Ok(list)
    }

    /// Parses the text of an `authorized_keys` file; the error names the first bad line.
    pub fn parse(text: &str) -> Result<KeyList, (usize, russh::keys::ssh_key::Error)> {
        let mut keys = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let entry = Entry::from_str(line).map_err(|e| (number + 1, e))?;
            keys.push(entry.public_key().clone());
        }
        Ok(KeyList { keys })
    }

    pub fn from_keys(keys: Vec<PublicKey>) -> KeyList {
        KeyList { keys }
    }

    /// The listed key with the same key material, if any (comments do not count).
    pub fn find(&self, key: &PublicKey) -> Option<&PublicKey> {
        self.keys.iter().find(|k| k.key_data() == key.key_data())
    }

    pub fn contains(&self, key: &PublicKey) -> bool {
        self.find(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
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

    #[test]
    fn lines_with_options_comments_and_blanks_are_read() {
        let text = format!("# presenters\n\n{ALICE}\nfrom=\"10.0.0.0/8\",no-pty {ALICE}\n");
        let list = KeyList::parse(&text).expect("parses");
        assert_eq!(list.len(), 2);
        assert_eq!(key_name(&list.keys[0]), "alice@demo");
    }

    #[test]
    fn a_bad_line_is_named() {
        let text = format!("{ALICE}\nssh-ed25519 not-base64\n");
        let (line, _) = KeyList::parse(&text).expect_err("second line is bad");
        assert_eq!(line, 2);
    }

    #[test]
    fn keys_match_by_material_not_by_comment() {
        let list = KeyList::parse(ALICE).expect("parses");
        let other_comment =
            PublicKey::from_openssh(&ALICE.replace("alice@demo", "someone")).expect("parses");
        assert!(list.contains(&other_comment));
    }
}
