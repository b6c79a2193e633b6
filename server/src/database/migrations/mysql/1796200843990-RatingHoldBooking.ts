import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingHoldBooking1796200843990 implements MigrationInterface {
  name = 'RatingHoldBooking1796200843990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `content_holds` ADD `bookingId` int NULL");
    await queryRunner.query("CREATE INDEX `IDX_460857deb922b4e1efbc3fae30` ON `content_holds` (`bookingId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_460857deb922b4e1efbc3fae30` ON `content_holds`");
    await queryRunner.query("ALTER TABLE `content_holds` DROP COLUMN `bookingId`");
  }
}
