import { Module } from '@nestjs/common';
import { WechatModule } from '../wechat/wechat.module.js';
import { ContentHoldViews } from './content-hold-views.js';
import { ContentSecurityController } from './content-security.controller.js';
import { ContentSecurityService } from './content-security.service.js';

/** 内容安全: msgSecCheck for every text users publish, and the committee's release of held texts. */
@Module({
  imports: [WechatModule],
  controllers: [ContentSecurityController],
  providers: [ContentSecurityService, ContentHoldViews],
  exports: [ContentSecurityService],
})
export class ContentSecurityModule {}
