import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795416009389 implements MigrationInterface {
  name = 'InitialSchema1795416009389';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `districts` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `streets` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `name` varchar(64) NOT NULL, INDEX `IDX_30969db10410fcf47bffc94f19` (`districtId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `communities` (`id` int NOT NULL AUTO_INCREMENT, `streetId` int NOT NULL, `districtId` int NOT NULL, `name` varchar(64) NOT NULL, INDEX `IDX_a7e4ee200de9cbbc48a2bcc78b` (`streetId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `grids` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `name` varchar(64) NOT NULL, `boundary` text NOT NULL, `minLng` double NOT NULL, `minLat` double NOT NULL, `maxLng` double NOT NULL, `maxLat` double NOT NULL, INDEX `IDX_851a44fd8a159a9659f9d13012` (`communityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `buildings` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `gridId` int NULL, `name` varchar(64) NOT NULL, `lat` double NULL, `lng` double NULL, INDEX `IDX_658671854e1a31f3a650b37aac` (`gridId`), INDEX `IDX_3262db4c13818015cc1e36aca8` (`communityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `households` (`id` int NOT NULL AUTO_INCREMENT, `buildingId` int NOT NULL, `label` varchar(64) NOT NULL, INDEX `IDX_98ff7733b9d3ba9b36ebf723b6` (`buildingId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `organisations` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(128) NOT NULL, `kind` varchar(32) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(64) NOT NULL, `phone` varchar(20) NULL, `openid` varchar(64) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_9c98f005249412c8333a3b2c59` (`openid`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `role_assignments` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `role` varchar(32) NOT NULL, `districtId` int NULL, `streetId` int NULL, `communityId` int NULL, `gridId` int NULL, `organisationId` int NULL, INDEX `IDX_da431f7d15fb496f90fe40d14a` (`role`, `communityId`), INDEX `IDX_bd4abf48f37a03f920a8a845e6` (`role`, `gridId`), INDEX `IDX_4c31464b76da5895e211a5d209` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `household_bindings` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `householdId` int NOT NULL, `communityId` int NOT NULL, `status` varchar(16) NOT NULL, `decidedById` int NULL, `decidedAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_a3143987b09409b2c1206bba55` (`communityId`, `status`), INDEX `IDX_6232e07416698f63cd5cd1cb3a` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `categories` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(32) NOT NULL, `name` varchar(32) NOT NULL, `icon` varchar(32) NOT NULL, `routing` varchar(16) NOT NULL, `partnerKind` varchar(32) NULL, `acceptMinutes` int NOT NULL, `resolveMinutes` int NOT NULL, `duplicateRadiusMeters` int NOT NULL, `sortOrder` int NOT NULL, `active` tinyint NOT NULL, UNIQUE INDEX `IDX_77d7eff8a7aaa05457a12b8007` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `files` (`id` int NOT NULL AUTO_INCREMENT, `key` varchar(64) NOT NULL, `ownerId` int NOT NULL, `mimeType` varchar(32) NOT NULL, `size` int NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_a5c218dfdf6ad6092fed2230a8` (`key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `tickets` (`id` int NOT NULL AUTO_INCREMENT, `reporterId` int NOT NULL, `categoryId` int NOT NULL, `description` varchar(500) NOT NULL, `anonymous` tinyint NOT NULL, `photoKeys` text NOT NULL, `lat` double NULL, `lng` double NULL, `buildingId` int NULL, `gridId` int NULL, `communityId` int NOT NULL, `streetId` int NOT NULL, `districtId` int NOT NULL, `status` varchar(16) NOT NULL, `handlerId` int NULL, `respondDueAt` datetime(3) NOT NULL, `acceptDueAt` datetime(3) NOT NULL, `resolveDueAt` datetime(3) NOT NULL, `escalationLevel` int NOT NULL, `lastEscalatedAt` datetime(3) NULL, `nextEscalationAt` datetime(3) NULL, `autoCloseAt` datetime(3) NULL, `firstAcceptedAt` datetime(3) NULL, `firstResolvedAt` datetime(3) NULL, `resolvedAt` datetime(3) NULL, `closedAt` datetime(3) NULL, `resolutionNote` varchar(500) NULL, `resolutionPhotoKeys` text NULL, `rating` varchar(24) NULL, `ratingComment` varchar(300) NULL, `reopenCount` int NOT NULL, `rejectReason` varchar(16) NULL, `duplicateOfId` int NULL, `followerCount` int NOT NULL, `version` int NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `idx_tickets_street` (`streetId`, `createdAt`), INDEX `idx_tickets_nearby` (`categoryId`, `status`, `lat`), INDEX `idx_tickets_auto_close` (`autoCloseAt`), INDEX `idx_tickets_next_escalation` (`nextEscalationAt`), INDEX `idx_tickets_grid_status` (`gridId`, `status`), INDEX `idx_tickets_reporter` (`reporterId`, `createdAt`), INDEX `idx_tickets_handler_status` (`handlerId`, `status`), INDEX `idx_tickets_community_status` (`communityId`, `status`, `createdAt`), INDEX `idx_tickets_community_created` (`communityId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `ticket_events` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `type` varchar(16) NOT NULL, `actorId` int NULL, `actorRole` varchar(24) NOT NULL, `note` varchar(500) NULL, `photoKeys` text NULL, `data` text NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_38fa419aeb636acb5c4f59172d` (`ticketId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `ticket_followers` (`id` int NOT NULL AUTO_INCREMENT, `ticketId` int NOT NULL, `userId` int NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_b7faf697a7280db3fbff89c2b7` (`userId`), UNIQUE INDEX `IDX_c0a1970cc4610dca35b999f4f2` (`ticketId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `idempotency_records` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `key` varchar(80) NOT NULL, `requestHash` varchar(64) NOT NULL, `ticketId` int NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_89d2a440de6596598fe27fcf64` (`userId`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notifications` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `type` varchar(32) NOT NULL, `title` varchar(64) NOT NULL, `body` varchar(255) NOT NULL, `ticketId` int NULL, `createdAt` datetime(3) NOT NULL, `readAt` datetime(3) NULL, `deliveryStatus` varchar(16) NOT NULL, INDEX `IDX_7d15fe60dae17fea4e4a120867` (`deliveryStatus`, `id`), INDEX `IDX_1522e4df81368fd2f83d90fc9a` (`userId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_tokens` (`appId` varchar(32) NOT NULL, `accessToken` varchar(512) NOT NULL, `expireTime` bigint NOT NULL, PRIMARY KEY (`appId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `wechat_tokens`");
    await queryRunner.query("DROP INDEX `IDX_1522e4df81368fd2f83d90fc9a` ON `notifications`");
    await queryRunner.query("DROP INDEX `IDX_7d15fe60dae17fea4e4a120867` ON `notifications`");
    await queryRunner.query("DROP TABLE `notifications`");
    await queryRunner.query("DROP INDEX `IDX_89d2a440de6596598fe27fcf64` ON `idempotency_records`");
    await queryRunner.query("DROP TABLE `idempotency_records`");
    await queryRunner.query("DROP INDEX `IDX_c0a1970cc4610dca35b999f4f2` ON `ticket_followers`");
    await queryRunner.query("DROP INDEX `IDX_b7faf697a7280db3fbff89c2b7` ON `ticket_followers`");
    await queryRunner.query("DROP TABLE `ticket_followers`");
    await queryRunner.query("DROP INDEX `IDX_38fa419aeb636acb5c4f59172d` ON `ticket_events`");
    await queryRunner.query("DROP TABLE `ticket_events`");
    await queryRunner.query("DROP INDEX `idx_tickets_community_created` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_community_status` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_handler_status` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_reporter` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_grid_status` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_next_escalation` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_auto_close` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_nearby` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_street` ON `tickets`");
    await queryRunner.query("DROP TABLE `tickets`");
    await queryRunner.query("DROP INDEX `IDX_a5c218dfdf6ad6092fed2230a8` ON `files`");
    await queryRunner.query("DROP TABLE `files`");
    await queryRunner.query("DROP INDEX `IDX_77d7eff8a7aaa05457a12b8007` ON `categories`");
    await queryRunner.query("DROP TABLE `categories`");
    await queryRunner.query("DROP INDEX `IDX_6232e07416698f63cd5cd1cb3a` ON `household_bindings`");
    await queryRunner.query("DROP INDEX `IDX_a3143987b09409b2c1206bba55` ON `household_bindings`");
    await queryRunner.query("DROP TABLE `household_bindings`");
    await queryRunner.query("DROP INDEX `IDX_4c31464b76da5895e211a5d209` ON `role_assignments`");
    await queryRunner.query("DROP INDEX `IDX_bd4abf48f37a03f920a8a845e6` ON `role_assignments`");
    await queryRunner.query("DROP INDEX `IDX_da431f7d15fb496f90fe40d14a` ON `role_assignments`");
    await queryRunner.query("DROP TABLE `role_assignments`");
    await queryRunner.query("DROP INDEX `IDX_9c98f005249412c8333a3b2c59` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
    await queryRunner.query("DROP TABLE `organisations`");
    await queryRunner.query("DROP INDEX `IDX_98ff7733b9d3ba9b36ebf723b6` ON `households`");
    await queryRunner.query("DROP TABLE `households`");
    await queryRunner.query("DROP INDEX `IDX_3262db4c13818015cc1e36aca8` ON `buildings`");
    await queryRunner.query("DROP INDEX `IDX_658671854e1a31f3a650b37aac` ON `buildings`");
    await queryRunner.query("DROP TABLE `buildings`");
    await queryRunner.query("DROP INDEX `IDX_851a44fd8a159a9659f9d13012` ON `grids`");
    await queryRunner.query("DROP TABLE `grids`");
    await queryRunner.query("DROP INDEX `IDX_a7e4ee200de9cbbc48a2bcc78b` ON `communities`");
    await queryRunner.query("DROP TABLE `communities`");
    await queryRunner.query("DROP INDEX `IDX_30969db10410fcf47bffc94f19` ON `streets`");
    await queryRunner.query("DROP TABLE `streets`");
    await queryRunner.query("DROP TABLE `districts`");
  }
}
