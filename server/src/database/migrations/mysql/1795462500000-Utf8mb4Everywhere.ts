import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linli stores Chinese text: every table is utf8mb4, whatever the server's defaults. On a MariaDB (its
 * upstream default is latin1) or a MySQL 5.7 whose database was created without a character set, the
 * earlier migrations made latin1 tables and the first Chinese insert failed. This makes the database's
 * default and every table utf8mb4; on a database that already is, it changes nothing.
 */
export class Utf8mb4Everywhere1795462500000 implements MigrationInterface {
  name = 'Utf8mb4Everywhere1795462500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    const tables: { name: string }[] = await queryRunner.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'",
    );
    for (const { name } of tables) {
      // CONVERT widens TEXT to MEDIUMTEXT (a latin1 character is one byte, a utf8mb4 one up to four): put the declared type back.
      const texts: { col: string; nullable: string }[] = await queryRunner.query(
        "SELECT COLUMN_NAME AS col, IS_NULLABLE AS nullable FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND DATA_TYPE = 'text'",
        [name],
      );
      await queryRunner.query(`ALTER TABLE \`${name}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      for (const { col, nullable } of texts) {
        await queryRunner.query(`ALTER TABLE \`${name}\` MODIFY \`${col}\` text ${nullable === 'YES' ? 'NULL' : 'NOT NULL'}`);
      }
    }
  }

  async down(): Promise<void> {
    // Going back to latin1 would destroy every Chinese text: nothing to undo.
  }
}
