import { Controller, Delete, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import type { AccountDeleted, AccountExport, PhoneRevealLogEntry, PhoneRevealView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { AccountService } from './account.service.js';
import { PhoneRevealsService } from './phone-reveals.service.js';

class RevealsQuery {
  @ApiProperty() @Transform(({ value }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value)) @IsInt() @Min(1) communityId: number;
}

/** The user's own data (export, 注销) and the phone-reveal log. */
@ApiTags('account')
@ApiBearerAuth()
@Controller()
export class AccountController {
  constructor(
    @Inject(AccountService) private readonly account: AccountService,
    @Inject(PhoneRevealsService) private readonly reveals: PhoneRevealsService,
  ) {}

  @Get('me/export')
  @ApiOperation({ summary: 'Everything Linli holds about me, as JSON (PIPL)' })
  export(@CurrentUser() user: AuthUser): Promise<AccountExport> {
    return this.account.export(user.id);
  }

  @Delete('me')
  @ApiOperation({ summary: '注销: delete my account at once (409 STAFF_HAS_OPEN_TICKETS while tickets are in my hands; 409 TOPIC_CONFLICT when a meeting changed meanwhile)' })
  delete(@CurrentUser() user: AuthUser): Promise<AccountDeleted> {
    return this.account.delete(user.id);
  }

  @Get('me/phone-reveals')
  @ApiOperation({ summary: 'Who has seen my whole phone number, and when' })
  myReveals(@CurrentUser() user: AuthUser): Promise<PhoneRevealLogEntry[]> {
    return this.reveals.forSubject(user.id);
  }

  @Post('users/:id/phone')
  @HttpCode(200)
  @Roles('grid_worker', 'committee_member', 'partner', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: '查看号码: the whole number of someone this staff member serves; logged' })
  reveal(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<PhoneRevealView> {
    return this.reveals.reveal(user, id);
  }

  @Get('phone-reveals')
  @Roles('committee_member', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'The phone-reveal log of a community, newest first' })
  communityReveals(@CurrentUser() user: AuthUser, @Query() q: RevealsQuery): Promise<PhoneRevealLogEntry[]> {
    return this.reveals.forCommunity(user, q.communityId);
  }
}
