//! Embeds the English layer's files that exist (`assets/data/en/*.toml`), so that a
//! translation file added later is built in by the next build without a change to the code;
//! the Chinese files, which always exist, are embedded by `include_str!` in src/data/files.rs.

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    // A folder: Cargo reruns this script when anything in it is added, removed or changed.
    println!("cargo::rerun-if-changed=assets/data/en");
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR")?).join("assets/data/en");
    let mut names: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| name.ends_with(".toml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    let mut table = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        let path = path.to_str().ok_or("a non-UTF-8 path to assets/data/en")?;
        writeln!(table, "    ({name:?}, include_str!({path:?})),")?;
    }
    table.push(']');
    let out = Path::new(&std::env::var("OUT_DIR")?).join("english_files.rs");
    std::fs::write(out, table)?;
    Ok(())
}
