import type { TicketRelation } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import type { Ticket } from './entities/ticket.entity.js';

/** How the caller stands to a ticket: what the state machine's rules read. */
export function relationsTo(user: AuthUser, t: Pick<Ticket, 'reporterId' | 'handlerId' | 'gridId' | 'communityId'>): TicketRelation[] {
  const relations: TicketRelation[] = [];
  if (t.reporterId === user.id && user.has('resident')) relations.push('reporter');
  if (t.handlerId === user.id) relations.push('handler');
  else if (t.gridId !== null && user.gridIds('grid_worker').includes(t.gridId)) relations.push('grid_colleague');
  if (user.communityIds('committee_member').includes(t.communityId)) relations.push('committee');
  return relations;
}

/** Street and district officers and admins watch tickets without acting on them. */
export function oversees(user: AuthUser, t: Pick<Ticket, 'streetId' | 'districtId'>): boolean {
  return user.has('admin') || user.streetIds('street_officer').includes(t.streetId) || user.districtIds('district_officer').includes(t.districtId);
}

/** Is this a member of staff who may see who reported, even when anonymous? */
export function isStaffFor(relations: TicketRelation[], overseer: boolean): boolean {
  return overseer || relations.some((r) => r === 'handler' || r === 'grid_colleague' || r === 'committee');
}
