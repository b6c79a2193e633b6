import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_UTC_OFFSET_MINUTES,
  addLocalDays,
  bucketStart,
  daysInRange,
  formatLocalDateTime,
  isLocalDate,
  isUtcOffsetMinutes,
  lastLocalDays,
  localDate,
  localDayRange,
  startOfLocalDay,
  type TrendBucket,
} from '../src/index.js';

const BEIJING = 480;

describe('the default is Beijing time', () => {
  it('UTC+8, in minutes', () => assert.equal(DEFAULT_UTC_OFFSET_MINUTES, 480));
});

describe('localDate: the day an instant falls on where people live', () => {
  const table: [string, number, string, string][] = [
    ['2026-11-22T23:30:00.000Z', BEIJING, '2026-11-23', '07:30 in Beijing is the next morning, not the UTC day'],
    ['2026-11-23T15:30:00.000Z', BEIJING, '2026-11-23', '23:30 local, still the 23rd'],
    ['2026-11-23T15:59:59.999Z', BEIJING, '2026-11-23', 'the last millisecond of the 23rd'],
    ['2026-11-23T16:00:00.000Z', BEIJING, '2026-11-24', 'local midnight starts the 24th'],
    ['2026-11-23T16:30:00.000Z', BEIJING, '2026-11-24', '00:30 local on the 24th'],
    ['2026-11-30T16:30:00.000Z', BEIJING, '2026-12-01', 'across a month end'],
    ['2026-12-31T16:00:00.000Z', BEIJING, '2027-01-01', 'across a year end'],
    ['2028-02-28T16:30:00.000Z', BEIJING, '2028-02-29', 'onto a leap day'],
    ['2026-11-23T16:30:00.000Z', 0, '2026-11-23', 'UTC itself'],
    ['2026-11-24T03:00:00.000Z', -300, '2026-11-23', 'west of Greenwich the day is behind'],
    ['2026-11-23T18:14:00.000Z', 345, '2026-11-23', 'a quarter-hour offset, one minute before midnight'],
    ['2026-11-23T18:15:00.000Z', 345, '2026-11-24', 'a quarter-hour offset, at midnight'],
  ];
  for (const [at, offset, day, why] of table) {
    it(`${at} at ${offset} min is ${day}: ${why}`, () => {
      assert.equal(localDate(new Date(at), offset), day);
      assert.equal(localDate(at, offset), day);
    });
  }
  it('defaults to Beijing', () => assert.equal(localDate(new Date('2026-11-22T23:30:00Z')), '2026-11-23'));
});

describe('startOfLocalDay: the UTC instant a local day begins', () => {
  const table: [string, number, string][] = [
    ['2026-11-23', BEIJING, '2026-11-22T16:00:00.000Z'],
    ['2027-01-01', BEIJING, '2026-12-31T16:00:00.000Z'],
    ['2026-11-23', 0, '2026-11-23T00:00:00.000Z'],
    ['2026-11-23', -300, '2026-11-23T05:00:00.000Z'],
  ];
  for (const [day, offset, instant] of table) {
    it(`${day} at ${offset} min starts ${instant}`, () => assert.equal(startOfLocalDay(day, offset).toISOString(), instant));
  }
});

describe('addLocalDays', () => {
  const table: [string, number, string][] = [
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-11-23', -29, '2026-10-25'],
    ['2026-11-23', 0, '2026-11-23'],
  ];
  for (const [day, n, expected] of table) it(`${day} ${n >= 0 ? '+' : ''}${n} days is ${expected}`, () => assert.equal(addLocalDays(day, n), expected));
});

describe('ranges of local days', () => {
  it('count both ends', () => {
    assert.equal(daysInRange('2026-11-23', '2026-11-23'), 1);
    assert.equal(daysInRange('2026-10-25', '2026-11-23'), 30);
    assert.equal(daysInRange('2026-01-01', '2026-12-31'), 365);
    assert.equal(daysInRange('2028-01-01', '2028-12-31'), 366);
  });

  it('cover the instants from the first local midnight to the one after the last day', () => {
    const { start, end } = localDayRange('2026-11-23', '2026-11-23', BEIJING);
    assert.equal(start.toISOString(), '2026-11-22T16:00:00.000Z');
    assert.equal(end.toISOString(), '2026-11-23T16:00:00.000Z');
    const month = localDayRange('2026-11-01', '2026-11-30', BEIJING);
    assert.equal(month.start.toISOString(), '2026-10-31T16:00:00.000Z');
    assert.equal(month.end.toISOString(), '2026-11-30T16:00:00.000Z');
  });

  it('"the last 30 days" ends today, local today', () => {
    assert.deepEqual(lastLocalDays(30, new Date('2026-11-23T15:30:00Z'), BEIJING), { from: '2026-10-25', to: '2026-11-23' });
    // 00:30 on the 24th in Beijing: today has moved on, though it is still the 23rd in UTC.
    assert.deepEqual(lastLocalDays(30, new Date('2026-11-23T16:30:00Z'), BEIJING), { from: '2026-10-26', to: '2026-11-24' });
    assert.deepEqual(lastLocalDays(1, new Date('2026-11-23T16:30:00Z'), BEIJING), { from: '2026-11-24', to: '2026-11-24' });
  });
});

describe('trend buckets', () => {
  const table: [string, TrendBucket, string, string][] = [
    ['2026-11-23', 'day', '2026-11-23', 'a day is itself'],
    ['2026-11-23', 'week', '2026-11-23', 'a Monday starts its week'],
    ['2026-11-29', 'week', '2026-11-23', 'the Sunday after belongs to that Monday'],
    ['2026-11-01', 'week', '2026-10-26', 'a Sunday on the 1st belongs to a week begun in October'],
    ['2026-12-02', 'week', '2026-11-30', 'a week that straddles November and December'],
    ['2027-01-01', 'week', '2026-12-28', 'a week that straddles the year'],
    ['2026-11-29', 'month', '2026-11-01', 'a month starts on the 1st'],
    ['2026-12-31', 'month', '2026-12-01', 'the last day of the year'],
  ];
  for (const [day, bucket, start, why] of table) it(`${day} by ${bucket} starts ${start}: ${why}`, () => assert.equal(bucketStart(day, bucket), start));
});

describe('formatLocalDateTime: what people read', () => {
  const table: [string, number, string][] = [
    ['2026-11-22T23:30:00.000Z', BEIJING, '11月23日 07:30'],
    ['2026-11-23T15:30:00.000Z', BEIJING, '11月23日 23:30'],
    ['2026-11-23T16:30:00.000Z', BEIJING, '11月24日 00:30'],
    ['2026-12-31T16:05:00.000Z', BEIJING, '1月1日 00:05'],
    ['2026-11-23T16:30:00.000Z', 0, '11月23日 16:30'],
  ];
  for (const [at, offset, text] of table) {
    it(`${at} at ${offset} min reads "${text}"`, () => {
      assert.equal(formatLocalDateTime(at, offset), text);
      assert.equal(formatLocalDateTime(new Date(at), offset), text);
    });
  }
});

describe('input checks', () => {
  it('a local date is YYYY-MM-DD naming a real day', () => {
    for (const ok of ['2026-11-23', '2028-02-29', '2026-12-31']) assert.equal(isLocalDate(ok), true, ok);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '2026-11-23T00:00:00Z', '20261123', '2026-1-5', '', 20261123, null]) assert.equal(isLocalDate(bad), false, String(bad));
  });

  it('an offset is whole minutes between UTC−12 and UTC+14', () => {
    for (const ok of [480, 0, -720, 840, 345]) assert.equal(isUtcOffsetMinutes(ok), true, String(ok));
    for (const bad of [841, -721, 480.5, '480', null, Number.NaN]) assert.equal(isUtcOffsetMinutes(bad), false, String(bad));
  });
});
