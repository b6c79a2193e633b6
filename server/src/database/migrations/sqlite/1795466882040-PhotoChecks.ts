import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoChecks1795466882040 implements MigrationInterface {
  name = 'PhotoChecks1795466882040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"wechat_push_nonces\" (\"nonce\" varchar(64) PRIMARY KEY NOT NULL, \"seenAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_454d11a65d9a0852461a064921\" ON \"wechat_push_nonces\" (\"seenAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_9583a7cc65f79446b141d104c4\"");
    await queryRunner.query("DROP INDEX \"IDX_1018680d0edf097864d6866433\"");
    await queryRunner.query("DROP INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\"");
    await queryRunner.query("CREATE TABLE \"temporary_files\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"key\" varchar(64) NOT NULL, \"ownerId\" integer NOT NULL, \"mimeType\" varchar(32) NOT NULL, \"size\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"attachedAt\" datetime(3), \"checkTraceId\" varchar(64), \"checkStatus\" varchar(16))");
    await queryRunner.query("INSERT INTO \"temporary_files\"(\"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\", \"attachedAt\") SELECT \"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\", \"attachedAt\" FROM \"files\"");
    await queryRunner.query("DROP TABLE \"files\"");
    await queryRunner.query("ALTER TABLE \"temporary_files\" RENAME TO \"files\"");
    await queryRunner.query("CREATE INDEX \"IDX_9583a7cc65f79446b141d104c4\" ON \"files\" (\"ownerId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1018680d0edf097864d6866433\" ON \"files\" (\"attachedAt\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\" ON \"files\" (\"key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e8455f74563c7e2626f066ac63\" ON \"files\" (\"checkTraceId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e8455f74563c7e2626f066ac63\"");
    await queryRunner.query("DROP INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\"");
    await queryRunner.query("DROP INDEX \"IDX_1018680d0edf097864d6866433\"");
    await queryRunner.query("DROP INDEX \"IDX_9583a7cc65f79446b141d104c4\"");
    await queryRunner.query("ALTER TABLE \"files\" RENAME TO \"temporary_files\"");
    await queryRunner.query("CREATE TABLE \"files\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"key\" varchar(64) NOT NULL, \"ownerId\" integer NOT NULL, \"mimeType\" varchar(32) NOT NULL, \"size\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"attachedAt\" datetime(3))");
    await queryRunner.query("INSERT INTO \"files\"(\"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\", \"attachedAt\") SELECT \"id\", \"key\", \"ownerId\", \"mimeType\", \"size\", \"createdAt\", \"attachedAt\" FROM \"temporary_files\"");
    await queryRunner.query("DROP TABLE \"temporary_files\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a5c218dfdf6ad6092fed2230a8\" ON \"files\" (\"key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1018680d0edf097864d6866433\" ON \"files\" (\"attachedAt\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9583a7cc65f79446b141d104c4\" ON \"files\" (\"ownerId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_454d11a65d9a0852461a064921\"");
    await queryRunner.query("DROP TABLE \"wechat_push_nonces\"");
  }
}
