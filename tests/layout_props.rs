//! Property test: arbitrary definitions (random JSON biased towards ASL keys) never make the
//! graph, the layout or the renderer panic, and their layouts keep the invariants.

use proptest::prelude::*;
use serde_json::{Map, Value};
use statewright::layout::{Direction, Options, check, layout_definition};

const KEYS: [&str; 16] = [
    "StartAt",
    "States",
    "Type",
    "Next",
    "End",
    "Choices",
    "Default",
    "Catch",
    "Branches",
    "ItemProcessor",
    "Iterator",
    "ErrorEquals",
    "Variable",
    "A",
    "B",
    "C",
];
const STRINGS: [&str; 10] =
    ["A", "B", "C", "Task", "Pass", "Choice", "Parallel", "Map", "Fail", "States.ALL"];

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..3).prop_map(Value::from),
        prop::sample::select(&STRINGS[..]).prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 120, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(&KEYS[..]), inner), 0..6).prop_map(|kv| {
                let mut m = Map::new();
                for (k, v) in kv {
                    m.insert(k.to_string(), v);
                }
                Value::Object(m)
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn arbitrary_definitions_never_panic(def in value()) {
        for direction in [Direction::Down, Direction::Right] {
            let layout = layout_definition(&def, &Options { direction, ..Options::default() });
            prop_assert!(check::problems(&layout).is_empty(), "{:?}", check::problems(&layout));
            let svg = statewright::render::svg(&layout, &statewright::render::Options { direction, legend: true });
            prop_assert!(svg.ends_with("</svg>\n"));
        }
    }
}
