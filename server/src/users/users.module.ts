import { Module } from '@nestjs/common';
import { BindingsModule } from '../bindings/bindings.module.js';
import { UsersService } from './users.service.js';

@Module({ imports: [BindingsModule], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
