//! Distributed Map I/O on the local disk: `ItemReader` and `ResultWriter`.
//!
//! AWS reads items from S3; locally, bucket `B` and key `K` name the file `<data dir>/B/K`, the
//! data directory being the run's `base_dir` (by default the definition's folder). JSON (an
//! array), JSONL (one value per line) and CSV (first row or given headers; every cell a string)
//! are supported. Errors are `States.ItemReaderFailed` with the file and the reason.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::errors::{Failure, names};
use super::lang::{Env, Template};
use super::scheduler::Run;

fn reader_failed(msg: impl Into<String>) -> Failure {
    Failure::new(names::ITEM_READER, msg)
}

/// Splits one CSV line into cells (RFC 4180 quotes).
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    cells.push(cur);
    cells
}

/// Parses file text per `ReaderConfig`.
pub(crate) fn parse_items(text: &str, config: &Value) -> Result<Vec<Value>, String> {
    let input_type = config.get("InputType").and_then(Value::as_str).unwrap_or("JSON");
    let mut items = match input_type {
        "JSON" => match serde_json::from_str::<Value>(text).map_err(|e| e.to_string())? {
            Value::Array(a) => a,
            _ => return Err("the JSON file does not hold an array".into()),
        },
        "JSONL" => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?,
        "CSV" => {
            let mut lines = text.lines().filter(|l| !l.is_empty());
            let headers: Vec<String> = match config.get("CSVHeaderLocation").and_then(Value::as_str)
            {
                Some("GIVEN") => config
                    .get("CSVHeaders")
                    .and_then(Value::as_array)
                    .map(|h| h.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
                    .unwrap_or_default(),
                _ => lines.next().map(csv_cells).unwrap_or_default(),
            };
            lines
                .map(|l| {
                    let mut m = Map::new();
                    for (h, cell) in headers.iter().zip(csv_cells(l)) {
                        m.insert(h.clone(), Value::String(cell));
                    }
                    Value::Object(m)
                })
                .collect()
        }
        other => return Err(format!("InputType '{other}' is not supported locally")),
    };
    if let Some(max) = config.get("MaxItems").and_then(Value::as_u64) {
        items.truncate(max as usize);
    }
    Ok(items)
}

impl Run {
    /// Reads a Map's items from a local file named by `ItemReader.Parameters` Bucket/Key.
    pub(crate) fn read_items(&mut self, reader: &Value, env: &Env<'_>) -> Result<Value, Failure> {
        let params = match reader.get("Parameters").or_else(|| reader.get("Arguments")) {
            Some(p) => {
                Template::compile(p).map_err(Failure::runtime)?.eval(env, &mut self.entropy)?
            }
            None => Value::Object(Map::new()),
        };
        let part = |k: &str| params.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let path: PathBuf = self.opts.base_dir.join(part("Bucket")).join(part("Key"));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            reader_failed(format!("cannot read the items file {}: {e}", path.display()))
        })?;
        let config = reader.get("ReaderConfig").cloned().unwrap_or(Value::Null);
        parse_items(&text, &config)
            .map(Value::Array)
            .map_err(|e| reader_failed(format!("{}: {e}", path.display())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_each_format() {
        let cases: &[(&str, Value, Value)] = &[
            ("[1,2,3]", json!({}), json!([1, 2, 3])),
            ("{\"a\":1}\n{\"a\":2}\n", json!({"InputType": "JSONL"}), json!([{"a": 1}, {"a": 2}])),
            ("x,y\n1,\"a,b\"\n", json!({"InputType": "CSV"}), json!([{"x": "1", "y": "a,b"}])),
            (
                "1,2\n",
                json!({"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["p", "q"]}),
                json!([{"p": "1", "q": "2"}]),
            ),
            ("[1,2,3]", json!({"MaxItems": 2}), json!([1, 2])),
        ];
        for (text, cfg, want) in cases {
            assert_eq!(Value::Array(parse_items(text, cfg).unwrap_or_default()), *want, "{text}");
        }
        assert!(parse_items("{}", &json!({})).is_err());
    }
}
