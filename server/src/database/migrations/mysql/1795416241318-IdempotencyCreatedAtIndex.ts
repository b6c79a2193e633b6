import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyCreatedAtIndex1795416241318 implements MigrationInterface {
  name = 'IdempotencyCreatedAtIndex1795416241318';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_3a01f36e4031c78d85aeeb01d7` ON `idempotency_records` (`createdAt`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_3a01f36e4031c78d85aeeb01d7` ON `idempotency_records`");
  }
}
