import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliberationMeetings1796183554252 implements MigrationInterface {
  name = 'DeliberationMeetings1796183554252';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"topic_meetings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"title\" varchar(60) NOT NULL, \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"place\" varchar(100) NOT NULL, \"capacity\" integer NOT NULL, \"standingMembers\" varchar(200) NOT NULL, \"minutes\" text, \"minutesPublishedAt\" datetime(3), \"attendanceTakenAt\" datetime(3), \"reminderSentAt\" datetime(3), \"createdById\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_ac064e3fb7c7bf8481a04b7c1f\" ON \"topic_meetings\" (\"reminderSentAt\", \"startsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_74062f676eefc9358b3ac2b9f6\" ON \"topic_meetings\" (\"topicId\") ");
    await queryRunner.query("CREATE TABLE \"meeting_registrations\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"meetingId\" integer NOT NULL, \"userId\" integer NOT NULL, \"status\" varchar(12) NOT NULL, \"joinedAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a64cd6f8e47a9c34155e9bb64d\" ON \"meeting_registrations\" (\"meetingId\", \"userId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a64cd6f8e47a9c34155e9bb64d\"");
    await queryRunner.query("DROP TABLE \"meeting_registrations\"");
    await queryRunner.query("DROP INDEX \"IDX_74062f676eefc9358b3ac2b9f6\"");
    await queryRunner.query("DROP INDEX \"IDX_ac064e3fb7c7bf8481a04b7c1f\"");
    await queryRunner.query("DROP TABLE \"topic_meetings\"");
  }
}
