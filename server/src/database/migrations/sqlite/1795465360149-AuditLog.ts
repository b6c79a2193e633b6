import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795465360149 implements MigrationInterface {
  name = 'AuditLog1795465360149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"actorId\" integer NOT NULL, \"actorRole\" varchar(24) NOT NULL, \"action\" varchar(24) NOT NULL, \"communityId\" integer, \"districtId\" integer, \"targetType\" varchar(24) NOT NULL, \"targetIds\" text NOT NULL, \"details\" text, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_audit_district\" ON \"audit_log\" (\"districtId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_community\" ON \"audit_log\" (\"communityId\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_audit_community\"");
    await queryRunner.query("DROP INDEX \"idx_audit_district\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
