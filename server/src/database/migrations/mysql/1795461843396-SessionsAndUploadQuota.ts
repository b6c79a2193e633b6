import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsAndUploadQuota1795461843396 implements MigrationInterface {
  name = 'SessionsAndUploadQuota1795461843396';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `auth_sessions` (`id` varchar(32) NOT NULL, `userId` int NOT NULL, `generation` int NOT NULL, `previousValidUntil` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, INDEX `IDX_4d5b325649caf1628a6e2e2be1` (`expiresAt`), INDEX `IDX_925b24d7fc2f9324ce972aee02` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `files` ADD `attachedAt` datetime(3) NULL");
    await queryRunner.query("CREATE INDEX `IDX_1018680d0edf097864d6866433` ON `files` (`attachedAt`, `createdAt`)");
    await queryRunner.query("CREATE INDEX `IDX_9583a7cc65f79446b141d104c4` ON `files` (`ownerId`, `createdAt`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_9583a7cc65f79446b141d104c4` ON `files`");
    await queryRunner.query("DROP INDEX `IDX_1018680d0edf097864d6866433` ON `files`");
    await queryRunner.query("ALTER TABLE `files` DROP COLUMN `attachedAt`");
    await queryRunner.query("DROP INDEX `IDX_925b24d7fc2f9324ce972aee02` ON `auth_sessions`");
    await queryRunner.query("DROP INDEX `IDX_4d5b325649caf1628a6e2e2be1` ON `auth_sessions`");
    await queryRunner.query("DROP TABLE `auth_sessions`");
  }
}
