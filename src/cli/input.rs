//! Reading the user's files for the CLI, with messages that say what went wrong and where.

use std::path::Path;

use crate::asl::{Document, ParseFailure};

/// Why a definition file could not be read as JSON.
pub enum ReadFailure {
    /// Missing, unreadable, a directory or not text.
    Io(String),
    /// Text, but not JSON.
    Parse(String, ParseFailure),
}

impl ReadFailure {
    /// A one-line message naming the file (and the position for JSON errors).
    pub fn describe(&self, path: &Path) -> String {
        let name = path.display();
        match self {
            ReadFailure::Io(why) => format!("{name}: {why}"),
            ReadFailure::Parse(_, e) => {
                format!("{name}:{}:{}: {}", e.position.line, e.position.column, e.message)
            }
        }
    }
}

/// Reads a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ if path.is_dir() => "this is a folder, not a file".to_string(),
        _ => format!("cannot read it ({e})"),
    })?;
    if bytes.contains(&0) {
        return Err("this is a binary file, not a JSON definition".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "this file is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads and parses a definition file.
pub fn read_document(path: &Path) -> Result<Document, ReadFailure> {
    let text = read_text(path).map_err(ReadFailure::Io)?;
    Document::parse(text.clone()).map_err(|e| ReadFailure::Parse(text, e))
}
