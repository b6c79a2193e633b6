import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module.js';
import { GridImportService } from './grid-import.service.js';
import { LedgerEditsService } from './ledger-edits.service.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LedgerExportsController } from './ledger-exports.controller.js';
import { LedgerImportService } from './ledger-import.service.js';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { LedgerController } from './ledger.controller.js';

/** 台账: the community's households and people, imported, corrected, exported; grid boundaries (docs/ledger.md). */
@Module({
  imports: [PlacesModule],
  controllers: [LedgerController, LedgerExportsController],
  providers: [LedgerImportService, LedgerQueriesService, LedgerEditsService, LedgerExportService, GridImportService],
  exports: [LedgerQueriesService],
})
export class LedgerModule {}
