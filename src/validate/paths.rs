//! JSONPath checks for the JSONPath query language: Paths (`InputPath`, `OutputPath`, a choice
//! `Variable`, `.$` values), Reference Paths (the `...Path` fields, which must name one value)
//! and `ResultPath` (a reference path into the state's input only).
//!
//! Guarantees: a path starts at `$` (the input), `$$` (the context object) or `$name` (a
//! variable), where allowed; brackets and quotes balance; a reference path has no wildcard,
//! filter, slice, union, function or `..`; `ResultPath` starts at `$` itself. The grammar is the
//! `asl::path` parser's (Jayway's, which AWS runs), so what parses here is what AWS evaluates.

use serde_json::Value;

use super::{Ctx, kind, payload};
use crate::asl::path::{Path, Root};
use crate::diagnostic::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathKind {
    /// Any JSONPath from `$`, `$$` or a variable.
    Path,
    /// A path that names a single value.
    Reference,
    /// A reference path into the state input only (`ResultPath`).
    ResultPath,
    /// A reference path or an intrinsic function call (`ErrorPath`, `CausePath`).
    ReferenceOrIntrinsic,
}

pub(crate) fn check_path_field(
    value: &Value,
    ptr: &str,
    key: &str,
    kind_: PathKind,
    cx: &mut Ctx<'_>,
) {
    let Some(text) = value.as_str() else {
        cx.error(
            Code::InvalidPath,
            ptr,
            format!("'{key}' must be a path (text starting with $), not {}.", kind(value)),
        );
        return;
    };
    let problem = if kind_ == PathKind::ReferenceOrIntrinsic && text.starts_with("States.") {
        payload::intrinsic_problem(text).or_else(|| {
            const TEXT_RESULT: [&str; 7] = [
                "States.ArrayGetItem",
                "States.Base64Encode",
                "States.Base64Decode",
                "States.Format",
                "States.JsonToString",
                "States.Hash",
                "States.UUID",
            ];
            let name = text.split('(').next().unwrap_or("");
            (!TEXT_RESULT.contains(&name)).then(|| {
                format!("{name} does not return text (use ArrayGetItem, Base64Encode, Base64Decode, Format, JsonToString, Hash or UUID)")
            })
        })
    } else {
        let k = if kind_ == PathKind::ReferenceOrIntrinsic { PathKind::Reference } else { kind_ };
        path_problem(text, k)
    };
    if let Some(problem) = problem {
        let d =
            cx.error(Code::InvalidPath, ptr, format!("'{key}' is not a valid path: {problem}."));
        d.hint = Some(match kind_ {
            PathKind::ResultPath => "ResultPath says where to put the result in the input, like \"$.result\" (no *, [?...], .. or $$).".into(),
            PathKind::Reference => format!("'{key}' must name one value, like \"$.limits.max\" (no *, [?...], slices or ..)."),
            PathKind::ReferenceOrIntrinsic => format!("'{key}' must be a path like \"$.error\" or an intrinsic function like States.Format(...)."),
            PathKind::Path => "A path starts with $ (the input), $$ (the context) or $name (a variable), like \"$.order.id\".".into(),
        });
    }
}

/// Why `text` is not a path of kind `k`, or `None` when it is one. Syntax is
/// [`crate::asl::path::Path`]'s (Jayway's grammar, as AWS evaluates it); the kind adds the
/// single-value and input-only rules.
pub(crate) fn path_problem(text: &str, k: PathKind) -> Option<String> {
    if !text.starts_with('$') {
        return Some(format!("\"{text}\" does not start with $"));
    }
    if let Some(root) = simple_path_root(text) {
        // `$.a.b` (most paths): valid for every kind but a ResultPath not rooted at `$`.
        return match (k, root) {
            (PathKind::ResultPath, SimpleRoot::Context) => {
                Some("ResultPath cannot point into the context object ($$)".into())
            }
            (PathKind::ResultPath, SimpleRoot::Variable) => {
                Some("ResultPath cannot name a variable; use Assign to set variables".into())
            }
            _ => None,
        };
    }
    let path = match Path::parse(text) {
        Ok(p) => p,
        Err(e) => return Some(e.message),
    };
    if k == PathKind::ResultPath {
        match path.root() {
            Root::Input => {}
            Root::Context => {
                return Some("ResultPath cannot point into the context object ($$)".into());
            }
            Root::Variable(_) => {
                return Some(
                    "ResultPath cannot name a variable; use Assign to set variables".into(),
                );
            }
        }
    }
    if k != PathKind::Path && !path.is_definite() {
        return Some(
            "it can match several values (it uses *, .., a filter, a slice, a list or a function)"
                .into(),
        );
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SimpleRoot {
    Input,
    Context,
    Variable,
}

/// The root of a path made only of plain `.name` steps (`$`, `$$.Execution.Id`, `$var.a_b-c`),
/// which every JSONPath grammar accepts, so it needs no full parse; `None` for anything else.
fn simple_path_root(text: &str) -> Option<SimpleRoot> {
    let b = text.as_bytes();
    let ident_start = |c: u8| c.is_ascii_alphabetic() || c == b'_';
    let (root, mut i) = match b {
        [b'$', b'$', ..] => (SimpleRoot::Context, 2),
        [b'$', c, ..] if ident_start(*c) => {
            let mut i = 2;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            (SimpleRoot::Variable, i)
        }
        [b'$', ..] => (SimpleRoot::Input, 1),
        _ => return None,
    };
    while i < b.len() {
        if b[i] != b'.' || !b.get(i + 1).is_some_and(|c| ident_start(*c)) {
            return None;
        }
        i += 2;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
            i += 1;
        }
    }
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_by_kind() {
        use PathKind::*;
        let table: &[(&str, PathKind, bool)] = &[
            ("$", Path, true),
            ("$$", Path, true),
            ("$$.Execution.Id", Path, true),
            ("$var.x", Path, true),
            ("$.a[0].b['c d']", Reference, true),
            ("$.delivery-partner", Reference, true),
            ("$.a[?(@.b == 1)]", Path, true),
            ("$[(@.length-1)].bar", Path, false),
            ("$.vals[3:]", Path, true),
            ("$..a", Path, true),
            ("$.a[*]", Reference, false),
            ("$..a", Reference, false),
            ("$.a[?(@.b)]", ResultPath, false),
            ("$$.x", ResultPath, false),
            ("$foo", ResultPath, false),
            ("$$23", Path, false),
            ("hello", Path, false),
            (".guid", ResultPath, false),
            ("$.", Path, false),
            ("$.a[0", Path, false),
            ("$...", Path, false),
        ];
        for (text, _, _) in table {
            if simple_path_root(text).is_some() {
                assert!(
                    crate::asl::path::Path::parse(text).is_ok(),
                    "the fast path accepts {text}, the parser must too"
                );
            }
        }
        for (text, k, ok) in table {
            assert_eq!(
                path_problem(text, *k).is_none(),
                *ok,
                "{text} as {k:?}: {:?}",
                path_problem(text, *k)
            );
        }
    }
}
