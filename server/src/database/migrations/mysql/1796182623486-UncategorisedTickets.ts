import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UncategorisedTickets1796182623486 implements MigrationInterface {
  name = 'UncategorisedTickets1796182623486';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Generated as drop, alter, re-create of the two indexes over categoryId; MariaDB and MySQL keep an index
    // through a column turning nullable, so the alter alone: no rebuild of the stats' covering index.
    await queryRunner.query("ALTER TABLE `tickets` CHANGE `categoryId` `categoryId` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_tickets_community_stats` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_nearby` ON `tickets`");
    await queryRunner.query("ALTER TABLE `tickets` CHANGE `categoryId` `categoryId` int NOT NULL");
    await queryRunner.query("CREATE INDEX `idx_tickets_community_stats` ON `tickets` (`communityId`, `createdAt`, `status`, `categoryId`, `gridId`, `rating`, `firstAcceptedAt`, `respondDueAt`, `resolvedAt`, `resolveDueAt`)");
    await queryRunner.query("CREATE INDEX `idx_tickets_nearby` ON `tickets` (`categoryId`, `status`, `lat`)");
  }
}
