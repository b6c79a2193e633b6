import type { EntityManager } from 'typeorm';
import { maskPersonalText, type TimelineEventDraft, type NotificationDraft as RuleNotification } from '@linli/shared';
import { Statements } from '../database/statements.js';
import { Notification } from '../notifications/notification.entity.js';
import { notificationRows } from '../notifications/outbox.js';
import { TicketEvent } from './entities/ticket-event.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { RecipientDirectory } from './recipients.js';

/** Who acted, as the timeline shows it; events the rules mark `bySystem` are the system's whatever the actor. */
export interface Actor {
  id: number | null;
  role: string;
}

/** Raised inside a transaction when another writer changed the ticket first. */
export class VersionConflict extends Error {}

/**
 * Writes what the rules decided, inside the caller's transaction: the ticket's columns (only if nobody
 * changed it since it was read), then its timeline events and outbox rows, gathered so that a batch of
 * tickets costs one insert of each.
 */
export class TicketWrites {
  private readonly events: Partial<TicketEvent>[] = [];
  private readonly notifications: Partial<Notification>[] = [];
  readonly recipients: RecipientDirectory;

  constructor(private readonly em: EntityManager) {
    this.recipients = new RecipientDirectory(em);
  }

  /** Writes the ticket if its version is still the one read; else VersionConflict. */
  async save(t: Ticket, now: Date): Promise<void> {
    // followerCount moves only by atomic increments (附议), never from a stale read; the code, once issued, never changes.
    const { id, version, code: _code, createdAt: _createdAt, followerCount: _followers, ...changes } = t;
    const result = await this.em
      .createQueryBuilder()
      .update(Ticket)
      .set({ ...changes, updatedAt: now, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw new VersionConflict();
    t.version = version + 1;
    t.updatedAt = now;
  }

  /** The events and notifications of one change of `t` (already in its new state). */
  async record(t: Ticket, effects: { events: TimelineEventDraft[]; notifications: RuleNotification[] }, actor: Actor, now: Date): Promise<void> {
    for (const e of effects.events) {
      this.events.push({
        ticketId: t.id,
        type: e.type,
        actorId: e.bySystem ? null : actor.id,
        actorRole: e.bySystem ? 'system' : actor.role,
        note: e.note,
        photoKeys: e.photoKeys,
        data: e.data,
        createdAt: now,
      });
    }
    for (const n of effects.notifications) {
      const draft = (body: string) => ({ type: n.kind, title: n.title, body: `${t.code} ${body}`, ticketId: t.id, communityId: t.communityId });
      const { residents, handlers, overseers } = await this.recipients.resolve(t, n.kind);
      // Residents read staff's words (a result, a reason) through the one masking rule, as on the timeline.
      this.notifications.push(
        ...notificationRows(handlers, draft(n.body), now, 'handler'),
        ...notificationRows(overseers, draft(n.body), now, 'overseer'),
        ...notificationRows(residents, draft(maskPersonalText(n.body)), now, 'resident'),
      );
    }
  }

  /** An event that is no transition of this ticket (附议, a duplicate merged into it). */
  note(event: Partial<TicketEvent>): void {
    this.events.push(event);
  }

  /** Inserts what was gathered; answers the events written, with their ids (a new ticket's detail is built from them). */
  async flush(): Promise<TicketEvent[]> {
    const events = this.events.splice(0) as TicketEvent[];
    // Prepared statements through the driver, on the caller's transaction (database/statements.ts): the hot path of every change.
    const sql = Statements.of(this.em.connection);
    if (events.length) {
      const first = await sql.table(TicketEvent).insert(events, this.em);
      events.forEach((e, i) => (e.id ??= first + i));
    }
    if (this.notifications.length) await sql.table(Notification).insert(this.notifications.splice(0), this.em);
    return events;
  }
}
