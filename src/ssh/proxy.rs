//! The PROXY protocol (v1 text, v2 binary) from trusted load balancers: HAProxy or a cloud
//! TCP balancer in front of several `sco-dash serve` instances tells each one the viewer's
//! real address, so per-address limits, penalties and logs apply to viewers, not to the
//! balancer. Only connections from `--proxy-protocol` sources are read this way; a header
//! from anyone else would let them pick their own address.

use std::io;
use std::net::SocketAddr;

use ppp::{v1, v2};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

/// The longest v1 header (the spec's 107 bytes).
const V1_MAX: usize = 107;
const V2_SIGNATURE: &[u8; 12] = b"\r\n\r\n\0\r\nQUIT\n";
/// Room for the addresses and a few TLVs; a larger v2 header is refused, not read.
const V2_MAX_BODY: usize = 512;

fn invalid(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("PROXY header: {why}"))
}

/// Reads exactly the PROXY header (the SSH bytes after it stay unread) and returns the
/// viewer's address; `None` for a header that names none (v1 UNKNOWN, v2 LOCAL: the
/// balancer's own health check).
pub async fn read_source(stream: &mut TcpStream) -> io::Result<Option<SocketAddr>> {
    let mut start = [0u8; 5];
    stream.read_exact(&mut start).await?;
    if &start == b"PROXY" {
        let mut header = start.to_vec();
        while !header.ends_with(b"\r\n") {
            if header.len() >= V1_MAX {
                return Err(invalid("a v1 line longer than 107 bytes"));
            }
            header.push(stream.read_u8().await?);
        }
        return v1_source(&header);
    }
    if start[..] != V2_SIGNATURE[..5] {
        return Err(invalid("none (is the balancer set to send one?)"));
    }
    let mut header = start.to_vec();
    header.resize(16, 0);
    stream.read_exact(&mut header[5..]).await?;
    let body = usize::from(u16::from_be_bytes([header[14], header[15]]));
    if body > V2_MAX_BODY {
        return Err(invalid("a v2 header over 512 bytes"));
    }
    header.resize(16 + body, 0);
    stream.read_exact(&mut header[16..]).await?;
    v2_source(&header)
}

fn v1_source(header: &[u8]) -> io::Result<Option<SocketAddr>> {
    let parsed = v1::Header::try_from(header).map_err(|e| invalid(&e.to_string()))?;
    Ok(match parsed.addresses {
        v1::Addresses::Tcp4(ip) => Some((ip.source_address, ip.source_port).into()),
        v1::Addresses::Tcp6(ip) => Some((ip.source_address, ip.source_port).into()),
        v1::Addresses::Unknown => None,
    })
}

fn v2_source(header: &[u8]) -> io::Result<Option<SocketAddr>> {
    let parsed = v2::Header::try_from(header).map_err(|e| invalid(&e.to_string()))?;
    if parsed.command == v2::Command::Local {
        return Ok(None);
    }
    Ok(match parsed.addresses {
        v2::Addresses::IPv4(ip) => Some((ip.source_address, ip.source_port).into()),
        v2::Addresses::IPv6(ip) => Some((ip.source_address, ip.source_port).into()),
        v2::Addresses::Unspecified | v2::Addresses::Unix(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;
    use tokio::net::TcpListener;

    /// Sends `bytes` then an SSH version line; what the server side reads.
    async fn read(bytes: Vec<u8>) -> (io::Result<Option<SocketAddr>>, Vec<u8>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let client = tokio::spawn(async move {
            let mut stream = TcpStream::connect(addr).await.unwrap();
            stream.write_all(&bytes).await.unwrap();
            stream.write_all(b"SSH-2.0-x\r\n").await.unwrap();
        });
        let (mut stream, _) = listener.accept().await.unwrap();
        let source = read_source(&mut stream).await;
        client.await.unwrap();
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest).await;
        (source, rest)
    }

    #[tokio::test]
    async fn v1_and_v2_give_the_viewer_and_leave_the_ssh_bytes() {
        let (source, rest) =
            read(b"PROXY TCP4 203.0.113.7 127.0.0.1 51000 2222\r\n".to_vec()).await;
        assert_eq!(source.unwrap(), Some("203.0.113.7:51000".parse().unwrap()));
        assert_eq!(rest, b"SSH-2.0-x\r\n");

        let addresses: v2::Addresses = (
            "[2001:db8::7]:51000".parse::<SocketAddr>().unwrap(),
            "[::1]:2222".parse::<SocketAddr>().unwrap(),
        )
            .into();
        let header = v2::Builder::with_addresses(
            v2::Version::Two | v2::Command::Proxy,
            v2::Protocol::Stream,
            addresses,
        )
        .build()
        .unwrap();
        let (source, rest) = read(header).await;
        assert_eq!(
            source.unwrap(),
            Some("[2001:db8::7]:51000".parse().unwrap())
        );
        assert_eq!(rest, b"SSH-2.0-x\r\n");

        let (source, _) = read(b"PROXY UNKNOWN\r\n".to_vec()).await;
        assert_eq!(source.unwrap(), None);
    }

    #[tokio::test]
    async fn a_missing_or_oversized_header_is_an_error() {
        assert!(
            read(Vec::new()).await.0.is_err(),
            "plain SSH from a trusted source"
        );
        let mut long = b"PROXY TCP4 ".to_vec();
        long.extend(std::iter::repeat_n(b'1', 200));
        assert!(read(long).await.0.is_err());
        let mut huge = V2_SIGNATURE.to_vec();
        huge.extend_from_slice(&[0x21, 0x11, 0xff, 0xff]);
        assert!(read(huge).await.0.is_err());
    }
}
