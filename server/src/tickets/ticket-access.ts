import type { EntityManager } from 'typeorm';
import type { TicketRelation } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { RoleAssignment } from '../users/entities/users.entities.js';
import type { Ticket } from './entities/ticket.entity.js';

type Placed = Pick<Ticket, 'reporterId' | 'handlerId' | 'gridId' | 'communityId' | 'streetId' | 'districtId'>;

/**
 * How the caller stands to a ticket: what the state machine's rules read.
 * `grid_colleague` is another grid worker of the ticket's grid while the matter is with the grid
 * (nobody's, or a grid worker's): a matter routed to a partner (the property company) is the
 * partner's to accept, not the grid's. Answering that costs a query only for a grid worker of the
 * ticket's grid who is not its handler.
 */
export async function relationsTo(em: EntityManager, user: AuthUser, t: Placed): Promise<TicketRelation[]> {
  const relations: TicketRelation[] = [];
  if (t.reporterId === user.id && user.has('resident')) relations.push('reporter');
  if (t.handlerId === user.id) relations.push('handler');
  else if (inGrid(user, t) && (t.handlerId === null || (await isGridWorkerOf(em, t.handlerId, t.gridId!)))) relations.push('grid_colleague');
  if (user.communityIds('committee_member').includes(t.communityId)) relations.push('committee');
  if (oversees(user, t)) relations.push('overseer');
  return relations;
}

function inGrid(user: AuthUser, t: Placed): boolean {
  return t.gridId !== null && user.gridIds('grid_worker').includes(t.gridId);
}

async function isGridWorkerOf(em: EntityManager, userId: number, gridId: number): Promise<boolean> {
  return (await em.countBy(RoleAssignment, { userId, role: 'grid_worker', gridId })) > 0;
}

/**
 * Who watches a ticket without a relation to it: street and district officers and admins read-only,
 * and the grid's workers, who see every matter of their grid even while a partner holds it.
 */
export function watches(user: AuthUser, t: Placed): boolean {
  return oversees(user, t) || inGrid(user, t);
}

/** Street and district officers and admins watch tickets without acting on them. */
export function oversees(user: AuthUser, t: Pick<Ticket, 'streetId' | 'districtId'>): boolean {
  return user.has('admin') || user.streetIds('street_officer').includes(t.streetId) || user.districtIds('district_officer').includes(t.districtId);
}

/** Is this a member of staff who reads texts as written and sees who reported, even when anonymous? */
export function isStaffFor(relations: TicketRelation[], watcher: boolean): boolean {
  return watcher || relations.some((r) => r === 'handler' || r === 'grid_colleague' || r === 'committee' || r === 'overseer');
}
