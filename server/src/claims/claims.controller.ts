import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ClaimStatus, ClaimView, PhoneVerifiedResult } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ReasonText } from '../common/reason-text.js';
import { RateLimit } from '../common/throttle.js';
import { ClaimsService } from './claims.service.js';

class PhoneCodeDto {
  @ApiProperty({ description: 'The code of <button open-type="getPhoneNumber">' }) @IsString() @IsNotEmpty() @MaxLength(128) code: string;
}

class ClaimsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'confirmed', 'rejected'] }) @IsOptional() @IsIn(['pending', 'confirmed', 'rejected']) status?: ClaimStatus;
}

class RejectClaimDto {
  @ReasonText() reason: string;
}

@ApiTags('claims')
@ApiBearerAuth()
@Controller()
export class ClaimsController {
  constructor(@Inject(ClaimsService) private readonly claims: ClaimsService) {}

  @Post('me/phone')
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({ summary: 'Prove the phone through WeChat; claims a staff-created account with that phone (at once for a resident, after confirmation for staff)' })
  verifyPhone(@CurrentUser() user: AuthUser, @Body() dto: PhoneCodeDto): Promise<PhoneVerifiedResult> {
    return this.claims.verifyPhone(user, dto.code);
  }

  @Get('claims')
  @Roles('committee_member', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'Staff claims this user may decide, newest first' })
  list(@CurrentUser() user: AuthUser, @Query() q: ClaimsQuery): Promise<ClaimView[]> {
    return this.claims.list(user, q.status ?? 'pending');
  }

  @Post('claims/:id/confirm')
  @HttpCode(200)
  @Roles('committee_member', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'Confirm a staff claim: the WeChat user becomes the staff-created record' })
  confirm(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ClaimView> {
    return this.claims.confirm(user, id);
  }

  @Post('claims/:id/reject')
  @HttpCode(200)
  @Roles('committee_member', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'Reject a staff claim, with a reason the claimant is told' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectClaimDto): Promise<ClaimView> {
    return this.claims.reject(user, id, dto.reason);
  }
}
