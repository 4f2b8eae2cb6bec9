// What the palette offers: every state type, then the common service tasks. Ids are the core's
// palette items (src/asl/palette.rs); labels are the accessible names people and tests use.
import { LOOKS, STATE_TYPES } from '../canvas/stateTypes';

export interface PaletteItem {
  /** The core's palette id (`Wait`, `lambda`...). */
  id: string;
  /** The accessible name: the state type, or the task in words. */
  label: string;
  /** The state type it adds (for its colour and icon). */
  kind: string;
  summary: string;
}

const TASKS: readonly [string, string, string][] = [
  ['lambda', 'Lambda invoke', 'Runs an AWS Lambda function'],
  ['sns', 'SNS publish', 'Sends a message to an SNS topic'],
  ['sqs', 'SQS send message', 'Puts a message on an SQS queue'],
  ['dynamodbGet', 'DynamoDB get item', 'Reads one item from a DynamoDB table'],
  ['dynamodbPut', 'DynamoDB put item', 'Writes one item to a DynamoDB table'],
  ['ecs', 'ECS run task', 'Runs a container task on ECS and waits for it to finish'],
  ['startExecution', 'Start nested workflow', 'Runs another Step Functions workflow and waits for it'],
  ['http', 'HTTP endpoint', 'Calls an HTTPS API'],
  ['approval', 'Human approval', 'Pauses until a person approves (waits for a task token)'],
];

export const PALETTE_TYPES: readonly PaletteItem[] = STATE_TYPES.map((kind) => ({
  id: kind,
  label: kind,
  kind,
  summary: LOOKS[kind].summary,
}));

export const PALETTE_TASKS: readonly PaletteItem[] = TASKS.map(([id, label, summary]) => ({ id, label, kind: 'Task', summary }));
