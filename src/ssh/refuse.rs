//! Refusing a connection in words an SSH client shows. Text sent before the version string
//! is not shown by OpenSSH, so a refusal sends our version, then an unencrypted
//! SSH_MSG_DISCONNECT (allowed before key exchange, RFC 4253 §11.1): OpenSSH prints
//! "Received disconnect from …: sco-dash: the demo is full". No cryptography is done, so a
//! refusal costs next to nothing.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::time::timeout;

const SSH_MSG_DISCONNECT: u8 = 1;
/// SSH_DISCONNECT_TOO_MANY_CONNECTIONS.
pub const TOO_MANY_CONNECTIONS: u32 = 12;

/// The version line and the disconnect packet, as sent.
pub fn refusal_bytes(server_id: &str, reason: u32, message: &str) -> Vec<u8> {
    let mut payload = vec![SSH_MSG_DISCONNECT];
    payload.extend_from_slice(&reason.to_be_bytes());
    for text in [message, ""] {
        payload.extend_from_slice(&(text.len() as u32).to_be_bytes());
        payload.extend_from_slice(text.as_bytes());
    }
    // packet_length, padding_length, payload, padding: a multiple of 8 with at least 4
    // bytes of padding (there is no cipher yet, so no MAC).
    let unpadded = 4 + 1 + payload.len();
    let padding = 4 + (8 - (unpadded + 4) % 8) % 8;
    let mut bytes = format!("{server_id}\r\n").into_bytes();
    bytes.extend_from_slice(&((1 + payload.len() + padding) as u32).to_be_bytes());
    bytes.push(padding as u8);
    bytes.extend_from_slice(&payload);
    bytes.extend(std::iter::repeat_n(0, padding));
    bytes
}

/// Sends the refusal, then reads (and drops) what the client sends until it closes, so the
/// close does not reset the connection before the client has read why.
pub async fn refuse(
    mut stream: impl AsyncRead + AsyncWrite + Unpin,
    server_id: &str,
    message: &str,
) {
    let bytes = refusal_bytes(server_id, TOO_MANY_CONNECTIONS, message);
    let said = async {
        stream.write_all(&bytes).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 1024];
        let mut budget: usize = 16 * 1024;
        while budget > 0 {
            let n = stream.read(&mut sink).await?;
            if n == 0 {
                break;
            }
            budget = budget.saturating_sub(n);
        }
        Ok::<_, std::io::Error>(())
    };
    let _ = timeout(Duration::from_secs(2), said).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packet_is_padded_to_a_block_and_says_why() {
        let bytes = refusal_bytes("SSH-2.0-x", 12, "full");
        let packet = &bytes["SSH-2.0-x\r\n".len()..];
        let length = u32::from_be_bytes(packet[..4].try_into().unwrap()) as usize;
        assert_eq!(packet.len(), 4 + length);
        assert_eq!(packet.len() % 8, 0);
        let padding = usize::from(packet[4]);
        assert!(padding >= 4);
        assert_eq!(packet[5], SSH_MSG_DISCONNECT);
        assert_eq!(&packet[6..10], &12u32.to_be_bytes());
        assert_eq!(&packet[14..18], b"full");
    }
}
