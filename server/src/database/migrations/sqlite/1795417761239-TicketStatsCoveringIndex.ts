import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketStatsCoveringIndex1795417761239 implements MigrationInterface {
  name = 'TicketStatsCoveringIndex1795417761239';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_tickets_community_created\"");
    await queryRunner.query("CREATE INDEX \"idx_tickets_community_stats\" ON \"tickets\" (\"communityId\", \"createdAt\", \"status\", \"categoryId\", \"gridId\", \"rating\", \"firstAcceptedAt\", \"respondDueAt\", \"resolvedAt\", \"resolveDueAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_tickets_community_stats\"");
    await queryRunner.query("CREATE INDEX \"idx_tickets_community_created\" ON \"tickets\" (\"communityId\", \"createdAt\") ");
  }
}
