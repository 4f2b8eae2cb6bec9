// Error names for Retry and Catch: AWS's predefined ones explained, and the comma-separated
// list people type read back into `ErrorEquals`. Pure (tested in errorNames.test.ts).

export const ERROR_NAMES: { name: string; meaning: string }[] = [
  { name: 'States.ALL', meaning: 'any error' },
  { name: 'States.TaskFailed', meaning: 'any error except a time-out' },
  { name: 'States.Timeout', meaning: 'the step took too long' },
  { name: 'States.HeartbeatTimeout', meaning: 'no heartbeat in time' },
  { name: 'States.Permissions', meaning: 'not allowed to call the service' },
  { name: 'States.ResultPathMatchFailure', meaning: 'the result could not be placed' },
  { name: 'States.ParameterPathFailure', meaning: 'a parameter path found nothing' },
  { name: 'States.QueryEvaluationError', meaning: 'a JSONata expression failed' },
  { name: 'States.ExceedToleratedFailureThreshold', meaning: 'too many Map items failed' },
  { name: 'Lambda.ServiceException', meaning: 'Lambda had a problem' },
  { name: 'Lambda.TooManyRequestsException', meaning: 'Lambda is busy' },
  { name: 'Lambda.SdkClientException', meaning: 'Lambda could not be reached' },
];

/** The error names typed as a comma-separated list. */
export function readErrorList(text: string): { value: string[]; error: string | null } {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) return { value: [], error: 'Name at least one error, like States.ALL.' };
  if (names.includes('States.ALL') && names.length > 1)
    return { value: names, error: 'States.ALL already means every error: it must be alone.' };
  return { value: names, error: null };
}

export function errorListText(value: unknown): string {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '';
}
