import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeClock } from '../src/common/clock.js';
import { EscalationService } from '../src/escalation/escalation.service.js';
import { TicketEvent } from '../src/tickets/entities/ticket-event.entity.js';
import { Ticket } from '../src/tickets/entities/ticket.entity.js';
import { startApp, startSeededApp } from './support/test-app.js';

/**
 * Two API instances, each with its own connection pool, on one MySQL database,
 * sweeping at the same time: every due ticket escalates exactly once.
 */
describe('escalation sweeper with two server processes on one MySQL', () => {
  let a: Awaited<ReturnType<typeof startSeededApp>>;
  let b: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    a = await startSeededApp('mysql');
    b = await startApp(a.db.env, new FakeClock(a.clock.now()));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('escalates each of 300 due tickets exactly once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await a.api.as('王秀英', 'POST', '/tickets', { categoryId: 3, description: `噪音 ${i}`, buildingId: 1 + (i % 6) });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    a.clock.advanceMinutes(31);
    (b.clock as FakeClock).set(a.clock.now());
    const [ra, rb] = await Promise.all([a.app.get(EscalationService).sweep(), b.app.get(EscalationService).sweep()]);
    // Both processes took part or one took all; together they saw every due ticket once.
    const escalated = await a.ds
      .getRepository(TicketEvent)
      .createQueryBuilder('e')
      .select('e.ticketId', 'ticketId')
      .addSelect('COUNT(*)', 'n')
      .where('e.type = :type', { type: 'escalated' })
      .andWhere('e.ticketId IN (:...ids)', { ids })
      .groupBy('e.ticketId')
      .getRawMany<{ ticketId: number; n: string }>();
    expect(escalated).toHaveLength(300);
    expect(escalated.every((r) => Number(r.n) === 1)).toBe(true);
    const levels = await a.ds.getRepository(Ticket).createQueryBuilder('t').where('t.id IN (:...ids)', { ids }).andWhere('t.escalationLevel = 1').getCount();
    expect(levels).toBe(300);
    expect(ra.escalated + rb.escalated).toBeGreaterThanOrEqual(300);
  });
});
