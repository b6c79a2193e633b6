import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deliberation1796187079884 implements MigrationInterface {
  name = 'Deliberation1796187079884';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `topics` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `districtId` int NOT NULL, `scope` varchar(16) NOT NULL, `gridId` int NULL, `householdsInScope` int NOT NULL, `title` varchar(60) NOT NULL, `description` varchar(1000) NOT NULL, `proposerId` int NOT NULL, `proposerRole` varchar(24) NOT NULL, `status` varchar(16) NOT NULL, `cosigns` int NOT NULL, `threshold` int NOT NULL, `secondingEndsAt` datetime(3) NULL, `priority` varchar(8) NULL, `declineReason` varchar(200) NULL, `planVersion` int NOT NULL DEFAULT '0', `noticeStartedAt` datetime(3) NULL, `noticeDays` smallint NOT NULL, `voteOpen` tinyint NOT NULL DEFAULT 0, `contentHoldId` int NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_0ebd015459361e3b6d9644f2d9` (`status`, `secondingEndsAt`), INDEX `IDX_56d65e0bc7f72f13856758868a` (`communityId`, `status`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_scope_buildings` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `buildingId` int NOT NULL, INDEX `IDX_3dfbbd1ef19dee19ed8279fc2f` (`topicId`), INDEX `IDX_b666df516e6536584787499aa0` (`buildingId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_tickets` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `ticketId` int NOT NULL, UNIQUE INDEX `IDX_4c36c17194cda8598518f812d0` (`topicId`, `ticketId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_cosigns` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `householdId` int NOT NULL, `userId` int NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_fdb7347f30ead861106227b00a` (`topicId`, `householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_events` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `type` varchar(16) NOT NULL, `actorId` int NULL, `actorRole` varchar(24) NOT NULL, `note` varchar(500) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_b1ce2c3c4b890e651aeb02599e` (`topicId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_comments` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `authorId` int NOT NULL, `party` varchar(24) NOT NULL, `body` varchar(500) NOT NULL, `replyToId` int NULL, `planVersion` int NULL, `contentHoldId` int NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_871c049021f4c56a78e3b625e8` (`topicId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_plans` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `version` int NOT NULL, `title` varchar(60) NOT NULL, `body` text NOT NULL, `authorId` int NOT NULL, `publishedAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_9f5cd20a7aec1c198dc50d0353` (`topicId`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_reviews` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `planVersion` int NOT NULL, `reviewer` varchar(60) NOT NULL, `opinion` varchar(1000) NOT NULL, `authorId` int NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_559e3bc0bb147e23a7af7cc01b` (`topicId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `votes` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `communityId` int NOT NULL, `planVersion` int NOT NULL, `rule` varchar(24) NOT NULL, `quorumMillionths` int NULL, `secret` tinyint NOT NULL, `status` varchar(8) NOT NULL, `openedAt` datetime(3) NOT NULL, `closesAt` datetime(3) NOT NULL, `closedAt` datetime(3) NULL, `rollHouseholds` int NOT NULL, `rollHeads` int NOT NULL, `rollAreaHundredths` int NOT NULL, `tally` text NULL, `passed` tinyint NULL, `openedById` int NULL, INDEX `IDX_4f0a058fb1a555b7aef89d5944` (`status`, `closesAt`), INDEX `IDX_afb6d361156db9cdac9e0ca421` (`topicId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `vote_roll` (`id` int NOT NULL AUTO_INCREMENT, `voteId` int NOT NULL, `householdId` int NOT NULL, `areaHundredths` int NOT NULL, `ownerId` int NULL, UNIQUE INDEX `IDX_e3acb1a057d4cd325a59c9cd1c` (`voteId`, `householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `ballots` (`id` int NOT NULL AUTO_INCREMENT, `voteId` int NOT NULL, `householdId` int NOT NULL, `choice` varchar(8) NOT NULL, `channel` varchar(8) NOT NULL, `castById` int NOT NULL, `proxyName` varchar(32) NULL, `photoKey` varchar(64) NULL, `receipt` varchar(16) NOT NULL, `castAt` datetime(3) NOT NULL, `revisions` int NOT NULL DEFAULT '1', UNIQUE INDEX `IDX_bc1eef759b167c9db9cec293d4` (`voteId`, `receipt`), UNIQUE INDEX `IDX_2626508397e0435570c1c9edc8` (`voteId`, `householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_tasks` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `title` varchar(60) NOT NULL, `owner` varchar(60) NOT NULL, `dueOn` varchar(10) NOT NULL, `progress` smallint NOT NULL DEFAULT '0', `doneAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_747af5c21b55fd24e066c806b0` (`topicId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_task_updates` (`id` int NOT NULL AUTO_INCREMENT, `taskId` int NOT NULL, `topicId` int NOT NULL, `note` varchar(500) NOT NULL, `progress` smallint NOT NULL, `authorId` int NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_e2c5cf222fac04d088115a7412` (`taskId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_ratings` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `communityId` int NOT NULL, `householdId` int NOT NULL, `userId` int NOT NULL, `rating` varchar(24) NOT NULL, `comment` varchar(300) NULL, `contentHoldId` int NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_0e5a47e3a36e9e170f7c7f7d43` (`createdAt`), UNIQUE INDEX `IDX_060fc27110da24060f9c4c6376` (`topicId`, `householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_meetings` (`id` int NOT NULL AUTO_INCREMENT, `topicId` int NOT NULL, `communityId` int NOT NULL, `title` varchar(60) NOT NULL, `startsAt` datetime(3) NOT NULL, `endsAt` datetime(3) NOT NULL, `place` varchar(100) NOT NULL, `capacity` int NOT NULL, `standingMembers` varchar(200) NOT NULL, `minutes` text NULL, `minutesPublishedAt` datetime(3) NULL, `attendanceTakenAt` datetime(3) NULL, `reminderSentAt` datetime(3) NULL, `createdById` int NOT NULL, `createdAt` datetime(3) NOT NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_ac064e3fb7c7bf8481a04b7c1f` (`reminderSentAt`, `startsAt`), INDEX `IDX_74062f676eefc9358b3ac2b9f6` (`topicId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meeting_registrations` (`id` int NOT NULL AUTO_INCREMENT, `meetingId` int NOT NULL, `userId` int NOT NULL, `status` varchar(12) NOT NULL, `joinedAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_a64cd6f8e47a9c34155e9bb64d` (`meetingId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `topic_idempotency_records` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `key` varchar(80) NOT NULL, `requestHash` varchar(64) NOT NULL, `topicId` int NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_f3a39a61147772247ceaa93f9d` (`createdAt`), UNIQUE INDEX `IDX_cc2e46f66039e3186ef2500d3b` (`userId`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `notifications` ADD `topicId` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `topicId`");
    await queryRunner.query("DROP INDEX `IDX_cc2e46f66039e3186ef2500d3b` ON `topic_idempotency_records`");
    await queryRunner.query("DROP INDEX `IDX_f3a39a61147772247ceaa93f9d` ON `topic_idempotency_records`");
    await queryRunner.query("DROP TABLE `topic_idempotency_records`");
    await queryRunner.query("DROP INDEX `IDX_a64cd6f8e47a9c34155e9bb64d` ON `meeting_registrations`");
    await queryRunner.query("DROP TABLE `meeting_registrations`");
    await queryRunner.query("DROP INDEX `IDX_74062f676eefc9358b3ac2b9f6` ON `topic_meetings`");
    await queryRunner.query("DROP INDEX `IDX_ac064e3fb7c7bf8481a04b7c1f` ON `topic_meetings`");
    await queryRunner.query("DROP TABLE `topic_meetings`");
    await queryRunner.query("DROP INDEX `IDX_060fc27110da24060f9c4c6376` ON `topic_ratings`");
    await queryRunner.query("DROP INDEX `IDX_0e5a47e3a36e9e170f7c7f7d43` ON `topic_ratings`");
    await queryRunner.query("DROP TABLE `topic_ratings`");
    await queryRunner.query("DROP INDEX `IDX_e2c5cf222fac04d088115a7412` ON `topic_task_updates`");
    await queryRunner.query("DROP TABLE `topic_task_updates`");
    await queryRunner.query("DROP INDEX `IDX_747af5c21b55fd24e066c806b0` ON `topic_tasks`");
    await queryRunner.query("DROP TABLE `topic_tasks`");
    await queryRunner.query("DROP INDEX `IDX_2626508397e0435570c1c9edc8` ON `ballots`");
    await queryRunner.query("DROP INDEX `IDX_bc1eef759b167c9db9cec293d4` ON `ballots`");
    await queryRunner.query("DROP TABLE `ballots`");
    await queryRunner.query("DROP INDEX `IDX_e3acb1a057d4cd325a59c9cd1c` ON `vote_roll`");
    await queryRunner.query("DROP TABLE `vote_roll`");
    await queryRunner.query("DROP INDEX `IDX_afb6d361156db9cdac9e0ca421` ON `votes`");
    await queryRunner.query("DROP INDEX `IDX_4f0a058fb1a555b7aef89d5944` ON `votes`");
    await queryRunner.query("DROP TABLE `votes`");
    await queryRunner.query("DROP INDEX `IDX_559e3bc0bb147e23a7af7cc01b` ON `topic_reviews`");
    await queryRunner.query("DROP TABLE `topic_reviews`");
    await queryRunner.query("DROP INDEX `IDX_9f5cd20a7aec1c198dc50d0353` ON `topic_plans`");
    await queryRunner.query("DROP TABLE `topic_plans`");
    await queryRunner.query("DROP INDEX `IDX_871c049021f4c56a78e3b625e8` ON `topic_comments`");
    await queryRunner.query("DROP TABLE `topic_comments`");
    await queryRunner.query("DROP INDEX `IDX_b1ce2c3c4b890e651aeb02599e` ON `topic_events`");
    await queryRunner.query("DROP TABLE `topic_events`");
    await queryRunner.query("DROP INDEX `IDX_fdb7347f30ead861106227b00a` ON `topic_cosigns`");
    await queryRunner.query("DROP TABLE `topic_cosigns`");
    await queryRunner.query("DROP INDEX `IDX_4c36c17194cda8598518f812d0` ON `topic_tickets`");
    await queryRunner.query("DROP TABLE `topic_tickets`");
    await queryRunner.query("DROP INDEX `IDX_b666df516e6536584787499aa0` ON `topic_scope_buildings`");
    await queryRunner.query("DROP INDEX `IDX_3dfbbd1ef19dee19ed8279fc2f` ON `topic_scope_buildings`");
    await queryRunner.query("DROP TABLE `topic_scope_buildings`");
    await queryRunner.query("DROP INDEX `IDX_56d65e0bc7f72f13856758868a` ON `topics`");
    await queryRunner.query("DROP INDEX `IDX_0ebd015459361e3b6d9644f2d9` ON `topics`");
    await queryRunner.query("DROP TABLE `topics`");
  }
}
