//! The server's host key: made on first run (ed25519), kept private on disk, reused after.
//! Clients remember it, so a server that made a new one each start would look like an attack.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, PrivateKey};

#[derive(Debug, thiserror::Error)]
pub enum HostKeyError {
    #[error(
        "{path} can be read by other users (mode {mode:o}); a host key must be private: \
         run `chmod 600 {path}`"
    )]
    Exposed { path: PathBuf, mode: u32 },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not an OpenSSH private key ({source})")]
    Format {
        path: PathBuf,
        source: russh::keys::ssh_key::Error,
    },
    #[error("{path} is encrypted with a passphrase; the server needs a key it can read unattended")]
    Encrypted { path: PathBuf },
    #[error("{path} is a directory; --host-key names the key file itself")]
    Directory { path: PathBuf },
    #[error("{path} is not a regular file (a FIFO, socket or device); refusing to read it")]
    NotAFile { path: PathBuf },
    #[error(
        "{path} belongs to another user (uid {owner}); a host key must belong to the user \
         that runs the server, as sshd requires"
    )]
    Foreign { path: PathBuf, owner: u32 },
    #[error("{path} is empty; delete it and a new key is made, or point --host-key at a key")]
    Empty { path: PathBuf },
    #[error("{path} holds a public key; --host-key wants the private key (the file without .pub)")]
    Public { path: PathBuf },
    #[error(
        "no folder for the host key: neither XDG_STATE_HOME nor HOME is set; pass --host-key PATH"
    )]
    NoHome,
}

/// Where the key lives unless `--host-key` says otherwise; `None` with neither
/// `XDG_STATE_HOME` nor `HOME` set (a key silently made in whatever folder the server was
/// started from would be a new key every time it is started from elsewhere).
pub fn default_path() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/state")))?;
    Some(state.join("sco-dash").join("ssh_host_ed25519_key"))
}

/// The user this process runs as (its effective user, as the kernel checks file access by).
fn current_uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// Checks that an existing key file is one the server should read, before opening it.
fn check_file(path: &Path, meta: &fs::Metadata) -> Result<(), HostKeyError> {
    use std::os::unix::fs::MetadataExt;
    let path_buf = || path.to_path_buf();
    if meta.is_dir() {
        return Err(HostKeyError::Directory { path: path_buf() });
    }
    if !meta.is_file() {
        return Err(HostKeyError::NotAFile { path: path_buf() });
    }
    if meta.uid() != current_uid() {
        return Err(HostKeyError::Foreign {
            path: path_buf(),
            owner: meta.uid(),
        });
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(HostKeyError::Exposed {
            path: path_buf(),
            mode,
        });
    }
    if meta.len() == 0 {
        return Err(HostKeyError::Empty { path: path_buf() });
    }
    Ok(())
}

/// Whether the key was read or made, for the start-up message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Loaded,
    Created,
}

pub fn load_or_create(path: &Path) -> Result<(PrivateKey, Origin), HostKeyError> {
    let io_error = |source| HostKeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    match fs::symlink_metadata(path).and_then(|m| {
        if m.file_type().is_symlink() {
            fs::metadata(path)
        } else {
            Ok(m)
        }
    }) {
        Ok(meta) => {
            check_file(path, &meta)?;
            let text = fs::read_to_string(path).map_err(io_error)?;
            if russh::keys::PublicKey::from_openssh(text.trim()).is_ok() {
                return Err(HostKeyError::Public {
                    path: path.to_path_buf(),
                });
            }
            let key = PrivateKey::from_openssh(&text).map_err(|source| HostKeyError::Format {
                path: path.to_path_buf(),
                source,
            })?;
            if key.is_encrypted() {
                return Err(HostKeyError::Encrypted {
                    path: path.to_path_buf(),
                });
            }
            Ok((key, Origin::Loaded))
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).map_err(|e| {
                HostKeyError::Format {
                    path: path.to_path_buf(),
                    source: e,
                }
            })?;
            write_private(path, &key).map_err(io_error)?;
            Ok((key, Origin::Created))
        }
        Err(err) => Err(io_error(err)),
    }
}

/// Writes the key readable by its owner only, from the first byte: the file is created with
/// mode 0600 rather than chmod-ed after, and never replaces an existing file.
fn write_private(path: &Path, key: &PrivateKey) -> io::Result<()> {
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| io::Error::other(e.to_string()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_this_user_made_passes_the_owner_check() {
        use std::os::unix::fs::MetadataExt;
        let dir = std::env::temp_dir().join(format!("sco-dash-host-key-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let path = dir.join("key");
        let (_, origin) = load_or_create(&path).expect("a key is made");
        assert_eq!(origin, Origin::Created);
        let meta = fs::metadata(&path).expect("the key is there");
        assert_eq!(meta.uid(), current_uid(), "made by the user who runs this");
        assert!(matches!(load_or_create(&path), Ok((_, Origin::Loaded))));
        let _ = fs::remove_dir_all(&dir);
    }
}
