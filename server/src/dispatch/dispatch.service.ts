import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OPEN_TICKET_STATUSES } from '@linli/shared';
import type { Category } from '../categories/category.entity.js';
import { Organisation } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { Statements } from '../database/statements.js';

type CandidateRow = { userId: number | string; name: string | null; openCount: number | string };
/** A report's candidates with their names and open loads, in one prepared statement (database/statements.ts). */
const CANDIDATES_SELECT =
  'SELECT r.`userId` AS userId, u.`name` AS name, ' +
  `(SELECT COUNT(*) FROM \`tickets\` t WHERE t.\`handlerId\` = r.\`userId\` AND t.\`status\` IN (${OPEN_TICKET_STATUSES.map((x) => `'${x}'`).join(', ')})) AS openCount ` +
  'FROM `role_assignments` r LEFT JOIN `users` u ON u.`id` = r.`userId` ';
const GRID_CANDIDATES_SQL = CANDIDATES_SELECT + "WHERE r.`role` = 'grid_worker' AND r.`gridId` = ?";
const PARTNER_CANDIDATES_SQL =
  CANDIDATES_SELECT + "INNER JOIN `organisations` o ON o.`id` = r.`organisationId` WHERE r.`role` = 'partner' AND r.`communityId` = ? AND o.`kind` = ?";

export interface HandlerCandidate {
  userId: number;
  role: 'grid_worker' | 'partner';
  gridId: number | null;
  openCount: number;
}

/**
 * 派单: who handles a ticket. The category's routing rule names the kind of
 * handler; among several, the least loaded (fewest open tickets) wins, then the
 * longest-serving (lowest id) so the choice is stable.
 */
@Injectable()
export class DispatchService {
  /**
   * Who a new ticket goes to: the candidate with the fewest open tickets (then the lowest id), with their
   * name for the answer. One statement: the candidates, their names and their loads together.
   */
  async chooseHandler(em: EntityManager, ticket: Pick<Ticket, 'gridId' | 'communityId'>, category: Category): Promise<{ userId: number; name: string } | null> {
    if (category.routing === 'community') return null;
    if (category.routing === 'grid_worker' && ticket.gridId === null) return null;
    const rows =
      category.routing === 'grid_worker'
        ? await Statements.of(em.connection).rows<CandidateRow>(GRID_CANDIDATES_SQL, [ticket.gridId], em)
        : await Statements.of(em.connection).rows<CandidateRow>(PARTNER_CANDIDATES_SQL, [ticket.communityId, category.partnerKind], em);
    const ranked = rows.map((r) => ({ userId: Number(r.userId), name: r.name ?? '', openCount: Number(r.openCount) }));
    ranked.sort((a, b) => a.openCount - b.openCount || a.userId - b.userId);
    return ranked[0] ? { userId: ranked[0].userId, name: ranked[0].name } : null;
  }

  /** Everyone a ticket of this community may be dispatched or transferred to, with their load. */
  async candidates(em: EntityManager, communityId: number): Promise<HandlerCandidate[]> {
    const roles = await em
      .getRepository(RoleAssignment)
      .createQueryBuilder('r')
      .where('r.communityId = :communityId', { communityId })
      .andWhere('r.role IN (:...roles)', { roles: ['grid_worker', 'partner'] })
      .getMany();
    return this.withLoad(em, roles);
  }

  async isValidHandler(em: EntityManager, userId: number, communityId: number): Promise<boolean> {
    return (await em.getRepository(RoleAssignment).countBy([
      { userId, role: 'grid_worker', communityId },
      { userId, role: 'partner', communityId },
    ])) > 0;
  }

  private async withLoad(em: EntityManager, roles: RoleAssignment[]): Promise<HandlerCandidate[]> {
    const userIds = [...new Set(roles.map((r) => r.userId))];
    if (userIds.length === 0) return [];
    const counts: { handlerId: number; n: string | number }[] = await em
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select('t.handlerId', 'handlerId')
      .addSelect('COUNT(*)', 'n')
      .where('t.handlerId IN (:...userIds)', { userIds })
      .andWhere('t.status IN (:...open)', { open: OPEN_TICKET_STATUSES })
      .groupBy('t.handlerId')
      .getRawMany();
    const load = new Map(counts.map((c) => [Number(c.handlerId), Number(c.n)]));
    const seen = new Set<number>();
    return roles
      .filter((r) => !seen.has(r.userId) && seen.add(r.userId))
      .map((r) => ({ userId: r.userId, role: r.role as 'grid_worker' | 'partner', gridId: r.gridId, openCount: load.get(r.userId) ?? 0 }));
  }
}
