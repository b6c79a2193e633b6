import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingVenues1796193807681 implements MigrationInterface {
  name = 'MeetingVenues1796193807681';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `topic_meetings` ADD `venueId` int NULL");
    await queryRunner.query("ALTER TABLE `topic_meetings` ADD `venueSlotId` int NULL");
    await queryRunner.query("ALTER TABLE `topic_meetings` ADD `cancelledAt` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `topic_meetings` ADD `cancelReason` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `service_slots` ADD `heldFor` varchar(32) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_slots` DROP COLUMN `heldFor`");
    await queryRunner.query("ALTER TABLE `topic_meetings` DROP COLUMN `cancelReason`");
    await queryRunner.query("ALTER TABLE `topic_meetings` DROP COLUMN `cancelledAt`");
    await queryRunner.query("ALTER TABLE `topic_meetings` DROP COLUMN `venueSlotId`");
    await queryRunner.query("ALTER TABLE `topic_meetings` DROP COLUMN `venueId`");
  }
}
