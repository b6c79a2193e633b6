import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795465360149 implements MigrationInterface {
  name = 'AuditLog1795465360149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` int NOT NULL AUTO_INCREMENT, `actorId` int NOT NULL, `actorRole` varchar(24) NOT NULL, `action` varchar(24) NOT NULL, `communityId` int NULL, `districtId` int NULL, `targetType` varchar(24) NOT NULL, `targetIds` text NOT NULL, `details` text NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_audit_district` (`districtId`, `id`), INDEX `idx_audit_community` (`communityId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_audit_community` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_district` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
