import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentSecurity1795462880590 implements MigrationInterface {
  name = 'ContentSecurity1795462880590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `wechat_visits` (`openid` varchar(64) NOT NULL, `seenAt` datetime(3) NOT NULL, INDEX `IDX_60cedc59477cc3095e71c916c8` (`seenAt`), PRIMARY KEY (`openid`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `content_holds` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NULL, `ticketId` int NULL, `userId` int NOT NULL, `field` varchar(32) NOT NULL, `text` varchar(500) NOT NULL, `reason` varchar(32) NOT NULL, `traceId` varchar(64) NULL, `createdAt` datetime(3) NOT NULL, `releasedAt` datetime(3) NULL, `releasedById` int NULL, INDEX `IDX_7b6d9acbd8afbce7f781674d2b` (`ticketId`), INDEX `IDX_ddfdb42a13039a5dfca95bf4e5` (`communityId`, `releasedAt`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `tickets` ADD `contentHeld` tinyint NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `contentHeld`");
    await queryRunner.query("DROP INDEX `IDX_ddfdb42a13039a5dfca95bf4e5` ON `content_holds`");
    await queryRunner.query("DROP INDEX `IDX_7b6d9acbd8afbce7f781674d2b` ON `content_holds`");
    await queryRunner.query("DROP TABLE `content_holds`");
    await queryRunner.query("DROP INDEX `IDX_60cedc59477cc3095e71c916c8` ON `wechat_visits`");
    await queryRunner.query("DROP TABLE `wechat_visits`");
  }
}
