import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoChecks1795466882040 implements MigrationInterface {
  name = 'PhotoChecks1795466882040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `wechat_push_nonces` (`nonce` varchar(64) NOT NULL, `seenAt` datetime(3) NOT NULL, INDEX `IDX_454d11a65d9a0852461a064921` (`seenAt`), PRIMARY KEY (`nonce`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `files` ADD `checkTraceId` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `files` ADD `checkStatus` varchar(16) NULL");
    await queryRunner.query("CREATE INDEX `IDX_e8455f74563c7e2626f066ac63` ON `files` (`checkTraceId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_e8455f74563c7e2626f066ac63` ON `files`");
    await queryRunner.query("ALTER TABLE `files` DROP COLUMN `checkStatus`");
    await queryRunner.query("ALTER TABLE `files` DROP COLUMN `checkTraceId`");
    await queryRunner.query("DROP INDEX `IDX_454d11a65d9a0852461a064921` ON `wechat_push_nonces`");
    await queryRunner.query("DROP TABLE `wechat_push_nonces`");
  }
}
