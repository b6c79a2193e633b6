/**
 * Shapes the API speaks, for the mini-program and the server's DTOs alike.
 * `contract.ts` names, for every operation, which of these it takes and answers;
 * docs/openapi.json is generated from both and the server's tests check every answer against it.
 */
import type { Role, PlaceLevel, BindingStatus } from './roles.js';
import type { TicketStatus, TicketAction, TicketEventType, RejectReason } from './tickets.js';
import type { FinalRating, Rating } from './ratings.js';
import type { EscalationLevel } from './sla.js';
import type { TrendBucket } from './time.js';
import type { LedgerColumn, LedgerField, LedgerRejectReason, MemberRelation, SpecialCareFlag } from './ledger.js';
import type { BookingAction, BookingStatus, EligibilityRule, ServiceFamily } from './booking.js';
import type { BallotChoice, TopicAction, TopicPriority, TopicScope, TopicStatus, VoteRuleKind } from './deliberation.js';

/**
 * An instant, as ISO 8601 in UTC (`2026-11-23T08:30:00.000Z`).
 * @format date-time
 */
export type IsoDateTime = string;

/**
 * A calendar day (`2026-11-23`).
 * @format date
 */
export type IsoDate = string;

/**
 * Every stable error code, with the one HTTP status it comes with.
 * The server's `AppError` only accepts a code with its own status; docs/api-contract.md says what each means.
 */
export const API_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  /** A JSON body nested deeper than the server reads (refused before parsing). */
  JSON_TOO_DEEP: 400,
  FILE_MISSING: 400,
  WECHAT_CODE_INVALID: 400,
  /** Login without ticking the current privacy policy (PRIVACY_POLICY_VERSION). */
  CONSENT_REQUIRED: 400,
  /** An HTTP error from the framework with no code of ours (a 4xx status the filter has no name for). */
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  /** The token's device session was refreshed elsewhere (past the grace), ended or deleted: log in again. */
  SESSION_ENDED: 401,
  FORBIDDEN: 403,
  WECHAT_USER_BLOCKED: 403,
  HOUSEHOLD_REQUIRED: 403,
  NOT_FOUND: 404,
  NOT_FOUND_ROUTE: 404,
  TICKET_INVALID_STATE: 409,
  TICKET_CONFLICT: 409,
  /** A staff member leaving or deleting their account still holds dispatched or accepted tickets. */
  STAFF_HAS_OPEN_TICKETS: 409,
  FILE_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  UNKNOWN_CATEGORY: 422,
  UNKNOWN_BUILDING: 422,
  BUILDING_OUTSIDE_COMMUNITY: 422,
  UNKNOWN_HOUSEHOLD: 422,
  UNKNOWN_PHOTO: 422,
  LOCATION_REQUIRED: 422,
  OUTSIDE_SERVICE_AREA: 422,
  COMMUNITY_REQUIRED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_HANDLER: 422,
  SAME_HANDLER: 422,
  OWN_TICKET: 422,
  MERGE_INTO_SELF: 422,
  MERGE_ACROSS_COMMUNITIES: 422,
  BINDING_PENDING: 422,
  CANNOT_REMOVE_SELF: 422,
  // 议事 (deliberation):
  /** The topic's stage does not allow this now (the message names the stage). */
  TOPIC_INVALID_STATE: 409,
  /** Someone changed the topic at the same moment: reload and retry. */
  TOPIC_CONFLICT: 409,
  /** The plan has not been on notice for the community's notice days yet (the message says until when). */
  NOTICE_NOT_OVER: 409,
  /** The household has already co-signed this topic. */
  ALREADY_COSIGNED: 409,
  /** The household has already rated this topic's result. */
  TOPIC_ALREADY_RATED: 409,
  /** Buildings or a grid outside the community, or a scope the proposer does not belong to. */
  TOPIC_SCOPE_INVALID: 422,
  /** A linked ticket that is not one of the community's. */
  UNKNOWN_TICKET: 422,
  /** A reply to a comment that is not one of the topic's. */
  UNKNOWN_COMMENT: 422,
  /** A Civil Code vote over a grid or the whole community: its scope is buildings of one estate. */
  VOTE_RULE_SCOPE: 422,
  /** Nobody to vote: no household in scope has a member (or, for the Civil Code, an owner) in the ledger. */
  VOTE_ROLL_EMPTY: 422,
  /** A Civil Code vote needs every household's floor area in the ledger (the message names those missing). */
  VOTE_AREA_MISSING: 422,
  /** A closing time in the past, or more than 60 days ahead. */
  VOTE_CLOSES_INVALID: 422,
  /** The vote is closed: no ballot changes any more. */
  VOTE_CLOSED: 409,
  /** The vote is still open: receipts are published, and the committee closes it, only after its closing time (or once everyone voted). */
  VOTE_STILL_OPEN: 409,
  /** The household is not on the vote's roll (fixed when the vote opened), or the caller may not vote for it. */
  NOT_ON_ROLL: 422,
  /** Implementation tasks are still open: finish them before closing the topic. */
  TASKS_OPEN: 409,
  /** An end before the start, a start in the past, or a meeting longer than a day. */
  MEETING_TIMES_INVALID: 422,
  /** The meeting has started: registrations no longer change. */
  MEETING_STARTED: 409,
  /** The meeting was cancelled: nothing more happens to it. */
  MEETING_CANCELLED: 409,
  /** A meeting needs a venue or a place written out. */
  MEETING_PLACE_REQUIRED: 422,
  /** The venue is not a 场地 of 预约 in the topic's community. */
  UNKNOWN_VENUE: 422,
  /** The venue is held or booked at that time. */
  VENUE_TAKEN: 409,
  /** The venue is closed that day (停止服务). */
  VENUE_CLOSED: 409,
  /** Attendance and minutes come once the meeting has started. */
  MEETING_NOT_STARTED: 409,
  /** WeChat's content check found the text unfit to publish; the message names the field. */
  CONTENT_RISKY: 422,
  /** A ledger file without a required column (the message names them), or without any row. */
  LEDGER_COLUMNS_MISSING: 422,
  LEDGER_FILE_EMPTY: 422,
  /** Not an xlsx workbook nor a CSV in UTF-8 or GBK (a renamed file, another encoding). */
  LEDGER_FILE_UNREADABLE: 422,
  /** Cells with formulas or merged cells: their shown value is not what the file holds (the message names the cells). */
  LEDGER_FILE_FORMULAS: 422,
  LEDGER_FILE_MERGED_CELLS: 422,
  /** More rows than one import takes (LEDGER_MAX_ROWS). */
  LEDGER_TOO_MANY_ROWS: 422,
  /** The confirm's plan differs from the dry run it names (the ledger or the file changed meanwhile): dry-run again. */
  LEDGER_CHANGED: 409,
  /** An edit based on an older version of the record than the stored one. */
  LEDGER_CONFLICT: 409,
  /** A GeoJSON file that is not a FeatureCollection of valid, named, non-overlapping polygons (the message says which). */
  GRID_GEOJSON_INVALID: 422,
  // 预约 (booking):
  /** No participant place left: the answer says the waiting list can be joined (`join: 'waitlist'`). */
  SLOT_FULL: 409,
  /** The slot (or its day) was closed by the provider. */
  SLOT_CLOSED: 409,
  /** The slot has started or ended. */
  SLOT_PAST: 422,
  /** Booking for this slot has not opened yet (the message says from which day). */
  OUTSIDE_BOOKING_WINDOW: 422,
  /** The person does not meet who the item is for (the message says which rule). */
  NOT_ELIGIBLE: 422,
  /** Three no-shows within 30 days: new bookings in the family wait until the date the message gives. */
  NO_SHOW_BLOCKED: 422,
  /** The person or household already holds as many bookings to come of this item as it allows. */
  BOOKING_LIMIT_REACHED: 422,
  /** The person already holds (or waits for) a place on this slot. */
  ALREADY_BOOKED: 409,
  /** The booking's state does not allow the action (already cancelled, already checked in…). */
  BOOKING_INVALID_STATE: 409,
  /** Too late (after the cancellation cut-off, after the slot ended) or too early (check-in before it opens, no-show before the end). */
  BOOKING_TOO_LATE: 409,
  BOOKING_TOO_EARLY: 409,
  /** The place offered from the waiting list was not confirmed in time and passed on. */
  OFFER_EXPIRED: 409,
  ALREADY_RATED: 409,
  /** No booking of this slot has this check-in code. */
  CHECK_IN_CODE_UNKNOWN: 422,
  /** A capacity below the places already taken. */
  SLOT_CAPACITY_BELOW_TAKEN: 409,
  /** The item is switched off (停用): no new bookings; those already made stay. */
  SERVICE_INACTIVE: 409,
  /** The item takes no volunteers, or accepts no hours. */
  VOLUNTEERS_NOT_TAKEN: 422,
  HOURS_NOT_ACCEPTED: 422,
  /** Fewer volunteer hours than the booking costs (never below zero, whatever races). */
  HOURS_INSUFFICIENT: 409,
  /** forUserId is no resident of a grid the caller works in. */
  NOT_YOUR_RESIDENT: 422,
  /** An end before the start, a slot across days, a time in the past. */
  SLOT_TIMES_INVALID: 422,
  /** A slot moved onto a day closed for the item. */
  DAY_CLOSED: 422,
  /** A slot of the item already starts at that time. */
  SLOT_EXISTS: 409,
  /** The venue's time is held for a 恳谈会. */
  SLOT_HELD: 409,
  RATE_LIMITED: 429,
  WECHAT_RATE_LIMITED: 429,
  UPLOAD_QUOTA_EXCEEDED: 429,
  /** A WeChat push whose signature, time, nonce or content does not check out. */
  WECHAT_PUSH_REFUSED: 401,
  INTERNAL: 500,
  WECHAT_UNAVAILABLE: 503,
  /** The server cannot reach its database right now: try again after `Retry-After` seconds (any operation, and the health check). */
  DB_UNAVAILABLE: 503,
  WECHAT_NOT_CONFIGURED: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];
/** The codes that come with one status, e.g. `ApiErrorCodeWith<422>`. */
export type ApiErrorCodeWith<S extends number> = { [C in ApiErrorCode]: (typeof API_ERROR_STATUS)[C] extends S ? C : never }[ApiErrorCode];

/** The one error shape. `code` is stable; `message` is for people (Chinese for residents). */
export interface ApiError {
  statusCode: number;
  code: ApiErrorCode;
  message: string;
  /** Also in the X-Request-Id header; the server's log line for this request carries it. */
  requestId: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `page` (from 1, default 1) and `pageSize` (1–100, default 20) of every paged list. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface RoleAssignmentView {
  role: Role;
  placeLevel: PlaceLevel | null;
  placeId: number | null;
  placeName: string | null;
  communityId: number | null;
}

export interface UserView {
  id: number;
  name: string;
  phone: string | null; // always masked: 138****1234
  roles: RoleAssignmentView[];
}

export interface MeView extends UserView {
  /** The user's own number, whole (everyone else sees it masked). */
  phone: string | null;
  /** Proven through WeChat's phone button (POST /api/me/phone), not only typed by staff. */
  phoneVerified: boolean;
  nickname: string | null;
  avatarUrl: string | null;
  /** A claim of a staff-created account that waits for a committee member's or officer's confirmation. */
  claim: { id: number; status: 'pending'; roles: Role[] } | null;
  /** The household bound or asked for; ended, withdrawn and rejected bindings are not a home. */
  household: { id: number; label: string; bindingStatus: Extract<BindingStatus, 'pending' | 'approved'> } | null;
  building: { id: number; name: string } | null;
  grid: { id: number; name: string } | null;
  /**
   * The grid workers of the resident's grid, with their work phones whole (as the 网格员公示牌 in the estate
   * shows them), for 首页's 一键联系. Only once the household binding is approved; empty otherwise and for staff.
   */
  gridWorkers: { id: number; name: string; phone: string | null }[];
  /** utcOffsetMinutes: the community's local time, for every date and time the app shows (time.ts). */
  community: { id: number; name: string; utcOffsetMinutes: number } | null;
}

export interface LoginResult {
  token: string;
  expiresAt: IsoDateTime;
  user: UserView;
}

/** A seeded user the demo login offers (never in production). */
export interface DevUser {
  id: number;
  name: string;
  /** Roles with their places, in words: 青和居第一网格网格员. */
  summary: string;
  roles: RoleAssignmentView[];
}

export interface WechatLoginRequest {
  /** The code from wx.login. */
  code: string;
  /** The privacy policy version the user ticked: PRIVACY_POLICY_VERSION; without it (or another) 400 CONSENT_REQUIRED. */
  consentVersion?: string;
}

export interface DevLoginRequest {
  userId: number;
}

/**
 * The answer to POST /api/me/phone. `login` is set when the phone claimed a staff-created account at
 * once (a resident's): that record is now this login, and the app must switch to its token.
 */
export interface PhoneVerifiedResult {
  me: MeView;
  login: LoginResult | null;
}

export interface PhoneCodeRequest {
  /** The code of <button open-type="getPhoneNumber">. */
  code: string;
}

/** Why a binding or a claim was refused or ended: the person concerned is told. */
export interface DecisionReasonRequest {
  reason: string;
}

export type ClaimStatus = 'pending' | 'confirmed' | 'rejected';

export interface ClaimsQuery {
  /** Default: pending. */
  status?: ClaimStatus;
}

export interface RemoveStaffRequest {
  /** Who takes over their open tickets: a grid worker or partner of the community. */
  handoverToUserId?: number;
}

export interface PhoneRevealsQuery {
  communityId: number;
}

/** 认领: a WeChat user proved the phone of a staff-created account that holds a staff role. */
export interface ClaimView {
  id: number;
  status: ClaimStatus;
  /** The staff-created record being claimed, with the roles that would pass. */
  account: { id: number; name: string; phone: string | null; roles: RoleAssignmentView[] };
  /** The WeChat account that proved the phone. */
  claimant: { id: number; nickname: string | null; createdAt: IsoDateTime };
  reason: string | null;
  createdAt: IsoDateTime;
  decidedAt: IsoDateTime | null;
}

export interface BindingView {
  id: number;
  userId: number;
  householdId: number;
  communityId: number;
  status: BindingStatus;
  /** Why it was rejected or ended. */
  reason: string | null;
  createdAt: IsoDateTime;
  decidedAt: IsoDateTime | null;
}

/** A binding as the committee lists it: who asked (phone masked) and for which household. */
export interface BindingListItem extends BindingView {
  userName: string;
  phone: string | null;
  householdLabel: string;
}

export interface StaffRemovalResult {
  userId: number;
  removedRoles: RoleAssignmentView[];
  handedOverTicketIds: number[];
}

export interface PhoneRevealView {
  phone: string;
}

/** 查看号码: one entry of the access log of phone reveals. */
export interface PhoneRevealLogEntry {
  id: number;
  viewer: { id: number; name: string };
  subject: { id: number; name: string };
  communityId: number | null;
  at: IsoDateTime;
}

/** DELETE /api/me: when the account was deleted. */
export interface AccountDeleted {
  deletedAt: IsoDateTime;
}

/** GET /api/me/export: everything Linli holds about the user (PIPL art. 45). */
export interface AccountExport {
  exportedAt: IsoDateTime;
  account: {
    id: number;
    name: string;
    nickname: string | null;
    phone: string | null;
    phoneVerifiedAt: IsoDateTime | null;
    avatarUrl: string | null;
    wechatLinked: boolean;
    consentVersion: string | null;
    consentedAt: IsoDateTime | null;
    createdAt: IsoDateTime;
  };
  roles: RoleAssignmentView[];
  bindings: (BindingView & { householdLabel: string })[];
  tickets: { id: number; code: string; status: TicketStatus; category: string; description: string; anonymous: boolean; photoUrls: string[]; location: { lat: number; lng: number } | null; rating: FinalRating | null; ratingComment: string | null; createdAt: IsoDateTime }[];
  ticketActions: { ticketId: number; type: TicketEventType; note: string | null; at: IsoDateTime }[];
  following: { ticketId: number; since: IsoDateTime }[];
  notifications: { type: string; title: string; body: string; ticketId: number | null; createdAt: IsoDateTime; readAt: IsoDateTime | null }[];
  files: { url: string; mimeType: string; size: number; createdAt: IsoDateTime }[];
  phoneReveals: PhoneRevealLogEntry[];
  claims: { id: number; status: ClaimStatus; createdAt: IsoDateTime }[];
  /** The caller's texts content security held for a committee member to look at, and whether released. */
  heldTexts: { field: string; text: string; reason: string; ticketId: number | null; createdAt: IsoDateTime; releasedAt: IsoDateTime | null }[];
  /** 预约: the user's bookings (those a grid worker made for them too), help requests and volunteer-hours entries. */
  bookings: { id: number; service: string; startsAt: IsoDateTime; status: BookingStatus; role: BookingRole; bookedById: number | null; rating: Rating | null; ratingComment: string | null; createdAt: IsoDateTime }[];
  bookingHelp: { id: number; status: BookingHelpStatus; note: string | null; createdAt: IsoDateTime }[];
  volunteerHours: { minutes: number; kind: VolunteerHoursEntry['kind']; reason: string; at: IsoDateTime }[];
  /** What the community's ledger (台账) holds about the user: birth year, special-care flags, households past and present. */
  ledger: {
    birthYear: number | null;
    specialCare: SpecialCareFlag[];
    households: { household: string; relation: MemberRelation; since: IsoDateTime; endedAt: IsoDateTime | null }[];
  };
  /** 议事: what the user proposed, co-signed, wrote, voted in the app (their own ballots), rated and registered for. */
  deliberation: {
    topics: { id: number; title: string; description: string; status: TopicStatus; createdAt: IsoDateTime }[];
    cosigns: { topicId: number; at: IsoDateTime }[];
    comments: { topicId: number; body: string; at: IsoDateTime }[];
    ballots: { voteId: number; householdId: number; choice: BallotChoice; receipt: string; castAt: IsoDateTime }[];
    ratings: { topicId: number; rating: Rating; comment: string | null; at: IsoDateTime }[];
    meetings: { meetingId: number; status: MeetingRegistrationStatus; since: IsoDateTime }[];
  };
}

export interface CategoryView {
  id: number;
  code: string;
  /** The official name, shown with a matter's details. */
  name: string;
  /** At most CATEGORY_SHORT_NAME_MAX characters: what the choices show. */
  shortName: string;
  icon: string;
  routing: 'grid_worker' | 'partner' | 'community';
  acceptMinutes: number;
  resolveMinutes: number;
  duplicateRadiusMeters: number;
}

/** 社区, as the place pickers list them. */
export interface CommunityOption {
  id: number;
  name: string;
  streetId: number;
}

/** 楼栋: where a report can be, and where it stands (to look for the same matter nearby). */
export interface BuildingOption {
  id: number;
  name: string;
  gridId: number | null;
  communityId: number;
  lat: number | null;
  lng: number | null;
}

/** 户 of a building. */
export interface HouseholdOption {
  id: number;
  /** e.g. 2单元301 */
  label: string;
}

export interface BuildingsQuery {
  /** Default: the caller's own community. */
  communityId?: number;
}

export interface HouseholdsQuery {
  buildingId: number;
}


export interface BindingRequest {
  householdId: number;
}

export interface BindingsQuery {
  status?: BindingStatus;
}

/** A stored photo, to name in a report or a resolution by `id`; `url` shows it. */
export interface UploadedFile {
  id: number;
  url: string;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
}

export interface TicketEventView {
  id: number;
  type: TicketEventType;
  actor: { id: number; name: string; role: Role | 'system' } | null;
  note: string | null;
  photoUrls: string[];
  at: IsoDateTime;
}

export interface TicketSummary {
  id: number;
  code: string;
  status: TicketStatus;
  /** Null while the committee has not set it (随手拍 without a category: 待分类, UNCATEGORISED_LABEL). */
  category: { id: number; name: string; icon: string } | null;
  /** May be empty for a report with a photo (matterText says so). */
  description: string;
  communityId: number;
  gridId: number | null;
  gridName: string | null;
  handler: { id: number; name: string } | null;
  escalationLevel: EscalationLevel;
  reopenCount: number;
  followerCount: number;
  acceptDueAt: IsoDateTime;
  resolveDueAt: IsoDateTime;
  overdue: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface TicketDetail extends TicketSummary {
  anonymous: boolean;
  reporter: { id: number; name: string } | null;
  location: { lat: number; lng: number } | null;
  building: { id: number; name: string } | null;
  photoUrls: string[];
  resolutionNote: string | null;
  resolutionPhotoUrls: string[];
  rating: FinalRating | null;
  ratingComment: string | null;
  rejectReason: RejectReason | null;
  duplicateOfId: number | null;
  following: boolean;
  allowedActions: TicketAction[];
  timeline: TicketEventView[];
}

export interface PageOfTicketSummary extends Page<TicketSummary> {}

export type TicketScope = 'mine' | 'following' | 'assigned' | 'community';

export interface TicketListQuery extends PageQuery {
  /** mine, following (residents), assigned (a handler's inbox by deadline), community (committee, street, district). */
  scope: TicketScope;
  /** One status or several (sent separated by commas). */
  status?: TicketStatus | TicketStatus[];
  categoryId?: number;
  /** true: only matters without a category (随手拍 waiting for the committee, 待分类); false: only those with one. */
  uncategorised?: boolean;
  gridId?: number;
  /** Default: the caller's community, for scope=community. */
  communityId?: number;
  overdue?: boolean;
  /** Reported at or after. */
  from?: IsoDateTime;
  /** Reported before. */
  to?: IsoDateTime;
}

/** 报事. Where: a building, or a point (lat/lng), or both. */
export interface CreateTicketRequest {
  /** Left out, the matter waits in the dispatch queue for the committee to set it (待分类). */
  categoryId?: number;
  /** Up to 500 characters, trimmed: at least 4 without a photo, none needed with one. */
  description: string;
  /** Ids of uploaded photos (POST /files), at most 9. */
  photoIds?: number[];
  lat?: number;
  lng?: number;
  buildingId?: number;
  /** Hide the reporter from the public board and other residents. */
  anonymous?: boolean;
}

export interface NearbyTicketsQuery {
  lat: number;
  lng: number;
  categoryId: number;
}

export interface NearbyTicket {
  id: number;
  code: string;
  status: TicketStatus;
  description: string;
  distanceMeters: number;
  followerCount: number;
  createdAt: IsoDateTime;
}

/** Someone a ticket may be dispatched or transferred to, with how many open matters they already have. */
export interface HandlerCandidate {
  id: number;
  name: string;
  role: 'grid_worker' | 'partner';
  gridName: string | null;
  openCount: number;
}

/** After 取消附议: the caller no longer follows (and may no longer see) the ticket. */
export interface UnfollowResult {
  following: false;
}

/** 办结 */
export interface ResolveRequest {
  note: string;
  photoIds?: number[];
}

/** 退单: why it is not the handler's. */
export interface ReturnRequest {
  reason: string;
}

/** 转派 */
export interface TransferRequest {
  toUserId: number;
  reason: string;
}

/** 派单 */
export interface DispatchRequest {
  toUserId: number;
}

/** 设置类别 of a matter reported without one; it is then routed as a report of that category would be. */
export interface CategoriseRequest {
  categoryId: number;
}

/** 不予受理 */
export interface RejectRequest {
  reason: RejectReason;
  note?: string;
}

/** Merge a duplicate into the ticket it repeats. */
export interface MergeRequest {
  intoTicketId: number;
}

/** 评价 */
export interface RateRequest {
  rating: Rating;
  comment?: string;
}

export interface NotificationView {
  id: number;
  type: string;
  title: string;
  body: string;
  ticketId: number | null;
  /** The booking it is about (预约 notices), to open its page. */
  bookingId: number | null;
  /** The topic (议事) it tells of. */
  topicId: number | null;
  createdAt: IsoDateTime;
  readAt: IsoDateTime | null;
}

/** An inbox page, and how many of all the user's notifications are unread. */
export interface NotificationPage extends Page<NotificationView> {
  unread: number;
}

export interface NotificationsQuery extends PageQuery {
  /** Only the unread ones. */
  unread?: boolean;
}

/** Local days in the community's time, both included. */
export interface StatsQuery {
  communityId: number;
  /** First day; default 29 days before `to`. */
  from?: IsoDate;
  /** Last day; default today there. */
  to?: IsoDate;
}

export interface StatsTrendQuery extends StatsQuery {
  /** Local days, weeks from Monday, or calendar months; default week. */
  bucket?: TrendBucket;
}

export interface StatsOverview {
  communityId: number;
  /** The local days covered, both included. */
  from: IsoDate;
  to: IsoDate;
  /** The community's offset from UTC, in which those days are counted. */
  utcOffsetMinutes: number;
  total: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  byStatus: Record<TicketStatus, number>;
  /** Matters in the dispatch queue waiting for a committee member to set their category (待分类), now (docs/metrics.md). */
  awaitingCategory: number;
  /** `categoryId` null: reported without one and never categorised (待分类). */
  byCategory: { categoryId: number | null; name: string; count: number }[];
  byGrid: {
    gridId: number | null;
    name: string;
    count: number;
    responseRate: number | null;
    resolutionRate: number | null;
    satisfactionRate: number | null;
    onTimeRate: number | null;
  }[];
}

export interface StatsTrendPoint {
  /** First local day of the bucket. */
  start: IsoDate;
  total: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
}

export interface StatsTrend {
  communityId: number;
  bucket: TrendBucket;
  utcOffsetMinutes: number;
  points: StatsTrendPoint[];
}

/** 公示: a closed matter as anyone may see it, without personal data. */
export interface PublicTicket {
  id: number;
  code: string;
  category: string;
  description: string;
  gridName: string | null;
  resolutionNote: string | null;
  rating: FinalRating | null;
  createdAt: IsoDateTime;
  closedAt: IsoDateTime | null;
}

export interface PageOfPublicTicket extends Page<PublicTicket> {}

export interface PublicBoardQuery extends PageQuery {
  communityId: number;
}

/** For the load balancer. */
/** Up, and nothing about what runs behind it. */
export interface HealthStatus {
  status: 'ok';
}

/** GET /api/notifications/subscriptions: the template ids the app asks the user to subscribe to (at most 3, from a tap). */
export interface NotificationSubscriptions {
  templateIds: string[];
}

/** Subscribe-message outcomes (DELIVERY_STATUSES), counted. */
export interface DeliveryCounts {
  pending: number;
  sending: number;
  sent: number;
  skipped: number;
  failed: number;
  unknown: number;
}

export interface DeliveryCountsOfKind extends DeliveryCounts {
  kind: string;
  label: string;
}

export interface NotificationSubscriptionsQuery {
  /** report: a resident reporting; accept: a grid worker accepting; book: a resident booking or joining a waiting list. */
  for: 'report' | 'accept' | 'book';
}

/** GET /api/stats/notifications: what became of a community's notices as WeChat subscribe messages, over local days. */
export interface NotificationDeliveryStats {
  communityId: number;
  from: IsoDate;
  to: IsoDate;
  byKind: DeliveryCountsOfKind[];
  total: DeliveryCounts;
}

/** A text held off what others read until a committee member releases it (content security). */
export interface ContentHoldView {
  id: number;
  communityId: number | null;
  ticketId: number | null;
  ticketCode: string | null;
  /** description, ratingComment, nickname… */
  field: string;
  /** As written: only its committee reads it here. */
  text: string;
  /** review (WeChat asks a person to look), unavailable, no_recent_visit, not_configured. */
  reason: string;
  createdAt: IsoDateTime;
  releasedAt: IsoDateTime | null;
}

/** PUT /api/me/profile: what WeChat's nickname input and chooseAvatar gave. */
export interface ProfileRequest {
  /** 1–20 characters; checked by content security (a risky one is refused, a doubtful one held). */
  nickname?: string;
  /** An uploaded photo of the caller (POST /api/files). */
  avatarFileId?: number;
}

export interface ContentHoldsQuery {
  communityId: number;
}

export interface ContentHoldList {
  items: ContentHoldView[];
}

/** 操作留痕: what the audit log records. */
/** `book_for`: a grid worker booked for a resident (代办); `close`: a slot or a day was closed with its bookings. */
export const AUDIT_ACTIONS = ['dispatch', 'categorise', 'transfer', 'merge', 'reject', 'export', 'phone_reveal', 'special_care_list', 'import', 'edit', 'book_for', 'close'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditQuery extends PageQuery {
  /** A community the caller oversees; default every community they oversee. */
  communityId?: number;
  action?: AuditAction;
  /** At or after (ISO 8601). */
  from?: IsoDateTime;
  /** Before (ISO 8601). */
  to?: IsoDateTime;
}

/** One audit entry: who did what, when, on which records; never the personal data itself. */
export interface AuditEntryView {
  id: number;
  actor: { id: number; name: string; role: string };
  action: AuditAction;
  communityId: number | null;
  targetType: string;
  targetIds: number[];
  details: Record<string, unknown> | null;
  createdAt: IsoDateTime;
}

export interface PageOfAuditEntry extends Page<AuditEntryView> {}

/** The ticket list's filters (scope=community), and whether phones come whole (recorded in the audit log). */
export interface TicketExportQuery extends Omit<TicketListQuery, 'scope' | 'page' | 'pageSize'> {
  /** `whole`: reporters' phones unmasked; the export is logged either way. */
  phones?: 'masked' | 'whole';
}

/**
 * POST /api/ledger/import: the multipart fields beside `file` (xlsx, or CSV in UTF-8 with or without BOM, or GBK).
 * A dry run writes nothing; a confirm (dryRun=false) writes everything in one transaction, or nothing.
 */
export interface LedgerImportFields {
  communityId: number;
  dryRun: boolean;
  /**
   * Corrections typed in the app over the file's rows, as JSON `{"<row>": {"<column>": "<value>"}}`
   * (row numbers as the report gives them); applied before the rows are read.
   */
  fixes?: string;
  /** On confirm: the `planHash` of the dry run the committee saw; a different plan is 409 LEDGER_CHANGED. */
  planHash?: string;
  /** On confirm: memberships listed as `missing` that the committee confirms have left, comma-separated ids. */
  endMemberIds?: string;
}

/** A row an import adds or changes. Phones masked. */
export interface LedgerImportRow {
  row: number;
  action: 'add' | 'change';
  /** 3栋2单元301 */
  household: string;
  /** The household is not in the ledger yet and the import creates it (a mistyped door number would too). */
  newHousehold: boolean;
  /** Nor is its building. */
  newBuilding: boolean;
  name: string;
  phone: string | null;
  relation: MemberRelation;
  /** What a change changes (empty for an add). */
  changes: LedgerField[];
}

/** A row the import leaves out, with the cells as read, so the app can show and correct them. */
export interface LedgerRejectedRow {
  row: number;
  reason: LedgerRejectReason;
  /** In words, naming the column and what to do: 手机号应为11位数字. */
  message: string;
  column: LedgerColumn | null;
  cells: Partial<Record<LedgerColumn, string>>;
}

/** Someone the ledger holds in a building the file covers, whom the file no longer lists: left? The committee confirms. */
export interface LedgerMissingMember {
  memberId: number;
  household: string;
  name: string;
  relation: MemberRelation;
}

export interface LedgerImportReport {
  dryRun: boolean;
  /** What a confirm of this file (with these fixes) would write; the confirm passes it back. */
  planHash: string;
  /** Rows read (after the header). */
  totalRows: number;
  /** Rows (a person in a household) added, changed and left as they were. */
  added: number;
  changed: number;
  unchanged: number;
  /** Every row added or changed, in file order. */
  rows: LedgerImportRow[];
  rejected: LedgerRejectedRow[];
  missing: LedgerMissingMember[];
  /** Memberships ended by this confirm (endMemberIds). */
  ended: number;
}

export interface LedgerHouseholdsQuery extends PageQuery {
  communityId: number;
  buildingId?: number;
  /** Part of a door number or a member's name. */
  q?: string;
}

export interface LedgerHouseholdSummary {
  id: number;
  buildingId: number;
  building: string;
  /** 2单元301 */
  label: string;
  /** 专有部分面积 in hundredths of m² (8950 = 89.50 m²). */
  areaHundredths: number | null;
  members: number;
  owners: number;
}

export interface PageOfLedgerHousehold extends Page<LedgerHouseholdSummary> {}

/** A person in a household, as the committee and the grid worker of the grid read it. Phone masked. */
export interface LedgerMemberView {
  memberId: number;
  personId: number;
  name: string;
  phone: string | null;
  relation: MemberRelation;
  birthYear: number | null;
  specialCare: SpecialCareFlag[];
  /** The person has logged in through WeChat (claimed the record). */
  claimed: boolean;
  /** Pass back with an edit: a stale one is 409 LEDGER_CONFLICT. */
  version: number;
}

export interface LedgerHouseholdDetail {
  id: number;
  communityId: number;
  buildingId: number;
  building: string;
  unit: string | null;
  door: string;
  label: string;
  areaHundredths: number | null;
  gridId: number | null;
  members: LedgerMemberView[];
  version: number;
}

export interface LedgerHouseholdEdit {
  areaHundredths: number | null;
  version: number;
}

export interface LedgerMemberRequest {
  name: string;
  phone?: string | null;
  relation: MemberRelation;
  birthYear?: number | null;
  specialCare?: SpecialCareFlag[];
}

export interface LedgerMemberEdit extends LedgerMemberRequest {
  version: number;
}

export interface LedgerSpecialCareQuery {
  communityId: number;
  gridId?: number;
  flag?: SpecialCareFlag;
}

/** One person of the special-care list (logged on every reading). Phone masked. */
export interface LedgerSpecialCareEntry {
  personId: number;
  name: string;
  phone: string | null;
  householdId: number;
  household: string;
  gridId: number | null;
  birthYear: number | null;
  specialCare: SpecialCareFlag[];
}

export interface LedgerExportQuery {
  communityId: number;
  /** `whole`: phones unmasked (logged); such a file can be imported again unchanged. */
  phones?: 'masked' | 'whole';
}

/** POST /api/ledger/grids/import: multipart fields beside `file` (a GeoJSON FeatureCollection, `properties.name` per grid). */
export interface GridImportFields {
  communityId: number;
  dryRun: boolean;
}

export interface GridImportReport {
  dryRun: boolean;
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Buildings with a position whose grid the new boundaries change. */
  buildingsMoved: number;
}

// ───────────────────────── 预约 (booking): docs/architecture.md, "Booking" ─────────────────────────

/**
 * `slots`: time slots with a capacity (a class, a consultation). `units`: resources claimed for a period
 * (garden plots for a season): each slot is the period, its capacity the units, one booking one unit.
 */
export type ServiceMode = 'slots' | 'units';
/** A booking takes part, or helps (爱心银行: a volunteer's attendance earns the item's hours). */
export type BookingRole = 'participant' | 'volunteer';

/** Who gives the service: the community office (run by its committee) or a partner organisation (its partner staff). */
export interface ServiceProviderView {
  kind: 'community' | 'organisation';
  organisationId: number | null;
  name: string;
}

export interface ServicesQuery {
  /** Default: the caller's own community (staff: their first). */
  communityId?: number;
  family?: ServiceFamily;
  /** Part of the item's name. */
  q?: string;
}

/** Why the caller cannot book (an item, a slot) right now, in words saying what to do. */
export interface BookingBlock {
  code: BookingBlockCode;
  message: string;
  /** When it lifts (a no-show block), if it does by itself. */
  until: IsoDateTime | null;
}
export type BookingBlockCode = 'NOT_ELIGIBLE' | 'NO_SHOW_BLOCKED' | 'BOOKING_LIMIT_REACHED' | 'HOUSEHOLD_REQUIRED' | 'SERVICE_INACTIVE';

export interface ServiceItemSummary {
  id: number;
  communityId: number;
  family: ServiceFamily;
  name: string;
  provider: ServiceProviderView;
  place: string;
  mode: ServiceMode;
  /** How long the service takes, in words (约30分钟, 当场办结), as the provider states it. */
  duration: string | null;
  /** The next open slot with places left (participants), within the booking window; null if none. */
  nextAvailableAt: IsoDateTime | null;
  active: boolean;
  /** The caller manages it: its slots, schedule, roster, check-in (the provider's staff or the community's committee). */
  canManage: boolean;
}

export interface ServiceItemDetail extends ServiceItemSummary {
  description: string;
  /** 政务: what to bring (身份证原件, 户口本…). */
  documents: string[];
  eligibility: EligibilityRule[];
  /** Who may book, in Chinese (本社区居民、60周岁及以上); 不限 when anyone may. */
  eligibilityText: string;
  /** Slots open from 00:00 local of the day this many days before theirs. */
  advanceDays: number;
  /** A booked place can be cancelled until this many minutes before the start. */
  cancelCutoffMinutes: number;
  /** Bookings still to come (booked, waiting, offered) one person, one household may hold on this item. */
  perPersonLimit: number;
  perHouseholdLimit: number;
  /** Volunteer places per slot (0: it takes no volunteers), and the hours in minutes an attended volunteer earns. */
  volunteerPlaces: number;
  volunteerMinutes: number;
  /** 爱心银行: minutes of volunteer hours a booking may be paid with instead (set by the committee); null: not accepted. */
  hoursPrice: number | null;
  /** Whether the caller may book a participant place now (any slot's own refusal comes when booking). */
  canBook: boolean;
  cannotBook: BookingBlock | null;
}

/** Create or edit an item (the committee of the community; a partner for their own organisation's items). */
export interface ServiceItemRequest {
  communityId: number;
  family: ServiceFamily;
  name: string;
  /** The partner organisation giving it; null or absent: the community office. */
  organisationId?: number | null;
  place: string;
  description?: string;
  documents?: string[];
  duration?: string | null;
  eligibility?: EligibilityRule[];
  mode?: ServiceMode;
  advanceDays?: number;
  cancelCutoffMinutes?: number;
  perPersonLimit?: number;
  perHouseholdLimit?: number;
  volunteerPlaces?: number;
  volunteerMinutes?: number;
  hoursPrice?: number | null;
  active?: boolean;
}

/** 停用 / 启用 an item: off, it leaves the catalogue and takes no new bookings; bookings already made stay. */
export interface ServiceActiveRequest {
  active: boolean;
}

/** Local days of the item's community, both included. Default: today to the end of the booking window. */
export interface SlotsQuery {
  from?: IsoDate;
  to?: IsoDate;
}

/** The caller's own booking of a slot, if any (the latest still counting). */
export interface MyBookingOfSlot {
  id: number;
  status: BookingStatus;
  role: BookingRole;
  /** 1 for the first in line, while waiting. */
  waitingPosition: number | null;
}

export interface SlotView {
  id: number;
  serviceId: number;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  /** The community's local day it starts on. */
  date: IsoDate;
  capacity: number;
  /** Participant places neither booked nor held by an offer. */
  placesLeft: number;
  waitingCount: number;
  volunteerCapacity: number;
  volunteerPlacesLeft: number;
  closed: boolean;
  /** Why it closed (节假日闭馆…), as the provider wrote it. */
  closedReason: string | null;
  /** Set when it was moved to this time after people had booked. */
  movedAt: IsoDateTime | null;
  /** Booking is open now (inside the window, not started, not closed). */
  open: boolean;
  /** From when it can be booked (00:00 local, advanceDays before). */
  opensAt: IsoDateTime;
  myBooking: MyBookingOfSlot | null;
}

/** Add one slot (`POST /services/{id}/slots`). */
export interface SlotRequest {
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  capacity: number;
  /** Default: the item's volunteerPlaces. */
  volunteerCapacity?: number;
}

/** Change a slot's capacity (never below the places already taken: 409 SLOT_CAPACITY_BELOW_TAKEN). */
export interface SlotEditRequest {
  capacity?: number;
  volunteerCapacity?: number;
}

/** Move a slot: everyone booked is told, and may keep the new time or cancel without it counting late. */
export interface SlotMoveRequest {
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  /** Told to everyone booked (2–200 characters). */
  reason: string;
}

/** Close a slot (or a day): its bookings are cancelled and everyone booked is told the reason. */
export interface SlotCloseRequest {
  /** 2–200 characters. */
  reason: string;
}

/** A repeating slot of the weekly schedule, in the community's local time. */
export interface WeeklySlotRule {
  /** 1 Monday … 7 Sunday. */
  weekday: number;
  /** `09:00` */
  start: string;
  /** `10:30`, later than start, the same day. */
  end: string;
  capacity: number;
  volunteerCapacity?: number;
}

/** A local day the schedule skips (holiday, closure). */
export interface ScheduleClosure {
  date: IsoDate;
  reason: string;
}

export interface ScheduleView {
  serviceId: number;
  weekly: WeeklySlotRule[];
  /** Closed days from today on. */
  closures: ScheduleClosure[];
  /** Slots are made from the schedule for every local day from today to the end of the booking window. */
  generatedUntil: IsoDate | null;
}

/** Replace the weekly schedule: slots are made for the days in the window (existing slots stay as they are). */
export interface ScheduleRequest {
  weekly: WeeklySlotRule[];
}

/** Close a local day: its slots close, their bookings are cancelled and everyone booked is told. */
export interface ClosureRequest {
  date: IsoDate;
  reason: string;
}

export interface ClosureResult {
  closure: ScheduleClosure;
  /** Slots closed on that day, and bookings cancelled on them. */
  closedSlots: number;
  cancelledBookings: number;
}

/**
 * 预约. `forUserId`: a grid worker books for a resident of their grid (代办), a ledger person without WeChat
 * included. `join: 'waitlist'` joins the waiting list when the slot is full (with places left it books one).
 * `payWithHours`: pay with volunteer hours (items with `hoursPrice`).
 */
export interface CreateBookingRequest {
  slotId: number;
  forUserId?: number;
  role?: BookingRole;
  join?: 'place' | 'waitlist';
  payWithHours?: boolean;
}

export interface BookingEventView {
  id: number;
  /** booked, waiting, offered, confirmed, cancelled, closed, expired, checked_in, no_show, rated, moved. */
  type: BookingEventType;
  actor: { id: number; name: string } | null;
  note: string | null;
  at: IsoDateTime;
}
export type BookingEventType = 'booked' | 'waiting' | 'offered' | 'confirmed' | 'cancelled' | 'closed' | 'expired' | 'checked_in' | 'no_show' | 'rated' | 'moved';

export interface BookingView {
  id: number;
  status: BookingStatus;
  role: BookingRole;
  service: { id: number; name: string; family: ServiceFamily; place: string; provider: ServiceProviderView; mode: ServiceMode };
  slot: { id: number; startsAt: IsoDateTime; endsAt: IsoDateTime; date: IsoDate; movedAt: IsoDateTime | null; closed: boolean };
  communityId: number;
  /** Who it is for (phone masked). */
  holder: { id: number; name: string; phone: string | null };
  /** The grid worker who booked it for them (代办), or null. */
  bookedBy: { id: number; name: string } | null;
  waitingPosition: number | null;
  /** An offered place is held until then. */
  offerExpiresAt: IsoDateTime | null;
  /** A booked place can be cancelled until then (the start, once the slot was moved). */
  cancelUntil: IsoDateTime;
  /** Shown at arrival (6 digits, and as a QR code): only to the holder and the booker. */
  checkInCode: string | null;
  checkedInAt: IsoDateTime | null;
  rating: Rating | null;
  ratingComment: string | null;
  /** Volunteer hours paid for it (minutes), refunded when cancelled. */
  paidMinutes: number;
  createdAt: IsoDateTime;
  cancelledAt: IsoDateTime | null;
  allowedActions: BookingAction[];
}

export interface BookingDetail extends BookingView {
  timeline: BookingEventView[];
}

export interface PageOfBooking extends Page<BookingView> {}

/** mine: the caller's own (and those booked for them); booked_for_others: a grid worker's 代办. */
export type BookingScope = 'mine' | 'booked_for_others';

export interface BookingsQuery extends PageQuery {
  scope: BookingScope;
  /** One status or several (separated by commas). */
  status?: BookingStatus | BookingStatus[];
  /** upcoming: slots not yet ended (soonest first); past: ended (latest first). Default: all, latest first. */
  when?: 'upcoming' | 'past';
}

export interface BookingRateRequest {
  rating: Rating;
  comment?: string;
}

/** The provider checks someone in by the code they show (typed, or read from the QR code by scanCode). */
export interface CheckInByCodeRequest {
  slotId: number;
  code: string;
}

/** A slot's roster as its provider and committee read it (phones masked; no eligibility data). */
export interface RosterEntry {
  bookingId: number;
  status: BookingStatus;
  role: BookingRole;
  name: string;
  phone: string | null;
  bookedBy: { id: number; name: string } | null;
  waitingPosition: number | null;
  checkedInAt: IsoDateTime | null;
  allowedActions: BookingAction[];
}

export interface SlotRoster {
  slot: SlotView;
  service: { id: number; name: string; place: string; mode: ServiceMode };
  /** Place holders first (by name), then the waiting list in order. */
  entries: RosterEntry[];
  counts: { booked: number; attended: number; noShow: number; waiting: number; offered: number; cancelled: number };
}

export interface RosterExportQuery {
  slotId: number;
}

/** A local day's roster of an item: every slot of that day of the community, the slot's time before each line. */
export interface DayRosterExportQuery {
  serviceId: number;
  date: IsoDate;
}

/** 请网格员帮我预约: one tap; asking again while a request is open answers the open one. */
export interface BookingHelpRequest {
  /** The item they want, if they know. */
  serviceId?: number;
  /** What they need, in their words (0–200 characters). */
  note?: string;
}

export type BookingHelpStatus = 'open' | 'done' | 'withdrawn';

export interface BookingHelpView {
  id: number;
  status: BookingHelpStatus;
  service: { id: number; name: string } | null;
  note: string | null;
  createdAt: IsoDateTime;
  handledAt: IsoDateTime | null;
  handledBy: { id: number; name: string } | null;
  /** The booking the grid worker made for it, if any. */
  bookingId: number | null;
}

/** A help request on the grid worker's list: who asked (phone masked) and where they live. */
export interface BookingHelpEntry extends BookingHelpView {
  resident: { id: number; name: string; phone: string | null; household: string | null; gridId: number | null };
}

export interface BookingHelpQuery {
  /** mine: the resident's own requests; grid: the grid worker's (their grids) or committee's (the community's). */
  scope: 'mine' | 'grid';
  status?: BookingHelpStatus;
  /** For scope=grid: one grid; default every grid of the caller. */
  gridId?: number;
}

/** The grid worker's 代办 list: open help requests beside the grid's special-care residents from the ledger (a logged reading). */
export interface BookingHelpList {
  requests: BookingHelpEntry[];
  /** Empty for scope=mine. */
  specialCare: LedgerSpecialCareEntry[];
}

export interface BookingHelpDoneRequest {
  /** The booking made for them, if one was. */
  bookingId?: number;
}

/** 爱心银行: one entry of a person's volunteer-hours ledger; the balance is the sum of the entries. */
export interface VolunteerHoursEntry {
  id: number;
  /** Earned (positive), paid for a booking (negative), refunded (positive), minutes. */
  minutes: number;
  kind: 'earned' | 'exchanged' | 'refunded';
  /** In words: 书法班志愿服务 11月23日. */
  reason: string;
  bookingId: number | null;
  /** Who confirmed the attendance (earned), or null. */
  confirmedBy: { id: number; name: string } | null;
  at: IsoDateTime;
}

export interface VolunteerHoursView {
  balanceMinutes: number;
  /** Newest first, at most 100. */
  entries: VolunteerHoursEntry[];
}

export interface BookingStatsQuery extends StatsQuery {}

/**
 * Figures over bookings whose slot starts in the range (local days). bookings: every booking that held a place
 * (booked, offered, attended, no_show; cancelled and waiting ones left out); attendanceRate: attended / (attended +
 * no_show); noShowRate: no_show / (attended + no_show); satisfactionRate: 满意 + 基本满意 / rated. Null when there is
 * nothing to divide by.
 */
export interface BookingFigures {
  bookings: number;
  attended: number;
  noShows: number;
  cancelled: number;
  rated: number;
  attendanceRate: number | null;
  noShowRate: number | null;
  satisfactionRate: number | null;
}

export interface BookingStats {
  communityId: number;
  from: IsoDate;
  to: IsoDate;
  utcOffsetMinutes: number;
  total: BookingFigures;
  byItem: ({ serviceId: number; name: string; family: ServiceFamily } & BookingFigures)[];
  byProvider: ({ provider: ServiceProviderView } & BookingFigures)[];
}

// ───────────────────────── 议事 (deliberation) ─────────────────────────

/** Who proposed a topic, as a party: a resident, a grid worker from residents' demands, or the committee (turning recurring tickets into a topic). */
export type TopicProposerRole = 'resident' | 'grid_worker' | 'committee_member';

/** The four parties (四方) and residents, as a comment names its author. */
export type TopicParty = 'resident' | 'committee' | 'owners_committee' | 'grid_worker' | 'property_company' | 'social_organisation' | 'partner';

/** Whose matter a topic is: one building, several, a grid, or the whole community. */
export interface TopicScopeView {
  kind: TopicScope;
  /** 本楼栋 / 相关楼栋 / 本网格 / 全社区, followed by the places: 青和居1栋、青和居2栋. */
  label: string;
  buildings: { id: number; name: string }[];
  grid: { id: number; name: string } | null;
  /** Households in scope when it was proposed. */
  households: number;
}

export interface TopicSummary {
  id: number;
  communityId: number;
  title: string;
  status: TopicStatus;
  scope: TopicScopeView;
  proposerRole: TopicProposerRole;
  priority: TopicPriority | null;
  /** Co-signing households so far, and how many are needed (fixed when it was proposed). */
  cosigns: number;
  threshold: number;
  secondingEndsAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface PageOfTopicSummary extends Page<TopicSummary> {}

export interface TopicListQuery extends PageQuery {
  /** Default: the caller's community. */
  communityId?: number;
  /** One stage or several (comma-separated); default every stage. */
  status?: TopicStatus | TopicStatus[];
}

export type TopicEventType = 'proposed' | TopicAction | 'task_added' | 'task_done' | 'meeting' | 'minutes';

export interface TopicEventView {
  id: number;
  type: TopicEventType;
  /** Staff by name; residents masked (王**); null for the system. */
  actor: { name: string; role: Role | 'system' } | null;
  note: string | null;
  at: IsoDateTime;
}

export interface TopicCommentView {
  id: number;
  party: TopicParty;
  /** Staff by name; residents masked (王**), the caller's own by name. */
  author: string;
  body: string;
  /** The comment this one answers (the committee answering comments on a plan on notice). */
  replyToId: number | null;
  /** Written while this plan version was on notice (null: before any plan). */
  planVersion: number | null;
  /** Held for review (content security): only its author and staff see it. */
  held: boolean;
  createdAt: IsoDateTime;
}

/** One version of the plan (拟方案): every version is kept. */
export interface TopicPlanView {
  version: number;
  title: string;
  body: string;
  /** On notice from; the vote may open from `noticeEndsAt`. */
  publishedAt: IsoDateTime;
  noticeEndsAt: IsoDateTime;
  author: string;
}

export interface TopicReviewView {
  id: number;
  /** Who gave the opinion: 街道办, 律师, 专家… */
  reviewer: string;
  opinion: string;
  planVersion: number;
  at: IsoDateTime;
}

export interface TopicTaskUpdateView {
  id: number;
  note: string;
  /** 0–100 */
  progress: number;
  author: string;
  at: IsoDateTime;
}

/** An implementation task (落实): an owner, a due local day, progress updates, done. */
export interface TopicTaskView {
  id: number;
  title: string;
  /** Who answers for it: 青和物业, 网格员赵敏… */
  owner: string;
  dueOn: IsoDate;
  progress: number;
  doneAt: IsoDateTime | null;
  overdue: boolean;
  updates: TopicTaskUpdateView[];
  version: number;
}

/** 满意 / 基本满意 / 不满意 by households in scope, and the share satisfied (满意 + 基本满意). */
export interface TopicRatingSummary {
  satisfied: number;
  basically_satisfied: number;
  unsatisfied: number;
  satisfactionRate: number | null;
}

export interface TopicDetail extends TopicSummary {
  description: string;
  proposer: string;
  declineReason: string | null;
  /** Days a plan stays on notice before the vote may open. */
  noticeDays: number;
  planVersion: number;
  noticeStartedAt: IsoDateTime | null;
  /** Recurring tickets the topic was made from. */
  tickets: { id: number; code: string; description: string }[];
  plans: TopicPlanView[];
  reviews: TopicReviewView[];
  comments: TopicCommentView[];
  tasks: TopicTaskView[];
  /** Every vote held on it, the latest last. */
  votes: VoteSummary[];
  /** Its meetings (多方恳谈会), in the order scheduled. */
  meetings: MeetingView[];
  ratings: TopicRatingSummary;
  /** For a resident: whether their household co-signed, and how it rated. */
  myCosign: boolean;
  myRating: Rating | null;
  /** What the caller may do now, by the shared rules (comment and tasks beside them). */
  allowedActions: TopicAction[];
  canComment: boolean;
  timeline: TopicEventView[];
}

/** 提议题. A resident proposes for their own building, grid or community; a grid worker within their grid; the committee anywhere in its community. */
export interface CreateTopicRequest {
  title: string;
  description: string;
  scope: TopicScope;
  /** For scope building (one) or buildings (one or more). */
  buildingIds?: number[];
  /** For scope grid. */
  gridId?: number;
  /** Staff of several communities say which; default the caller's. */
  communityId?: number;
  /** Recurring tickets of the community the topic grows from (committee, grid workers). */
  ticketIds?: number[];
}

export interface AcceptTopicRequest {
  priority: TopicPriority;
}

export interface DeclineTopicRequest {
  /** Published with the topic. */
  reason: string;
}

export interface TopicCommentRequest {
  body: string;
  replyToId?: number;
}

/** A new plan version, published for notice at once (公示方案). */
export interface TopicPlanRequest {
  title: string;
  body: string;
}

export interface TopicReviewRequest {
  reviewer: string;
  opinion: string;
}

/** 开始表决. The roll is fixed now. */
export interface OpenVoteRequest {
  rule: VoteRuleKind;
  /** simple_majority only: the share of the roll's households that must vote, e.g. 0.6 (default 0.5). */
  quorum?: number;
  /** Secret ballot: only totals are published, and nobody reads who voted how. */
  secret: boolean;
  closesAt: IsoDateTime;
}

export interface TopicTaskRequest {
  title: string;
  owner: string;
  dueOn: IsoDate;
}

export interface TopicTaskUpdateRequest {
  note: string;
  progress: number;
  /** The task is done (progress becomes 100). */
  done?: boolean;
}

export interface TopicRateRequest {
  rating: Rating;
  comment?: string;
}

/** Counts and areas (m²) behind a result or a turnout. */
export interface VoteCounts {
  households: number;
  heads: number;
  area: number;
}

export interface VoteResult {
  passed: boolean;
  quorumMet: boolean;
  cast: VoteCounts;
  yes: VoteCounts;
  no: VoteCounts;
  abstain: VoteCounts;
}

export interface VoteSummary {
  id: number;
  topicId: number;
  planVersion: number;
  rule: VoteRuleKind;
  /** The rule in plain Chinese. */
  ruleText: string;
  quorum: number | null;
  secret: boolean;
  status: 'open' | 'closed';
  openedAt: IsoDateTime;
  closesAt: IsoDateTime;
  closedAt: IsoDateTime | null;
  roll: VoteCounts;
  /** Households that have voted so far (never how, while it runs). */
  turnout: VoteCounts;
  /** Only once closed. */
  result: VoteResult | null;
}

/** The caller's household's ballot: theirs to check and change until the close. */
export interface MyBallotView {
  householdId: number;
  household: string;
  choice: BallotChoice | null;
  /** Keep it: after the close, the published receipts show each code with the choice counted. */
  receipt: string | null;
  castAt: IsoDateTime | null;
  channel: BallotChannel | null;
}

export interface VoteDetail extends VoteSummary {
  /** The households the caller may vote for (bound, or owned for the Civil Code rules). */
  myBallots: MyBallotView[];
  /** The roll is fixed when the vote opens: moving in or out afterwards does not change it. */
  rollNote: string;
}

export type BallotChannel = 'app' | 'paper' | 'proxy';

export interface CastBallotRequest {
  choice: BallotChoice;
  /** Default: the caller's bound household (an owner of several flats names each). */
  householdId?: number;
}

/** 纸质表决票 or 委托书, recorded by a committee member with a photo of the signed paper. */
export interface PaperBallotRequest {
  householdId: number;
  choice: BallotChoice;
  channel: 'paper' | 'proxy';
  /** An upload (POST /files) of the signed paper. */
  photoId: number;
  /** For a proxy: who signed for the owner. */
  proxyName?: string;
}

/** The roll with who voted (never how, for a secret ballot) and when: what the committee shows if the vote is challenged. */
export interface VoteRollEntry {
  householdId: number;
  household: string;
  building: string;
  area: number;
  /** The owner the household counts under (an owner of several flats is one head). */
  owner: string | null;
  voted: boolean;
  castAt: IsoDateTime | null;
  channel: BallotChannel | null;
  /** An open ballot only, once closed. */
  choice: BallotChoice | null;
  /** The photo of the paper ballot or proxy: an open ballot only (a signed paper shows its choice). */
  photoUrl: string | null;
}

export interface VoteRoll {
  voteId: number;
  secret: boolean;
  entries: VoteRollEntry[];
}

/** After the close: every receipt code with the choice counted, so each household can check its own. */
export interface VoteReceipts {
  voteId: number;
  receipts: { receipt: string; choice: BallotChoice }[];
}

/** A vote's result, a meeting's minutes, a plan on notice, a review opinion, implementation progress, a declined proposal with its reason. */
export type BoardEntryKind = 'decision' | 'minutes' | 'plan' | 'review' | 'progress' | 'declined';

/** 公示栏: one dated entry of a community's results board. */
export interface BoardEntry {
  kind: BoardEntryKind;
  topicId: number;
  topicTitle: string;
  title: string;
  body: string;
  at: IsoDateTime;
}

export interface PageOfBoardEntry extends Page<BoardEntry> {}

export interface DeliberationBoardQuery extends PageQuery {
  communityId: number;
}

/** Satisfaction with deliberation results beside satisfaction with tickets, over the same local days. */
export interface DeliberationStats {
  communityId: number;
  from: IsoDate;
  to: IsoDate;
  topicsDone: number;
  ratings: TopicRatingSummary;
  ticketSatisfactionRate: number | null;
}

/** registered: has a place; waiting: on the list, moves up when someone cancels; attended / absent: once attendance is taken. */
export type MeetingRegistrationStatus = 'registered' | 'waiting' | 'cancelled' | 'attended' | 'absent';

/** A meeting of a topic (恳谈会): time, place, capacity, the standing members, registrations, attendance, minutes. */
export interface MeetingView {
  id: number;
  topicId: number;
  title: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  /** Where: the venue's place when it is one, else the text the committee wrote. */
  place: string;
  /** The 场地 of 预约 held for the meeting's time (a slot of it, closed to bookings), or null for a free-text place. */
  venue: { id: number; name: string } | null;
  /** Cancelled by the committee (the venue freed, the registered told); registrations stop. */
  cancelledAt: IsoDateTime | null;
  cancelReason: string | null;
  capacity: number;
  /** The four parties taking part as of right (居委会、业委会、物业公司、社会组织…). */
  standingMembers: string[];
  registered: number;
  waiting: number;
  /** The caller's registration; `position` counts from 1 on the waiting list. */
  myRegistration: { status: MeetingRegistrationStatus; position: number | null } | null;
  /** For the committee: who registered, in order, with their status. */
  attendees: { userId: number; name: string; status: MeetingRegistrationStatus }[] | null;
  /** Once taken: how many attended. */
  attendance: number | null;
  /** 纪要, published. */
  minutes: string | null;
  minutesPublishedAt: IsoDateTime | null;
}

/** A venue (`venueId`: a 场地 item of 预约 in the community, its time held for the meeting) or a place as text (`place`); one of them. */
export interface MeetingRequest {
  title: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  venueId?: number | null;
  place?: string;
  capacity: number;
  standingMembers: string[];
}

/** Moving a meeting: new times (the venue's hold moves with it); the registered are told. */
export interface MeetingMoveRequest {
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  reason: string;
}

export interface MeetingCancelRequest {
  reason: string;
}

/** Those who came (user ids of registered residents); every other registered resident is marked absent. */
export interface AttendanceRequest {
  attendedUserIds: number[];
}

export interface MinutesRequest {
  minutes: string;
}
