import { Body, Controller, HttpCode, Inject, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { StaffRemovalResult } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { StaffService } from './staff.service.js';

class RemoveStaffDto {
  @ApiPropertyOptional({ description: 'Who takes over their open tickets (a grid worker or partner of the community)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  handoverToUserId?: number;
}

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @Post(':userId/remove')
  @HttpCode(200)
  @Roles('committee_member', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'A staff member leaves: their open tickets are handed over first (409 STAFF_HAS_OPEN_TICKETS without someone to take them)' })
  remove(@CurrentUser() user: AuthUser, @Param('userId', ParseIntPipe) userId: number, @Body() dto: RemoveStaffDto): Promise<StaffRemovalResult> {
    return this.staff.remove(user, userId, dto.handoverToUserId);
  }
}
