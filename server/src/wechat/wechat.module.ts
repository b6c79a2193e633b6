import { Module } from '@nestjs/common';
import { WechatPushVerifier } from './wechat-push.js';
import { WechatGateway } from './wechat.gateway.js';

/** Our door to WeChat's server API; its access token is a row every process shares (WechatToken). */
@Module({ providers: [WechatGateway, WechatPushVerifier], exports: [WechatGateway, WechatPushVerifier] })
export class WechatModule {}
