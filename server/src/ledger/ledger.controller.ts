import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LEDGER_MAX_BYTES, type GridImportReport, type LedgerHouseholdDetail, type LedgerImportReport, type LedgerSpecialCareEntry, type PageOfLedgerHousehold } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { MEDIA_TYPES } from '../exports/sheet-writer.js';
import { GridImportService } from './grid-import.service.js';
import { LedgerEditsService } from './ledger-edits.service.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LedgerImportService } from './ledger-import.service.js';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { FileUpload } from './ledger-upload.js';
import {
  GridImportDto,
  LedgerEndMemberDto,
  LedgerHouseholdEditDto,
  LedgerHouseholdsQueryDto,
  LedgerImportDto,
  LedgerMemberDto,
  LedgerMemberEditDto,
  LedgerSpecialCareQueryDto,
} from './ledger.dto.js';

type Upload = { buffer: Buffer; originalname: string } | undefined;
const GEOJSON_MAX_BYTES = 5 * 1024 * 1024;

const multipart = (fields: Record<string, { type: string; description?: string }>, required: string[]) => ({
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, ...fields }, required: ['file', ...required] },
});

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(
    @Inject(LedgerImportService) private readonly imports: LedgerImportService,
    @Inject(LedgerQueriesService) private readonly queries: LedgerQueriesService,
    @Inject(LedgerEditsService) private readonly edits: LedgerEditsService,
    @Inject(LedgerExportService) private readonly exports: LedgerExportService,
    @Inject(GridImportService) private readonly grids: GridImportService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('committee_member', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody(
    multipart(
      { communityId: { type: 'integer' }, dryRun: { type: 'boolean' }, fixes: { type: 'string' }, planHash: { type: 'string' }, endMemberIds: { type: 'string' } },
      ['communityId', 'dryRun'],
    ),
  )
  @UseInterceptors(FileUpload(LEDGER_MAX_BYTES, '台账文件'))
  importLedger(@CurrentUser() user: AuthUser, @Body() dto: LedgerImportDto, @UploadedFile() file: Upload): Promise<LedgerImportReport> {
    return this.imports.import(user, dto, file);
  }

  @Get('template.xlsx')
  @Roles('committee_member', 'admin')
  async template(@Res() res: Response): Promise<void> {
    const bytes = await this.exports.template();
    res.setHeader('content-type', MEDIA_TYPES.xlsx);
    res.setHeader('content-disposition', `attachment; filename="ledger-template.xlsx"; filename*=UTF-8''${encodeURIComponent('台账导入模板.xlsx')}`);
    res.send(bytes);
  }

  @Post('grids/import')
  @HttpCode(200)
  @Roles('committee_member', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipart({ communityId: { type: 'integer' }, dryRun: { type: 'boolean' } }, ['communityId', 'dryRun']))
  @UseInterceptors(FileUpload(GEOJSON_MAX_BYTES, 'GeoJSON 文件'))
  importGrids(@CurrentUser() user: AuthUser, @Body() dto: GridImportDto, @UploadedFile() file: Upload): Promise<GridImportReport> {
    return this.grids.import(user, dto, file);
  }

  @Get('households')
  @Roles('committee_member', 'admin', 'grid_worker')
  households(@CurrentUser() user: AuthUser, @Query() q: LedgerHouseholdsQueryDto): Promise<PageOfLedgerHousehold> {
    return this.queries.households(user, q);
  }

  @Get('households/:id')
  @Roles('committee_member', 'admin', 'grid_worker')
  household(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LedgerHouseholdDetail> {
    return this.queries.household(user, id);
  }

  @Put('households/:id')
  @Roles('committee_member', 'admin')
  editHousehold(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: LedgerHouseholdEditDto): Promise<LedgerHouseholdDetail> {
    return this.edits.editHousehold(user, id, dto);
  }

  @Post('households/:id/members')
  @HttpCode(200)
  @Roles('committee_member', 'admin')
  addMember(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: LedgerMemberDto): Promise<LedgerHouseholdDetail> {
    return this.edits.addMember(user, id, dto);
  }

  @Put('members/:id')
  @Roles('committee_member', 'admin')
  editMember(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: LedgerMemberEditDto): Promise<LedgerHouseholdDetail> {
    return this.edits.editMember(user, id, dto);
  }

  @Post('members/:id/end')
  @HttpCode(200)
  @Roles('committee_member', 'admin')
  endMember(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: LedgerEndMemberDto): Promise<LedgerHouseholdDetail> {
    return this.edits.endMember(user, id, dto);
  }

  @Get('special-care')
  @Roles('committee_member', 'admin', 'grid_worker')
  specialCare(@CurrentUser() user: AuthUser, @Query() q: LedgerSpecialCareQueryDto): Promise<LedgerSpecialCareEntry[]> {
    return this.queries.specialCare(user, q);
  }
}
