import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { ContentHoldViews } from './content-hold-views.js';
import { ContentSecurityController } from './content-security.controller.js';
import { ContentSecurityService } from './content-security.service.js';
import { WechatEventsController } from './wechat-events.controller.js';

/** 内容安全: msgSecCheck for every text users publish, the committee's release of held texts, and WeChat's verdicts on photos. */
@Module({
  imports: [FilesModule, WechatModule],
  controllers: [ContentSecurityController, WechatEventsController],
  providers: [ContentSecurityService, ContentHoldViews],
  exports: [ContentSecurityService],
})
export class ContentSecurityModule {}
