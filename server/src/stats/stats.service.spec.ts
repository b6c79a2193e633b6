import { describe, expect, it } from '@jest/globals';
import { resolveDays, type DayRange } from './stats.service.js';

// Today is the 24th where the community lives.
const TODAY = '2026-11-24';

describe('the local days a figure covers', () => {
  it.each<[DayRange, { from: string; to: string }, string]>([
    [{}, { from: '2026-10-26', to: '2026-11-24' }, 'by default the last 30 days, today included'],
    [{ to: '2026-11-23' }, { from: '2026-10-25', to: '2026-11-23' }, '30 days ending on the given day'],
    [{ from: '2026-11-01' }, { from: '2026-11-01', to: '2026-11-24' }, 'from a day until today'],
    [{ from: '2026-11-23', to: '2026-11-23' }, { from: '2026-11-23', to: '2026-11-23' }, 'a single day'],
    [{ from: '2024-11-23', to: '2026-11-24' }, { from: '2024-11-23', to: '2026-11-24' }, '732 days, the longest allowed'],
  ])('%j → %j: %s', (q, days) => expect(resolveDays(q, TODAY)).toEqual(days));

  it.each<[DayRange, string]>([
    [{ from: '2026-11-25', to: '2026-11-24' }, '开始日期不能晚于结束日期'],
    [{ from: '2026-11-25' }, '开始日期不能晚于结束日期'],
    [{ from: '2026-02-30' }, 'from 须为日期，格式 YYYY-MM-DD'],
    [{ to: '2026-11-23T16:00:00.000Z' }, 'to 须为日期，格式 YYYY-MM-DD'],
    [{ from: '2024-11-22', to: '2026-11-24' }, '统计区间最长两年'],
  ])('refuses %j: %s', (q, message) => {
    expect(() => resolveDays(q, TODAY)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message }));
  });
});
