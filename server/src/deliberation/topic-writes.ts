import { In, type EntityManager } from 'typeorm';
import { maskPersonalText, type NotificationKind, type TopicEventType, type TopicRecipient } from '@linli/shared';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { Household } from '../places/entities/places.entities.js';
import { notificationRows } from '../notifications/outbox.js';
import { Notification } from '../notifications/notification.entity.js';
import { RoleAssignment } from '../users/entities/users.entities.js';
import { VersionConflict } from '../tickets/ticket-writes.js';
import { Topic, TopicEvent } from './entities/deliberation.entities.js';
import { scopeBuildingIds } from './topic-access.js';

export { VersionConflict };

/**
 * Writes what the rules decided, inside the caller's transaction: the topic's columns (only if nobody
 * changed it since it was read), its timeline event and its outbox rows.
 */
export class TopicWrites {
  constructor(private readonly em: EntityManager) {}

  /** Writes the topic if its version is still the one read; else VersionConflict. */
  async save(t: Topic, now: Date): Promise<void> {
    const { id, version, createdAt: _createdAt, ...changes } = t;
    const result = await this.em
      .createQueryBuilder()
      .update(Topic)
      .set({ ...changes, updatedAt: now, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw new VersionConflict();
    t.version = version + 1;
    t.updatedAt = now;
  }

  async event(t: Topic, type: TopicEventType, actor: { id: number | null; role: string }, note: string | null, now: Date): Promise<void> {
    await this.em.insert(TopicEvent, { topicId: t.id, type, actorId: actor.id, actorRole: actor.role, note: note?.slice(0, 500) ?? null, createdAt: now });
  }

  /** The outbox rows of the rules' notices: staff read the body as written, residents through the masking rule. */
  async notify(t: Topic, notices: { kind: NotificationKind; recipients: readonly TopicRecipient[]; title: string }[], body: string, now: Date): Promise<void> {
    const rows: Partial<Notification>[] = [];
    for (const n of notices) {
      const staff = new Set<number>();
      const residents = new Set<number>();
      for (const r of n.recipients) {
        if (r === 'proposer') (t.proposerRole === 'resident' ? residents : staff).add(t.proposerId);
        else if (r === 'committee') for (const id of await this.committee(t.communityId)) staff.add(id);
        else for (const id of await this.residentsInScope(t)) residents.add(id);
      }
      for (const id of staff) residents.delete(id);
      const draft = (text: string) => ({ type: n.kind, title: n.title, body: `${t.title}：${text}`, ticketId: null, topicId: t.id, communityId: t.communityId });
      rows.push(...notificationRows(staff, draft(body), now, null), ...notificationRows(residents, draft(maskPersonalText(body)), now, null));
    }
    for (let i = 0; i < rows.length; i += 500) await this.em.insert(Notification, rows.slice(i, i + 500));
  }

  private async committee(communityId: number): Promise<number[]> {
    return (await this.em.find(RoleAssignment, { where: { role: 'committee_member', communityId }, select: { userId: true } })).map((r) => r.userId);
  }

  /** Residents bound to a household in the topic's scope. */
  private async residentsInScope(t: Topic): Promise<number[]> {
    const buildingIds = await scopeBuildingIds(this.em, t);
    if (buildingIds.length === 0) return [];
    const households = await this.em.find(Household, { where: { buildingId: In(buildingIds) }, select: { id: true } });
    if (households.length === 0) return [];
    const ids: number[] = [];
    for (let i = 0; i < households.length; i += 1000) {
      const bindings = await this.em.find(HouseholdBinding, { where: { householdId: In(households.slice(i, i + 1000).map((h) => h.id)), status: 'approved' }, select: { userId: true } });
      ids.push(...bindings.map((b) => b.userId));
    }
    return ids;
  }
}
