import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bookings1796182830507 implements MigrationInterface {
  name = 'Bookings1796182830507';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"communityId\" integer NOT NULL, \"family\" varchar(16) NOT NULL, \"name\" varchar(64) NOT NULL, \"organisationId\" integer, \"place\" varchar(128) NOT NULL, \"description\" varchar(1000) NOT NULL, \"documents\" varchar(1000) NOT NULL, \"duration\" varchar(32), \"eligibility\" varchar(200) NOT NULL, \"mode\" varchar(8) NOT NULL DEFAULT ('slots'), \"advanceDays\" integer NOT NULL, \"cancelCutoffMinutes\" integer NOT NULL, \"perPersonLimit\" integer NOT NULL, \"perHouseholdLimit\" integer NOT NULL, \"volunteerPlaces\" integer NOT NULL DEFAULT (0), \"volunteerMinutes\" integer NOT NULL DEFAULT (0), \"hoursPrice\" integer, \"schedule\" varchar(4000) NOT NULL DEFAULT ('[]'), \"scheduledUntil\" varchar(10), \"active\" boolean NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_d6109616fa42d41bb275e4bd24\" ON \"service_items\" (\"communityId\", \"family\") ");
    await queryRunner.query("CREATE TABLE \"service_slots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"startsAt\" datetime(3) NOT NULL, \"endsAt\" datetime(3) NOT NULL, \"localDate\" varchar(10) NOT NULL, \"capacity\" integer NOT NULL, \"taken\" integer NOT NULL DEFAULT (0), \"volunteerCapacity\" integer NOT NULL DEFAULT (0), \"volunteerTaken\" integer NOT NULL DEFAULT (0), \"closedAt\" datetime(3), \"closedReason\" varchar(200), \"movedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_04dd892abaa4e1ae391d6f87e8\" ON \"service_slots\" (\"serviceId\", \"localDate\") ");
    await queryRunner.query("CREATE INDEX \"IDX_93516a6b82b681e8b92322b38d\" ON \"service_slots\" (\"communityId\", \"startsAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5f39c8dcdee95a6090c4d3a49f\" ON \"service_slots\" (\"serviceId\", \"startsAt\") ");
    await queryRunner.query("CREATE TABLE \"service_closures\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"serviceId\" integer NOT NULL, \"date\" varchar(10) NOT NULL, \"reason\" varchar(200) NOT NULL, \"createdById\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5a1bbe4dadd0e8b14696220f99\" ON \"service_closures\" (\"serviceId\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"bookings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"slotId\" integer NOT NULL, \"serviceId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"userId\" integer NOT NULL, \"householdId\" integer, \"bookedById\" integer, \"createdById\" integer NOT NULL, \"role\" varchar(12) NOT NULL, \"status\" varchar(16) NOT NULL, \"live\" tinyint, \"joinedAt\" datetime(3) NOT NULL, \"offerExpiresAt\" datetime(3), \"slotMovedAt\" datetime(3), \"checkInCode\" varchar(8) NOT NULL, \"checkedInAt\" datetime(3), \"cancelledAt\" datetime(3), \"rating\" varchar(24), \"ratingComment\" varchar(300), \"ratingCommentHeld\" boolean NOT NULL DEFAULT (0), \"ratedAt\" datetime(3), \"paidMinutes\" integer NOT NULL DEFAULT (0), \"remindedAt\" datetime(3), \"idempotencyKey\" varchar(80), \"requestHash\" varchar(64), \"version\" integer NOT NULL DEFAULT (1), \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_747d1aedcf673381a2ee63efa1\" ON \"bookings\" (\"status\", \"offerExpiresAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9d9598d977d479def731996b42\" ON \"bookings\" (\"bookedById\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_58447ef5a73fff023e270ee25b\" ON \"bookings\" (\"householdId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6f7599c06e940eda33db280288\" ON \"bookings\" (\"serviceId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_88210734ad7ae480ed2305b984\" ON \"bookings\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_75098f5622410c2eb0bc9b1140\" ON \"bookings\" (\"slotId\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_871b1b77bf6c23f19e17b8d0d7\" ON \"bookings\" (\"createdById\", \"idempotencyKey\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8596776935a9d65a85b2e36240\" ON \"bookings\" (\"slotId\", \"checkInCode\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0b611587177186d2bfc630f105\" ON \"bookings\" (\"slotId\", \"userId\", \"live\") ");
    await queryRunner.query("CREATE TABLE \"booking_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"bookingId\" integer NOT NULL, \"type\" varchar(16) NOT NULL, \"actorId\" integer, \"note\" varchar(200), \"at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_30648cb5f51281d2667095f493\" ON \"booking_events\" (\"bookingId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"booking_help_requests\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"gridId\" integer, \"householdId\" integer, \"serviceId\" integer, \"note\" varchar(200), \"status\" varchar(12) NOT NULL, \"open\" tinyint, \"handledById\" integer, \"handledAt\" datetime(3), \"bookingId\" integer, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_85bd4ca4f861c65012baca6b57\" ON \"booking_help_requests\" (\"communityId\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_dda43c117f341f0bf6d9326169\" ON \"booking_help_requests\" (\"userId\", \"open\") ");
    await queryRunner.query("CREATE TABLE \"volunteer_hour_entries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"minutes\" integer NOT NULL, \"kind\" varchar(12) NOT NULL, \"reason\" varchar(100) NOT NULL, \"bookingId\" integer, \"confirmedById\" integer, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1bb786f8436578451514dd84b2\" ON \"volunteer_hour_entries\" (\"bookingId\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"IDX_459eb62f46cb04adcf29ec60d5\" ON \"volunteer_hour_entries\" (\"userId\", \"id\") ");
    await queryRunner.query("DROP INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\"");
    await queryRunner.query("DROP INDEX \"IDX_213c6b7c98c1414c32a71752ca\"");
    await queryRunner.query("DROP INDEX \"IDX_1522e4df81368fd2f83d90fc9a\"");
    await queryRunner.query("CREATE TABLE \"temporary_notifications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"type\" varchar(32) NOT NULL, \"title\" varchar(64) NOT NULL, \"body\" varchar(255) NOT NULL, \"ticketId\" integer, \"createdAt\" datetime(3) NOT NULL, \"readAt\" datetime(3), \"deliveryStatus\" varchar(16) NOT NULL, \"communityId\" integer, \"audience\" varchar(16), \"deliverAfter\" datetime(3), \"deliveryClaimedAt\" datetime(3), \"deliveryAttempts\" integer NOT NULL DEFAULT (0), \"deliveryReason\" varchar(64), \"bookingId\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_notifications\"(\"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\", \"communityId\", \"audience\", \"deliverAfter\", \"deliveryClaimedAt\", \"deliveryAttempts\", \"deliveryReason\") SELECT \"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\", \"communityId\", \"audience\", \"deliverAfter\", \"deliveryClaimedAt\", \"deliveryAttempts\", \"deliveryReason\" FROM \"notifications\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("ALTER TABLE \"temporary_notifications\" RENAME TO \"notifications\"");
    await queryRunner.query("CREATE INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\" ON \"notifications\" (\"deliveryStatus\", \"deliverAfter\") ");
    await queryRunner.query("CREATE INDEX \"IDX_213c6b7c98c1414c32a71752ca\" ON \"notifications\" (\"communityId\", \"createdAt\", \"type\", \"deliveryStatus\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1522e4df81368fd2f83d90fc9a\" ON \"notifications\" (\"userId\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_1522e4df81368fd2f83d90fc9a\"");
    await queryRunner.query("DROP INDEX \"IDX_213c6b7c98c1414c32a71752ca\"");
    await queryRunner.query("DROP INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\"");
    await queryRunner.query("ALTER TABLE \"notifications\" RENAME TO \"temporary_notifications\"");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"type\" varchar(32) NOT NULL, \"title\" varchar(64) NOT NULL, \"body\" varchar(255) NOT NULL, \"ticketId\" integer, \"createdAt\" datetime(3) NOT NULL, \"readAt\" datetime(3), \"deliveryStatus\" varchar(16) NOT NULL, \"communityId\" integer, \"audience\" varchar(16), \"deliverAfter\" datetime(3), \"deliveryClaimedAt\" datetime(3), \"deliveryAttempts\" integer NOT NULL DEFAULT (0), \"deliveryReason\" varchar(64))");
    await queryRunner.query("INSERT INTO \"notifications\"(\"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\", \"communityId\", \"audience\", \"deliverAfter\", \"deliveryClaimedAt\", \"deliveryAttempts\", \"deliveryReason\") SELECT \"id\", \"userId\", \"type\", \"title\", \"body\", \"ticketId\", \"createdAt\", \"readAt\", \"deliveryStatus\", \"communityId\", \"audience\", \"deliverAfter\", \"deliveryClaimedAt\", \"deliveryAttempts\", \"deliveryReason\" FROM \"temporary_notifications\"");
    await queryRunner.query("DROP TABLE \"temporary_notifications\"");
    await queryRunner.query("CREATE INDEX \"IDX_1522e4df81368fd2f83d90fc9a\" ON \"notifications\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_213c6b7c98c1414c32a71752ca\" ON \"notifications\" (\"communityId\", \"createdAt\", \"type\", \"deliveryStatus\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\" ON \"notifications\" (\"deliveryStatus\", \"deliverAfter\") ");
    await queryRunner.query("DROP INDEX \"IDX_459eb62f46cb04adcf29ec60d5\"");
    await queryRunner.query("DROP INDEX \"IDX_1bb786f8436578451514dd84b2\"");
    await queryRunner.query("DROP TABLE \"volunteer_hour_entries\"");
    await queryRunner.query("DROP INDEX \"IDX_dda43c117f341f0bf6d9326169\"");
    await queryRunner.query("DROP INDEX \"IDX_85bd4ca4f861c65012baca6b57\"");
    await queryRunner.query("DROP TABLE \"booking_help_requests\"");
    await queryRunner.query("DROP INDEX \"IDX_30648cb5f51281d2667095f493\"");
    await queryRunner.query("DROP TABLE \"booking_events\"");
    await queryRunner.query("DROP INDEX \"IDX_0b611587177186d2bfc630f105\"");
    await queryRunner.query("DROP INDEX \"IDX_8596776935a9d65a85b2e36240\"");
    await queryRunner.query("DROP INDEX \"IDX_871b1b77bf6c23f19e17b8d0d7\"");
    await queryRunner.query("DROP INDEX \"IDX_75098f5622410c2eb0bc9b1140\"");
    await queryRunner.query("DROP INDEX \"IDX_88210734ad7ae480ed2305b984\"");
    await queryRunner.query("DROP INDEX \"IDX_6f7599c06e940eda33db280288\"");
    await queryRunner.query("DROP INDEX \"IDX_58447ef5a73fff023e270ee25b\"");
    await queryRunner.query("DROP INDEX \"IDX_9d9598d977d479def731996b42\"");
    await queryRunner.query("DROP INDEX \"IDX_747d1aedcf673381a2ee63efa1\"");
    await queryRunner.query("DROP TABLE \"bookings\"");
    await queryRunner.query("DROP INDEX \"IDX_5a1bbe4dadd0e8b14696220f99\"");
    await queryRunner.query("DROP TABLE \"service_closures\"");
    await queryRunner.query("DROP INDEX \"IDX_5f39c8dcdee95a6090c4d3a49f\"");
    await queryRunner.query("DROP INDEX \"IDX_93516a6b82b681e8b92322b38d\"");
    await queryRunner.query("DROP INDEX \"IDX_04dd892abaa4e1ae391d6f87e8\"");
    await queryRunner.query("DROP TABLE \"service_slots\"");
    await queryRunner.query("DROP INDEX \"IDX_d6109616fa42d41bb275e4bd24\"");
    await queryRunner.query("DROP TABLE \"service_items\"");
  }
}
