import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingHoldBooking1796200843990 implements MigrationInterface {
  name = 'RatingHoldBooking1796200843990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_ddfdb42a13039a5dfca95bf4e5\"");
    await queryRunner.query("DROP INDEX \"IDX_7b6d9acbd8afbce7f781674d2b\"");
    await queryRunner.query("CREATE TABLE \"temporary_content_holds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"communityId\" integer, \"ticketId\" integer, \"userId\" integer NOT NULL, \"field\" varchar(32) NOT NULL, \"text\" varchar(500) NOT NULL, \"reason\" varchar(32) NOT NULL, \"traceId\" varchar(64), \"createdAt\" datetime(3) NOT NULL, \"releasedAt\" datetime(3), \"releasedById\" integer, \"bookingId\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_content_holds\"(\"id\", \"communityId\", \"ticketId\", \"userId\", \"field\", \"text\", \"reason\", \"traceId\", \"createdAt\", \"releasedAt\", \"releasedById\") SELECT \"id\", \"communityId\", \"ticketId\", \"userId\", \"field\", \"text\", \"reason\", \"traceId\", \"createdAt\", \"releasedAt\", \"releasedById\" FROM \"content_holds\"");
    await queryRunner.query("DROP TABLE \"content_holds\"");
    await queryRunner.query("ALTER TABLE \"temporary_content_holds\" RENAME TO \"content_holds\"");
    await queryRunner.query("CREATE INDEX \"IDX_ddfdb42a13039a5dfca95bf4e5\" ON \"content_holds\" (\"communityId\", \"releasedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7b6d9acbd8afbce7f781674d2b\" ON \"content_holds\" (\"ticketId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_460857deb922b4e1efbc3fae30\" ON \"content_holds\" (\"bookingId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_460857deb922b4e1efbc3fae30\"");
    await queryRunner.query("DROP INDEX \"IDX_7b6d9acbd8afbce7f781674d2b\"");
    await queryRunner.query("DROP INDEX \"IDX_ddfdb42a13039a5dfca95bf4e5\"");
    await queryRunner.query("ALTER TABLE \"content_holds\" RENAME TO \"temporary_content_holds\"");
    await queryRunner.query("CREATE TABLE \"content_holds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"communityId\" integer, \"ticketId\" integer, \"userId\" integer NOT NULL, \"field\" varchar(32) NOT NULL, \"text\" varchar(500) NOT NULL, \"reason\" varchar(32) NOT NULL, \"traceId\" varchar(64), \"createdAt\" datetime(3) NOT NULL, \"releasedAt\" datetime(3), \"releasedById\" integer)");
    await queryRunner.query("INSERT INTO \"content_holds\"(\"id\", \"communityId\", \"ticketId\", \"userId\", \"field\", \"text\", \"reason\", \"traceId\", \"createdAt\", \"releasedAt\", \"releasedById\") SELECT \"id\", \"communityId\", \"ticketId\", \"userId\", \"field\", \"text\", \"reason\", \"traceId\", \"createdAt\", \"releasedAt\", \"releasedById\" FROM \"temporary_content_holds\"");
    await queryRunner.query("DROP TABLE \"temporary_content_holds\"");
    await queryRunner.query("CREATE INDEX \"IDX_7b6d9acbd8afbce7f781674d2b\" ON \"content_holds\" (\"ticketId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ddfdb42a13039a5dfca95bf4e5\" ON \"content_holds\" (\"communityId\", \"releasedAt\", \"id\") ");
  }
}
