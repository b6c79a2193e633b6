import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsAndUploadQuota1795461843396 implements MigrationInterface {
  name = 'SessionsAndUploadQuota1795461843396';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"auth_sessions\" (\"id\" varchar(32) PRIMARY KEY NOT NULL, \"userId\" integer NOT NULL, \"generation\" integer NOT NULL, \"previousValidUntil\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"revokedAt\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_4d5b325649caf1628a6e2e2be1\" ON \"auth_sessions\" (\"expiresAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_925b24d7fc2f9324ce972aee02\" ON \"auth_sessions\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\"");
    await queryRunner.query("CREATE TABLE \"temporary_files\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"key\" varchar(64) NOT NULL, \"ownerId\" integer NOT NULL, \"mimeType\" varchar(32) NOT NULL, \"size\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"attachedAt\" datetime(3))");
    await queryRunner.query("INSERT INTO \"temporary_files\"(\"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\") SELECT \"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\" FROM \"files\"");
    await queryRunner.query("DROP TABLE \"files\"");
    await queryRunner.query("ALTER TABLE \"temporary_files\" RENAME TO \"files\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\" ON \"files\" (\"key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1018680d0edf097864d6866433\" ON \"files\" (\"attachedAt\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9583a7cc65f79446b141d104c4\" ON \"files\" (\"ownerId\", \"createdAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_9583a7cc65f79446b141d104c4\"");
    await queryRunner.query("DROP INDEX \"IDX_1018680d0edf097864d6866433\"");
    await queryRunner.query("DROP INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\"");
    await queryRunner.query("ALTER TABLE \"files\" RENAME TO \"temporary_files\"");
    await queryRunner.query("CREATE TABLE \"files\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"key\" varchar(64) NOT NULL, \"ownerId\" integer NOT NULL, \"mimeType\" varchar(32) NOT NULL, \"size\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"files\"(\"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\") SELECT \"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\" FROM \"temporary_files\"");
    await queryRunner.query("DROP TABLE \"temporary_files\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\" ON \"files\" (\"key\") ");
    await queryRunner.query("DROP INDEX \"IDX_925b24d7fc2f9324ce972aee02\"");
    await queryRunner.query("DROP INDEX \"IDX_4d5b325649caf1628a6e2e2be1\"");
    await queryRunner.query("DROP TABLE \"auth_sessions\"");
  }
}
