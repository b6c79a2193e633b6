import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscribeMessageDelivery1795462225862 implements MigrationInterface {
  name = 'SubscribeMessageDelivery1795462225862';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_7d15fe60dae17fea4e4a120867\"");
    await queryRunner.query("DROP INDEX \"IDX_1522e4df81368fd2f83d90fc9a\"");
    await queryRunner.query("CREATE TABLE \"temporary_notifications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"type\" varchar(32) NOT NULL, \"title\" varchar(64) NOT NULL, \"body\" varchar(255) NOT NULL, \"ticketId\" integer, \"createdAt\" datetime(3) NOT NULL, \"readAt\" datetime(3), \"deliveryStatus\" varchar(16) NOT NULL, \"communityId\" integer, \"audience\" varchar(16), \"deliverAfter\" datetime(3), \"deliveryClaimedAt\" datetime(3), \"deliveryAttempts\" integer NOT NULL DEFAULT (0), \"deliveryReason\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_notifications\"(\"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\") SELECT \"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\" FROM \"notifications\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("ALTER TABLE \"temporary_notifications\" RENAME TO \"notifications\"");
    await queryRunner.query("CREATE INDEX \"IDX_1522e4df81368fd2f83d90fc9a\" ON \"notifications\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_213c6b7c98c1414c32a71752ca\" ON \"notifications\" (\"communityId\", \"createdAt\", \"type\", \"deliveryStatus\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\" ON \"notifications\" (\"deliveryStatus\", \"deliverAfter\") ");
    // Rows written before delivery existed: their community for the figures, and due from when they were written
    // (older than a day they are skipped as expired rather than sent late).
    await queryRunner.query("UPDATE \"notifications\" SET \"communityId\" = (SELECT \"communityId\" FROM \"tickets\" WHERE \"tickets\".\"id\" = \"notifications\".\"ticketId\")");
    await queryRunner.query("UPDATE \"notifications\" SET \"deliverAfter\" = \"createdAt\" WHERE \"deliveryStatus\" = 'pending'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\"");
    await queryRunner.query("DROP INDEX \"IDX_213c6b7c98c1414c32a71752ca\"");
    await queryRunner.query("DROP INDEX \"IDX_1522e4df81368fd2f83d90fc9a\"");
    await queryRunner.query("ALTER TABLE \"notifications\" RENAME TO \"temporary_notifications\"");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"type\" varchar(32) NOT NULL, \"title\" varchar(64) NOT NULL, \"body\" varchar(255) NOT NULL, \"ticketId\" integer, \"createdAt\" datetime(3) NOT NULL, \"readAt\" datetime(3), \"deliveryStatus\" varchar(16) NOT NULL)");
    await queryRunner.query("INSERT INTO \"notifications\"(\"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\") SELECT \"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\" FROM \"temporary_notifications\"");
    await queryRunner.query("DROP TABLE \"temporary_notifications\"");
    await queryRunner.query("CREATE INDEX \"IDX_1522e4df81368fd2f83d90fc9a\" ON \"notifications\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7d15fe60dae17fea4e4a120867\" ON \"notifications\" (\"deliveryStatus\", \"id\") ");
  }
}
