import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BindingsModule } from '../bindings/bindings.module.js';
import { FilesModule } from '../files/files.module.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';
import { PhoneRevealsService } from './phone-reveals.service.js';
import { UsersModule } from './users.module.js';

/** The user's own data (export, 注销) and 查看号码 with its log; apart from UsersModule, which the auth guard needs. */
@Module({ imports: [UsersModule, AuthModule, BindingsModule, FilesModule], controllers: [AccountController], providers: [AccountService, PhoneRevealsService] })
export class AccountModule {}
