import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillHouseholdUnits } from '../household-units.js';

export class LedgerMembers1795470276068 implements MigrationInterface {
  name = 'LedgerMembers1795470276068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_98ff7733b9d3ba9b36ebf723b6\"");
    await queryRunner.query("CREATE TABLE \"household_members\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"householdId\" integer NOT NULL, \"userId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"relation\" varchar(16) NOT NULL, \"startedAt\" datetime(3) NOT NULL, \"endedAt\" datetime(3), \"endedById\" integer, \"endReason\" varchar(200), \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_875728d7a0d8c39c1c751765e8\" ON \"household_members\" (\"communityId\", \"endedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_020bc38c41448c356b96240183\" ON \"household_members\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_640db19175e32080e5c6b94b6b\" ON \"household_members\" (\"householdId\") ");
    await queryRunner.query("CREATE TABLE \"person_details\" (\"userId\" integer PRIMARY KEY NOT NULL, \"birthYear\" smallint, \"specialCare\" varchar(200) NOT NULL DEFAULT (''), \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"temporary_households\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"buildingId\" integer NOT NULL, \"label\" varchar(64) NOT NULL, \"unit\" varchar(32) NOT NULL DEFAULT (''), \"door\" varchar(32) NOT NULL DEFAULT (''), \"areaHundredths\" integer, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("INSERT INTO \"temporary_households\"(\"id\", \"buildingId\", \"label\") SELECT \"id\", \"buildingId\", \"label\" FROM \"households\"");
    await queryRunner.query("DROP TABLE \"households\"");
    await queryRunner.query("ALTER TABLE \"temporary_households\" RENAME TO \"households\"");
    await queryRunner.query("CREATE INDEX \"IDX_bc5cfadfd24a332fcf9ae87364\" ON \"households\" (\"buildingId\", \"door\") ");
    await fillHouseholdUnits(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_bc5cfadfd24a332fcf9ae87364\"");
    await queryRunner.query("ALTER TABLE \"households\" RENAME TO \"temporary_households\"");
    await queryRunner.query("CREATE TABLE \"households\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"buildingId\" integer NOT NULL, \"label\" varchar(64) NOT NULL)");
    await queryRunner.query("INSERT INTO \"households\"(\"id\", \"buildingId\", \"label\") SELECT \"id\", \"buildingId\", \"label\" FROM \"temporary_households\"");
    await queryRunner.query("DROP TABLE \"temporary_households\"");
    await queryRunner.query("DROP TABLE \"person_details\"");
    await queryRunner.query("DROP INDEX \"IDX_640db19175e32080e5c6b94b6b\"");
    await queryRunner.query("DROP INDEX \"IDX_020bc38c41448c356b96240183\"");
    await queryRunner.query("DROP INDEX \"IDX_875728d7a0d8c39c1c751765e8\"");
    await queryRunner.query("DROP TABLE \"household_members\"");
    await queryRunner.query("CREATE INDEX \"IDX_98ff7733b9d3ba9b36ebf723b6\" ON \"households\" (\"buildingId\") ");
  }
}
