import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PageOfAuditEntry } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { AuditQueryDto } from './audit.dto.js';
import { AuditService } from './audit.service.js';

/** Read only: no route writes, edits or deletes the log. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles('committee_member', 'street_officer', 'district_officer', 'admin')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto): Promise<PageOfAuditEntry> {
    return this.audit.list(user, q);
  }
}
