import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LocalTimeAndTicketCodes1795459800378 implements MigrationInterface {
  name = 'LocalTimeAndTicketCodes1795459800378';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `districts` ADD `utcOffsetMinutes` smallint NOT NULL DEFAULT '480'");
    await queryRunner.query("ALTER TABLE `tickets` ADD `code` varchar(24) NULL");
    // Codes for tickets reported before codes were stored: the Beijing day (every district's offset at this point) and the id.
    // Codes shown until now used the UTC day, wrong for reports before 08:00 Beijing time; this is the fix.
    await queryRunner.query(
      "UPDATE `tickets` SET `code` = CONCAT(DATE_FORMAT(DATE_ADD(`createdAt`, INTERVAL 480 MINUTE), '%Y%m%d'), '-', LPAD(`id`, GREATEST(6, LENGTH(`id`)), '0'))",
    );
    await queryRunner.query("CREATE UNIQUE INDEX `idx_tickets_code` ON `tickets` (`code`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_tickets_code` ON `tickets`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `code`");
    await queryRunner.query("ALTER TABLE `districts` DROP COLUMN `utcOffsetMinutes`");
  }
}
