//! What the designer's palette adds: a ready-to-fill state for every state type and for the
//! common service tasks, written in the workflow's query language (JSONPath workflows get
//! `Parameters` with `.$` paths, JSONata workflows get `Arguments` with `{% %}` expressions).
//!
//! Guarantees: every item gives an object with a `Type`; flowing states end (`"End": true`) so
//! the new state is valid where it is dropped until it is connected.

use serde_json::{Map, Value, json};

/// Every palette item id, in palette order: the state types, then the common tasks.
pub const ITEMS: &[&str] = &[
    "Task",
    "Choice",
    "Pass",
    "Wait",
    "Parallel",
    "Map",
    "Succeed",
    "Fail",
    "lambda",
    "sns",
    "sqs",
    "dynamodbGet",
    "dynamodbPut",
    "ecs",
    "startExecution",
    "http",
    "approval",
];

/// Whether a definition is written in JSONata (its top-level `QueryLanguage`).
pub fn is_jsonata(definition: &Value) -> bool {
    definition.get("QueryLanguage").and_then(Value::as_str) == Some("JSONata")
}

/// The name a new state of palette item `item` starts with (numbered when taken).
pub fn base_name(item: &str) -> Option<&'static str> {
    Some(match item {
        "Task" => "New Task",
        "Choice" => "New Choice",
        "Pass" => "New Pass",
        "Wait" => "New Wait",
        "Parallel" => "New Parallel",
        "Map" => "New Map",
        "Succeed" => "New Succeed",
        "Fail" => "New Fail",
        "lambda" => "Invoke Lambda",
        "sns" => "Publish to SNS",
        "sqs" => "Send SQS message",
        "dynamodbGet" => "Get DynamoDB item",
        "dynamodbPut" => "Put DynamoDB item",
        "ecs" => "Run ECS task",
        "startExecution" => "Start nested workflow",
        "http" => "Call HTTP endpoint",
        "approval" => "Wait for approval",
        _ => return None,
    })
}

/// The state palette item `item` adds, or `None` for an unknown item.
pub fn state(item: &str, jsonata: bool) -> Option<Value> {
    let task = |resource: &str, parameters: Value| {
        let mut s = Map::new();
        s.insert("Type".into(), "Task".into());
        s.insert("Resource".into(), resource.into());
        if jsonata {
            s.insert("Arguments".into(), to_jsonata(&parameters));
        } else {
            s.insert("Parameters".into(), parameters);
        }
        s
    };
    let ended = |mut s: Map<String, Value>| {
        s.insert("End".into(), true.into());
        Value::Object(s)
    };
    Some(match item {
        "Task" | "lambda" => ended(task(
            "arn:aws:states:::lambda:invoke",
            json!({ "FunctionName": "my-function", "Payload.$": "$" }),
        )),
        "sns" => ended(task(
            "arn:aws:states:::sns:publish",
            json!({ "TopicArn": "arn:aws:sns:us-east-1:123456789012:my-topic", "Message.$": "$" }),
        )),
        "sqs" => ended(task(
            "arn:aws:states:::sqs:sendMessage",
            json!({
                "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/my-queue",
                "MessageBody.$": "$"
            }),
        )),
        "dynamodbGet" => ended(task(
            "arn:aws:states:::dynamodb:getItem",
            json!({ "TableName": "my-table", "Key": { "id": { "S.$": "$.id" } } }),
        )),
        "dynamodbPut" => ended(task(
            "arn:aws:states:::dynamodb:putItem",
            json!({ "TableName": "my-table", "Item": { "id": { "S.$": "$.id" } } }),
        )),
        "ecs" => ended(task(
            "arn:aws:states:::ecs:runTask.sync",
            json!({
                "LaunchType": "FARGATE",
                "Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/my-cluster",
                "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/my-task:1"
            }),
        )),
        "startExecution" => ended(task(
            "arn:aws:states:::states:startExecution.sync:2",
            json!({
                "StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:my-workflow",
                "Input": {
                    "StatePayload.$": "$",
                    "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"
                }
            }),
        )),
        "http" => ended(task(
            "arn:aws:states:::http:invoke",
            json!({
                "ApiEndpoint": "https://api.example.com/items",
                "Method": "GET",
                "Authentication": {
                    "ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/my-connection/0000"
                }
            }),
        )),
        "approval" => {
            let mut s = task(
                "arn:aws:states:::lambda:invoke.waitForTaskToken",
                json!({
                    "FunctionName": "ask-for-approval",
                    "Payload": { "input.$": "$", "taskToken.$": "$$.Task.Token" }
                }),
            );
            s.insert("TimeoutSeconds".into(), 86400.into());
            ended(s)
        }
        "Choice" => {
            let rule = if jsonata {
                json!({ "Condition": "{% true %}", "Next": "" })
            } else {
                json!({ "Variable": "$.value", "IsPresent": true, "Next": "" })
            };
            json!({ "Type": "Choice", "Choices": [rule], "Default": "" })
        }
        "Pass" => json!({ "Type": "Pass", "End": true }),
        "Wait" => json!({ "Type": "Wait", "Seconds": 10, "End": true }),
        "Parallel" => json!({
            "Type": "Parallel",
            "Branches": [{
                "StartAt": "First step",
                "States": { "First step": { "Type": "Pass", "End": true } }
            }],
            "End": true
        }),
        "Map" => json!({
            "Type": "Map",
            "ItemProcessor": {
                "StartAt": "Each item",
                "States": { "Each item": { "Type": "Pass", "End": true } }
            },
            "End": true
        }),
        "Succeed" => json!({ "Type": "Succeed" }),
        "Fail" => json!({ "Type": "Fail", "Error": "Failed", "Cause": "Describe what went wrong" }),
        _ => return None,
    })
}

/// JSONPath-style parameters as JSONata arguments: `"key.$": "$.a"` becomes
/// `"key": "{% $states.input.a %}"`, `$$.x` becomes `$states.context.x`; other values stay.
pub fn to_jsonata(parameters: &Value) -> Value {
    match parameters {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| match (k.strip_suffix(".$"), v.as_str()) {
                    (Some(key), Some(path)) => (key.to_owned(), expression(path)),
                    _ => (k.clone(), to_jsonata(v)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(to_jsonata).collect()),
        other => other.clone(),
    }
}

fn expression(path: &str) -> Value {
    let (root, rest) = match path.strip_prefix("$$") {
        Some(rest) => ("$states.context", rest),
        None => ("$states.input", path.strip_prefix('$').unwrap_or(path)),
    };
    Value::String(format!("{{% {root}{rest} %}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_a_type_a_name_and_ends() {
        for item in ITEMS {
            for jsonata in [false, true] {
                let s = state(item, jsonata).unwrap_or_else(|| panic!("{item}"));
                let kind = s["Type"].as_str().expect("Type");
                assert!(base_name(item).is_some(), "{item}");
                let terminal = matches!(kind, "Choice" | "Succeed" | "Fail");
                assert_eq!(s.get("End") == Some(&Value::Bool(true)), !terminal, "{item}");
                assert_eq!(s.get("Arguments").is_some(), jsonata && kind == "Task", "{item}");
                assert_eq!(s.get("Parameters").is_some(), !jsonata && kind == "Task", "{item}");
            }
        }
        assert_eq!(state("nope", false), None);
        assert_eq!(base_name("nope"), None);
    }

    #[test]
    fn service_integrations_use_their_resource_patterns() {
        let resource = |item| state(item, false).unwrap()["Resource"].as_str().unwrap().to_owned();
        assert_eq!(resource("ecs"), "arn:aws:states:::ecs:runTask.sync");
        assert_eq!(resource("startExecution"), "arn:aws:states:::states:startExecution.sync:2");
        assert_eq!(resource("http"), "arn:aws:states:::http:invoke");
        assert!(resource("approval").ends_with(".waitForTaskToken"));
        assert_eq!(resource("dynamodbGet"), "arn:aws:states:::dynamodb:getItem");
    }

    #[test]
    fn jsonpath_parameters_become_jsonata_arguments() {
        let p = json!({"a.$": "$", "b.$": "$.x.y", "c.$": "$$.Task.Token", "d": {"e.$": "$.id"}, "f": 1});
        let want = json!({"a": "{% $states.input %}", "b": "{% $states.input.x.y %}", "c": "{% $states.context.Task.Token %}", "d": {"e": "{% $states.input.id %}"}, "f": 1});
        assert_eq!(to_jsonata(&p), want);
        assert_eq!(state("Choice", true).unwrap()["Choices"][0]["Condition"], "{% true %}");
        assert!(is_jsonata(&json!({"QueryLanguage": "JSONata"})));
        assert!(!is_jsonata(&json!({})));
    }
}
