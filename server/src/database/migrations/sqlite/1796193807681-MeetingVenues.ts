import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingVenues1796193807681 implements MigrationInterface {
  name = 'MeetingVenues1796193807681';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_74062f676eefc9358b3ac2b9f6\"");
    await queryRunner.query("DROP INDEX \"IDX_ac064e3fb7c7bf8481a04b7c1f\"");
    await queryRunner.query("CREATE TABLE \"temporary_topic_meetings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"title\" varchar(60) NOT NULL, \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"place\" varchar(100) NOT NULL, \"capacity\" integer NOT NULL, \"standingMembers\" varchar(200) NOT NULL, \"minutes\" text, \"minutesPublishedAt\" datetime(3), \"attendanceTakenAt\" datetime(3), \"reminderSentAt\" datetime(3), \"createdById\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"venueId\" integer, \"venueSlotId\" integer, \"cancelledAt\" datetime(3), \"cancelReason\" varchar(200))");
    await queryRunner.query("INSERT INTO \"temporary_topic_meetings\"(\"id\", \"topicId\", \"communityId\", \"title\", \"startsAt\", \"endsAt\", \"place\", \"capacity\", \"standingMembers\", \"minutes\", \"minutesPublishedAt\", \"attendanceTakenAt\", \"reminderSentAt\", \"createdById\", \"createdAt\", \"version\") SELECT \"id\", \"topicId\", \"communityId\", \"title\", \"startsAt\", \"endsAt\", \"place\", \"capacity\", \"standingMembers\", \"minutes\", \"minutesPublishedAt\", \"attendanceTakenAt\", \"reminderSentAt\", \"createdById\", \"createdAt\", \"version\" FROM \"topic_meetings\"");
    await queryRunner.query("DROP TABLE \"topic_meetings\"");
    await queryRunner.query("ALTER TABLE \"temporary_topic_meetings\" RENAME TO \"topic_meetings\"");
    await queryRunner.query("CREATE INDEX \"IDX_74062f676eefc9358b3ac2b9f6\" ON \"topic_meetings\" (\"topicId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ac064e3fb7c7bf8481a04b7c1f\" ON \"topic_meetings\" (\"reminderSentAt\", \"startsAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_5f39c8dcdee95a6090c4d3a49f\"");
    await queryRunner.query("DROP INDEX \"IDX_93516a6b82b681e8b92322b38d\"");
    await queryRunner.query("DROP INDEX \"IDX_04dd892abaa4e1ae391d6f87e8\"");
    await queryRunner.query("CREATE TABLE \"temporary_service_slots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"localDate\" varchar(10) NOT NULL, \"capacity\" integer NOT NULL, \"taken\" integer NOT NULL DEFAULT (0), \"volunteerCapacity\" integer NOT NULL DEFAULT (0), \"volunteerTaken\" integer NOT NULL DEFAULT (0), \"closedAt\" datetime(3), \"closedReason\" varchar(200), \"movedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"heldFor\" varchar(32))");
    await queryRunner.query("INSERT INTO \"temporary_service_slots\"(\"id\", \"serviceId\", \"communityId\", \"startsAt\", \"endsAt\", \"localDate\", \"capacity\", \"taken\", \"volunteerCapacity\", \"volunteerTaken\", \"closedAt\", \"closedReason\", \"movedAt\", \"createdAt\") SELECT \"id\", \"serviceId\", \"communityId\", \"startsAt\", \"endsAt\", \"localDate\", \"capacity\", \"taken\", \"volunteerCapacity\", \"volunteerTaken\", \"closedAt\", \"closedReason\", \"movedAt\", \"createdAt\" FROM \"service_slots\"");
    await queryRunner.query("DROP TABLE \"service_slots\"");
    await queryRunner.query("ALTER TABLE \"temporary_service_slots\" RENAME TO \"service_slots\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5f39c8dcdee95a6090c4d3a49f\" ON \"service_slots\" (\"serviceId\", \"startsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_93516a6b82b681e8b92322b38d\" ON \"service_slots\" (\"communityId\", \"startsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_04dd892abaa4e1ae391d6f87e8\" ON \"service_slots\" (\"serviceId\", \"localDate\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_04dd892abaa4e1ae391d6f87e8\"");
    await queryRunner.query("DROP INDEX \"IDX_93516a6b82b681e8b92322b38d\"");
    await queryRunner.query("DROP INDEX \"IDX_5f39c8dcdee95a6090c4d3a49f\"");
    await queryRunner.query("ALTER TABLE \"service_slots\" RENAME TO \"temporary_service_slots\"");
    await queryRunner.query("CREATE TABLE \"service_slots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"localDate\" varchar(10) NOT NULL, \"capacity\" integer NOT NULL, \"taken\" integer NOT NULL DEFAULT (0), \"volunteerCapacity\" integer NOT NULL DEFAULT (0), \"volunteerTaken\" integer NOT NULL DEFAULT (0), \"closedAt\" datetime(3), \"closedReason\" varchar(200), \"movedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"service_slots\"(\"id\", \"serviceId\", \"communityId\", \"startsAt\", \"endsAt\", \"localDate\", \"capacity\", \"taken\", \"volunteerCapacity\", \"volunteerTaken\", \"closedAt\", \"closedReason\", \"movedAt\", \"createdAt\") SELECT \"id\", \"serviceId\", \"communityId\", \"startsAt\", \"endsAt\", \"localDate\", \"capacity\", \"taken\", \"volunteerCapacity\", \"volunteerTaken\", \"closedAt\", \"closedReason\", \"movedAt\", \"createdAt\" FROM \"temporary_service_slots\"");
    await queryRunner.query("DROP TABLE \"temporary_service_slots\"");
    await queryRunner.query("CREATE INDEX \"IDX_04dd892abaa4e1ae391d6f87e8\" ON \"service_slots\" (\"serviceId\", \"localDate\") ");
    await queryRunner.query("CREATE INDEX \"IDX_93516a6b82b681e8b92322b38d\" ON \"service_slots\" (\"communityId\", \"startsAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5f39c8dcdee95a6090c4d3a49f\" ON \"service_slots\" (\"serviceId\", \"startsAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_ac064e3fb7c7bf8481a04b7c1f\"");
    await queryRunner.query("DROP INDEX \"IDX_74062f676eefc9358b3ac2b9f6\"");
    await queryRunner.query("ALTER TABLE \"topic_meetings\" RENAME TO \"temporary_topic_meetings\"");
    await queryRunner.query("CREATE TABLE \"topic_meetings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"title\" varchar(60) NOT NULL, \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"place\" varchar(100) NOT NULL, \"capacity\" integer NOT NULL, \"standingMembers\" varchar(200) NOT NULL, \"minutes\" text, \"minutesPublishedAt\" datetime(3), \"attendanceTakenAt\" datetime(3), \"reminderSentAt\" datetime(3), \"createdById\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("INSERT INTO \"topic_meetings\"(\"id\", \"topicId\", \"communityId\", \"title\", \"startsAt\", \"endsAt\", \"place\", \"capacity\", \"standingMembers\", \"minutes\", \"minutesPublishedAt\", \"attendanceTakenAt\", \"reminderSentAt\", \"createdById\", \"createdAt\", \"version\") SELECT \"id\", \"topicId\", \"communityId\", \"title\", \"startsAt\", \"endsAt\", \"place\", \"capacity\", \"standingMembers\", \"minutes\", \"minutesPublishedAt\", \"attendanceTakenAt\", \"reminderSentAt\", \"createdById\", \"createdAt\", \"version\" FROM \"temporary_topic_meetings\"");
    await queryRunner.query("DROP TABLE \"temporary_topic_meetings\"");
    await queryRunner.query("CREATE INDEX \"IDX_ac064e3fb7c7bf8481a04b7c1f\" ON \"topic_meetings\" (\"reminderSentAt\", \"startsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_74062f676eefc9358b3ac2b9f6\" ON \"topic_meetings\" (\"topicId\") ");
  }
}
