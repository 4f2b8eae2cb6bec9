//! Checks a JSONata field as it is typed: the core's parser on the text between `{%` and `%}`,
//! with the problem's place given as JavaScript counts it (UTF-16 units in the whole string).
//! Never fails: a string that is not a `{% %}` expression has nothing to check.

use statewright::jsonata;

use crate::ipc::JsonataProblem;

/// Why the `{% ... %}` string `field` does not parse, or `None` when it parses or is not an
/// expression at all.
pub fn check(field: &str) -> Option<JsonataProblem> {
    let trimmed_start = field.starts_with("{%");
    if trimmed_start && !field.ends_with("%}") {
        return Some(JsonataProblem {
            message: "The expression must end with %} (it starts with {%).".to_owned(),
            offset: utf16_len(field),
        });
    }
    let body = jsonata::template_body(field)?;
    if body.trim().is_empty() {
        return Some(JsonataProblem {
            message: "The expression between {% and %} is empty.".to_owned(),
            offset: 2,
        });
    }
    let error = jsonata::parse(body).err()?;
    let before = body.get(..error.position.min(body.len())).unwrap_or(body);
    Some(JsonataProblem { message: error.message, offset: 2 + utf16_len(before) })
}

fn utf16_len(text: &str) -> u32 {
    u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_expression_or_a_plain_string_has_no_problem() {
        assert_eq!(check("{% $states.input.order.total * 2 %}"), None);
        assert_eq!(check("just text"), None);
        assert_eq!(check(""), None);
    }

    #[test]
    fn a_bad_expression_says_what_and_where() {
        let p = check("{% $states.input.( %}").expect("unbalanced");
        assert!(!p.message.is_empty());
        assert!(p.offset >= 2 && p.offset <= 21, "{p:?}");
        // Offsets count UTF-16 units, as the text field does: "é" is one unit, "😀" two.
        let ascii = check("{% 'e' + ] %}").expect("bad").offset;
        let wide = check("{% '😀' + ] %}").expect("bad").offset;
        assert_eq!(wide, ascii + 1);
    }

    #[test]
    fn unfinished_or_empty_templates_are_reported() {
        assert_eq!(check("{% 1 + 2").expect("no end").offset, 8);
        assert_eq!(check("{%  %}").expect("empty").offset, 2);
    }
}
