import { describe, expect, it } from '@jest/globals';
import { bucketStart } from './stats.service.js';

describe('trend buckets', () => {
  it.each([
    ['2026-11-23', 'day', '2026-11-23'],
    ['2026-11-23', 'week', '2026-11-23'], // a Monday
    ['2026-11-29', 'week', '2026-11-23'], // the Sunday after
    ['2026-11-01', 'week', '2026-10-26'],
    ['2026-11-29', 'month', '2026-11-01'],
  ] as const)('%s by %s starts %s', (day, bucket, start) => expect(bucketStart(day, bucket)).toBe(start));
});
