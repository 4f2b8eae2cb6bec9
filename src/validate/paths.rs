//! JSONPath checks for the JSONPath query language: Paths (`InputPath`, `OutputPath`, a choice
//! `Variable`, `.$` values), Reference Paths (the `...Path` fields, which must name one value)
//! and `ResultPath` (a reference path into the state's input only).
//!
//! Guarantees: a path starts at `$` (the input), `$$` (the context object) or `$name` (a
//! variable), where allowed; brackets and quotes balance; a reference path has no wildcard,
//! filter, slice, union or `..`; `ResultPath` starts at `$` itself. The check is syntactic: it
//! never rejects what AWS's JSONPath accepts in these positions (filters and scripts are passed
//! through when balanced).

use serde_json::Value;

use super::{Ctx, kind, payload};
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

/// Why `text` is not a path of kind `k`, or `None` when it is one.
pub(crate) fn path_problem(text: &str, k: PathKind) -> Option<String> {
    let b = text.as_bytes();
    if b.first() != Some(&b'$') {
        return Some(format!("\"{text}\" does not start with $"));
    }
    let mut i = 1;
    if b.get(1) == Some(&b'$') {
        if k == PathKind::ResultPath {
            return Some("ResultPath cannot point into the context object ($$)".into());
        }
        i = 2;
    } else if b.get(1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') {
        if k == PathKind::ResultPath {
            return Some("ResultPath cannot name a variable; use Assign to set variables".into());
        }
        while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
            i += 1;
        }
    }
    let single = k != PathKind::Path;
    while i < b.len() {
        match b[i] {
            b'.' => {
                if b.get(i + 1) == Some(&b'.') {
                    if single {
                        return Some("'..' (search at any depth) can match several values".into());
                    }
                    i += 1;
                }
                i += 1;
                if b.get(i) == Some(&b'*') {
                    if single {
                        return Some("'*' can match several values".into());
                    }
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len() && !matches!(b[i], b'.' | b'[') {
                    if matches!(b[i], b']' | b'(' | b')' | b'\'' | b'"')
                        || b[i].is_ascii_whitespace()
                    {
                        return Some(format!("unexpected '{}' in a field name", char::from(b[i])));
                    }
                    i += 1;
                }
                if i == start {
                    return Some("a '.' must be followed by a field name".into());
                }
            }
            b'[' => {
                let end = match closing_bracket(b, i) {
                    Some(e) => e,
                    None => return Some("a '[' is not closed by ']'".into()),
                };
                let inner = text[i + 1..end].trim();
                if inner.is_empty() {
                    return Some("'[]' is empty".into());
                }
                let is_index = inner.bytes().all(|c| c.is_ascii_digit());
                let is_name =
                    (inner.starts_with('\'') && inner.ends_with('\'') && inner.len() >= 2)
                        || (inner.starts_with('"') && inner.ends_with('"') && inner.len() >= 2);
                if !(is_index || is_name) {
                    if single {
                        return Some(format!("'[{inner}]' can match several values"));
                    }
                    let numeric_like = inner
                        .bytes()
                        .all(|c| c.is_ascii_digit() || matches!(c, b'-' | b':' | b',' | b' '));
                    let script = inner.starts_with('?') || inner.starts_with('(') || inner == "*";
                    let names = inner.starts_with('\'') || inner.starts_with('"');
                    if !(numeric_like || script || names) {
                        return Some(format!(
                            "'[{inner}]' is not an index, a name in quotes, a slice or a filter"
                        ));
                    }
                }
                i = end + 1;
            }
            c => {
                return Some(format!("unexpected '{}' after \"{}\"", char::from(c), &text[..i]));
            }
        }
    }
    None
}

/// The index of the `]` closing the `[` at `open`, skipping quoted text and nested brackets.
fn closing_bracket(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'[' | b'(' => depth += 1,
                b']' | b')' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return (c == b']').then_some(i);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
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
            ("$[(@.length-1)].bar", Path, true),
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
