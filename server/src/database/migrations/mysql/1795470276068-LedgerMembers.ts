import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillHouseholdUnits } from '../household-units.js';

export class LedgerMembers1795470276068 implements MigrationInterface {
  name = 'LedgerMembers1795470276068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_98ff7733b9d3ba9b36ebf723b6` ON `households`");
    await queryRunner.query("CREATE TABLE `household_members` (`id` int NOT NULL AUTO_INCREMENT, `householdId` int NOT NULL, `userId` int NOT NULL, `communityId` int NOT NULL, `relation` varchar(16) NOT NULL, `startedAt` datetime(3) NOT NULL, `endedAt` datetime(3) NULL, `endedById` int NULL, `endReason` varchar(200) NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_875728d7a0d8c39c1c751765e8` (`communityId`, `endedAt`), INDEX `IDX_020bc38c41448c356b96240183` (`userId`), INDEX `IDX_640db19175e32080e5c6b94b6b` (`householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person_details` (`userId` int NOT NULL, `birthYear` smallint NULL, `specialCare` varchar(200) NOT NULL DEFAULT '', `updatedAt` datetime(3) NOT NULL, PRIMARY KEY (`userId`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `households` ADD `unit` varchar(32) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `households` ADD `door` varchar(32) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `households` ADD `areaHundredths` int NULL");
    await queryRunner.query("ALTER TABLE `households` ADD `version` int NOT NULL DEFAULT '1'");
    await queryRunner.query("CREATE INDEX `IDX_bc5cfadfd24a332fcf9ae87364` ON `households` (`buildingId`, `door`)");
    await fillHouseholdUnits(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_bc5cfadfd24a332fcf9ae87364` ON `households`");
    await queryRunner.query("ALTER TABLE `households` DROP COLUMN `version`");
    await queryRunner.query("ALTER TABLE `households` DROP COLUMN `areaHundredths`");
    await queryRunner.query("ALTER TABLE `households` DROP COLUMN `door`");
    await queryRunner.query("ALTER TABLE `households` DROP COLUMN `unit`");
    await queryRunner.query("DROP TABLE `person_details`");
    await queryRunner.query("DROP INDEX `IDX_640db19175e32080e5c6b94b6b` ON `household_members`");
    await queryRunner.query("DROP INDEX `IDX_020bc38c41448c356b96240183` ON `household_members`");
    await queryRunner.query("DROP INDEX `IDX_875728d7a0d8c39c1c751765e8` ON `household_members`");
    await queryRunner.query("DROP TABLE `household_members`");
    await queryRunner.query("CREATE INDEX `IDX_98ff7733b9d3ba9b36ebf723b6` ON `households` (`buildingId`)");
  }
}
