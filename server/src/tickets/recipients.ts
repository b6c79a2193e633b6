import { In, type EntityManager } from 'typeorm';
import { ESCALATION_LEVELS, NOTIFICATION_KINDS, type NotificationKind, type NotificationRecipient } from '@linli/shared';
import { RoleAssignment } from '../users/entities/users.entities.js';
import { TicketFollower } from './entities/ticket-follower.entity.js';
import type { Ticket } from './entities/ticket.entity.js';

type Place = Pick<Ticket, 'id' | 'reporterId' | 'handlerId' | 'communityId' | 'streetId' | 'districtId' | 'escalationLevel'>;

/** Who watches each level's place: the committee of a community, the officers of a street or district. */
const WATCHERS = { community: 'committee_member', street: 'street_officer', district: 'district_officer' } as const;
type WatchedLevel = keyof typeof WATCHERS;

/**
 * Turns the rules' recipient roles (reporter, followers, handler, committee, next level) into people,
 * within one transaction. Places' staff are loaded once per place and kept, so a sweeper batch of
 * 200 escalations asks once for all of them (`preload`).
 */
export class RecipientDirectory {
  private readonly staff = new Map<string, number[]>();

  constructor(private readonly em: EntityManager) {}

  /**
   * The people of each recipient role of `kind`, by how they read the ticket: residents (reporter,
   * followers: texts masked, the resident's page), its handler, and overseers (committee, next level).
   * Someone in two groups is told once, as staff, and as its handler before as an overseer.
   */
  async resolve(t: Place, kind: NotificationKind): Promise<{ residents: number[]; handlers: number[]; overseers: number[] }> {
    const groups = { residents: [] as number[], handlers: [] as number[], overseers: [] as number[] };
    for (const role of NOTIFICATION_KINDS[kind].recipients as readonly NotificationRecipient[]) {
      const group = role === 'reporter' || role === 'followers' ? 'residents' : role === 'handler' ? 'handlers' : 'overseers';
      groups[group].push(...(await this.one(t, role)));
    }
    const handlers = [...new Set(groups.handlers)];
    const overseers = [...new Set(groups.overseers)].filter((id) => !handlers.includes(id));
    const residents = [...new Set(groups.residents)].filter((id) => !handlers.includes(id) && !overseers.includes(id));
    return { residents, handlers, overseers };
  }

  /** Loads the watchers of every place these tickets may escalate to, in one query. */
  async preload(tickets: Place[]): Promise<void> {
    const ids = (level: WatchedLevel) => [...new Set(tickets.map((t) => placeId(t, level)))];
    const rows = await this.em.find(RoleAssignment, {
      where: (Object.keys(WATCHERS) as WatchedLevel[]).map((level) => ({ role: WATCHERS[level], [`${level}Id`]: In(ids(level)) })),
      select: { userId: true, role: true, communityId: true, streetId: true, districtId: true },
    });
    for (const level of Object.keys(WATCHERS) as WatchedLevel[]) for (const id of ids(level)) this.staff.set(`${level}:${id}`, []);
    for (const r of rows) {
      const level = (Object.keys(WATCHERS) as WatchedLevel[]).find((l) => WATCHERS[l] === r.role)!;
      this.staff.get(`${level}:${placeId(r as never, level)}`)?.push(r.userId);
    }
  }

  private async one(t: Place, role: NotificationRecipient): Promise<number[]> {
    switch (role) {
      case 'reporter':
        return [t.reporterId];
      case 'handler':
        return t.handlerId === null ? [] : [t.handlerId];
      case 'followers': {
        const rows = await this.em.find(TicketFollower, { where: { ticketId: t.id }, select: { userId: true } });
        return rows.map((f) => f.userId);
      }
      case 'committee':
        return this.watchers(t, 'community');
      case 'next_level': {
        const level = ESCALATION_LEVELS[t.escalationLevel];
        return level === 'grid' ? [] : this.watchers(t, level);
      }
      case 'account_holder':
      case 'confirmers':
        throw new Error(`${role} receives notices about an account, never about a ticket`);
      case 'proposer':
      case 'in_scope':
        throw new Error(`${role} receives notices about a topic, never about a ticket`);
      case 'holder':
      case 'booker':
      case 'grid_workers':
        throw new Error(`${role} receives notices about a booking, never about a ticket`);
    }
  }

  private async watchers(t: Place, level: WatchedLevel): Promise<number[]> {
    const key = `${level}:${placeId(t, level)}`;
    let ids = this.staff.get(key);
    if (!ids) {
      const rows = await this.em.find(RoleAssignment, { where: { role: WATCHERS[level], [`${level}Id`]: placeId(t, level) }, select: { userId: true } });
      ids = rows.map((r) => r.userId);
      this.staff.set(key, ids);
    }
    return ids;
  }
}

function placeId(t: Pick<Ticket, 'communityId' | 'streetId' | 'districtId'>, level: WatchedLevel): number {
  return level === 'community' ? t.communityId : level === 'street' ? t.streetId : t.districtId;
}
