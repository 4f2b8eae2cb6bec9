//! AWS-style formatting: two-space indentation, `"key": value`, one member per line.
//!
//! Guarantee: only whitespace changes. Keys, their order, strings and number spelling are copied
//! from the user's text, so formatting never changes what a definition means. A file written
//! with CRLF line endings keeps them; a leading byte order mark is kept. Formatting formatted
//! text gives the same text.

use super::Document;

/// The document's text re-indented AWS-style.
pub fn format(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.text().len());
    let mut depth = 0usize;
    let mut chars = doc.text().char_indices().peekable();
    let text = doc.text();
    let line_break = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let newline = |out: &mut String, depth: usize| {
        out.push_str(line_break);
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                // Copy the whole string literal verbatim.
                let mut end = i + 1;
                let mut escaped = false;
                for (j, d) in chars.by_ref() {
                    end = j + d.len_utf8();
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == '"' {
                        break;
                    }
                }
                out.push_str(&text[i..end]);
            }
            '{' | '[' => {
                out.push(c);
                // An empty container stays `{}` / `[]`.
                while chars.peek().is_some_and(|(_, d)| d.is_whitespace()) {
                    chars.next();
                }
                if chars.peek().is_some_and(|&(_, d)| d == '}' || d == ']') {
                    out.push(chars.next().map_or(' ', |(_, d)| d));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out.push_str(line_break);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reindents_and_keeps_spelling() {
        let doc = Document::parse(r#"{"a":[1.0,2e3 ,{}],"b" : {"c":"x, {y}"}}"#).unwrap();
        let expected = "{\n  \"a\": [\n    1.0,\n    2e3,\n    {}\n  ],\n  \"b\": {\n    \"c\": \"x, {y}\"\n  }\n}\n";
        assert_eq!(format(&doc), expected);
        let again = Document::parse(expected).unwrap();
        assert_eq!(format(&again), expected);
    }

    #[test]
    fn keeps_crlf_and_byte_order_mark() {
        let doc = Document::parse("\u{feff}{\r\n\"a\" :\t[ ],\r\n\"b\":\"\\r\\n\"}").unwrap();
        let expected = "\u{feff}{\r\n  \"a\": [],\r\n  \"b\": \"\\r\\n\"\r\n}\r\n";
        assert_eq!(format(&doc), expected);
        assert_eq!(format(&Document::parse(expected).unwrap()), expected);
    }
}
