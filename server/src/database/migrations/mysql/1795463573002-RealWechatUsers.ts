import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RealWechatUsers1795463573002 implements MigrationInterface {
  name = 'RealWechatUsers1795463573002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `account_claims` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `claimantId` int NOT NULL, `phone` varchar(20) NOT NULL, `status` varchar(16) NOT NULL, `reason` varchar(200) NULL, `decidedById` int NULL, `decidedAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_5b625909feef93ded3c2d2ce4e` (`claimantId`), INDEX `IDX_a4b56de7ae335b3e7e04840c14` (`accountId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `phone_reveals` (`id` int NOT NULL AUTO_INCREMENT, `viewerId` int NOT NULL, `subjectId` int NOT NULL, `communityId` int NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_2d6a1fd7d6427cb898e19125e5` (`communityId`, `id`), INDEX `IDX_4e6c25592a4ecb4041f4252dc2` (`subjectId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `users` ADD `phoneVerifiedAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `nickname` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `avatarKey` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `consentVersion` varchar(32) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `consentedAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `deletedAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `household_bindings` ADD `reason` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `household_bindings` ADD `endedAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `household_bindings` ADD `endedById` int NULL");
    await queryRunner.query("CREATE INDEX `IDX_a000cca60bcf04454e72769949` ON `users` (`phone`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_a000cca60bcf04454e72769949` ON `users`");
    await queryRunner.query("ALTER TABLE `household_bindings` DROP COLUMN `endedById`");
    await queryRunner.query("ALTER TABLE `household_bindings` DROP COLUMN `endedAt`");
    await queryRunner.query("ALTER TABLE `household_bindings` DROP COLUMN `reason`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `deletedAt`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `consentedAt`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `consentVersion`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `avatarKey`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `nickname`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `phoneVerifiedAt`");
    await queryRunner.query("DROP INDEX `IDX_4e6c25592a4ecb4041f4252dc2` ON `phone_reveals`");
    await queryRunner.query("DROP INDEX `IDX_2d6a1fd7d6427cb898e19125e5` ON `phone_reveals`");
    await queryRunner.query("DROP TABLE `phone_reveals`");
    await queryRunner.query("DROP INDEX `IDX_a4b56de7ae335b3e7e04840c14` ON `account_claims`");
    await queryRunner.query("DROP INDEX `IDX_5b625909feef93ded3c2d2ce4e` ON `account_claims`");
    await queryRunner.query("DROP TABLE `account_claims`");
  }
}
