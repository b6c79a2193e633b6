import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [
    UsersModule,
    WechatModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A key object made once: given a string, jsonwebtoken first tries to parse it as a PEM public key on every verify (and throws), a tenth of a request's CPU.
        const key = createSecretKey(Buffer.from(config.jwtSecret));
        return { secretOrKeyProvider: () => key, signOptions: { expiresIn: config.jwtTtlSeconds } };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard, SessionsService],
  exports: [AuthGuard, AuthService, JwtModule, SessionsService],
})
export class AuthModule {}
