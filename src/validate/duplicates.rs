//! Repeated keys in one JSON object (two states with the same name, a field given twice).
//!
//! serde_json keeps only the last of two equal keys, so the parsed value cannot show them; this
//! is one pass over the text instead of the located syntax tree, which is far too slow to build
//! on every keystroke for a large definition. Guarantees: linear in the text length (hashing
//! once an object grows large), no allocation per key unless the key has escapes, and the
//! pointer of every repeat (the second and later occurrences) in document order. The text must
//! already be known to be valid JSON ([`crate::asl::Document`] guarantees it).

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: keys are short and not attacker-chosen in a way that matters here (a slow
/// definition only slows its own check), and SipHash costs more than the rest of the scan.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type KeySet<'t> = HashSet<Cow<'t, str>, BuildHasherDefault<Fnv>>;

enum Frame<'t> {
    /// `start`: where this object's keys begin in the shared key stack (one buffer for every
    /// open object, so a small object costs no allocation).
    Object {
        start: usize,
        set: Option<KeySet<'t>>,
        key: Cow<'t, str>,
    },
    Array {
        index: usize,
    },
}

/// Objects with more keys than this switch from a linear search to a hash set.
const LINEAR: usize = 12;

/// Pointers of every object member whose key already appeared in the same object.
pub(crate) fn repeated_keys(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut keys: Vec<Cow<'_, str>> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' => {
                stack.push(Frame::Object { start: keys.len(), set: None, key: Cow::Borrowed("") });
                expect_key = true;
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expect_key = false;
                i += 1;
            }
            b'}' | b']' => {
                if let Some(Frame::Object { start, .. }) = stack.pop() {
                    keys.truncate(start);
                }
                expect_key = false;
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Array { index }) => *index += 1,
                    Some(Frame::Object { .. }) => expect_key = true,
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let (end, escaped) = string_end(b, i);
                if expect_key {
                    let key = decode(&text[i..end], escaped);
                    if let Some(Frame::Object { start, set, key: current }) = stack.last_mut() {
                        let start = *start;
                        let repeated = match set {
                            Some(set) => !set.insert(key.clone()),
                            None => {
                                let seen = keys[start..].contains(&key);
                                if !seen {
                                    keys.push(key.clone());
                                    if keys.len() - start > LINEAR {
                                        *set = Some(keys.drain(start..).collect());
                                    }
                                }
                                seen
                            }
                        };
                        *current = key;
                        if repeated {
                            out.push(pointer(&stack));
                        }
                    }
                    expect_key = false;
                }
                i = end;
            }
            b' ' => {
                // Indentation: skip eight spaces at a time.
                i += 1;
                while word_at(b, i) == Some(u64::from_le_bytes([b' '; 8])) {
                    i += 8;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The index just past the closing quote of the string starting at `open`, and whether the
/// string has escapes. (A plain byte loop: definition strings are short, so word-at-a-time
/// searches cost more than they save; measured.)
fn string_end(b: &[u8], open: usize) -> (usize, bool) {
    let mut i = open + 1;
    let mut escaped = false;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                escaped = true;
                i += 2;
            }
            b'"' => return (i + 1, escaped),
            _ => i += 1,
        }
    }
    (b.len(), escaped)
}

/// The eight bytes at `i`, if there are eight.
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..i + 8).and_then(|w| w.try_into().ok()).map(u64::from_le_bytes)
}

/// The key's text: borrowed unless it has escapes.
fn decode(quoted: &str, escaped: bool) -> Cow<'_, str> {
    let inner = &quoted[1..quoted.len().saturating_sub(1).max(1)];
    if escaped {
        serde_json::from_str::<String>(quoted).map_or(Cow::Borrowed(inner), Cow::Owned)
    } else {
        Cow::Borrowed(inner)
    }
}

fn pointer(stack: &[Frame<'_>]) -> String {
    let mut p = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key, .. } => {
                p.push('/');
                p.push_str(&crate::asl::pointer::escape(key));
            }
            Frame::Array { index } => {
                p.push('/');
                p.push_str(&index.to_string());
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::repeated_keys;
    use crate::asl::Document;

    #[test]
    fn finds_repeats_like_the_syntax_tree_does() {
        let texts = [
            r#"{"a": 1, "b": [ {"x": 1, "x": 2}, {"y": "}\"{", "y": 0} ], "a": 3}"#,
            r#"{"StartAt": "A", "States": {"a/b": {}, "c": {}, "a/b": {}}}"#,
            r#"{"k\u0041": 1, "kA": 2}"#,
            r#"{"s": {"1":0,"2":0,"3":0,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0,"10":0,"11":0,"12":0,"13":0,"14":0,"5":1}}"#,
            r#"[{"a": [1, {"b": 1, "b": 2}]}]"#,
            r#"{"no": "repeats", "here": {"no": 1}}"#,
            r#"{"a long key with spaces": {"        indented \\\" quote ": 1}, "a long key with spaces": 2}"#,
            r#"{"a\\": 1, "a\\": 2, "x\"y": [1], "x\"y": "\\\"", "z": "\\"}"#,
        ];
        for text in texts {
            let doc = Document::parse(text).unwrap();
            let mut expected = doc.duplicate_keys().to_vec();
            let mut found = repeated_keys(text);
            expected.sort();
            found.sort();
            assert_eq!(found, expected, "{text}");
        }
    }
}
