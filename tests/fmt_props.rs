//! fmt on arbitrary JSON with odd spellings and whitespace: same value, same tokens, idempotent.

use proptest::prelude::*;
use statewright::asl::{Document, format};

fn ws() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", " ", "\t", "\n", "\r\n", "  \n\t"]).prop_map(str::to_string)
}

fn string_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
        prop::sample::select(vec![
            r#""\u00e9\n\"\/""#,
            r#""{% $x, [1] %}""#,
            r#""a: {b}, [c]""#,
            "\"\u{1F600} ✓\"",
        ])
        .prop_map(str::to_string),
    ]
}

fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(vec![
            "null",
            "true",
            "false",
            "0",
            "-0",
            "2.0",
            "1e3",
            "1E+3",
            "-12.50e-2",
            "12345678901234567890",
        ])
        .prop_map(str::to_string),
        string_literal(),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec((ws(), inner.clone(), ws()), 0..6).prop_map(|items| {
                let body: Vec<String> =
                    items.into_iter().map(|(a, v, b)| format!("{a}{v}{b}")).collect();
                format!("[{}]", body.join(","))
            }),
            prop::collection::vec((ws(), string_literal(), ws(), inner, ws()), 0..6).prop_map(
                |members| {
                    let body: Vec<String> = members
                        .into_iter()
                        .map(|(a, k, b, v, c)| format!("{a}{k}{b}:{v}{c}"))
                        .collect();
                    format!("{{{}}}", body.join(","))
                }
            ),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fmt_keeps_value_and_tokens_and_is_idempotent(
        text in json_text(), before in ws(), after in ws(), bom in any::<bool>(),
    ) {
        let text = format!("{}{before}{text}{after}", if bom { "\u{feff}" } else { "" });
        let doc = Document::parse(text.as_str()).unwrap();
        let once = format::format(&doc);
        let again = Document::parse(once.as_str()).unwrap();
        prop_assert_eq!(
            serde_json::to_string(again.value()).unwrap(),
            serde_json::to_string(doc.value()).unwrap()
        );
        let ink = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(ink(&once), ink(&text));
        prop_assert_eq!(format::format(&again), once.clone());
        prop_assert_eq!(once.contains("\r\n"), text.contains("\r\n"));
    }
}
