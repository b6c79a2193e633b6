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
});
