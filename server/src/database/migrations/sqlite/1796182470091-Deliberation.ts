import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deliberation1796182470091 implements MigrationInterface {
  name = 'Deliberation1796182470091';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"topics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"communityId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"scope\" varchar(16) NOT NULL, \"gridId\" integer, \"householdsInScope\" integer NOT NULL, \"title\" varchar(60) NOT NULL, \"description\" varchar(1000) NOT NULL, \"proposerId\" integer NOT NULL, \"proposerRole\" varchar(24) NOT NULL, \"status\" varchar(16) NOT NULL, \"cosigns\" integer NOT NULL, \"threshold\" integer NOT NULL, \"secondingEndsAt\" datetime(3), \"priority\" varchar(8), \"declineReason\" varchar(200), \"planVersion\" integer NOT NULL DEFAULT (0), \"noticeStartedAt\" datetime(3), \"noticeDays\" smallint NOT NULL, \"voteOpen\" boolean NOT NULL DEFAULT (0), \"contentHoldId\" integer, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_0ebd015459361e3b6d9644f2d9\" ON \"topics\" (\"status\", \"secondingEndsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_56d65e0bc7f72f13856758868a\" ON \"topics\" (\"communityId\", \"status\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"topic_scope_buildings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"buildingId\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_3dfbbd1ef19dee19ed8279fc2f\" ON \"topic_scope_buildings\" (\"topicId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b666df516e6536584787499aa0\" ON \"topic_scope_buildings\" (\"buildingId\") ");
    await queryRunner.query("CREATE TABLE \"topic_tickets\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"ticketId\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4c36c17194cda8598518f812d0\" ON \"topic_tickets\" (\"topicId\", \"ticketId\") ");
    await queryRunner.query("CREATE TABLE \"topic_cosigns\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"householdId\" integer NOT NULL, \"userId\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fdb7347f30ead861106227b00a\" ON \"topic_cosigns\" (\"topicId\", \"householdId\") ");
    await queryRunner.query("CREATE TABLE \"topic_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"type\" varchar(16) NOT NULL, \"actorId\" integer, \"actorRole\" varchar(24) NOT NULL, \"note\" varchar(500), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_b1ce2c3c4b890e651aeb02599e\" ON \"topic_events\" (\"topicId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"topic_comments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"authorId\" integer NOT NULL, \"party\" varchar(24) NOT NULL, \"body\" varchar(500) NOT NULL, \"replyToId\" integer, \"planVersion\" integer, \"contentHoldId\" integer, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_871c049021f4c56a78e3b625e8\" ON \"topic_comments\" (\"topicId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"topic_plans\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"version\" integer NOT NULL, \"title\" varchar(60) NOT NULL, \"body\" text NOT NULL, \"authorId\" integer NOT NULL, \"publishedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9f5cd20a7aec1c198dc50d0353\" ON \"topic_plans\" (\"topicId\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"topic_reviews\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"planVersion\" integer NOT NULL, \"reviewer\" varchar(60) NOT NULL, \"opinion\" varchar(1000) NOT NULL, \"authorId\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_559e3bc0bb147e23a7af7cc01b\" ON \"topic_reviews\" (\"topicId\") ");
    await queryRunner.query("CREATE TABLE \"votes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"planVersion\" integer NOT NULL, \"rule\" varchar(24) NOT NULL, \"quorumMillionths\" integer, \"secret\" boolean NOT NULL, \"status\" varchar(8) NOT NULL, \"openedAt\" datetime(3) NOT NULL, \"closesAt\" datetime(3) NOT NULL, \"closedAt\" datetime(3), \"rollHouseholds\" integer NOT NULL, \"rollHeads\" integer NOT NULL, \"rollAreaHundredths\" integer NOT NULL, \"tally\" text, \"passed\" boolean, \"openedById\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_4f0a058fb1a555b7aef89d5944\" ON \"votes\" (\"status\", \"closesAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_afb6d361156db9cdac9e0ca421\" ON \"votes\" (\"topicId\") ");
    await queryRunner.query("CREATE TABLE \"vote_roll\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"voteId\" integer NOT NULL, \"householdId\" integer NOT NULL, \"areaHundredths\" integer NOT NULL, \"ownerId\" integer)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e3acb1a057d4cd325a59c9cd1c\" ON \"vote_roll\" (\"voteId\", \"householdId\") ");
    await queryRunner.query("CREATE TABLE \"ballots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"voteId\" integer NOT NULL, \"householdId\" integer NOT NULL, \"choice\" varchar(8) NOT NULL, \"channel\" varchar(8) NOT NULL, \"castById\" integer NOT NULL, \"proxyName\" varchar(32), \"photoKey\" varchar(64), \"receipt\" varchar(16) NOT NULL, \"castAt\" datetime(3) NOT NULL, \"revisions\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_bc1eef759b167c9db9cec293d4\" ON \"ballots\" (\"voteId\", \"receipt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2626508397e0435570c1c9edc8\" ON \"ballots\" (\"voteId\", \"householdId\") ");
    await queryRunner.query("CREATE TABLE \"topic_tasks\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"title\" varchar(60) NOT NULL, \"owner\" varchar(60) NOT NULL, \"dueOn\" varchar(10) NOT NULL, \"progress\" smallint NOT NULL DEFAULT (0), \"doneAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_747af5c21b55fd24e066c806b0\" ON \"topic_tasks\" (\"topicId\") ");
    await queryRunner.query("CREATE TABLE \"topic_task_updates\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"taskId\" integer NOT NULL, \"topicId\" integer NOT NULL, \"note\" varchar(500) NOT NULL, \"progress\" smallint NOT NULL, \"authorId\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_e2c5cf222fac04d088115a7412\" ON \"topic_task_updates\" (\"taskId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"topic_ratings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"topicId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"householdId\" integer NOT NULL, \"userId\" integer NOT NULL, \"rating\" varchar(24) NOT NULL, \"comment\" varchar(300), \"contentHoldId\" integer, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_0e5a47e3a36e9e170f7c7f7d43\" ON \"topic_ratings\" (\"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_060fc27110da24060f9c4c6376\" ON \"topic_ratings\" (\"topicId\", \"householdId\") ");
    await queryRunner.query("DROP INDEX \"IDX_8f84944ef8c4ed0d7445ac5115\"");
    await queryRunner.query("DROP INDEX \"IDX_213c6b7c98c1414c32a71752ca\"");
    await queryRunner.query("DROP INDEX \"IDX_1522e4df81368fd2f83d90fc9a\"");
    await queryRunner.query("CREATE TABLE \"temporary_notifications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"type\" varchar(32) NOT NULL, \"title\" varchar(64) NOT NULL, \"body\" varchar(255) NOT NULL, \"ticketId\" integer, \"createdAt\" datetime(3) NOT NULL, \"readAt\" datetime(3), \"deliveryStatus\" varchar(16) NOT NULL, \"communityId\" integer, \"audience\" varchar(16), \"deliverAfter\" datetime(3), \"deliveryClaimedAt\" datetime(3), \"deliveryAttempts\" integer NOT NULL DEFAULT (0), \"deliveryReason\" varchar(64), \"topicId\" integer)");
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
    await queryRunner.query("DROP INDEX \"IDX_060fc27110da24060f9c4c6376\"");
    await queryRunner.query("DROP INDEX \"IDX_0e5a47e3a36e9e170f7c7f7d43\"");
    await queryRunner.query("DROP TABLE \"topic_ratings\"");
    await queryRunner.query("DROP INDEX \"IDX_e2c5cf222fac04d088115a7412\"");
    await queryRunner.query("DROP TABLE \"topic_task_updates\"");
    await queryRunner.query("DROP INDEX \"IDX_747af5c21b55fd24e066c806b0\"");
    await queryRunner.query("DROP TABLE \"topic_tasks\"");
    await queryRunner.query("DROP INDEX \"IDX_2626508397e0435570c1c9edc8\"");
    await queryRunner.query("DROP INDEX \"IDX_bc1eef759b167c9db9cec293d4\"");
    await queryRunner.query("DROP TABLE \"ballots\"");
    await queryRunner.query("DROP INDEX \"IDX_e3acb1a057d4cd325a59c9cd1c\"");
    await queryRunner.query("DROP TABLE \"vote_roll\"");
    await queryRunner.query("DROP INDEX \"IDX_afb6d361156db9cdac9e0ca421\"");
    await queryRunner.query("DROP INDEX \"IDX_4f0a058fb1a555b7aef89d5944\"");
    await queryRunner.query("DROP TABLE \"votes\"");
    await queryRunner.query("DROP INDEX \"IDX_559e3bc0bb147e23a7af7cc01b\"");
    await queryRunner.query("DROP TABLE \"topic_reviews\"");
    await queryRunner.query("DROP INDEX \"IDX_9f5cd20a7aec1c198dc50d0353\"");
    await queryRunner.query("DROP TABLE \"topic_plans\"");
    await queryRunner.query("DROP INDEX \"IDX_871c049021f4c56a78e3b625e8\"");
    await queryRunner.query("DROP TABLE \"topic_comments\"");
    await queryRunner.query("DROP INDEX \"IDX_b1ce2c3c4b890e651aeb02599e\"");
    await queryRunner.query("DROP TABLE \"topic_events\"");
    await queryRunner.query("DROP INDEX \"IDX_fdb7347f30ead861106227b00a\"");
    await queryRunner.query("DROP TABLE \"topic_cosigns\"");
    await queryRunner.query("DROP INDEX \"IDX_4c36c17194cda8598518f812d0\"");
    await queryRunner.query("DROP TABLE \"topic_tickets\"");
    await queryRunner.query("DROP INDEX \"IDX_b666df516e6536584787499aa0\"");
    await queryRunner.query("DROP INDEX \"IDX_3dfbbd1ef19dee19ed8279fc2f\"");
    await queryRunner.query("DROP TABLE \"topic_scope_buildings\"");
    await queryRunner.query("DROP INDEX \"IDX_56d65e0bc7f72f13856758868a\"");
    await queryRunner.query("DROP INDEX \"IDX_0ebd015459361e3b6d9644f2d9\"");
    await queryRunner.query("DROP TABLE \"topics\"");
  }
}
