import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UncategorisedTickets1796182623486 implements MigrationInterface {
  name = 'UncategorisedTickets1796182623486';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_tickets_nearby` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_community_stats` ON `tickets`");
    await queryRunner.query("ALTER TABLE `tickets` CHANGE `categoryId` `categoryId` int NULL");
    await queryRunner.query("CREATE INDEX `idx_tickets_nearby` ON `tickets` (`categoryId`, `status`, `lat`)");
    await queryRunner.query("CREATE INDEX `idx_tickets_community_stats` ON `tickets` (`communityId`, `createdAt`, `status`, `categoryId`, `gridId`, `rating`, `firstAcceptedAt`, `respondDueAt`, `resolvedAt`, `resolveDueAt`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_tickets_community_stats` ON `tickets`");
    await queryRunner.query("DROP INDEX `idx_tickets_nearby` ON `tickets`");
    await queryRunner.query("ALTER TABLE `tickets` CHANGE `categoryId` `categoryId` int NOT NULL");
    await queryRunner.query("CREATE INDEX `idx_tickets_community_stats` ON `tickets` (`communityId`, `createdAt`, `status`, `categoryId`, `gridId`, `rating`, `firstAcceptedAt`, `respondDueAt`, `resolvedAt`, `resolveDueAt`)");
    await queryRunner.query("CREATE INDEX `idx_tickets_nearby` ON `tickets` (`categoryId`, `status`, `lat`)");
  }
}
