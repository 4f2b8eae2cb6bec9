// The Task resource picker's catalogue: AWS service integrations in plain words, and the
// translation between a `Resource` ARN and (service, how to wait). Pure (tested in
// resources.test.ts); unknown ARNs are kept as a custom resource, never rewritten.

/** How the workflow waits for a task: AWS's integration patterns. */
export type Pattern = 'response' | 'sync' | 'callback';

export const PATTERNS: { id: Pattern; label: string; suffix: string }[] = [
  { id: 'response', label: 'Wait for the response (call and continue)', suffix: '' },
  { id: 'sync', label: 'Run a job and wait for it to finish (.sync)', suffix: '.sync' },
  { id: 'callback', label: 'Wait for a callback with the task token (.waitForTaskToken)', suffix: '.waitForTaskToken' },
];

export interface Service {
  id: string;
  label: string;
  /** The ARN after `arn:<partition>:states:::`, without a pattern suffix. */
  action: string;
  patterns: Pattern[];
  /** Starting Parameters (JSONPath) for a new task of this kind. */
  parameters: Record<string, unknown>;
  /** Starting Arguments (JSONata). */
  arguments: Record<string, unknown>;
}

const service = (
  id: string,
  label: string,
  action: string,
  patterns: Pattern[],
  parameters: Record<string, unknown>,
  args: Record<string, unknown>,
): Service => ({ id, label, action, patterns, parameters, arguments: args });

export const SERVICES: Service[] = [
  service('lambda', 'Lambda: invoke a function', 'lambda:invoke', ['response', 'callback'],
    { FunctionName: 'my-function', 'Payload.$': '$' }, { FunctionName: 'my-function', Payload: '{% $states.input %}' }),
  service('sns', 'SNS: publish a message', 'sns:publish', ['response', 'callback'],
    { TopicArn: 'arn:aws:sns:us-east-1:123456789012:my-topic', 'Message.$': '$' },
    { TopicArn: 'arn:aws:sns:us-east-1:123456789012:my-topic', Message: '{% $states.input %}' }),
  service('sqs', 'SQS: send a message', 'sqs:sendMessage', ['response', 'callback'],
    { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/my-queue', 'MessageBody.$': '$' },
    { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/my-queue', MessageBody: '{% $states.input %}' }),
  service('dynamodb-get', 'DynamoDB: get an item', 'dynamodb:getItem', ['response'],
    { TableName: 'my-table', Key: { id: { 'S.$': '$.id' } } }, { TableName: 'my-table', Key: { id: { S: '{% $states.input.id %}' } } }),
  service('dynamodb-put', 'DynamoDB: put an item', 'dynamodb:putItem', ['response'],
    { TableName: 'my-table', Item: { id: { 'S.$': '$.id' } } }, { TableName: 'my-table', Item: { id: { S: '{% $states.input.id %}' } } }),
  service('dynamodb-update', 'DynamoDB: update an item', 'dynamodb:updateItem', ['response'],
    { TableName: 'my-table', Key: { id: { 'S.$': '$.id' } }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: 'done' } } },
    { TableName: 'my-table', Key: { id: { S: '{% $states.input.id %}' } }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: 'done' } } }),
  service('dynamodb-delete', 'DynamoDB: delete an item', 'dynamodb:deleteItem', ['response'],
    { TableName: 'my-table', Key: { id: { 'S.$': '$.id' } } }, { TableName: 'my-table', Key: { id: { S: '{% $states.input.id %}' } } }),
  service('ecs', 'ECS: run a task', 'ecs:runTask', ['response', 'sync', 'callback'],
    { LaunchType: 'FARGATE', Cluster: 'my-cluster', TaskDefinition: 'my-task' }, { LaunchType: 'FARGATE', Cluster: 'my-cluster', TaskDefinition: 'my-task' }),
  service('sfn', 'Step Functions: start another workflow', 'states:startExecution', ['response', 'sync', 'callback'],
    { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child', 'Input.$': '$' },
    { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child', Input: '{% $states.input %}' }),
  service('events', 'EventBridge: send events', 'events:putEvents', ['response', 'callback'],
    { Entries: [{ Source: 'my.app', DetailType: 'Something happened', 'Detail.$': '$' }] },
    { Entries: [{ Source: 'my.app', DetailType: 'Something happened', Detail: '{% $states.input %}' }] }),
  service('glue', 'Glue: start a job run', 'glue:startJobRun', ['response', 'sync'], { JobName: 'my-job' }, { JobName: 'my-job' }),
  service('batch', 'Batch: submit a job', 'batch:submitJob', ['response', 'sync'],
    { JobName: 'my-job', JobQueue: 'my-queue', JobDefinition: 'my-definition' }, { JobName: 'my-job', JobQueue: 'my-queue', JobDefinition: 'my-definition' }),
  service('http', 'HTTP: call an API endpoint', 'http:invoke', ['response'],
    { ApiEndpoint: 'https://example.com/api', Method: 'GET', Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/my-connection' } },
    { ApiEndpoint: 'https://example.com/api', Method: 'GET', Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/my-connection' } }),
];

/** What a `Resource` ARN means to the picker. */
export type ResourceChoice =
  | { kind: 'service'; service: Service; pattern: Pattern; partition: string; suffix: string }
  | { kind: 'activity'; arn: string }
  | { kind: 'custom'; arn: string };

const INTEGRATION = /^arn:([\w-]+):states:::([\w-]+:[\w-]+)(\.sync(?::2)?|\.waitForTaskToken)?$/;

export function readResource(arn: string): ResourceChoice {
  const m = INTEGRATION.exec(arn);
  const found = m ? SERVICES.find((s) => s.action === m[2]) : undefined;
  if (m && found) {
    const suffix = m[3] ?? '';
    const pattern: Pattern = suffix.startsWith('.sync') ? 'sync' : suffix === '.waitForTaskToken' ? 'callback' : 'response';
    return { kind: 'service', service: found, pattern, partition: m[1], suffix };
  }
  if (/^arn:[\w-]+:states:[\w-]*:\d*:activity:/.test(arn)) return { kind: 'activity', arn };
  return { kind: 'custom', arn };
}

/** The ARN for `service` waited on by `pattern` (`.sync:2` kept when it was already chosen). */
export function resourceArn(service: Service, pattern: Pattern, partition = 'aws', previousSuffix = ''): string {
  const usable = service.patterns.includes(pattern) ? pattern : 'response';
  const suffix =
    usable === 'sync' && previousSuffix.startsWith('.sync') ? previousSuffix : (PATTERNS.find((p) => p.id === usable)?.suffix ?? '');
  return `arn:${partition}:states:::${service.action}${suffix}`;
}

/** A starting activity ARN for people who pick "Activity" (a worker that polls for work). */
export const ACTIVITY_EXAMPLE = 'arn:aws:states:us-east-1:123456789012:activity:my-activity';

/** Checks a custom or activity ARN as typed. */
export function checkArn(text: string, kind: 'activity' | 'custom'): string | null {
  const t = text.trim();
  if (t === '') return 'A task needs a resource.';
  if (kind === 'activity' && !/^arn:[\w-]+:states:[\w-]+:\d{12}:activity:[\w-]+$/.test(t))
    return 'An activity ARN looks like arn:aws:states:us-east-1:123456789012:activity:my-activity.';
  if (kind === 'custom' && !t.startsWith('arn:')) return 'A resource is an ARN: it starts with arn:.';
  return null;
}
