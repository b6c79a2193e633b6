import { Building, Community, District, Grid, Household, Organisation, Street } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { Category } from '../categories/category.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { TicketFollower } from '../tickets/entities/ticket-follower.entity.js';
import { IdempotencyRecord } from '../tickets/entities/idempotency-record.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { WechatPushNonce } from '../wechat/wechat-push-nonce.entity.js';
import { WechatToken } from '../wechat/wechat-token.entity.js';
import { AuthSession } from '../auth/entities/auth-session.entity.js';
import { AccountClaim } from '../claims/account-claim.entity.js';
import { PhoneReveal } from '../users/phone-reveal.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { WechatVisit } from '../wechat/wechat-visit.entity.js';
import { ContentHold } from '../content-security/content-hold.entity.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { PersonDetails } from '../ledger/entities/person-details.entity.js';
import { DELIBERATION_ENTITIES } from '../deliberation/entities/deliberation.entities.js';
import { ServiceClosure, ServiceItem, ServiceSlot } from '../bookings/entities/catalogue.entities.js';
import { Booking, BookingEvent, BookingHelpRequest, VolunteerHourEntry } from '../bookings/entities/booking.entities.js';

export const ENTITIES = [
  District,
  Street,
  Community,
  Grid,
  Building,
  Household,
  Organisation,
  User,
  RoleAssignment,
  HouseholdBinding,
  Category,
  StoredFile,
  Ticket,
  TicketEvent,
  TicketFollower,
  IdempotencyRecord,
  Notification,
  WechatPushNonce,
  WechatToken,
  AuthSession,
  AccountClaim,
  PhoneReveal,
  WechatVisit,
  ContentHold,
  AuditEntry,
  HouseholdMember,
  PersonDetails,
  ...DELIBERATION_ENTITIES,
  ServiceItem,
  ServiceSlot,
  ServiceClosure,
  Booking,
  BookingEvent,
  BookingHelpRequest,
  VolunteerHourEntry,
];
