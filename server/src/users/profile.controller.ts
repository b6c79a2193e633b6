import { Body, Controller, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import type { MeView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { ProfileService } from './profile.service.js';

/** WeChat lets a nickname run to 20 characters or so; longer is not one WeChat gave. */
export const NICKNAME_MAX = 20;

class ProfileDto {
  @ApiPropertyOptional({ maxLength: NICKNAME_MAX })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, NICKNAME_MAX, { message: `昵称须为1到${NICKNAME_MAX}个字` })
  nickname?: string;
  @ApiPropertyOptional({ description: 'An uploaded photo of the caller (POST /api/files)' }) @IsOptional() @IsInt() @Min(1) avatarFileId?: number;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class ProfileController {
  constructor(@Inject(ProfileService) private readonly profile: ProfileService) {}

  @Put('profile')
  @ApiOperation({ summary: 'The nickname (checked by content security) and avatar the user chose' })
  update(@CurrentUser() user: AuthUser, @Body() dto: ProfileDto): Promise<MeView> {
    return this.profile.update(user, dto);
  }
}
