import { Module } from '@nestjs/common';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';
import { UsersModule } from './users.module.js';

/** PUT /api/me/profile: nickname (through content security) and avatar. */
@Module({ imports: [UsersModule, ContentSecurityModule], controllers: [ProfileController], providers: [ProfileService] })
export class ProfileModule {}
