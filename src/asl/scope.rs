//! What an expression can see when it is evaluated: the state input (`$`), the context object
//! (`$$`), the workflow variables (`$name`), and the two outside sources an expression may need,
//! randomness and nothing else (time reaches expressions only through the context object).
//!
//! Everything here is borrowed: building a [`Scope`] costs nothing, so the engine can make one per
//! state transition.

use serde_json::Value;

/// Looks up a workflow variable (JSONPath `Assign`) by name, without the `$`.
pub trait Variables {
    fn get(&self, name: &str) -> Option<&Value>;
}

/// No variables at all.
pub struct NoVariables;

impl Variables for NoVariables {
    fn get(&self, _name: &str) -> Option<&Value> {
        None
    }
}

impl Variables for serde_json::Map<String, Value> {
    fn get(&self, name: &str) -> Option<&Value> {
        serde_json::Map::get(self, name)
    }
}

impl Variables for std::collections::HashMap<String, Value> {
    fn get(&self, name: &str) -> Option<&Value> {
        std::collections::HashMap::get(self, name)
    }
}

/// The values an expression reads: `$` is `input`, `$$` is `context`, `$name` is a variable.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub input: &'a Value,
    pub context: &'a Value,
    pub variables: &'a dyn Variables,
}

static NULL: Value = Value::Null;

impl<'a> Scope<'a> {
    /// A scope with only an input: `$$` is `null` and there are no variables.
    pub fn input(input: &'a Value) -> Self {
        Scope { input, context: &NULL, variables: &NoVariables }
    }

    /// The same scope with another input (`$`).
    pub fn with_input(self, input: &'a Value) -> Self {
        Scope { input, ..self }
    }
}

/// A source of randomness, passed in so that runs can be seeded and replayed.
pub trait RandomSource {
    /// 64 uniformly random bits.
    fn next_u64(&mut self) -> u64;
}

/// A small, seedable generator (SplitMix64): deterministic for a given seed, good enough for
/// `States.MathRandom` and `States.UUID` in a local debugger.
#[derive(Debug, Clone)]
pub struct SeededRandom {
    state: u64,
}

impl SeededRandom {
    pub fn new(seed: u64) -> Self {
        SeededRandom { state: seed }
    }
}

impl RandomSource for SeededRandom {
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
