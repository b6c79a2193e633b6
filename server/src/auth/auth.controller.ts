import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { LoginResult, MeView } from '@linli/shared';
import { RateLimit } from '../common/throttle.js';
import { UsersService } from '../users/users.service.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentSession, CurrentUser, Public } from './decorators.js';
import type { SessionClaims } from './sessions.service.js';

class WechatLoginDto {
  @ApiProperty({ description: 'The code from wx.login' }) @IsString() @IsNotEmpty() @MaxLength(128) code: string;
  @ApiPropertyOptional({ description: 'The privacy policy version the user ticked (PRIVACY_POLICY_VERSION); without the current one: 400 CONSENT_REQUIRED' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  consentVersion?: string;
}

class DevLoginDto {
  @ApiProperty() @IsInt() @Min(1) userId: number;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  @Post('auth/wechat-login')
  @Public()
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({ summary: 'Log in with the code of wx.login (code2Session), having consented to the current privacy policy' })
  wechatLogin(@Body() dto: WechatLoginDto): Promise<LoginResult> {
    return this.auth.wechatLogin(dto.code, dto.consentVersion);
  }

  @Get('auth/dev-users')
  @Public()
  @ApiOperation({ summary: 'Seeded users to log in as (without a WeChat appid or with DEV_LOGIN=true; never in production)' })
  devUsers() {
    return this.auth.devUsers();
  }

  @Post('auth/dev-login')
  @Public()
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({ summary: 'Log in as a seeded user (without a WeChat appid or with DEV_LOGIN=true; never in production)' })
  devLogin(@Body() dto: DevLoginDto): Promise<LoginResult> {
    return this.auth.devLogin(dto.userId);
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A fresh token for a still-valid one' })
  refresh(@CurrentUser() user: AuthUser, @CurrentSession() session: SessionClaims): Promise<LoginResult> {
    return this.auth.refresh(user.id, session);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The user, roles with their places, household, building, grid' })
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.users.me(user.id);
  }
}
