import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSeededApp } from './support/test-app.js';

describe('rate limit on reporting', () => {
  let ctx: Awaited<ReturnType<typeof startSeededApp>>;
  beforeAll(async () => {
    ctx = await startSeededApp('sqlite', { RATE_LIMIT_TICKETS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('allows each resident a few reports a minute, then answers 429', async () => {
    const send = (who: string) => ctx.api.as(who, 'POST', '/tickets', { categoryId: 1, description: '测试报事', buildingId: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send('王秀英')).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await send('王秀英');
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect((await send('李建国')).status).toBe(201); // per user, not global
    ctx.clock.advanceMinutes(1);
    expect((await send('王秀英')).status).toBe(201);
  });

  it('does not count a report resent with its Idempotency-Key again (a phone retrying on a bad network)', async () => {
    ctx.clock.advanceMinutes(1);
    const send = (key: string) => ctx.api.as('李建国', 'POST', '/tickets', { categoryId: 1, description: `重发测试 ${key}`, buildingId: 1 }, { 'Idempotency-Key': key });
    const first = await send('retry-key-1');
    const statuses = [first.status];
    for (let i = 0; i < 5; i++) statuses.push((await send('retry-key-1')).status);
    statuses.push((await send('retry-key-2')).status, (await send('retry-key-3')).status, (await send('retry-key-4')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
  });
});
