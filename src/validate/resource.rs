//! Task states: the `Resource` ARN, Credentials, timeouts and heartbeats, and what an EXPRESS
//! state machine may not call.
//!
//! Guarantees: a Resource is accepted when it is an ARN AWS can invoke — a Lambda function, an
//! activity, an `arn:aws:states:::aws-sdk:service:action` call or one of the optimized service
//! integrations listed here with the patterns (`.sync`, `.waitForTaskToken`) each supports — and
//! any other well-formed ARN of a service that AWS resolves at run time; an unknown optimized
//! integration (`arn:aws:states:::dynamodb:query`) is refused as AWS refuses it. With
//! `--type EXPRESS`, `.sync`, `.waitForTaskToken` and activities are reported on the Resource.

use serde_json::Value;

use super::fields::StateType;
use super::states::{State, check_count, check_reference_path_field, only_one_of};
use super::{Ctx, MachineType, Ql, jsonata, kind, payload};
use crate::diagnostic::Code;

pub(crate) fn check_task(s: &State<'_>, cx: &mut Ctx<'_>) {
    match s.get("Resource") {
        None => {
            cx.error(Code::MissingField, s.ptr, "A Task state needs a 'Resource': the ARN of the work to run.")
                .hint = Some("For example arn:aws:states:::lambda:invoke, or the ARN of a Lambda function or activity.".into());
        }
        Some(Value::String(arn)) => check_resource(arn, &s.field("Resource"), s.ql, cx),
        Some(other) => {
            cx.error(
                Code::InvalidFieldValue,
                s.field("Resource"),
                format!("'Resource' must be an ARN (text), not {}.", kind(other)),
            );
        }
    }
    only_one_of(s, "TimeoutSeconds", "TimeoutSecondsPath", cx);
    only_one_of(s, "HeartbeatSeconds", "HeartbeatSecondsPath", cx);
    check_count(s, "TimeoutSeconds", 1, 99_999_999, cx);
    check_count(s, "HeartbeatSeconds", 1, 99_999_999, cx);
    check_reference_path_field(s, "TimeoutSecondsPath", cx);
    check_reference_path_field(s, "HeartbeatSecondsPath", cx);
    if let (Some(h), Some(t)) = (
        s.get("HeartbeatSeconds").and_then(Value::as_u64),
        s.get("TimeoutSeconds").and_then(Value::as_u64),
    ) && h >= t
    {
        cx.warning(Code::Lint, s.field("HeartbeatSeconds"), format!("HeartbeatSeconds ({h}) is not less than TimeoutSeconds ({t}), so the heartbeat can never fail the task first."))
            .hint = Some("Make HeartbeatSeconds smaller than TimeoutSeconds.".into());
    }
    if let Some(creds) = s.get("Credentials") {
        check_credentials(creds, &s.field("Credentials"), s.ql, cx);
    }
    debug_assert_eq!(s.ty, StateType::Task);
}

fn check_credentials(value: &Value, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    let Some(obj) = value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'Credentials' must be an object with a 'RoleArn', not {}.", kind(value)),
        );
        return;
    };
    let has_role =
        obj.contains_key("RoleArn") || (ql == Ql::JsonPath && obj.contains_key("RoleArn.$"));
    if !has_role {
        cx.error(Code::SchemaValidationFailed, ptr, "The field 'RoleArn' is required but was missing.")
            .hint = Some("Credentials name the IAM role the task runs as: add \"RoleArn\": \"arn:aws:iam::ACCOUNT:role/NAME\".".into());
    }
    if let Some(role) = obj.get("RoleArn")
        && !role.is_string()
    {
        cx.error(
            Code::InvalidFieldValue,
            crate::asl::pointer::join(ptr, "RoleArn"),
            format!("'RoleArn' must be the ARN of an IAM role (text), not {}.", kind(role)),
        );
    }
    match ql {
        Ql::JsonPath => payload::check_template(value, ptr, cx),
        Ql::Jsonata => jsonata::check_value(value, ptr, jsonata::Scope::State, cx),
    }
}

/// Optimized integrations: `service:action` and the suffixes each allows.
/// `R` = request/response, `S` = `.sync` (and `.sync:2`), `W` = `.waitForTaskToken`.
const INTEGRATIONS: &[(&str, &str)] = &[
    ("lambda:invoke", "RW"),
    ("lambda:invokeAsync", "R"),
    ("batch:submitJob", "RSW"),
    ("dynamodb:getItem", "R"),
    ("dynamodb:putItem", "R"),
    ("dynamodb:updateItem", "R"),
    ("dynamodb:deleteItem", "R"),
    ("ecs:runTask", "RSW"),
    ("eks:runJob", "RSW"),
    ("eks:call", "R"),
    ("eks:createCluster", "RS"),
    ("eks:deleteCluster", "RS"),
    ("eks:createNodegroup", "RS"),
    ("eks:deleteNodegroup", "RS"),
    ("eks:createFargateProfile", "RS"),
    ("eks:deleteFargateProfile", "RS"),
    ("sns:publish", "RW"),
    ("sqs:sendMessage", "RW"),
    ("states:startExecution", "RSW"),
    ("glue:startJobRun", "RSW"),
    ("glue:startCrawler", "R"),
    ("databrew:startJobRun", "RS"),
    ("athena:startQueryExecution", "RS"),
    ("athena:stopQueryExecution", "R"),
    ("athena:getQueryExecution", "R"),
    ("athena:getQueryResults", "R"),
    ("athena:startWorkGroup", "R"),
    ("sagemaker:createEndpoint", "R"),
    ("sagemaker:createEndpointConfig", "R"),
    ("sagemaker:createHyperParameterTuningJob", "RS"),
    ("sagemaker:createLabelingJob", "RS"),
    ("sagemaker:createModel", "R"),
    ("sagemaker:createProcessingJob", "RS"),
    ("sagemaker:createTrainingJob", "RS"),
    ("sagemaker:createTransformJob", "RS"),
    ("sagemaker:updateEndpoint", "R"),
    ("elasticmapreduce:createCluster", "RS"),
    ("elasticmapreduce:terminateCluster", "RS"),
    ("elasticmapreduce:addStep", "RS"),
    ("elasticmapreduce:cancelStep", "R"),
    ("elasticmapreduce:setClusterTerminationProtection", "R"),
    ("elasticmapreduce:modifyInstanceFleetByName", "R"),
    ("elasticmapreduce:modifyInstanceGroupByName", "R"),
    ("emr-containers:startJobRun", "RS"),
    ("emr-containers:createVirtualCluster", "R"),
    ("emr-containers:deleteVirtualCluster", "RS"),
    ("emr-serverless:createApplication", "RS"),
    ("emr-serverless:startApplication", "RS"),
    ("emr-serverless:stopApplication", "RS"),
    ("emr-serverless:deleteApplication", "RS"),
    ("emr-serverless:startJobRun", "RS"),
    ("emr-serverless:cancelJobRun", "RS"),
    ("codebuild:startBuild", "RS"),
    ("codebuild:stopBuild", "R"),
    ("codebuild:batchDeleteBuilds", "R"),
    ("codebuild:batchGetReports", "R"),
    ("codebuild:startBuildBatch", "RS"),
    ("codebuild:retryBuild", "RS"),
    ("codebuild:retryBuildBatch", "RS"),
    ("apigateway:invoke", "RW"),
    ("events:putEvents", "RW"),
    ("http:invoke", "R"),
    ("bedrock:invokeModel", "R"),
    ("bedrock:createModelCustomizationJob", "RS"),
    ("mediaconvert:createJob", "RS"),
    ("evaluations:startEvaluation", "R"),
    ("s3:getObject", "R"),
    ("s3:putObject", "R"),
    ("s3:listObjectsV2", "R"),
];

/// Where a Task resource falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    RequestResponse,
    Sync,
    Callback,
}

fn check_resource(arn: &str, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    if ql == Ql::Jsonata && arn.starts_with("{%") {
        jsonata::check_value(&Value::String(arn.into()), ptr, jsonata::Scope::State, cx);
        return;
    }
    let express = cx.options.machine_type == MachineType::Express;
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let well_formed =
        parts.len() == 6 && parts[0] == "arn" && !parts[1].is_empty() && !parts[2].is_empty();
    if !well_formed {
        cx.error(Code::InvalidResource, ptr, format!("The resource \"{arn}\" is not an ARN AWS can run."))
            .hint = Some("A Task resource looks like arn:aws:states:::lambda:invoke or arn:aws:lambda:REGION:ACCOUNT:function:NAME.".into());
        return;
    }
    let (service, region, account, rest) = (parts[2], parts[3], parts[4], parts[5]);
    match service {
        "states" if region.is_empty() && account.is_empty() => {
            let (call, pattern) = split_pattern(rest);
            let known = match call.strip_prefix("aws-sdk:") {
                Some(sdk) => {
                    let mut it = sdk.splitn(2, ':');
                    let (svc, action) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
                    !svc.is_empty() && !action.is_empty() && pattern != Some(Pattern::Sync)
                }
                None => pattern.is_some_and(|p| {
                    INTEGRATIONS.iter().any(|(name, allowed)| {
                        *name == call
                            && allowed.contains(match p {
                                Pattern::RequestResponse => 'R',
                                Pattern::Sync => 'S',
                                Pattern::Callback => 'W',
                            })
                    })
                }),
            };
            if !known {
                cx.error(
                    Code::InvalidResource,
                    ptr,
                    format!("The resource {arn} is not recognized: it is not a service integration Step Functions offers."),
                )
                .hint = Some(if call.contains(':') && !call.starts_with("aws-sdk:") {
                    format!("Step Functions has no optimized integration for {call}. To call that API, use arn:aws:states:::aws-sdk:{call} (names are case-sensitive).")
                } else {
                    "Check the service and action names and their spelling (they are case-sensitive); for any AWS API call use arn:aws:states:::aws-sdk:SERVICE:ACTION.".into()
                });
                return;
            }
            if express {
                match pattern {
                    Some(Pattern::Sync) => {
                        cx.error(Code::ExpressNotSupported, ptr, "Express state machines do not support '.sync' service integrations (run a job and wait for it).")
                            .hint = Some("Use a STANDARD state machine, or call the service without .sync.".into());
                    }
                    Some(Pattern::Callback) => {
                        cx.error(Code::ExpressNotSupported, ptr, "Express state machines do not support '.waitForTaskToken' service integrations (wait for a callback).")
                            .hint = Some("Use a STANDARD state machine, or call the service without .waitForTaskToken.".into());
                    }
                    _ => {}
                }
            }
        }
        "states" if rest.starts_with("activity:") => {
            if rest.len() <= "activity:".len() {
                cx.error(Code::InvalidResource, ptr, "The activity ARN has no activity name.");
            } else if express {
                cx.error(
                    Code::ExpressNotSupported,
                    ptr,
                    "Express state machines do not support activities.",
                )
                .hint = Some("Use a STANDARD state machine to run an activity.".into());
            }
        }
        "lambda" => {
            // function:NAME, function:NAME:ALIAS or function:NAME:VERSION.
            let segs: Vec<&str> = rest.split(':').collect();
            let ok = segs.first() == Some(&"function")
                && (2..=3).contains(&segs.len())
                && segs[1..].iter().all(|s| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '$')
                });
            if !ok {
                cx.error(
                    Code::InvalidResource,
                    ptr,
                    format!("\"{arn}\" is not a valid Lambda function ARN."),
                )
                .hint = Some(
                    "It should end with function:NAME, optionally followed by :ALIAS or :VERSION."
                        .into(),
                );
            }
        }
        _ => {}
    }
}

/// `lambda:invoke.waitForTaskToken` → (`lambda:invoke`, Callback); unknown suffix → None.
fn split_pattern(rest: &str) -> (&str, Option<Pattern>) {
    for (suffix, p) in [
        (".waitForTaskToken", Pattern::Callback),
        (".sync:2", Pattern::Sync),
        (".sync", Pattern::Sync),
    ] {
        if let Some(call) = rest.strip_suffix(suffix) {
            return (call, Some(p));
        }
    }
    if rest.contains('.') { (rest, None) } else { (rest, Some(Pattern::RequestResponse)) }
}
