import { Module } from '@nestjs/common';
import { DispatchService } from './dispatch.service.js';

/** 派单: who handles a ticket. Used by the tickets capability when a matter is reported, returned or transferred. */
@Module({ providers: [DispatchService], exports: [DispatchService] })
export class DispatchModule {}
