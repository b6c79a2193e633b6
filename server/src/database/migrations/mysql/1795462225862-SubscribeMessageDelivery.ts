import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscribeMessageDelivery1795462225862 implements MigrationInterface {
  name = 'SubscribeMessageDelivery1795462225862';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7d15fe60dae17fea4e4a120867` ON `notifications`");
    await queryRunner.query("ALTER TABLE `notifications` ADD `communityId` int NULL");
    await queryRunner.query("ALTER TABLE `notifications` ADD `audience` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `notifications` ADD `deliverAfter` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `notifications` ADD `deliveryClaimedAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `notifications` ADD `deliveryAttempts` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `notifications` ADD `deliveryReason` varchar(64) NULL");
    await queryRunner.query("CREATE INDEX `IDX_213c6b7c98c1414c32a71752ca` ON `notifications` (`communityId`, `createdAt`, `type`, `deliveryStatus`)");
    await queryRunner.query("CREATE INDEX `IDX_8f84944ef8c4ed0d7445ac5115` ON `notifications` (`deliveryStatus`, `deliverAfter`)");
    // Rows written before delivery existed: their community for the figures, and due from when they were written
    // (older than a day they are skipped as expired rather than sent late).
    await queryRunner.query("UPDATE `notifications` n JOIN `tickets` t ON t.`id` = n.`ticketId` SET n.`communityId` = t.`communityId`");
    await queryRunner.query("UPDATE `notifications` SET `deliverAfter` = `createdAt` WHERE `deliveryStatus` = 'pending'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_8f84944ef8c4ed0d7445ac5115` ON `notifications`");
    await queryRunner.query("DROP INDEX `IDX_213c6b7c98c1414c32a71752ca` ON `notifications`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `deliveryReason`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `deliveryAttempts`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `deliveryClaimedAt`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `deliverAfter`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `audience`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `communityId`");
    await queryRunner.query("CREATE INDEX `IDX_7d15fe60dae17fea4e4a120867` ON `notifications` (`deliveryStatus`, `id`)");
  }
}
