import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateTime } from '../../../src/platform/http/date-time.ts';

describe('parseDateTime', () => {
  it('reads an offset, and a date-time without one as Dutch local time (winter and summer)', () => {
    assert.equal(parseDateTime('2019-01-01T12:00:00Z')?.toISOString(), '2019-01-01T12:00:00.000Z');
    assert.equal(parseDateTime('2019-01-01T12:00:00+02:00')?.toISOString(), '2019-01-01T10:00:00.000Z');
    assert.equal(parseDateTime('2019-01-01T12:00:00')?.toISOString(), '2019-01-01T11:00:00.000Z');
    assert.equal(parseDateTime('2019-07-01T12:00')?.toISOString(), '2019-07-01T10:00:00.000Z');
    assert.equal(parseDateTime('2019-01-01'), undefined);
    assert.equal(parseDateTime('gisteren'), undefined);
  });
});
