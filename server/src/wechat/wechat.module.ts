import { Module } from '@nestjs/common';
import { WechatGateway } from './wechat.gateway.js';

/** Our door to WeChat's server API; its access token is a row every process shares (WechatToken). */
@Module({ providers: [WechatGateway], exports: [WechatGateway] })
export class WechatModule {}
