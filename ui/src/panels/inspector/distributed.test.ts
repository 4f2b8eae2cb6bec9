import { removeBranchQuestion } from './branches';
import { checkBucket, checkKey, formatEdits, newResultWriter, newS3Reader, readerFormat, readerKind } from './distributed';

describe('a Distributed Map reading from S3', () => {
  it('starts readers and writers as ASL writes them, per language', () => {
    expect(newS3Reader('JSONPath')).toEqual({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSON' },
      Parameters: { Bucket: 'my-bucket', Key: 'items.json' },
    });
    expect(newS3Reader('JSONata')).toHaveProperty('Arguments', { Bucket: 'my-bucket', Key: 'items.json' });
    expect(newResultWriter('JSONPath')).toEqual({ Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'my-bucket', Prefix: 'results' } });
  });
  it('tells the reader kinds and format apart', () => {
    expect(readerKind(undefined)).toBe('input');
    expect(readerKind(newS3Reader('JSONPath'))).toBe('s3file');
    expect(readerKind({ Resource: 'arn:aws:states:::s3:listObjectsV2' })).toBe('other');
    expect(readerFormat({ ReaderConfig: { InputType: 'CSV' } })).toBe('CSV');
    expect(readerFormat({})).toBe('');
  });
  it('adds the header row for CSV and drops the CSV settings for other formats', () => {
    const json = { ReaderConfig: { InputType: 'JSON' } };
    expect(formatEdits('/S/M', json, 'CSV')).toEqual([
      { op: 'set', pointer: '/S/M/ItemReader/ReaderConfig/InputType', value: 'CSV' },
      { op: 'set', pointer: '/S/M/ItemReader/ReaderConfig/CSVHeaderLocation', value: 'FIRST_ROW' },
    ]);
    const csv = { ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a'] } };
    expect(formatEdits('/S/M', csv, 'CSV')).toEqual([{ op: 'set', pointer: '/S/M/ItemReader/ReaderConfig/InputType', value: 'CSV' }]);
    expect(formatEdits('/S/M', csv, 'JSONL')).toEqual([
      { op: 'set', pointer: '/S/M/ItemReader/ReaderConfig/InputType', value: 'JSONL' },
      { op: 'remove', pointer: '/S/M/ItemReader/ReaderConfig/CSVHeaderLocation' },
      { op: 'remove', pointer: '/S/M/ItemReader/ReaderConfig/CSVHeaders' },
    ]);
    expect(formatEdits('/S/M', {}, 'CSV')).toEqual([
      { op: 'set', pointer: '/S/M/ItemReader/ReaderConfig', value: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' } },
    ]);
  });
  it('checks bucket names by AWS’s rules, in plain words', () => {
    expect(checkBucket('my-orders.2026')).toBeNull();
    expect(checkBucket('')).toMatch(/Type the bucket name/);
    expect(checkBucket('s3://my-bucket')).toMatch(/without s3:\/\//);
    expect(checkBucket('ab')).toMatch(/3 to 63/);
    expect(checkBucket('My-Bucket')).toMatch(/no capital/);
    expect(checkBucket('my_bucket')).toMatch(/only lowercase letters/);
    expect(checkBucket('-bucket')).toMatch(/starts and ends/);
    expect(checkBucket('my..bucket')).toMatch(/two dots/);
    expect(checkBucket('192.168.1.1')).toMatch(/IP address/);
  });
  it('checks keys and prefixes', () => {
    expect(checkKey('orders/today.json', 'file')).toBeNull();
    expect(checkKey('', 'file')).toMatch(/Type the file/);
    expect(checkKey('', 'folder')).toBeNull();
    expect(checkKey('/orders', 'folder')).toMatch(/without a leading \//);
    expect(checkKey('s3://b/k', 'file')).toMatch(/without s3:\/\//);
    expect(checkKey('é'.repeat(513), 'file')).toMatch(/1024 bytes/);
  });
});

describe('removing a Parallel branch', () => {
  it('names how many steps go with it, nested ones too', () => {
    expect(removeBranchQuestion(1, { StartAt: 'A', States: { A: {} } })).toBe('Remove branch 2? Its 1 step (“A”) will be deleted too.');
    const nested = { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { States: { X: {}, Y: {} } } }, Z: {} } };
    expect(removeBranchQuestion(0, nested)).toBe('Remove branch 1? Its 4 steps (“M” and 3 more) will be deleted too.');
    expect(removeBranchQuestion(0, {})).toBe('Remove branch 1? Its 0 steps will be deleted too.');
  });
});
