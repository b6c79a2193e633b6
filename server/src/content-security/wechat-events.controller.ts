import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../auth/decorators.js';
import { RateLimit } from '../common/throttle.js';
import { FilesService } from '../files/files.service.js';
import { WechatPushVerifier } from '../wechat/wechat-push.js';

class UrlCheckQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) signature?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) timestamp?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) nonce?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) echostr?: string;
}

class PushQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) msg_signature?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) timestamp?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) nonce?: string;
  // WeChat adds these to every push; safe mode does not use them.
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) signature?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) encrypt_type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) openid?: string;
}

class PushBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) ToUserName?: string;
  @ApiProperty() @IsString() @MaxLength(65536) Encrypt: string;
}

/** 消息推送: WeChat's pushes (safe mode), of which Linli acts on mediaCheckAsync's verdicts. */
@ApiTags('wechat')
@Controller('wechat/events')
@Public()
export class WechatEventsController {
  constructor(
    @Inject(WechatPushVerifier) private readonly verifier: WechatPushVerifier,
    @Inject(FilesService) private readonly files: FilesService,
  ) {}

  @Get()
  @RateLimit('push')
  @ApiOperation({ summary: 'WeChat console URL check: echoes echostr when the signature is ours' })
  urlCheck(@Query() q: UrlCheckQuery, @Res({ passthrough: true }) res: Response): string {
    const echo = this.verifier.urlCheck(q);
    // Set after the check, so a refusal keeps the JSON error format.
    res.type('text/plain; charset=utf-8');
    return echo;
  }

  @Post()
  @HttpCode(200)
  @RateLimit('push')
  @ApiOperation({ summary: 'A WeChat push in safe mode; a forged, stale or replayed push is refused (401)' })
  async push(@Query() q: PushQuery, @Body() body: PushBody, @Res({ passthrough: true }) res: Response): Promise<string> {
    const message = await this.verifier.open(q, body);
    if (message.Event === 'wxa_media_check' && typeof message.trace_id === 'string') {
      const suggest = (message.result as { suggest?: unknown } | undefined)?.suggest;
      await this.files.recordMediaCheck(message.trace_id, String(suggest ?? ''));
    }
    // WeChat reads "success" as delivered and stops retrying.
    res.type('text/plain; charset=utf-8');
    return 'success';
  }
}
