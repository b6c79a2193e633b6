import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotChoice, BallotChannel, MeetingRegistrationStatus, Rating, TopicEventType, TopicParty, TopicPriority, TopicProposerRole, TopicScope, TopicStatus, VoteRuleKind, VoteTally } from '@linli/shared';

/** 议题: one matter of 六步议事, its stage kept by applyTopicTransition (shared/src/deliberation.ts). */
@Entity('topics')
@Index(['communityId', 'status', 'id'])
@Index(['status', 'secondingEndsAt'])
export class Topic {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'int' }) districtId: number;
  @Column({ type: 'varchar', length: 16 }) scope: TopicScope;
  /** For scope grid; the buildings of building(s) scopes are in topic_scope_buildings. */
  @Column({ type: 'int', nullable: true }) gridId: number | null;
  /** Households in scope when it was proposed: the co-sign threshold is worked out from it. */
  @Column({ type: 'int' }) householdsInScope: number;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 1000 }) description: string;
  @Column({ type: 'int' }) proposerId: number;
  @Column({ type: 'varchar', length: 24 }) proposerRole: TopicProposerRole;
  @Column({ type: 'varchar', length: 16 }) status: TopicStatus;
  @Column({ type: 'int' }) cosigns: number;
  @Column({ type: 'int' }) threshold: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) secondingEndsAt: Date | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) priority: TopicPriority | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) declineReason: string | null;
  @Column({ type: 'int', default: 0 }) planVersion: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) noticeStartedAt: Date | null;
  @Column({ type: 'smallint' }) noticeDays: number;
  @Column({ type: 'boolean', default: false }) voteOpen: boolean;
  /** The proposal's text waits for a committee member's release (content security): only staff and the proposer read it meanwhile. */
  @Column({ type: 'int', nullable: true }) contentHoldId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
  /** Optimistic lock: every transition writes `WHERE version = ?`. */
  @Column({ type: 'int', default: 1 }) version: number;
}

@Entity('topic_scope_buildings')
@Index(['buildingId'])
export class TopicScopeBuilding {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index()
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) buildingId: number;
}

/** Recurring tickets a topic was made from. */
@Entity('topic_tickets')
@Index(['topicId', 'ticketId'], { unique: true })
export class TopicTicket {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) ticketId: number;
}

/** 联署: one per household (the unique index is what stops a second). */
@Entity('topic_cosigns')
@Index(['topicId', 'householdId'], { unique: true })
export class TopicCosign {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) householdId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** The topic's timeline, written in the transaction of each change. */
@Entity('topic_events')
@Index(['topicId', 'id'])
export class TopicEvent {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'varchar', length: 16 }) type: TopicEventType;
  @Column({ type: 'int', nullable: true }) actorId: number | null;
  @Column({ type: 'varchar', length: 24 }) actorRole: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** 多方恳谈: a comment by a resident in scope or one of the four parties. */
@Entity('topic_comments')
@Index(['topicId', 'id'])
export class TopicComment {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) authorId: number;
  @Column({ type: 'varchar', length: 24 }) party: TopicParty;
  @Column({ type: 'varchar', length: 500 }) body: string;
  @Column({ type: 'int', nullable: true }) replyToId: number | null;
  @Column({ type: 'int', nullable: true }) planVersion: number | null;
  @Column({ type: 'int', nullable: true }) contentHoldId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** 拟方案: every version kept; a version is published for notice when written. */
@Entity('topic_plans')
@Index(['topicId', 'version'], { unique: true })
export class TopicPlan {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'int' }) authorId: number;
  @Column({ type: 'datetime', precision: 3 }) publishedAt: Date;
}

/** 专家审查: an opinion of experts or the street office on a plan version. */
@Entity('topic_reviews')
@Index(['topicId'])
export class TopicReview {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) planVersion: number;
  @Column({ type: 'varchar', length: 60 }) reviewer: string;
  @Column({ type: 'varchar', length: 1000 }) opinion: string;
  @Column({ type: 'int' }) authorId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** 居民表决 on one plan version: the rule, and the result written once at the close. */
@Entity('votes')
@Index(['topicId'])
@Index(['status', 'closesAt'])
export class Vote {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'int' }) planVersion: number;
  @Column({ type: 'varchar', length: 24 }) rule: VoteRuleKind;
  /** simple_majority's quorum in millionths (600000 = 60%); null for the default or another rule. */
  @Column({ type: 'int', nullable: true }) quorumMillionths: number | null;
  @Column({ type: 'boolean' }) secret: boolean;
  @Column({ type: 'varchar', length: 8 }) status: 'open' | 'closed';
  @Column({ type: 'datetime', precision: 3 }) openedAt: Date;
  @Column({ type: 'datetime', precision: 3 }) closesAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ type: 'int' }) rollHouseholds: number;
  @Column({ type: 'int' }) rollHeads: number;
  @Column({ type: 'int' }) rollAreaHundredths: number;
  /** tallyVote's answer at the close (shared VoteTally), as written then. */
  @Column({ type: 'simple-json', nullable: true }) tally: VoteTally | null;
  @Column({ type: 'boolean', nullable: true }) passed: boolean | null;
  @Column({ type: 'int', nullable: true }) openedById: number | null;
}

/** The roll, fixed when the vote opened: who moves in or out afterwards does not change it. */
@Entity('vote_roll')
@Index(['voteId', 'householdId'], { unique: true })
export class VoteRollRow {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) voteId: number;
  @Column({ type: 'int' }) householdId: number;
  @Column({ type: 'int' }) areaHundredths: number;
  /** The owner the household counts under (user id); null when the ledger names none. */
  @Column({ type: 'int', nullable: true }) ownerId: number | null;
}

/** One ballot per household and vote (the unique index): changing it rewrites the row, the last counts. */
@Entity('ballots')
@Index(['voteId', 'householdId'], { unique: true })
@Index(['voteId', 'receipt'], { unique: true })
export class Ballot {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) voteId: number;
  @Column({ type: 'int' }) householdId: number;
  @Column({ type: 'varchar', length: 8 }) choice: BallotChoice;
  @Column({ type: 'varchar', length: 8 }) channel: BallotChannel;
  /** The member who cast it in the app, or the committee member who recorded the paper. */
  @Column({ type: 'int' }) castById: number;
  @Column({ type: 'varchar', length: 32, nullable: true }) proxyName: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) photoKey: string | null;
  /** Random, shown only to the household; published with its choice after the close. */
  @Column({ type: 'varchar', length: 16 }) receipt: string;
  @Column({ type: 'datetime', precision: 3 }) castAt: Date;
  @Column({ type: 'int', default: 1 }) revisions: number;
}

/** 落实: a task of implementation. */
@Entity('topic_tasks')
@Index(['topicId'])
export class TopicTask {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 60 }) owner: string;
  /** A local day (YYYY-MM-DD) of the community. */
  @Column({ type: 'varchar', length: 10 }) dueOn: string;
  @Column({ type: 'smallint', default: 0 }) progress: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) doneAt: Date | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

@Entity('topic_task_updates')
@Index(['taskId', 'id'])
export class TopicTaskUpdate {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) taskId: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'varchar', length: 500 }) note: string;
  @Column({ type: 'smallint' }) progress: number;
  @Column({ type: 'int' }) authorId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** 评价结果: once per household in scope. */
@Entity('topic_ratings')
@Index(['topicId', 'householdId'], { unique: true })
@Index(['createdAt'])
export class TopicRating {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'int' }) householdId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 24 }) rating: Rating;
  @Column({ type: 'varchar', length: 300, nullable: true }) comment: string | null;
  @Column({ type: 'int', nullable: true }) contentHoldId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** 恳谈会: a meeting of a topic. */
@Entity('topic_meetings')
@Index(['topicId'])
@Index(['reminderSentAt', 'startsAt'])
export class TopicMeeting {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'datetime', precision: 3 }) startsAt: Date;
  @Column({ type: 'datetime', precision: 3 }) endsAt: Date;
  @Column({ type: 'varchar', length: 100 }) place: string;
  /** The 场地 of 预约 whose time is held for the meeting (bookings/venue-holds.ts), or null for a place as text. */
  @Column({ type: 'int', nullable: true }) venueId: number | null;
  /** The venue's slot made for the hold (null when a free slot with the same start was taken over). */
  @Column({ type: 'int', nullable: true }) venueSlotId: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) cancelReason: string | null;
  @Column({ type: 'int' }) capacity: number;
  /** The standing members, joined by '、'. */
  @Column({ type: 'varchar', length: 200 }) standingMembers: string;
  @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) minutesPublishedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) attendanceTakenAt: Date | null;
  /** When the day-before reminder was written to the outbox (null: not yet). */
  @Column({ type: 'datetime', precision: 3, nullable: true }) reminderSentAt: Date | null;
  @Column({ type: 'int' }) createdById: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** Registrations and cancellations write under this lock: two cancellations at once promote once. */
  @Column({ type: 'int', default: 1 }) version: number;
}

/** One resident's registration for a meeting (unique per meeting and user). */
@Entity('meeting_registrations')
@Index(['meetingId', 'userId'], { unique: true })
export class MeetingRegistration {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) meetingId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 12 }) status: MeetingRegistrationStatus;
  /** When they (last) joined: the waiting list goes in this order. */
  @Column({ type: 'datetime', precision: 3 }) joinedAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** The first answer to a proposal or comment sent with an Idempotency-Key (a phone resending), kept a day. */
@Entity('topic_idempotency_records')
@Index(['userId', 'key'], { unique: true })
@Index(['createdAt'])
export class TopicIdempotencyRecord {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 80 }) key: string;
  /** Hash of the operation and its body: the same key with another request is refused. */
  @Column({ type: 'varchar', length: 64 }) requestHash: string;
  @Column({ type: 'int' }) topicId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

export const DELIBERATION_ENTITIES = [Topic, TopicScopeBuilding, TopicTicket, TopicCosign, TopicEvent, TopicComment, TopicPlan, TopicReview, Vote, VoteRollRow, Ballot, TopicTask, TopicTaskUpdate, TopicRating, TopicMeeting, MeetingRegistration, TopicIdempotencyRecord];
