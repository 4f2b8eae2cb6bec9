//! RFC 6901 JSON pointers: the one way every part of Statewright names a node of a definition.

/// Escapes one reference token (`~` → `~0`, `/` → `~1`).
pub fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// Unescapes one reference token (`~1` → `/`, `~0` → `~`).
pub fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~").into()
    } else {
        token.into()
    }
}

/// `base` followed by one more token.
pub fn join(base: &str, token: &str) -> String {
    let token = escape(token);
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    out.push_str(&token);
    out
}

/// The unescaped tokens of a pointer (`""` has none).
pub fn tokens(pointer: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    pointer.split('/').skip(1).map(unescape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_round_trips() {
        for (token, escaped) in [("a", "a"), ("a/b", "a~1b"), ("m~n", "m~0n"), ("~/", "~0~1")] {
            assert_eq!(escape(token), escaped);
            assert_eq!(unescape(escaped), token);
        }
        let p = join(&join("", "States"), "a/b");
        assert_eq!(p, "/States/a~1b");
        assert_eq!(tokens(&p).collect::<Vec<_>>(), ["States", "a/b"]);
    }
}
