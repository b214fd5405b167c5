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
}

/// Where the key lives unless `--host-key` says otherwise.
pub fn default_path() -> PathBuf {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/state")));
    match state {
        Some(dir) => dir.join("sco-dash").join("ssh_host_ed25519_key"),
        None => PathBuf::from("sco-dash_ssh_host_ed25519_key"),
    }
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
    match fs::metadata(path) {
        Ok(meta) => {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(HostKeyError::Exposed {
                    path: path.to_path_buf(),
                    mode,
                });
            }
            let key = PrivateKey::read_openssh_file(path).map_err(|source| match source {
                russh::keys::ssh_key::Error::Io(kind) => io_error(io::Error::from(kind)),
                source => HostKeyError::Format {
                    path: path.to_path_buf(),
                    source,
                },
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
