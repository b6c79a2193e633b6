import { Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import type { ContentHoldView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ContentHoldViews } from './content-hold-views.js';
import { ContentSecurityService } from './content-security.service.js';

class HeldQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
}

/** 内容审核: texts held off the public board, for the committee of their community to release. */
@ApiTags('content-security')
@ApiBearerAuth()
@Controller('content-holds')
@Roles('committee_member', 'admin')
export class ContentSecurityController {
  constructor(
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
    @Inject(ContentHoldViews) private readonly views: ContentHoldViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Held texts of a community, not yet released, oldest first' })
  async held(@CurrentUser() user: AuthUser, @Query() q: HeldQuery): Promise<{ items: ContentHoldView[] }> {
    return { items: await this.views.of(await this.content.held(user, q.communityId)) };
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a held text: it shows where it belongs (the public board, neighbours’ views)' })
  async release(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ContentHoldView> {
    const [view] = await this.views.of([await this.content.release(user, id)]);
    return view;
  }
}
