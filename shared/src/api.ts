/** Shapes the API speaks, for the mini-program and the server's DTOs alike. */
import type { Role, PlaceLevel, BindingStatus } from './roles.js';
import type { TicketStatus, TicketAction, TicketEventType, RejectReason } from './tickets.js';
import type { FinalRating, Rating } from './ratings.js';
import type { EscalationLevel } from './sla.js';

/** The one error shape. `code` is stable; `message` is for people (Chinese for residents). */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
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
  household: { id: number; label: string; bindingStatus: BindingStatus } | null;
  building: { id: number; name: string } | null;
  grid: { id: number; name: string } | null;
  /** utcOffsetMinutes: the community's local time, for every date and time the app shows (time.ts). */
  community: { id: number; name: string; utcOffsetMinutes: number } | null;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

export interface CategoryView {
  id: number;
  code: string;
  name: string;
  icon: string;
  routing: 'grid_worker' | 'partner' | 'community';
  acceptMinutes: number;
  resolveMinutes: number;
  duplicateRadiusMeters: number;
}

export interface TicketEventView {
  id: number;
  type: TicketEventType;
  actor: { id: number; name: string; role: Role | 'system' } | null;
  note: string | null;
  photoUrls: string[];
  at: string;
}

export interface TicketSummary {
  id: number;
  code: string;
  status: TicketStatus;
  category: { id: number; name: string; icon: string };
  description: string;
  communityId: number;
  gridId: number | null;
  gridName: string | null;
  handler: { id: number; name: string } | null;
  escalationLevel: EscalationLevel;
  reopenCount: number;
  followerCount: number;
  acceptDueAt: string;
  resolveDueAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
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

export interface NearbyTicket {
  id: number;
  code: string;
  status: TicketStatus;
  description: string;
  distanceMeters: number;
  followerCount: number;
  createdAt: string;
}

export interface NotificationView {
  id: number;
  type: string;
  title: string;
  body: string;
  ticketId: number | null;
  createdAt: string;
  readAt: string | null;
}

export interface RateRequest {
  rating: Rating;
  comment?: string;
}

export interface StatsOverview {
  communityId: number;
  /** The local days covered, both included ('YYYY-MM-DD'). */
  from: string;
  to: string;
  utcOffsetMinutes: number;
  total: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  byStatus: Record<TicketStatus, number>;
  byCategory: { categoryId: number; name: string; count: number }[];
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

export interface PublicTicket {
  id: number;
  code: string;
  category: string;
  description: string;
  gridName: string | null;
  resolutionNote: string | null;
  rating: FinalRating | null;
  createdAt: string;
  closedAt: string | null;
}

export interface StatsTrendPoint {
  /** First local day of the bucket ('YYYY-MM-DD'). */
  start: string;
  total: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
}

export interface StatsTrend {
  communityId: number;
  bucket: 'day' | 'week' | 'month';
  utcOffsetMinutes: number;
  points: StatsTrendPoint[];
}
