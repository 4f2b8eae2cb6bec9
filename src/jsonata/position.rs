//! Where a parse error is, for an implementation whose parser reports only a message.
//!
//! The position is found from the parser itself: it is the end of the longest prefix of the
//! expression that is still a plausible beginning (it fails only because the text ends there,
//! or it parses). This is general: it needs no knowledge of JSONata's grammar, and for an
//! expression that is merely unfinished the answer is its length.

use jsonata_core::parser::{ParserError, parse};

/// True when `prefix` could be the start of a valid expression.
fn plausible_start(prefix: &str) -> bool {
    match std::panic::catch_unwind(|| parse(prefix)).unwrap_or(Err(ParserError::UnexpectedEnd)) {
        Ok(_) => true,
        Err(err) => is_end_of_input(&err, prefix),
    }
}

fn is_end_of_input(err: &ParserError, prefix: &str) -> bool {
    match err {
        ParserError::UnexpectedEnd
        | ParserError::UnclosedString
        | ParserError::UnclosedComment
        | ParserError::UnclosedBacktick => true,
        other => {
            let text = other.to_string();
            text.contains("S0207") || text.contains("end of expression") || prefix.trim().is_empty()
        }
    }
}

/// The byte offset of the first character that makes `source` unparseable.
pub(super) fn error_position(source: &str) -> usize {
    let mut bounds: Vec<usize> = source.char_indices().map(|(i, _)| i).collect();
    bounds.push(source.len());
    // Binary search for the first boundary whose prefix is no longer a plausible start.
    let (mut good, mut bad) = (0usize, bounds.len());
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if plausible_start(&source[..bounds[mid]]) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    if bad == bounds.len() {
        return source.len();
    }
    // The offending character is the last one of the shortest prefix that is no longer a
    // plausible start.
    bounds[bad - 1]
}
