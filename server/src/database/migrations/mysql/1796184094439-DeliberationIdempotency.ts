import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliberationIdempotency1796184094439 implements MigrationInterface {
  name = 'DeliberationIdempotency1796184094439';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `topic_idempotency_records` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `key` varchar(80) NOT NULL, `requestHash` varchar(64) NOT NULL, `topicId` int NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_f3a39a61147772247ceaa93f9d` (`createdAt`), UNIQUE INDEX `IDX_cc2e46f66039e3186ef2500d3b` (`userId`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_cc2e46f66039e3186ef2500d3b` ON `topic_idempotency_records`");
    await queryRunner.query("DROP INDEX `IDX_f3a39a61147772247ceaa93f9d` ON `topic_idempotency_records`");
    await queryRunner.query("DROP TABLE `topic_idempotency_records`");
  }
}
