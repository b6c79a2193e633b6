import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BindingListItem, BindingView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { BindingsService } from './bindings.service.js';
import { BindDto, BindingReasonDto, BindingsQuery } from './dto/binding.dto.js';

@ApiTags('bindings')
@ApiBearerAuth()
@Controller('bindings')
export class BindingsController {
  constructor(@Inject(BindingsService) private readonly bindings: BindingsService) {}

  /** 居民绑定: ask to be bound to a household. */
  @Post()
  @Roles('resident')
  request(@CurrentUser() user: AuthUser, @Body() dto: BindDto): Promise<BindingView> {
    return this.bindings.request(user, dto.householdId);
  }

  @Get()
  @Roles('committee_member')
  @ApiOperation({ summary: "The committee's binding requests, newest first, phones masked" })
  list(@CurrentUser() user: AuthUser, @Query() q: BindingsQuery): Promise<BindingListItem[]> {
    return this.bindings.list(user, q.status);
  }

  @Delete('mine')
  @ApiOperation({ summary: 'Moving out: end my binding (or withdraw my pending request)' })
  leave(@CurrentUser() user: AuthUser): Promise<BindingView> {
    return this.bindings.leave(user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('committee_member')
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BindingView> {
    return this.bindings.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('committee_member')
  @ApiOperation({ summary: 'Reject a request, with the reason the resident is told' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BindingReasonDto): Promise<BindingView> {
    return this.bindings.reject(user, id, dto.reason);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('committee_member')
  @ApiOperation({ summary: 'The committee ends an approved binding, with the reason the resident is told' })
  end(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BindingReasonDto): Promise<BindingView> {
    return this.bindings.end(user, id, dto.reason);
  }
}
