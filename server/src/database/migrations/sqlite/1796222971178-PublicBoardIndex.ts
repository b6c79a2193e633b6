import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicBoardIndex1796222971178 implements MigrationInterface {
  name = 'PublicBoardIndex1796222971178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_tickets_board\" ON \"tickets\" (\"communityId\", \"status\", \"contentHeld\", \"closedAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_tickets_board\"");
  }
}
