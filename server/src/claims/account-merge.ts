import { In, type EntityManager } from 'typeorm';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { IdempotencyRecord } from '../tickets/entities/idempotency-record.entity.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { TicketFollower } from '../tickets/entities/ticket-follower.entity.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { PhoneReveal } from '../users/phone-reveal.entity.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { AccountClaim } from './account-claim.entity.js';

/**
 * 认领 made real: the fresh WeChat account `fresh` becomes the staff-created record `kept`, which
 * survives. The WeChat login, nickname, avatar and consent move onto it, and so does everything the
 * fresh account made (reports, their timeline, follows, notices, files). A binding request of the fresh
 * account is withdrawn when the kept record already has a home; otherwise it moves. The fresh row is
 * deleted, so its token stops working and the next login is the kept record.
 */
export async function mergeAccount(em: EntityManager, fresh: User, kept: User, now: Date): Promise<User> {
  const from = fresh.id;
  const to = kept.id;
  await em.update(Ticket, { reporterId: from }, { reporterId: to });
  await em.update(TicketEvent, { actorId: from }, { actorId: to });
  await em.update(Notification, { userId: from }, { userId: to });
  await em.update(StoredFile, { ownerId: from }, { ownerId: to });
  await em.update(PhoneReveal, { viewerId: from }, { viewerId: to });
  await em.update(PhoneReveal, { subjectId: from }, { subjectId: to });
  await em.update(AccountClaim, { claimantId: from, status: 'pending' }, { status: 'rejected', reason: '账号已合并', decidedAt: now });
  // Idempotency keys only guard retries of the last minutes; the fresh account's are not worth a collision.
  await em.delete(IdempotencyRecord, { userId: from });

  const follows = await em.find(TicketFollower, { where: { userId: from } });
  const keptFollows = new Set((await em.find(TicketFollower, { where: { userId: to, ticketId: In(follows.map((f) => f.ticketId).concat(0)) } })).map((f) => f.ticketId));
  for (const f of follows) {
    if (keptFollows.has(f.ticketId)) {
      await em.delete(TicketFollower, { id: f.id });
      await em.decrement(Ticket, { id: f.ticketId }, 'followerCount', 1);
    } else {
      await em.update(TicketFollower, { id: f.id }, { userId: to });
    }
  }

  const keptHome = await em.findOne(HouseholdBinding, { where: { userId: to, status: In(['approved', 'pending']) } });
  for (const b of await em.find(HouseholdBinding, { where: { userId: from } })) {
    const open = b.status === 'pending' || b.status === 'approved';
    if (open && keptHome) {
      await em.update(HouseholdBinding, { id: b.id }, { userId: to, status: b.status === 'pending' ? 'withdrawn' : 'ended', endedAt: now, endedById: null, reason: '认领的账号已绑定房屋' });
    } else {
      await em.update(HouseholdBinding, { id: b.id }, { userId: to });
    }
  }

  const openid = fresh.openid;
  await em.delete(RoleAssignment, { userId: from });
  await em.delete(User, { id: from });
  const changes: Partial<User> = {
    openid,
    phoneVerifiedAt: now,
    nickname: fresh.nickname ?? kept.nickname,
    avatarKey: fresh.avatarKey ?? kept.avatarKey,
    consentVersion: fresh.consentVersion,
    consentedAt: fresh.consentedAt,
  };
  await em.update(User, { id: to }, changes);
  if ((await em.countBy(RoleAssignment, { userId: to })) === 0) {
    await em.insert(RoleAssignment, { userId: to, role: 'resident', districtId: null, streetId: null, communityId: null, gridId: null, organisationId: null });
  }
  return { ...kept, ...changes };
}
