import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { Errors } from '../common/app-error.js';
import { UsersService } from '../users/users.service.js';
import { BindingsService } from './bindings.service.js';
import { PlacesService } from './places.service.js';

class BuildingsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) communityId?: number;
}
class HouseholdsQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) buildingId: number;
}
class BindDto {
  @ApiProperty() @IsInt() @Min(1) householdId: number;
}
class BindingsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] }) @IsOptional() @IsIn(['pending', 'approved', 'rejected']) status?: 'pending' | 'approved' | 'rejected';
}

@ApiTags('places')
@ApiBearerAuth()
@Controller()
export class PlacesController {
  constructor(
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(BindingsService) private readonly bindings: BindingsService,
  ) {}

  @Get('places/communities')
  async communities() {
    return (await this.places.communities()).map((c) => ({ id: c.id, name: c.name, streetId: c.streetId }));
  }

  /** Buildings of a community (default: the caller's own), for the building picker. */
  @Get('places/buildings')
  async buildings(@CurrentUser() user: AuthUser, @Query() q: BuildingsQuery) {
    const communityId = q.communityId ?? (await this.users.homeCommunityId(user));
    if (communityId === null) throw Errors.unprocessable('COMMUNITY_REQUIRED', '请先选择社区');
    return (await this.places.buildings(communityId)).map((b) => ({ id: b.id, name: b.name, gridId: b.gridId, communityId: b.communityId, lat: b.lat, lng: b.lng }));
  }

  @Get('places/households')
  async households(@Query() q: HouseholdsQuery) {
    return (await this.places.households(q.buildingId)).map((h) => ({ id: h.id, label: h.label }));
  }

  /** 居民绑定: ask to be bound to a household. */
  @Post('bindings')
  @Roles('resident')
  request(@CurrentUser() user: AuthUser, @Body() dto: BindDto) {
    return this.bindings.request(user, dto.householdId);
  }

  @Get('bindings')
  @Roles('committee_member')
  list(@CurrentUser() user: AuthUser, @Query() q: BindingsQuery) {
    return this.bindings.list(user, q.status);
  }

  @Post('bindings/:id/approve')
  @HttpCode(200)
  @Roles('committee_member')
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number) {
    return this.bindings.decide(user, id, 'approved');
  }

  @Post('bindings/:id/reject')
  @HttpCode(200)
  @Roles('committee_member')
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number) {
    return this.bindings.decide(user, id, 'rejected');
  }
}
