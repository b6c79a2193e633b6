import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { DeliveryStatsService } from './delivery-stats.service.js';
import { DeliveryService } from './delivery.service.js';
import { DeliveryStatsController, NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** The inbox, and delivery of the outbox as WeChat subscribe messages (a worker in every process). */
@Module({
  imports: [PlacesModule, WechatModule],
  controllers: [NotificationsController, DeliveryStatsController],
  providers: [NotificationsService, DeliveryService, DeliveryStatsService],
  exports: [DeliveryService],
})
export class NotificationsModule {}
