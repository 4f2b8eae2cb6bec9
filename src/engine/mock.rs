//! Step Functions Local mock configurations: canned Task responses per test case.
//!
//! A [`MockConfig`] is parsed once (with LocalStack's checks: ranges cover `0..k` without gaps, each
//! response holds exactly one of `Return`/`Throw`). [`MockCase`] is one test case of one state
//! machine; it answers "what does invocation N of state S return", N counting every call of that
//! state in the execution, retries included (the counter itself lives in the execution).

use std::collections::HashMap;

use serde_json::Value;

use super::errors::Failure;

/// One canned answer.
#[derive(Debug, Clone, PartialEq)]
pub enum MockAnswer {
    /// The raw Task result.
    Return(Value),
    /// The Task fails with this error.
    Throw(Failure),
}

/// A response: answers by inclusive invocation range, sorted and contiguous from 0.
#[derive(Debug, Clone, Default)]
struct Response {
    ranges: Vec<(u64, u64, MockAnswer)>,
}

/// A parsed mock configuration file.
#[derive(Debug, Clone, Default)]
pub struct MockConfig {
    /// state machine name → test case name → state name → response name
    machines: HashMap<String, HashMap<String, HashMap<String, String>>>,
    responses: HashMap<String, Response>,
}

/// The mocks of one test case: state name → response.
#[derive(Debug, Clone, Default)]
pub struct MockCase {
    states: HashMap<String, Response>,
}

fn parse_answer(name: &str, key: &str, v: &Value) -> Result<MockAnswer, String> {
    let obj =
        v.as_object().ok_or_else(|| format!("MockedResponses.{name}.{key} must be an object"))?;
    match (obj.get("Return"), obj.get("Throw")) {
        (Some(r), None) => Ok(MockAnswer::Return(r.clone())),
        (None, Some(t)) => {
            let text = |k: &str| t.get(k).and_then(Value::as_str).map(str::to_string);
            if !t.is_object() {
                return Err(format!("MockedResponses.{name}.{key}.Throw must be an object"));
            }
            Ok(MockAnswer::Throw(Failure { error: text("Error"), cause: text("Cause") }))
        }
        _ => Err(format!("MockedResponses.{name}.{key} must hold exactly one of Return and Throw")),
    }
}

fn parse_range(key: &str) -> Option<(u64, u64)> {
    match key.split_once('-') {
        None => key.parse().ok().map(|n| (n, n)),
        Some((a, b)) => {
            let (a, b) = (a.parse().ok()?, b.parse().ok()?);
            (b > a).then_some((a, b))
        }
    }
}

fn parse_response(name: &str, v: &Value) -> Result<Response, String> {
    let obj = v.as_object().ok_or_else(|| format!("MockedResponses.{name} must be an object"))?;
    let mut ranges = Vec::new();
    for (key, answer) in obj {
        let (a, b) = parse_range(key).ok_or_else(|| {
            format!("MockedResponses.{name}: '{key}' is not an invocation number or range like 1-3")
        })?;
        ranges.push((a, b, parse_answer(name, key, answer)?));
    }
    ranges.sort_by_key(|r| r.0);
    let mut expect = 0;
    for (a, b, _) in &ranges {
        if *a != expect {
            return Err(format!(
                "MockedResponses.{name}: invocations must be numbered from 0 without gaps or overlaps (expected {expect}, found {a})"
            ));
        }
        expect = b + 1;
    }
    Ok(Response { ranges })
}

impl MockConfig {
    /// Parses a mock configuration document.
    pub fn parse(doc: &Value) -> Result<MockConfig, String> {
        let root = doc.as_object().ok_or("a mock configuration must be a JSON object")?;
        let mut config = MockConfig::default();
        if let Some(responses) = root.get("MockedResponses") {
            let responses = responses.as_object().ok_or("MockedResponses must be an object")?;
            for (name, v) in responses {
                config.responses.insert(name.clone(), parse_response(name, v)?);
            }
        }
        let machines = root
            .get("StateMachines")
            .and_then(Value::as_object)
            .ok_or("StateMachines must be an object")?;
        for (machine, body) in machines {
            let cases = body
                .get("TestCases")
                .and_then(Value::as_object)
                .ok_or_else(|| format!("StateMachines.{machine}.TestCases must be an object"))?;
            let mut parsed = HashMap::new();
            for (case, states) in cases {
                let states = states.as_object().ok_or_else(|| {
                    format!("StateMachines.{machine}.TestCases.{case} must be an object")
                })?;
                let mut map = HashMap::new();
                for (state, response) in states {
                    let response = response.as_str().ok_or_else(|| {
                        format!("TestCases.{case}.{state} must name a mocked response")
                    })?;
                    if !config.responses.contains_key(response) {
                        return Err(format!(
                            "TestCases.{case}.{state} names '{response}', which MockedResponses does not define"
                        ));
                    }
                    map.insert(state.clone(), response.to_string());
                }
                parsed.insert(case.clone(), map);
            }
            config.machines.insert(machine.clone(), parsed);
        }
        Ok(config)
    }

    /// The test case `case` of the state machine `machine`; when the config has a single state
    /// machine, it is used whatever its name.
    pub fn case(&self, machine: &str, case: &str) -> Result<MockCase, String> {
        let single = || (self.machines.len() == 1).then(|| self.machines.values().next()).flatten();
        let cases = self.machines.get(machine).or_else(single).ok_or_else(|| {
            format!("the mock configuration has no state machine named '{machine}'")
        })?;
        let states = cases
            .get(case)
            .ok_or_else(|| format!("the mock configuration has no test case named '{case}'"))?;
        let states = states
            .iter()
            .filter_map(|(s, r)| Some((s.clone(), self.responses.get(r)?.clone())))
            .collect();
        Ok(MockCase { states })
    }
}

/// What a mock says about one invocation.
#[derive(Debug, Clone, PartialEq)]
pub enum MockLookup<'a> {
    /// The state is not mocked in this test case.
    NotMocked,
    /// The state is mocked but has no answer for this invocation number.
    Exhausted,
    /// The answer.
    Answer(&'a MockAnswer),
}

impl MockCase {
    /// The answer for invocation `n` (0-based) of `state`.
    pub fn lookup(&self, state: &str, n: u64) -> MockLookup<'_> {
        match self.states.get(state) {
            None => MockLookup::NotMocked,
            Some(r) => r
                .ranges
                .iter()
                .find(|(a, b, _)| (*a..=*b).contains(&n))
                .map_or(MockLookup::Exhausted, |(_, _, ans)| MockLookup::Answer(ans)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ranges_and_answers() {
        let cfg = MockConfig::parse(&json!({
            "StateMachines": {"M": {"TestCases": {"T": {"A": "R"}}}},
            "MockedResponses": {"R": {
                "0": {"Throw": {"Error": "E", "Cause": "C"}},
                "1-2": {"Return": 5}
            }}
        }))
        .unwrap();
        let case = cfg.case("M", "T").unwrap();
        assert!(matches!(case.lookup("A", 0), MockLookup::Answer(MockAnswer::Throw(_))));
        assert_eq!(case.lookup("A", 2), MockLookup::Answer(&MockAnswer::Return(json!(5))));
        assert_eq!(case.lookup("A", 3), MockLookup::Exhausted);
        assert_eq!(case.lookup("B", 0), MockLookup::NotMocked);
        assert!(cfg.case("M", "X").is_err());
    }

    #[test]
    fn rejects_gaps_and_double_answers() {
        let gap = json!({"StateMachines": {}, "MockedResponses": {"R": {"0": {"Return": 1}, "2": {"Return": 1}}}});
        assert!(MockConfig::parse(&gap).is_err());
        let both = json!({"StateMachines": {}, "MockedResponses": {"R": {"0": {"Return": 1, "Throw": {}}}}});
        assert!(MockConfig::parse(&both).is_err());
    }
}
