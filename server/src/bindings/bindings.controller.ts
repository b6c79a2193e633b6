import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { BindingsService } from './bindings.service.js';
import { BindDto, BindingsQuery } from './dto/binding.dto.js';

@ApiTags('bindings')
@ApiBearerAuth()
@Controller('bindings')
export class BindingsController {
  constructor(@Inject(BindingsService) private readonly bindings: BindingsService) {}

  /** 居民绑定: ask to be bound to a household. */
  @Post()
  @Roles('resident')
  request(@CurrentUser() user: AuthUser, @Body() dto: BindDto) {
    return this.bindings.request(user, dto.householdId);
  }

  @Get()
  @Roles('committee_member')
  list(@CurrentUser() user: AuthUser, @Query() q: BindingsQuery) {
    return this.bindings.list(user, q.status);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('committee_member')
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number) {
    return this.bindings.decide(user, id, 'approved');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('committee_member')
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number) {
    return this.bindings.decide(user, id, 'rejected');
  }
}
