import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bookings1796182830507 implements MigrationInterface {
  name = 'Bookings1796182830507';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_items` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `family` varchar(16) NOT NULL, `name` varchar(64) NOT NULL, `organisationId` int NULL, `place` varchar(128) NOT NULL, `description` varchar(1000) NOT NULL, `documents` varchar(1000) NOT NULL, `duration` varchar(32) NULL, `eligibility` varchar(200) NOT NULL, `mode` varchar(8) NOT NULL DEFAULT 'slots', `advanceDays` int NOT NULL, `cancelCutoffMinutes` int NOT NULL, `perPersonLimit` int NOT NULL, `perHouseholdLimit` int NOT NULL, `volunteerPlaces` int NOT NULL DEFAULT '0', `volunteerMinutes` int NOT NULL DEFAULT '0', `hoursPrice` int NULL, `schedule` varchar(4000) NOT NULL DEFAULT '[]', `scheduledUntil` varchar(10) NULL, `active` tinyint NOT NULL, `version` int NOT NULL DEFAULT '1', `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_d6109616fa42d41bb275e4bd24` (`communityId`, `family`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_slots` (`id` int NOT NULL AUTO_INCREMENT, `serviceId` int NOT NULL, `communityId` int NOT NULL, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, `localDate` varchar(10) NOT NULL, `capacity` int NOT NULL, `taken` int NOT NULL DEFAULT '0', `volunteerCapacity` int NOT NULL DEFAULT '0', `volunteerTaken` int NOT NULL DEFAULT '0', `closedAt` datetime(3) NULL, `closedReason` varchar(200) NULL, `movedAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_04dd892abaa4e1ae391d6f87e8` (`serviceId`, `localDate`), INDEX `IDX_93516a6b82b681e8b92322b38d` (`communityId`, `startsAt`), UNIQUE INDEX `IDX_5f39c8dcdee95a6090c4d3a49f` (`serviceId`, `startsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_closures` (`id` int NOT NULL AUTO_INCREMENT, `serviceId` int NOT NULL, `date` varchar(10) NOT NULL, `reason` varchar(200) NOT NULL, `createdById` int NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_5a1bbe4dadd0e8b14696220f99` (`serviceId`, `date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `bookings` (`id` int NOT NULL AUTO_INCREMENT, `slotId` int NOT NULL, `serviceId` int NOT NULL, `communityId` int NOT NULL, `userId` int NOT NULL, `householdId` int NULL, `bookedById` int NULL, `createdById` int NOT NULL, `role` varchar(12) NOT NULL, `status` varchar(16) NOT NULL, `live` tinyint NULL, `joinedAt` datetime(3) NOT NULL, `offerExpiresAt` datetime(3) NULL, `slotMovedAt` datetime(3) NULL, `checkInCode` varchar(8) NOT NULL, `checkedInAt` datetime(3) NULL, `cancelledAt` datetime(3) NULL, `rating` varchar(24) NULL, `ratingComment` varchar(300) NULL, `ratingCommentHeld` tinyint NOT NULL DEFAULT 0, `ratedAt` datetime(3) NULL, `paidMinutes` int NOT NULL DEFAULT '0', `remindedAt` datetime(3) NULL, `idempotencyKey` varchar(80) NULL, `requestHash` varchar(64) NULL, `version` int NOT NULL DEFAULT '1', `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_747d1aedcf673381a2ee63efa1` (`status`, `offerExpiresAt`), INDEX `IDX_9d9598d977d479def731996b42` (`bookedById`, `id`), INDEX `IDX_58447ef5a73fff023e270ee25b` (`householdId`, `status`), INDEX `IDX_6f7599c06e940eda33db280288` (`serviceId`, `status`), INDEX `IDX_88210734ad7ae480ed2305b984` (`userId`, `id`), INDEX `IDX_75098f5622410c2eb0bc9b1140` (`slotId`, `status`), UNIQUE INDEX `IDX_871b1b77bf6c23f19e17b8d0d7` (`createdById`, `idempotencyKey`), UNIQUE INDEX `IDX_8596776935a9d65a85b2e36240` (`slotId`, `checkInCode`), UNIQUE INDEX `IDX_0b611587177186d2bfc630f105` (`slotId`, `userId`, `live`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `booking_events` (`id` int NOT NULL AUTO_INCREMENT, `bookingId` int NOT NULL, `type` varchar(16) NOT NULL, `actorId` int NULL, `note` varchar(200) NULL, `at` datetime(3) NOT NULL, INDEX `IDX_30648cb5f51281d2667095f493` (`bookingId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `booking_help_requests` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `communityId` int NOT NULL, `gridId` int NULL, `householdId` int NULL, `serviceId` int NULL, `note` varchar(200) NULL, `status` varchar(12) NOT NULL, `open` tinyint NULL, `handledById` int NULL, `handledAt` datetime(3) NULL, `bookingId` int NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_85bd4ca4f861c65012baca6b57` (`communityId`, `status`), UNIQUE INDEX `IDX_dda43c117f341f0bf6d9326169` (`userId`, `open`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_hour_entries` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `minutes` int NOT NULL, `kind` varchar(12) NOT NULL, `reason` varchar(100) NOT NULL, `bookingId` int NULL, `confirmedById` int NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_1bb786f8436578451514dd84b2` (`bookingId`, `kind`), INDEX `IDX_459eb62f46cb04adcf29ec60d5` (`userId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `notifications` ADD `bookingId` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `bookingId`");
    await queryRunner.query("DROP INDEX `IDX_459eb62f46cb04adcf29ec60d5` ON `volunteer_hour_entries`");
    await queryRunner.query("DROP INDEX `IDX_1bb786f8436578451514dd84b2` ON `volunteer_hour_entries`");
    await queryRunner.query("DROP TABLE `volunteer_hour_entries`");
    await queryRunner.query("DROP INDEX `IDX_dda43c117f341f0bf6d9326169` ON `booking_help_requests`");
    await queryRunner.query("DROP INDEX `IDX_85bd4ca4f861c65012baca6b57` ON `booking_help_requests`");
    await queryRunner.query("DROP TABLE `booking_help_requests`");
    await queryRunner.query("DROP INDEX `IDX_30648cb5f51281d2667095f493` ON `booking_events`");
    await queryRunner.query("DROP TABLE `booking_events`");
    await queryRunner.query("DROP INDEX `IDX_0b611587177186d2bfc630f105` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_8596776935a9d65a85b2e36240` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_871b1b77bf6c23f19e17b8d0d7` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_75098f5622410c2eb0bc9b1140` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_88210734ad7ae480ed2305b984` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_6f7599c06e940eda33db280288` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_58447ef5a73fff023e270ee25b` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_9d9598d977d479def731996b42` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_747d1aedcf673381a2ee63efa1` ON `bookings`");
    await queryRunner.query("DROP TABLE `bookings`");
    await queryRunner.query("DROP INDEX `IDX_5a1bbe4dadd0e8b14696220f99` ON `service_closures`");
    await queryRunner.query("DROP TABLE `service_closures`");
    await queryRunner.query("DROP INDEX `IDX_5f39c8dcdee95a6090c4d3a49f` ON `service_slots`");
    await queryRunner.query("DROP INDEX `IDX_93516a6b82b681e8b92322b38d` ON `service_slots`");
    await queryRunner.query("DROP INDEX `IDX_04dd892abaa4e1ae391d6f87e8` ON `service_slots`");
    await queryRunner.query("DROP TABLE `service_slots`");
    await queryRunner.query("DROP INDEX `IDX_d6109616fa42d41bb275e4bd24` ON `service_items`");
    await queryRunner.query("DROP TABLE `service_items`");
  }
}
