import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { PlacesService } from './places.service.js';

class BuildingsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) communityId?: number;
}
class HouseholdsQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) buildingId: number;
}

@ApiTags('places')
@ApiBearerAuth()
@Controller()
export class PlacesController {
  constructor(@Inject(PlacesService) private readonly places: PlacesService) {}

  @Get('places/communities')
  async communities() {
    return this.places.communityChoices();
  }

  /** Buildings of a community (default: the caller's own), for the building picker. */
  @Get('places/buildings')
  async buildings(@CurrentUser() user: AuthUser, @Query() q: BuildingsQuery) {
    return this.places.buildingChoices(user, q.communityId);
  }

  @Get('places/households')
  async households(@Query() q: HouseholdsQuery) {
    return this.places.householdChoices(q.buildingId);
  }
}
