import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliberationMeetings1796183554252 implements MigrationInterface {
  name = 'DeliberationMeetings1796183554252';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `topic_meetings` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `communityId` int NOT NULL, `title` varchar(60) NOT NULL, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, `place` varchar(100) NOT NULL, `capacity` int NOT NULL, `standingMembers` varchar(200) NOT NULL, `minutes` text NULL, `minutesPublishedAt` datetime(3) NULL, `attendanceTakenAt` datetime(3) NULL, `reminderSentAt` datetime(3) NULL, `createdById` int NOT NULL, `createdAt` datetime(3) NOT NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_ac064e3fb7c7bf8481a04b7c1f` (`reminderSentAt`, `startsAt`), INDEX `IDX_74062f676eefc9358b3ac2b9f6` (`topicId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meeting_registrations` (`id` int NOT NULL AUTO_INCREMENT, `meetingId` int NOT NULL, `userId` int NOT NULL, `status` varchar(12) NOT NULL, `joinedAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_a64cd6f8e47a9c34155e9bb64d` (`meetingId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_a64cd6f8e47a9c34155e9bb64d` ON `meeting_registrations`");
    await queryRunner.query("DROP TABLE `meeting_registrations`");
    await queryRunner.query("DROP INDEX `IDX_74062f676eefc9358b3ac2b9f6` ON `topic_meetings`");
    await queryRunner.query("DROP INDEX `IDX_ac064e3fb7c7bf8481a04b7c1f` ON `topic_meetings`");
    await queryRunner.query("DROP TABLE `topic_meetings`");
  }
}
