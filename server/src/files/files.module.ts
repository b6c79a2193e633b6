import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { FilesController } from './files.controller.js';
import { FilesService, UploadQuotaGuard } from './files.service.js';
import { FILE_STORAGE, LocalDiskStorage } from './storage.js';

@Module({
  imports: [WechatModule],
  controllers: [FilesController],
  providers: [FilesService, UploadQuotaGuard, { provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.uploadDir) }],
  exports: [FilesService, FILE_STORAGE],
})
export class FilesModule {}
