import { Module } from '@nestjs/common';
import { BindingsController } from './bindings.controller.js';
import { BindingsService } from './bindings.service.js';

/** 居民绑定: residents and the households they live in, as a committee approved. */
@Module({ controllers: [BindingsController], providers: [BindingsService], exports: [BindingsService] })
export class BindingsModule {}
