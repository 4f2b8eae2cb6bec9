import { SERVICES, checkArn, readResource, resourceArn } from './resources';

describe('readResource', () => {
  it('reads service integrations and their patterns', () => {
    const r = readResource('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(r.kind === 'service' && [r.service.id, r.pattern]).toEqual(['lambda', 'callback']);
    const s = readResource('arn:aws-cn:states:::states:startExecution.sync:2');
    expect(s.kind === 'service' && [s.service.id, s.pattern, s.partition, s.suffix]).toEqual(['sfn', 'sync', 'aws-cn', '.sync:2']);
    const d = readResource('arn:aws:states:::dynamodb:updateItem');
    expect(d.kind === 'service' && [d.service.id, d.pattern]).toEqual(['dynamodb-update', 'response']);
  });
  it('keeps activities and any other ARN as they are', () => {
    expect(readResource('arn:aws:states:us-east-1:123456789012:activity:approve').kind).toBe('activity');
    expect(readResource('arn:aws:lambda:us-east-1:123456789012:function:f')).toEqual({ kind: 'custom', arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' });
    expect(readResource('arn:aws:states:::aws-sdk:s3:getObject').kind).toBe('custom');
  });
});

describe('resourceArn', () => {
  it('round-trips every service and pattern it offers', () => {
    for (const s of SERVICES)
      for (const p of s.patterns) {
        const r = readResource(resourceArn(s, p));
        expect(r.kind === 'service' && [r.service.id, r.pattern]).toEqual([s.id, p]);
      }
  });
  it('falls back to waiting for the response when a service cannot do the pattern', () => {
    const dynamo = SERVICES.find((s) => s.id === 'dynamodb-get')!;
    expect(resourceArn(dynamo, 'sync')).toBe('arn:aws:states:::dynamodb:getItem');
  });
  it('keeps .sync:2 when the job pattern stays', () => {
    const sfn = SERVICES.find((s) => s.id === 'sfn')!;
    expect(resourceArn(sfn, 'sync', 'aws', '.sync:2')).toBe('arn:aws:states:::states:startExecution.sync:2');
  });
  it('offers every service the issue names', () => {
    const actions = SERVICES.map((s) => s.action);
    for (const a of ['lambda:invoke', 'sns:publish', 'sqs:sendMessage', 'dynamodb:getItem', 'dynamodb:putItem', 'dynamodb:updateItem', 'dynamodb:deleteItem', 'ecs:runTask', 'states:startExecution', 'events:putEvents', 'glue:startJobRun', 'batch:submitJob', 'http:invoke'])
      expect(actions).toContain(a);
  });
});

describe('checkArn', () => {
  it('checks activity and custom ARNs', () => {
    expect(checkArn('arn:aws:states:us-east-1:123456789012:activity:a', 'activity')).toBeNull();
    expect(checkArn('arn:aws:states:us-east-1:12:activity:a', 'activity')).toMatch(/looks like/);
    expect(checkArn('my-function', 'custom')).toMatch(/starts with arn:/);
    expect(checkArn(' ', 'custom')).toMatch(/needs a resource/);
  });
});
