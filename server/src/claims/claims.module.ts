import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';

/** 认领: a WeChat user proves the phone of an account staff created, and becomes it. */
@Module({ imports: [UsersModule, WechatModule, AuthModule], controllers: [ClaimsController], providers: [ClaimsService] })
export class ClaimsModule {}
