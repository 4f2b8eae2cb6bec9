//! `statewright validate FILE [--type STANDARD|EXPRESS] [--json]`.
//!
//! Human output reads like a compiler's: `file:line:column`, the offending line, a caret under
//! the node, the message and a hint. `--json` prints exactly
//! `{"valid": bool, "diagnostics": [{"code", "severity", "pointer", "message"}]}`.
//! Exit status: 0 valid, 1 invalid (including text that is not JSON), 2 file not readable.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `println!` that stops quietly when the reader went away (`statewright validate f | head`)
/// instead of panicking on a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

use serde_json::json;

use super::input::{ReadFailure, read_document};
use crate::asl::Document;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::validate::{self, MachineType};

#[derive(clap::Args)]
pub struct Args {
    /// The definition to check (`.asl.json` or `.json`).
    file: PathBuf,
    /// The state machine type: EXPRESS forbids `.sync`, `.waitForTaskToken` and activities.
    #[arg(long = "type", value_enum, default_value = "STANDARD", ignore_case = true)]
    machine_type: MachineType,
    /// Print one JSON object instead of readable text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> u8 {
    let doc = match read_document(&args.file) {
        Ok(doc) => doc,
        Err(failure) => return report_unreadable(&args, &failure),
    };
    let diagnostics =
        validate::validate(&doc, &validate::Options { machine_type: args.machine_type });
    let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    if args.json {
        out!("{}", json!({ "valid": valid, "diagnostics": diagnostics_json(&diagnostics) }));
    } else {
        print_human(&args.file, &doc, &diagnostics);
    }
    if valid { 0 } else { 1 }
}

fn diagnostics_json(diagnostics: &[Diagnostic]) -> Vec<serde_json::Value> {
    diagnostics
        .iter()
        .map(|d| {
            json!({ "code": d.code, "severity": d.severity, "pointer": d.pointer, "message": d.message })
        })
        .collect()
}

fn report_unreadable(args: &Args, failure: &ReadFailure) -> u8 {
    let message = failure.describe(&args.file);
    if args.json {
        let (code, pointer) = match failure {
            ReadFailure::Io(_) => (Code::InvalidJson, None::<String>),
            ReadFailure::Parse(..) => (Code::InvalidJson, None),
        };
        let d = Diagnostic::error(code, pointer, message);
        out!("{}", json!({ "valid": false, "diagnostics": diagnostics_json(&[d]) }));
    } else {
        eprintln!("error: {message}");
        if let ReadFailure::Parse(text, e) = failure {
            let line = text.lines().nth(e.position.line.saturating_sub(1)).unwrap_or("");
            eprintln!("{}", excerpt(e.position.line, line, e.position.column, 1));
        }
    }
    // A file that was read but is not JSON is an invalid definition (AWS: INVALID_JSON_DESCRIPTION);
    // only a file that cannot be read at all is "unreadable".
    match failure {
        ReadFailure::Io(_) => 2,
        ReadFailure::Parse(..) => 1,
    }
}

fn print_human(path: &Path, doc: &Document, diagnostics: &[Diagnostic]) {
    let name = path.display();
    for d in diagnostics {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let span = d.pointer.as_deref().and_then(|p| doc.key_span(p));
        match span {
            Some(span) => {
                out!("{name}:{}:{}: {label}: {}", span.start.line, span.start.column, d.message);
                let width = if span.end.line == span.start.line {
                    span.end.column.saturating_sub(span.start.column).max(1)
                } else {
                    1
                };
                let line = doc.line_text(span.start.line);
                out!("{}", excerpt(span.start.line, line, span.start.column, width));
            }
            None => out!("{name}: {label}: {}", d.message),
        }
        if let Some(hint) = &d.hint {
            out!("  = hint: {hint}");
        }
        out!(
            "  = code: {}",
            serde_json::to_value(d.code).unwrap_or_default().as_str().unwrap_or("")
        );
    }
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    if errors == 0 && warnings == 0 {
        out!("{name}: valid");
    } else {
        out!("{name}: {errors} error(s), {warnings} warning(s)");
    }
}

/// `  12 |     "Next": "Gost",` followed by a caret line under `column` spanning `width` chars.
fn excerpt(line_no: usize, line: &str, column: usize, width: usize) -> String {
    /// Long lines (minified JSON) are cut to a window around the column.
    const WINDOW: usize = 100;
    const BEFORE: usize = 40;
    let gutter = line_no.to_string();
    let pad = " ".repeat(gutter.len());
    let chars: Vec<char> = line.chars().collect();
    let col = column.saturating_sub(1).min(chars.len());
    let (from, to) = if chars.len() <= WINDOW {
        (0, chars.len())
    } else {
        let from = col.saturating_sub(BEFORE);
        (from, (from + WINDOW).min(chars.len()))
    };
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < chars.len() { "…" } else { "" };
    let shown: String = chars[from..to].iter().collect();
    let indent: String = std::iter::repeat_n(' ', lead.chars().count())
        .chain(chars[from..col].iter().map(|&c| if c == '\t' { '\t' } else { ' ' }))
        .collect();
    let width = width.min(to.saturating_sub(col).max(1));
    format!("{pad} |\n{gutter} | {lead}{shown}{tail}\n{pad} | {indent}{}", "^".repeat(width))
}
