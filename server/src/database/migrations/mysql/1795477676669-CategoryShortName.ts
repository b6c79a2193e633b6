import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CategoryShortName1795477676669 implements MigrationInterface {
  name = 'CategoryShortName1795477676669';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `categories` ADD `shortName` varchar(16) NULL");
    // Hand-added: the two seeded categories whose names are longer than 6 characters get their short labels.
    await queryRunner.query("UPDATE `categories` SET `shortName` = '秩序安全' WHERE `code` = 'order_safety' AND `shortName` IS NULL");
    await queryRunner.query("UPDATE `categories` SET `shortName` = '社区参与' WHERE `code` = 'participation' AND `shortName` IS NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `categories` DROP COLUMN `shortName`");
  }
}
