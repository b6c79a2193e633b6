import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliberationIdempotency1796184094439 implements MigrationInterface {
  name = 'DeliberationIdempotency1796184094439';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"topic_idempotency_records\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"key\" varchar(80) NOT NULL, \"requestHash\" varchar(64) NOT NULL, \"topicId\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_f3a39a61147772247ceaa93f9d\" ON \"topic_idempotency_records\" (\"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cc2e46f66039e3186ef2500d3b\" ON \"topic_idempotency_records\" (\"userId\", \"key\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cc2e46f66039e3186ef2500d3b\"");
    await queryRunner.query("DROP INDEX \"IDX_f3a39a61147772247ceaa93f9d\"");
    await queryRunner.query("DROP TABLE \"topic_idempotency_records\"");
  }
}
