/**
 * The API's contract: one entry per operation, keyed `'METHOD /path'` as the server routes it
 * (under `/api`; path parameters in braces). docs/openapi.json is generated from this and the
 * server's routes (`npm run openapi -w server`); the server's end-to-end tests check every answer
 * they receive against that document, and the mini-program calls the API only through
 * `api('GET /tickets/{id}', { params: { id } })`, typed from here. docs/api-contract.md says how to add one.
 *
 * Each entry may say:
 * - `params`: the path parameters.
 * - `query`: the query string (values as strings on the wire; arrays comma-separated).
 * - `body`: the JSON body.
 * - `multipart`: instead of a JSON body, a multipart/form-data body with a file in each field named here.
 * - `headers`: request headers the operation reads.
 * - `response`: the JSON answer on success. Or `binary`: the media types of a file answered as bytes.
 * - `errors`: the error codes this operation answers with beyond those every operation of its kind may give.
 *   Those the server adds by itself (docs/api-contract.md): VALIDATION_FAILED for any input, INVALID_JSON
 *   and PAYLOAD_TOO_LARGE for a JSON body, UNAUTHENTICATED and TOKEN_EXPIRED unless public, FORBIDDEN when
 *   the route names roles, RATE_LIMITED when it is rate-limited, INTERNAL always; SESSION_ENDED unless public;
 *   JSON_TOO_DEEP for a JSON body.
 */
import type {
  AccountDeleted,
  AccountExport,
  ApiErrorCode,
  ClaimsQuery,
  ClaimView,
  DecisionReasonRequest,
  PhoneCodeRequest,
  PhoneRevealLogEntry,
  PhoneRevealsQuery,
  PhoneRevealView,
  PhoneVerifiedResult,
  RemoveStaffRequest,
  StaffRemovalResult,
  BindingListItem,
  BindingRequest,
  BindingsQuery,
  BindingView,
  BuildingOption,
  BuildingsQuery,
  CategoryView,
  CommunityOption,
  ContentHoldList,
  ContentHoldsQuery,
  ContentHoldView,
  CreateTicketRequest,
  DevLoginRequest,
  DevUser,
  DispatchRequest,
  CategoriseRequest,
  HandlerCandidate,
  HealthStatus,
  HouseholdOption,
  HouseholdsQuery,
  LoginResult,
  MeView,
  MergeRequest,
  NearbyTicket,
  NearbyTicketsQuery,
  NotificationDeliveryStats,
  NotificationPage,
  NotificationSubscriptions,
  NotificationSubscriptionsQuery,
  NotificationsQuery,
  NotificationView,
  PageOfPublicTicket,
  PageOfTicketSummary,
  ProfileRequest,
  PublicBoardQuery,
  RateRequest,
  RejectRequest,
  ResolveRequest,
  ReturnRequest,
  StatsOverview,
  PageOfAuditEntry,
  AuditQuery,
  TicketExportQuery,
  StatsQuery,
  StatsTrend,
  StatsTrendQuery,
  TicketDetail,
  TicketListQuery,
  TransferRequest,
  UnfollowResult,
  UploadedFile,
  WechatLoginRequest,
  GridImportFields,
  GridImportReport,
  LedgerExportQuery,
  LedgerHouseholdDetail,
  LedgerHouseholdEdit,
  LedgerHouseholdsQuery,
  LedgerImportFields,
  LedgerImportReport,
  LedgerMemberEdit,
  LedgerMemberRequest,
  LedgerSpecialCareEntry,
  LedgerSpecialCareQuery,
  PageOfLedgerHousehold,
  AcceptTopicRequest,
  CastBallotRequest,
  CreateTopicRequest,
  DeclineTopicRequest,
  DeliberationBoardQuery,
  DeliberationStats,
  MyBallotView,
  OpenVoteRequest,
  PageOfBoardEntry,
  PageOfTopicSummary,
  PaperBallotRequest,
  TopicCommentRequest,
  TopicDetail,
  TopicListQuery,
  TopicPlanRequest,
  TopicRateRequest,
  TopicReviewRequest,
  TopicTaskRequest,
  TopicTaskUpdateRequest,
  VoteDetail,
  VoteReceipts,
  VoteRoll,
  AttendanceRequest,
  MeetingCancelRequest,
  MeetingMoveRequest,
  MeetingRequest,
  MeetingView,
  MinutesRequest,
  BookingDetail,
  BookingHelpDoneRequest,
  BookingHelpList,
  BookingHelpQuery,
  BookingHelpRequest,
  BookingHelpView,
  BookingRateRequest,
  BookingsQuery,
  BookingStats,
  BookingStatsQuery,
  CheckInByCodeRequest,
  ClosureRequest,
  ClosureResult,
  CreateBookingRequest,
  PageOfBooking,
  RosterExportQuery,
  DayRosterExportQuery,
  ServiceActiveRequest,
  ScheduleRequest,
  ScheduleView,
  ServiceItemDetail,
  ServiceItemRequest,
  ServiceItemSummary,
  ServicesQuery,
  SlotCloseRequest,
  SlotEditRequest,
  SlotMoveRequest,
  SlotRequest,
  SlotRoster,
  SlotsQuery,
  SlotView,
  VolunteerHoursView,
} from './api.js';

/** A path with a ticket, binding or notification id. */
export type IdParams = { id: number };

/** The codes every booking action may answer with: not yours (403), not visible (404), not now (409). */
export type BookingActionErrors = 'FORBIDDEN' | 'NOT_FOUND' | 'BOOKING_INVALID_STATE' | 'BOOKING_TOO_LATE' | 'BOOKING_TOO_EARLY' | 'TICKET_CONFLICT';

/** Why a booking is refused: the slot, the window, the person, the limits. */
export type BookingRefusals =
  | 'NOT_FOUND'
  | 'SLOT_FULL'
  | 'SLOT_CLOSED'
  | 'SERVICE_INACTIVE'
  | 'SLOT_PAST'
  | 'OUTSIDE_BOOKING_WINDOW'
  | 'NOT_ELIGIBLE'
  | 'NO_SHOW_BLOCKED'
  | 'BOOKING_LIMIT_REACHED'
  | 'ALREADY_BOOKED'
  | 'HOUSEHOLD_REQUIRED'
  | 'NOT_YOUR_RESIDENT'
  | 'VOLUNTEERS_NOT_TAKEN'
  | 'HOURS_NOT_ACCEPTED'
  | 'HOURS_INSUFFICIENT'
  | 'IDEMPOTENCY_KEY_REUSED';

/** The codes every ticket transition may answer with: not yours (403), not visible (404), not now (409). */
export type TransitionErrors = 'FORBIDDEN' | 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'TICKET_CONFLICT';

/** The codes every topic action may answer with: not yours (403), not visible (404), not now (409). */
export type TopicErrors = 'FORBIDDEN' | 'NOT_FOUND' | 'TOPIC_INVALID_STATE' | 'TOPIC_CONFLICT';

/** The URL check WeChat's console sends to the push URL. */
export interface WechatUrlCheckQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

/** A safe-mode push's query: msg_signature = sha1 of the sorted token, timestamp, nonce and Encrypt. */
export interface WechatPushQuery {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  signature?: string;
  encrypt_type?: string;
  openid?: string;
}

/** A safe-mode push's JSON body: the message, encrypted with the EncodingAESKey. */
export interface WechatPushBody {
  ToUserName?: string;
  Encrypt: string;
}

export interface Endpoints {
  /** Log in with the code of wx.login (code2Session), having ticked the current privacy policy; a first login creates a resident. */
  'POST /auth/wechat-login': {
    body: WechatLoginRequest;
    response: LoginResult;
    errors: 'CONSENT_REQUIRED' | 'WECHAT_CODE_INVALID' | 'WECHAT_RATE_LIMITED' | 'WECHAT_USER_BLOCKED' | 'WECHAT_UNAVAILABLE' | 'WECHAT_NOT_CONFIGURED';
  };
  /** Seeded users to log in as; 404 in production, and with a WeChat appid unless DEV_LOGIN=true. */
  'GET /auth/dev-users': { response: DevUser[]; errors: 'NOT_FOUND' };
  /** Log in as a seeded user (as above). */
  'POST /auth/dev-login': { body: DevLoginRequest; response: LoginResult; errors: 'NOT_FOUND' };
  /** A fresh token for a still valid one. */
  'POST /auth/refresh': { response: LoginResult };
  /** The caller: roles with their places, household, building, grid, community. */
  'GET /me': { response: MeView };
  /**
   * Prove the phone through WeChat's phone button. A record staff created with that phone and no openid is
   * claimed: a resident's at once (`login` is then its token), one with a staff role after confirmation (`me.claim`).
   */
  'POST /me/phone': { body: PhoneCodeRequest; response: PhoneVerifiedResult; errors: 'WECHAT_CODE_INVALID' | 'WECHAT_RATE_LIMITED' | 'WECHAT_UNAVAILABLE' | 'WECHAT_NOT_CONFIGURED' };
  /** The nickname (through content security: risky refused, doubtful held) and avatar the user chose. */
  'PUT /me/profile': { body: ProfileRequest; response: MeView; errors: 'CONTENT_RISKY' | 'UNKNOWN_PHOTO' };
  /** Everything Linli holds about the caller (PIPL). */
  'GET /me/export': { response: AccountExport };
  /** 注销: the account's personal data goes at once; its tickets stay with the reporter anonymised. */
  'DELETE /me': { response: AccountDeleted; errors: 'STAFF_HAS_OPEN_TICKETS' | 'TOPIC_CONFLICT' };
  /** Who has seen the caller's whole phone number, newest first. */
  'GET /me/phone-reveals': { response: PhoneRevealLogEntry[] };
  /** 查看号码: the whole number of someone the caller serves as staff; logged. */
  'POST /users/{id}/phone': { params: IdParams; response: PhoneRevealView; errors: 'NOT_FOUND' };
  /** The phone-reveal log of a community, newest first. */
  'GET /phone-reveals': { query: PhoneRevealsQuery; response: PhoneRevealLogEntry[]; errors: 'NOT_FOUND' };

  /** Staff claims the caller may decide, newest first. */
  'GET /claims': { query: ClaimsQuery; response: ClaimView[] };
  /** Confirm a staff claim: the WeChat user becomes the staff-created record. */
  'POST /claims/{id}/confirm': { params: IdParams; response: ClaimView; errors: 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'TICKET_CONFLICT' };
  /** Reject a staff claim, with the reason the claimant is told. */
  'POST /claims/{id}/reject': { params: IdParams; body: DecisionReasonRequest; response: ClaimView; errors: 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'TICKET_CONFLICT' };

  /** A staff member leaves: their open tickets are handed over (转派) first, then their posts in the caller's communities end. */
  'POST /staff/{userId}/remove': {
    params: { userId: number };
    body: RemoveStaffRequest;
    response: StaffRemovalResult;
    errors: 'NOT_FOUND' | 'STAFF_HAS_OPEN_TICKETS' | 'CANNOT_REMOVE_SELF' | TransitionErrors | 'INVALID_HANDLER';
  };

  /** The categories a resident can choose, with who handles them and their deadlines. */
  'GET /categories': { response: CategoryView[] };

  'GET /places/communities': { response: CommunityOption[] };
  /** Buildings of a community, for the building picker. */
  'GET /places/buildings': { query: BuildingsQuery; response: BuildingOption[]; errors: 'COMMUNITY_REQUIRED' };
  'GET /places/households': { query: HouseholdsQuery; response: HouseholdOption[] };

  /** 居民绑定: a resident asks to be bound to a household (asking twice is asking once). */
  'POST /bindings': { body: BindingRequest; response: BindingView; errors: 'UNKNOWN_HOUSEHOLD' | 'BINDING_PENDING' };
  /** Binding requests of the committee member's communities, newest first. */
  'GET /bindings': { query: BindingsQuery; response: BindingListItem[] };
  'POST /bindings/{id}/approve': { params: IdParams; response: BindingView; errors: 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'TICKET_CONFLICT' };
  /** Reject a request; the resident is told the reason. */
  'POST /bindings/{id}/reject': { params: IdParams; body: DecisionReasonRequest; response: BindingView; errors: 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'TICKET_CONFLICT' };
  /** The committee ends an approved binding; the resident is told the reason. */
  'POST /bindings/{id}/end': { params: IdParams; body: DecisionReasonRequest; response: BindingView; errors: 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'TICKET_CONFLICT' };
  /** Moving out: the caller's binding ends, or their pending request is withdrawn. */
  'DELETE /bindings/mine': { response: BindingView; errors: 'NOT_FOUND' };

  /** A photo for a report or a resolution: jpeg, png or webp (recognised by its bytes), at most 5 MB. */
  'POST /files': { multipart: 'file'; response: UploadedFile; errors: 'FILE_MISSING' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TOO_LARGE' | 'RATE_LIMITED' | 'UPLOAD_QUOTA_EXCEEDED' };
  /** A stored photo, by the unguessable key in its url (no token needed, so an <image> can show it). */
  'GET /files/{key}': { params: { key: string }; binary: 'image/jpeg' | 'image/png' | 'image/webp'; errors: 'NOT_FOUND' };

  /** WeChat's console checks the push URL: `echostr` comes back when the signature is ours. */
  'GET /wechat/events': { query: WechatUrlCheckQuery; binary: 'text/plain'; errors: 'WECHAT_PUSH_REFUSED' | 'WECHAT_NOT_CONFIGURED' | 'RATE_LIMITED' };
  /** A WeChat push in safe mode (mediaCheckAsync's verdicts on photos); answers "success". */
  'POST /wechat/events': { query: WechatPushQuery; body: WechatPushBody; binary: 'text/plain'; errors: 'WECHAT_PUSH_REFUSED' | 'WECHAT_NOT_CONFIGURED' | 'RATE_LIMITED' };

  /** 报事; dispatched at once when its category and place say to whom. */
  'POST /tickets': {
    body: CreateTicketRequest;
    /** A retried submit with the same key (8–80 of letters, digits, `-_.:`) answers the first submit's ticket. */
    headers: { 'Idempotency-Key'?: string };
    response: TicketDetail;
    errors:
      | 'UNKNOWN_CATEGORY'
      | 'UNKNOWN_BUILDING'
      | 'BUILDING_OUTSIDE_COMMUNITY'
      | 'UNKNOWN_PHOTO'
      | 'LOCATION_REQUIRED'
      | 'OUTSIDE_SERVICE_AREA'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'CONTENT_RISKY';
  };
  /** A page of tickets in one scope, newest first (assigned: by deadline). */
  'GET /tickets': { query: TicketListQuery; response: PageOfTicketSummary; errors: 'FORBIDDEN' };
  /** Open tickets of the category near a point: offer 附议 instead of a duplicate. */
  'GET /tickets/nearby': { query: NearbyTicketsQuery; response: NearbyTicket[]; errors: 'UNKNOWN_CATEGORY' };
  /** A ticket with its timeline and the actions the caller may take; 404 for whoever may not see it. */
  'GET /tickets/{id}': { params: IdParams; response: TicketDetail; errors: 'NOT_FOUND' };
  /** Who the ticket may be dispatched or transferred to. */
  'GET /tickets/{id}/handlers': { params: IdParams; response: HandlerCandidate[]; errors: 'NOT_FOUND' };
  /** 附议: me too, and follow its updates (following twice is following). */
  'POST /tickets/{id}/follow': { params: IdParams; response: TicketDetail; errors: 'HOUSEHOLD_REQUIRED' | 'NOT_FOUND' | 'TICKET_INVALID_STATE' | 'OWN_TICKET' };
  /** Stop following. */
  'DELETE /tickets/{id}/follow': { params: IdParams; response: UnfollowResult };
  /** 接单 */
  'POST /tickets/{id}/accept': { params: IdParams; response: TicketDetail; errors: TransitionErrors };
  /** 办结, with a note and photos. */
  'POST /tickets/{id}/resolve': { params: IdParams; body: ResolveRequest; response: TicketDetail; errors: TransitionErrors | 'UNKNOWN_PHOTO' | 'CONTENT_RISKY' };
  /** 退单: not mine, back to the dispatch queue. */
  'POST /tickets/{id}/return': { params: IdParams; body: ReturnRequest; response: TicketDetail; errors: TransitionErrors | 'CONTENT_RISKY' };
  /** 转派 to another handler of the community. */
  'POST /tickets/{id}/transfer': { params: IdParams; body: TransferRequest; response: TicketDetail; errors: TransitionErrors | 'INVALID_HANDLER' | 'SAME_HANDLER' | 'CONTENT_RISKY' };
  /** 派单 by hand, from the dispatch queue. */
  'POST /tickets/{id}/dispatch': { params: IdParams; body: DispatchRequest; response: TicketDetail; errors: TransitionErrors | 'INVALID_HANDLER' | 'SAME_HANDLER' };
  /** 设置类别 of a matter reported without one (待分类), then routed by it; deadlines from the submission. */
  'POST /tickets/{id}/categorise': { params: IdParams; body: CategoriseRequest; response: TicketDetail; errors: TransitionErrors | 'UNKNOWN_CATEGORY' };
  /** 不予受理, with a reason. */
  'POST /tickets/{id}/reject': { params: IdParams; body: RejectRequest; response: TicketDetail; errors: TransitionErrors | 'CONTENT_RISKY' };
  /** Merge a duplicate into the original: the duplicate is rejected and its reporter follows the original. Answers the duplicate. */
  'POST /tickets/{id}/merge': {
    params: IdParams;
    body: MergeRequest;
    response: TicketDetail;
    errors: TransitionErrors | 'MERGE_INTO_SELF' | 'MERGE_ACROSS_COMMUNITIES';
  };
  /** 撤回, before it is accepted. */
  'POST /tickets/{id}/cancel': { params: IdParams; response: TicketDetail; errors: TransitionErrors };
  /** 评价, once per resolution; 不满意 reopens it (重办). */
  'POST /tickets/{id}/rate': { params: IdParams; body: RateRequest; response: TicketDetail; errors: TransitionErrors | 'CONTENT_RISKY' };

  /** The caller's inbox, newest first. */
  'GET /notifications': { query: NotificationsQuery; response: NotificationPage };
  'POST /notifications/{id}/read': { params: IdParams; response: NotificationView; errors: 'NOT_FOUND' };
  /** The subscribe-message template ids to request on this tap (at most 3), from WECHAT_TEMPLATES. */
  'GET /notifications/subscriptions': { query: NotificationSubscriptionsQuery; response: NotificationSubscriptions };

  /** 响应率, 解决率, 满意率, 按时办结率 and counts of a community over a range (docs/metrics.md). */
  'GET /stats/overview': { query: StatsQuery; response: StatsOverview; errors: 'NOT_FOUND' };
  /** The same rates bucket by bucket. */
  'GET /stats/trend': { query: StatsTrendQuery; response: StatsTrend; errors: 'NOT_FOUND' };
  /** What became of the community's notices as WeChat subscribe messages, per kind (committee and officers above it). */
  'GET /stats/notifications': { query: StatsQuery; response: NotificationDeliveryStats; errors: 'NOT_FOUND' };
  /** 操作留痕: the audit log of the communities the caller oversees (committee: their own; street and district officers: theirs), newest first. */
  'GET /audit': { query: AuditQuery; response: PageOfAuditEntry; errors: 'FORBIDDEN' };
  /** The ticket list (scope=community) as a spreadsheet: Chinese headers, local times, phones masked unless `phones=whole`; every export is logged. */
  'GET /exports/tickets.xlsx': { query: TicketExportQuery; binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'; errors: 'FORBIDDEN' };
  /** As above, as UTF-8 CSV with a byte-order mark (Excel on Chinese Windows). */
  'GET /exports/tickets.csv': { query: TicketExportQuery; binary: 'text/csv'; errors: 'FORBIDDEN' };
  /** The four rates (docs/metrics.md) by grid and by month over local days, as a spreadsheet; logged. */
  'GET /exports/rates.xlsx': { query: StatsQuery; binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  /** As above, as UTF-8 CSV with a byte-order mark. */
  'GET /exports/rates.csv': { query: StatsQuery; binary: 'text/csv'; errors: 'FORBIDDEN' | 'NOT_FOUND' };

  /**
   * 台账导入: a dry run reports every row it would add or change and every row it rejects; a confirm writes it all in one
   * transaction or nothing. The same file again changes nothing. Committee of the community.
   */
  'POST /ledger/import': {
    multipart: 'file';
    body: LedgerImportFields;
    response: LedgerImportReport;
    errors:
      | 'FILE_MISSING'
      | 'FILE_TOO_LARGE'
      | 'NOT_FOUND'
      | 'LEDGER_COLUMNS_MISSING'
      | 'LEDGER_FILE_EMPTY'
      | 'LEDGER_FILE_UNREADABLE'
      | 'LEDGER_FILE_FORMULAS'
      | 'LEDGER_FILE_MERGED_CELLS'
      | 'LEDGER_TOO_MANY_ROWS'
      | 'LEDGER_CHANGED';
  };
  /** The import template: the columns, an example row and what each column takes. */
  'GET /ledger/template.xlsx': { binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  /** 网格边界导入: GeoJSON polygons, valid and not overlapping; buildings with a position follow their grid. */
  'POST /ledger/grids/import': { multipart: 'file'; body: GridImportFields; response: GridImportReport; errors: 'FILE_MISSING' | 'FILE_TOO_LARGE' | 'NOT_FOUND' | 'GRID_GEOJSON_INVALID' };
  /** The community's households (committee; a grid worker: their grid's). */
  'GET /ledger/households': { query: LedgerHouseholdsQuery; response: PageOfLedgerHousehold; errors: 'NOT_FOUND' };
  /** A household with its people, birth years and special-care flags (logged as a special-care reading). */
  'GET /ledger/households/{id}': { params: IdParams; response: LedgerHouseholdDetail; errors: 'NOT_FOUND' };
  /** Correct the floor area (logged). */
  'PUT /ledger/households/{id}': { params: IdParams; body: LedgerHouseholdEdit; response: LedgerHouseholdDetail; errors: 'NOT_FOUND' | 'LEDGER_CONFLICT' };
  /** Add a person to a household (logged). */
  'POST /ledger/households/{id}/members': { params: IdParams; body: LedgerMemberRequest; response: LedgerHouseholdDetail; errors: 'NOT_FOUND' };
  /** Correct a person (logged). */
  'PUT /ledger/members/{id}': { params: IdParams; body: LedgerMemberEdit; response: LedgerHouseholdDetail; errors: 'NOT_FOUND' | 'LEDGER_CONFLICT' };
  /** 已迁出: the person no longer belongs to the household (logged; the record stays). */
  'POST /ledger/members/{id}/end': { params: IdParams; body: DecisionReasonRequest; response: LedgerHouseholdDetail; errors: 'NOT_FOUND' };
  /** 特殊人群 of a community or grid (committee, the grid's worker); every reading is logged. */
  'GET /ledger/special-care': { query: LedgerSpecialCareQuery; response: LedgerSpecialCareEntry[]; errors: 'NOT_FOUND' };
  /** The ledger in the import's columns (a whole-phone export imports again unchanged); logged. */
  'GET /exports/ledger.xlsx': { query: LedgerExportQuery; binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  'GET /exports/ledger.csv': { query: LedgerExportQuery; binary: 'text/csv'; errors: 'FORBIDDEN' | 'NOT_FOUND' };

  /** 内容审核: a community's held texts, not yet released, oldest first (its committee). */
  'GET /content-holds': { query: ContentHoldsQuery; response: ContentHoldList };
  /** Release a held text: it shows where it belongs again. */
  'POST /content-holds/{id}/release': { params: IdParams; response: ContentHoldView; errors: 'NOT_FOUND' };

  /** 公示: a community's closed matters with their result and rating, and no personal data. */
  'GET /public/tickets': { query: PublicBoardQuery; response: PageOfPublicTicket };

  // ───── 议事 (deliberation): topics, plans, votes, implementation, the results board ─────
  /** 提议题: a resident's proposal collects co-signatures first; one by staff waits for the committee at once. */
  'POST /topics': {
    body: CreateTopicRequest;
    /** A retried submit with the same key (8–80 of letters, digits, `-_.:`) answers the first submit's topic. */
    headers: { 'Idempotency-Key'?: string };
    response: TopicDetail;
    errors: 'HOUSEHOLD_REQUIRED' | 'TOPIC_SCOPE_INVALID' | 'UNKNOWN_TICKET' | 'COMMUNITY_REQUIRED' | 'CONTENT_RISKY' | 'IDEMPOTENCY_KEY_REUSED';
  };
  /** A community's topics, newest first (its residents, staff and officers). */
  'GET /topics': { query: TopicListQuery; response: PageOfTopicSummary; errors: 'COMMUNITY_REQUIRED' | 'NOT_FOUND' };
  /** A topic with its plans, comments, votes, tasks, ratings, timeline and what the caller may do. */
  'GET /topics/{id}': { params: IdParams; response: TopicDetail; errors: 'NOT_FOUND' };
  /** 联署: once per household in scope; reaching the threshold sends it to the committee. */
  'POST /topics/{id}/cosign': { params: IdParams; response: TopicDetail; errors: TopicErrors | 'ALREADY_COSIGNED' };
  /** 受理 with a priority (急办 / 一般). */
  'POST /topics/{id}/accept': { params: IdParams; body: AcceptTopicRequest; response: TopicDetail; errors: TopicErrors };
  /** 不予受理, with a reason published on the board. */
  'POST /topics/{id}/decline': { params: IdParams; body: DeclineTopicRequest; response: TopicDetail; errors: TopicErrors | 'CONTENT_RISKY' };
  /** 撤回, before discussion (the proposer or the committee). */
  'POST /topics/{id}/withdraw': { params: IdParams; response: TopicDetail; errors: TopicErrors };
  /** 多方恳谈: a comment by a resident in scope or one of the four parties; the committee answers comments on a plan. */
  'POST /topics/{id}/comments': {
    params: IdParams;
    body: TopicCommentRequest;
    /** A retried submit with the same key answers as the first did, with one comment. */
    headers: { 'Idempotency-Key'?: string };
    response: TopicDetail;
    errors: TopicErrors | 'UNKNOWN_COMMENT' | 'CONTENT_RISKY' | 'IDEMPOTENCY_KEY_REUSED';
  };
  /** 公示方案: a new plan version, on notice at once (a revised plan starts the notice period again). */
  'POST /topics/{id}/plans': { params: IdParams; body: TopicPlanRequest; response: TopicDetail; errors: TopicErrors | 'CONTENT_RISKY' };
  /** 专家审查意见 on the plan on notice. */
  'POST /topics/{id}/reviews': { params: IdParams; body: TopicReviewRequest; response: TopicDetail; errors: TopicErrors | 'CONTENT_RISKY' };
  /** 开始表决 once the notice period is over: the roll is fixed now. */
  'POST /topics/{id}/votes': {
    params: IdParams;
    body: OpenVoteRequest;
    response: VoteDetail;
    errors: TopicErrors | 'NOTICE_NOT_OVER' | 'VOTE_RULE_SCOPE' | 'VOTE_ROLL_EMPTY' | 'VOTE_AREA_MISSING' | 'VOTE_CLOSES_INVALID';
  };
  /** 落实: a task with its owner and due day. */
  'POST /topics/{id}/tasks': { params: IdParams; body: TopicTaskRequest; response: TopicDetail; errors: TopicErrors | 'CONTENT_RISKY' };
  /** Progress on a task, published; `done` finishes it. */
  'POST /topic-tasks/{id}/updates': { params: IdParams; body: TopicTaskUpdateRequest; response: TopicDetail; errors: TopicErrors | 'CONTENT_RISKY' };
  /** 办结 once every task is done; residents in scope are asked to rate. */
  'POST /topics/{id}/complete': { params: IdParams; response: TopicDetail; errors: TopicErrors | 'TASKS_OPEN' };
  /** 评价结果: once per household in scope. */
  'POST /topics/{id}/rate': { params: IdParams; body: TopicRateRequest; response: TopicDetail; errors: TopicErrors | 'TOPIC_ALREADY_RATED' | 'CONTENT_RISKY' };
  /** 恳谈会: a meeting of the topic with its time, place, capacity and standing members (committee). */
  'POST /topics/{id}/meetings': {
    params: IdParams;
    body: MeetingRequest;
    response: MeetingView;
    errors: TopicErrors | 'MEETING_TIMES_INVALID' | 'MEETING_PLACE_REQUIRED' | 'UNKNOWN_VENUE' | 'VENUE_TAKEN' | 'VENUE_CLOSED' | 'CONTENT_RISKY';
  };
  /** Move a meeting before it starts (committee): the venue's hold moves too; the registered are told and the reminder is due again. */
  'POST /meetings/{id}/move': {
    params: IdParams;
    body: MeetingMoveRequest;
    response: MeetingView;
    errors: 'FORBIDDEN' | 'NOT_FOUND' | 'MEETING_STARTED' | 'MEETING_CANCELLED' | 'MEETING_TIMES_INVALID' | 'VENUE_TAKEN' | 'VENUE_CLOSED' | 'TOPIC_CONFLICT' | 'CONTENT_RISKY';
  };
  /** Cancel a meeting before it starts (committee): the venue is freed, the registered are told. */
  'POST /meetings/{id}/cancel': { params: IdParams; body: MeetingCancelRequest; response: MeetingView; errors: 'FORBIDDEN' | 'NOT_FOUND' | 'MEETING_STARTED' | 'MEETING_CANCELLED' | 'TOPIC_CONFLICT' | 'CONTENT_RISKY' };
  'GET /meetings/{id}': { params: IdParams; response: MeetingView; errors: 'NOT_FOUND' };
  /** Register (residents in scope): a place while there is one, else the waiting list. Registering twice is registering once. */
  'POST /meetings/{id}/registration': { params: IdParams; response: MeetingView; errors: 'FORBIDDEN' | 'NOT_FOUND' | 'MEETING_STARTED' | 'MEETING_CANCELLED' };
  /** Cancel one's registration; the first on the waiting list moves up. */
  'DELETE /meetings/{id}/registration': { params: IdParams; response: MeetingView; errors: 'NOT_FOUND' | 'MEETING_STARTED' };
  /** 签到: who attended, once the meeting has started (committee). */
  'POST /meetings/{id}/attendance': { params: IdParams; body: AttendanceRequest; response: MeetingView; errors: 'FORBIDDEN' | 'NOT_FOUND' | 'MEETING_NOT_STARTED' };
  /** 纪要, published on the board with the date (committee). */
  'POST /meetings/{id}/minutes': { params: IdParams; body: MinutesRequest; response: MeetingView; errors: 'FORBIDDEN' | 'NOT_FOUND' | 'MEETING_NOT_STARTED' | 'CONTENT_RISKY' };
  /** A vote: the rule, the roll's size and the turnout; the result once closed; the caller's own ballots. */
  'GET /votes/{id}': { params: IdParams; response: VoteDetail; errors: 'NOT_FOUND' };
  /** Cast or change the household's ballot until the close; the last counts. */
  'PUT /votes/{id}/ballot': { params: IdParams; body: CastBallotRequest; response: MyBallotView; errors: 'NOT_FOUND' | 'VOTE_CLOSED' | 'NOT_ON_ROLL' | 'HOUSEHOLD_REQUIRED' | 'TOPIC_CONFLICT' };
  /** 纸质表决票 / 委托书: recorded by a committee member with a photo of the signed paper, marked in the roll. */
  'POST /votes/{id}/paper-ballots': { params: IdParams; body: PaperBallotRequest; response: VoteDetail; errors: 'FORBIDDEN' | 'NOT_FOUND' | 'VOTE_CLOSED' | 'NOT_ON_ROLL' | 'UNKNOWN_PHOTO' | 'TOPIC_CONFLICT' };
  /** 结束表决 at or after the closing time (or once every household voted): the result by the rule, never typed in. */
  'POST /votes/{id}/close': { params: IdParams; response: VoteDetail; errors: TopicErrors | 'VOTE_CLOSED' | 'VOTE_STILL_OPEN' };
  /** Who voted (not how, for a secret ballot) and when, with paper ballots marked: the committee's record. */
  'GET /votes/{id}/roll': { params: IdParams; response: VoteRoll; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  /** After the close: every receipt with the choice counted, to check one's ballot was counted as cast. */
  'GET /votes/{id}/receipts': { params: IdParams; response: VoteReceipts; errors: 'NOT_FOUND' | 'VOTE_STILL_OPEN' };
  /** 公示栏: decisions, plans on notice, review opinions, progress and declined proposals, newest first (the community's people). */
  'GET /deliberation/board': { query: DeliberationBoardQuery; response: PageOfBoardEntry; errors: 'NOT_FOUND' };
  /** Satisfaction with deliberation results beside satisfaction with tickets (committee and officers above). */
  'GET /stats/deliberation': { query: StatsQuery; response: DeliberationStats; errors: 'NOT_FOUND' };
  // ───── 预约 (booking): docs/architecture.md, "Booking" ─────
  /** The catalogue of a community: by family, by name. */
  'GET /services': { query: ServicesQuery; response: ServiceItemSummary[]; errors: 'NOT_FOUND' };
  /** An item: provider, place, documents, who may book, limits, window, and whether the caller may book (and why not). */
  'GET /services/{id}': { params: IdParams; response: ServiceItemDetail; errors: 'NOT_FOUND' };
  /** A new item (the committee; a partner for their organisation). */
  'POST /services': { body: ServiceItemRequest; response: ServiceItemDetail; errors: 'NOT_FOUND' | 'FORBIDDEN' };
  /** Edit an item (whoever manages it). */
  'PUT /services/{id}': { params: IdParams; body: ServiceItemRequest; response: ServiceItemDetail; errors: 'NOT_FOUND' | 'FORBIDDEN' };
  /** 停用 / 启用 (whoever manages it): off, the item leaves the catalogue and new bookings are 409 SERVICE_INACTIVE; bookings made stay. */
  'PUT /services/{id}/active': { params: IdParams; body: ServiceActiveRequest; response: ServiceItemDetail; errors: 'NOT_FOUND' };
  /** An item's slots over local days with places left, waiting list and the caller's own booking. */
  'GET /services/{id}/slots': { query: SlotsQuery; params: IdParams; response: SlotView[]; errors: 'NOT_FOUND' };
  /** Add one slot. */
  'POST /services/{id}/slots': { params: IdParams; body: SlotRequest; response: SlotView; errors: 'NOT_FOUND' | 'SLOT_TIMES_INVALID' | 'SLOT_EXISTS' | 'SLOT_HELD' };
  /** The weekly schedule and the closed days ahead. */
  'GET /services/{id}/schedule': { params: IdParams; response: ScheduleView; errors: 'NOT_FOUND' };
  /** Replace the weekly schedule; slots are made for the days of the booking window. */
  'PUT /services/{id}/schedule': { params: IdParams; body: ScheduleRequest; response: ScheduleView; errors: 'NOT_FOUND' | 'SLOT_TIMES_INVALID' };
  /** Close a local day: its slots close, their bookings are cancelled, everyone booked is told. */
  'POST /services/{id}/closures': { params: IdParams; body: ClosureRequest; response: ClosureResult; errors: 'NOT_FOUND' | 'SLOT_TIMES_INVALID' | 'CONTENT_RISKY' | 'TICKET_CONFLICT' };
  /** Change a slot's capacity. */
  'PUT /slots/{id}': { params: IdParams; body: SlotEditRequest; response: SlotView; errors: 'NOT_FOUND' | 'SLOT_CAPACITY_BELOW_TAKEN' | 'SLOT_CLOSED' };
  /** Move a slot, within its day or to another (within the booking window, not onto a closed day): everyone booked is told and may keep the new time or cancel without it counting late. */
  'POST /slots/{id}/move': { params: IdParams; body: SlotMoveRequest; response: SlotView; errors: 'NOT_FOUND' | 'SLOT_TIMES_INVALID' | 'SLOT_CLOSED' | 'SLOT_PAST' | 'SLOT_EXISTS' | 'SLOT_HELD' | 'OUTSIDE_BOOKING_WINDOW' | 'DAY_CLOSED' | 'CONTENT_RISKY' };
  /** Close a slot: its bookings are cancelled, everyone booked is told the reason. */
  'POST /slots/{id}/close': { params: IdParams; body: SlotCloseRequest; response: SlotView; errors: 'NOT_FOUND' | 'SLOT_CLOSED' | 'SLOT_PAST' | 'CONTENT_RISKY' | 'TICKET_CONFLICT' };
  /** A slot's roster (its provider and committee). */
  'GET /slots/{id}/roster': { params: IdParams; response: SlotRoster; errors: 'NOT_FOUND' };
  /** A slot's roster as a spreadsheet (logged). */
  'GET /exports/roster.xlsx': { query: RosterExportQuery; binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  /** As above, as UTF-8 CSV with a byte-order mark. */
  'GET /exports/roster.csv': { query: RosterExportQuery; binary: 'text/csv'; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  /** A local day's roster of an item (every slot of the community's day, the slot's time first), as a spreadsheet (logged). */
  'GET /exports/day-roster.xlsx': { query: DayRosterExportQuery; binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  /** As above, as UTF-8 CSV with a byte-order mark. */
  'GET /exports/day-roster.csv': { query: DayRosterExportQuery; binary: 'text/csv'; errors: 'FORBIDDEN' | 'NOT_FOUND' };

  /**
   * 预约 a place, or join the waiting list (`join: 'waitlist'`); for a resident of the caller's grid with `forUserId` (代办).
   * A full slot is 409 SLOT_FULL. A retry with the same Idempotency-Key answers the first booking.
   */
  'POST /bookings': { body: CreateBookingRequest; headers: { 'Idempotency-Key'?: string }; response: BookingDetail; errors: BookingRefusals };
  /** 我的预约 (scope=mine), or the bookings a grid worker made for others. */
  'GET /bookings': { query: BookingsQuery; response: PageOfBooking };
  /** A booking with its timeline, the actions the caller may take, and the check-in code for its holder; 404 for anyone else. */
  'GET /bookings/{id}': { params: IdParams; response: BookingDetail; errors: 'NOT_FOUND' };
  /** 取消预约 (holder, booker): before the cut-off; gives the place to the first in line. */
  'POST /bookings/{id}/cancel': { params: IdParams; response: BookingDetail; errors: BookingActionErrors };
  /** 确认候补: take the place offered from the waiting list, before the offer expires. */
  'POST /bookings/{id}/confirm': { params: IdParams; response: BookingDetail; errors: BookingActionErrors | 'OFFER_EXPIRED' };
  /** 签到 by the roster (provider, committee): from 30 minutes before the start to the end. */
  'POST /bookings/{id}/check-in': { params: IdParams; response: BookingDetail; errors: BookingActionErrors };
  /** 签到 by the code the holder shows (typed, or read from the QR code). */
  'POST /bookings/check-in': { body: CheckInByCodeRequest; response: BookingDetail; errors: BookingActionErrors | 'CHECK_IN_CODE_UNKNOWN' };
  /** 标记未到, after the end. */
  'POST /bookings/{id}/no-show': { params: IdParams; response: BookingDetail; errors: BookingActionErrors };
  /** 评价 once, after attending; feeds the provider's satisfaction. */
  'POST /bookings/{id}/rate': { params: IdParams; body: BookingRateRequest; response: BookingDetail; errors: BookingActionErrors | 'ALREADY_RATED' | 'CONTENT_RISKY' };

  /** 请网格员帮我预约: one tap; asking again while one is open answers the open one. */
  'POST /booking-help': { body: BookingHelpRequest; response: BookingHelpView; errors: 'NOT_FOUND' | 'HOUSEHOLD_REQUIRED' | 'CONTENT_RISKY' };
  /** The resident's own requests, or the grid worker's list beside the grid's special-care residents (logged). */
  'GET /booking-help': { query: BookingHelpQuery; response: BookingHelpList; errors: 'FORBIDDEN' | 'NOT_FOUND' };
  /** The grid worker handled a request (with the booking made, if one was). */
  'POST /booking-help/{id}/done': { params: IdParams; body: BookingHelpDoneRequest; response: BookingHelpView; errors: 'NOT_FOUND' | 'BOOKING_INVALID_STATE' };
  /** The resident withdraws their open request. */
  'POST /booking-help/{id}/withdraw': { params: IdParams; response: BookingHelpView; errors: 'NOT_FOUND' | 'BOOKING_INVALID_STATE' };

  /** 爱心银行: the caller's balance and entries, newest first. */
  'GET /me/volunteer-hours': { response: VolunteerHoursView };
  /** Bookings, attendance, no-show and satisfaction rates per item and per provider (committee; partners: their own items). */
  'GET /stats/bookings': { query: BookingStatsQuery; response: BookingStats; errors: 'NOT_FOUND' };

  /** 200 when the database answers. */
  'GET /health': { response: HealthStatus };
}

export type Operation = keyof Endpoints;

/** The shape every entry has. */
export interface EndpointShape {
  params?: Record<string, string | number>;
  query?: object;
  body?: object;
  multipart?: string;
  headers?: Record<string, string | undefined>;
  response?: unknown;
  binary?: string;
  errors?: ApiErrorCode;
}
// Compiles only while every entry of Endpoints has that shape.
type WellFormed<T extends { [K in keyof T]: EndpointShape }> = T;
export type CheckedEndpoints = WellFormed<Endpoints>;

/** The operations that answer JSON (all but file downloads). */
export type JsonOperation = { [K in Operation]: Endpoints[K] extends { response: unknown } ? K : never }[Operation];
