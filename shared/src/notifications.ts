/**
 * Notification kinds, listed once: what each says and who receives it. The rules name recipients by
 * their role towards the ticket; the server resolves each role to people when it writes the outbox.
 * Subscribe messages (WeChat) map from these kinds too.
 */
export const NOTIFICATION_RECIPIENTS = [
  'reporter', // who reported it
  'followers', // residents who said "me too" (附议)
  'handler', // who holds it after the change
  'committee', // the committee members of its community
  'next_level', // whoever watches the level it was just escalated to (community, street, district)
  // Notices about an account rather than a ticket (ticketId null), written by bindings/ and claims/:
  'account_holder', // the user whose binding, claim or staff post it is
  'confirmers', // who may confirm a staff claim: the committee of the place, or the officers above it
  // Notices about a topic (议事, ticketId null, topicId set), written by deliberation/:
  'proposer', // who proposed it
  'in_scope', // the bound residents of the households in its scope
  // Notices about a booking (预约, ticketId null, bookingId set), written by bookings/:
  'holder', // the resident the booking is for
  'booker', // the grid worker who booked it for them (代办)
  'grid_workers', // the grid workers of the resident's grid (a help request)
] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

export const NOTIFICATION_KINDS = {
  dispatched: { label: '新派单', recipients: ['handler'] },
  queued: { label: '待派单', recipients: ['committee'] },
  accepted: { label: '已受理', recipients: ['reporter', 'followers'] },
  resolved: { label: '已办结', recipients: ['reporter', 'followers'] },
  returned: { label: '被退回', recipients: ['committee'] },
  rejected: { label: '不予受理', recipients: ['reporter', 'followers', 'handler'] },
  merged: { label: '已合并', recipients: ['reporter', 'followers'] },
  cancelled: { label: '居民撤回', recipients: ['handler'] },
  closed: { label: '居民评价', recipients: ['handler'] },
  reopened: { label: '不满意重办', recipients: ['handler'] },
  escalated: { label: '超时升级', recipients: ['next_level', 'handler'] },
  binding_requested: { label: '绑定申请', recipients: ['committee'] },
  binding_approved: { label: '绑定通过', recipients: ['account_holder'] },
  binding_rejected: { label: '绑定未通过', recipients: ['account_holder'] },
  binding_ended: { label: '绑定解除', recipients: ['account_holder'] },
  claim_made: { label: '居民认领账号', recipients: ['committee'] },
  claim_pending: { label: '待确认认领', recipients: ['confirmers'] },
  claim_confirmed: { label: '认领已确认', recipients: ['account_holder'] },
  claim_rejected: { label: '认领未通过', recipients: ['account_holder'] },
  staff_removed: { label: '岗位解除', recipients: ['account_holder'] },
  // WeChat's photo check found an uploaded photo risky: its uploader, and the committee of the reports showing it.
  photo_removed: { label: '照片已隐藏', recipients: ['account_holder', 'committee'] },
  // 议事: from applyTopicTransition (shared/src/deliberation.ts), with the recipients it names.
  topic_submitted: { label: '议题待受理', recipients: ['proposer', 'committee'] },
  topic_lapsed: { label: '联署未达', recipients: ['proposer'] },
  topic_accepted: { label: '议题已受理', recipients: ['proposer', 'in_scope'] },
  topic_declined: { label: '议题不予受理', recipients: ['proposer'] },
  topic_plan_published: { label: '方案公示', recipients: ['in_scope'] },
  topic_vote_opened: { label: '居民表决开始', recipients: ['in_scope'] },
  topic_vote_closed: { label: '表决结果', recipients: ['in_scope', 'proposer'] },
  topic_done: { label: '议事办结', recipients: ['in_scope', 'proposer'] },
  // Meetings of a topic, written by deliberation/ (recipients: the registered residents, as account holders).
  meeting_scheduled: { label: '恳谈会通知', recipients: ['in_scope'] },
  meeting_promoted: { label: '恳谈会候补转正', recipients: ['account_holder'] },
  // Written by the sweeper at 09:00 local the day before (at once for a meeting scheduled later than that).
  meeting_reminder: { label: '恳谈会提醒', recipients: ['account_holder'] },
  meeting_minutes: { label: '恳谈会纪要', recipients: ['in_scope'] },
  // The committee moved or cancelled a meeting: its registered residents (and those waiting) are told.
  meeting_moved: { label: '恳谈会时间变更', recipients: ['account_holder'] },
  meeting_cancelled: { label: '恳谈会取消', recipients: ['account_holder'] },
  // 预约: the first three come from applyBookingTransition (shared/src/booking.ts), the rest from the server's own steps.
  booking_offered: { label: '候补到位', recipients: ['holder', 'booker'] },
  booking_cancelled: { label: '预约已取消', recipients: ['holder', 'booker'] },
  booking_expired: { label: '候补已过期', recipients: ['holder'] },
  // A grid worker booked for the resident (代办): the resident is told, and sees it in 我的预约.
  booking_made: { label: '网格员代您预约', recipients: ['holder'] },
  // The provider moved the slot: keep the new time or cancel without it counting late.
  booking_moved: { label: '预约时间变更', recipients: ['holder', 'booker'] },
  // Sent the day before (the outbox row is due at 09:00 local the day before, or at once when booked later).
  booking_reminder: { label: '预约提醒', recipients: ['holder', 'booker'] },
  booking_help_requested: { label: '居民请求代办预约', recipients: ['grid_workers'] },
  volunteer_hours_earned: { label: '志愿时长入账', recipients: ['holder'] },
} as const satisfies Record<string, { label: string; recipients: readonly NotificationRecipient[] }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/**
 * What became of an outbox row as a WeChat subscribe message (docs/architecture.md, "Subscribe messages").
 * pending: waiting (also between retries); sending: claimed by a worker, WeChat being called;
 * sent; skipped: never sendable (no subscription left, a field refused, no openid, no template, too old);
 * failed: WeChat proved it was not sent, and the retries ran out;
 * unknown: the request went out and no answer came (or its worker died): never sent again.
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Which page a notice opens: the ticket's detail as its recipient reads it. */
export type NoticeAudience = 'resident' | 'handler' | 'overseer';
