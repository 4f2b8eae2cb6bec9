//! Rule tests as data: one line per case, a small definition and the (code, pointer) pairs the
//! validator must report for it (errors only), plus every bundled example validating clean.

use super::*;
use crate::diagnostic::Severity;

fn errors(text: &str, machine_type: MachineType) -> Vec<(Code, String)> {
    let doc = Document::parse(text).expect("test definitions are JSON");
    validate(&doc, &Options { machine_type })
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.pointer.unwrap_or_default()))
        .collect()
}
