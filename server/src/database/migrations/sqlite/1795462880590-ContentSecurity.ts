import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentSecurity1795462880590 implements MigrationInterface {
  name = 'ContentSecurity1795462880590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"wechat_visits\" (\"openid\" varchar(64) PRIMARY KEY NOT NULL, \"seenAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_60cedc59477cc3095e71c916c8\" ON \"wechat_visits\" (\"seenAt\") ");
    await queryRunner.query("CREATE TABLE \"content_holds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"communityId\" integer, \"ticketId\" integer, \"userId\" integer NOT NULL, \"field\" varchar(32) NOT NULL, \"text\" varchar(500) NOT NULL, \"reason\" varchar(32) NOT NULL, \"traceId\" varchar(64), \"createdAt\" datetime(3) NOT NULL, \"releasedAt\" datetime(3), \"releasedById\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_7b6d9acbd8afbce7f781674d2b\" ON \"content_holds\" (\"ticketId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ddfdb42a13039a5dfca95bf4e5\" ON \"content_holds\" (\"communityId\", \"releasedAt\", \"id\") ");
    await queryRunner.query("DROP INDEX \"idx_tickets_code\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_street\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_nearby\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_auto_close\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_next_escalation\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_grid_status\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_reporter\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_handler_status\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_community_status\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_community_stats\"");
    await queryRunner.query("CREATE TABLE \"temporary_tickets\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"reporterId\" integer NOT NULL, \"categoryId\" integer NOT NULL, \"description\" varchar(500) NOT NULL, \"anonymous\" boolean NOT NULL, \"photoKeys\" text NOT NULL, \"lat\" double, \"lng\" double, \"buildingId\" integer, \"gridId\" integer, \"communityId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"handlerId\" integer, \"respondDueAt\" datetime(3) NOT NULL, \"acceptDueAt\" datetime(3) NOT NULL, \"resolveDueAt\" datetime(3) NOT NULL, \"escalationLevel\" integer NOT NULL, \"lastEscalatedAt\" datetime(3), \"nextEscalationAt\" datetime(3), \"autoCloseAt\" datetime(3), \"firstAcceptedAt\" datetime(3), \"firstResolvedAt\" datetime(3), \"resolvedAt\" datetime(3), \"closedAt\" datetime(3), \"resolutionNote\" varchar(500), \"resolutionPhotoKeys\" text, \"rating\" varchar(24), \"ratingComment\" varchar(300), \"reopenCount\" integer NOT NULL, \"rejectReason\" varchar(16), \"duplicateOfId\" integer, \"followerCount\" integer NOT NULL, \"version\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"code\" varchar(24), \"contentHeld\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_tickets\"(\"id\", \"reporterId\", \"categoryId\", \"description\", \"anonymous\", \"photoKeys\", \"lat\", \"lng\", \"buildingId\", \"gridId\", \"communityId\", \"streetId\", \"districtId\", \"status\", \"handlerId\", \"respondDueAt\", \"acceptDueAt\", \"resolveDueAt\", \"escalationLevel\", \"lastEscalatedAt\", \"nextEscalationAt\", \"autoCloseAt\", \"firstAcceptedAt\", \"firstResolvedAt\", \"resolvedAt\", \"closedAt\", \"resolutionNote\", \"resolutionPhotoKeys\", \"rating\", \"ratingComment\", \"reopenCount\", \"rejectReason\", \"duplicateOfId\", \"followerCount\", \"version\", \"createdAt\", \"updatedAt\", \"code\") SELECT \"id\", \"reporterId\", \"categoryId\", \"description\", \"anonymous\", \"photoKeys\", \"lat\", \"lng\", \"buildingId\", \"gridId\", \"communityId\", \"streetId\", \"districtId\", \"status\", \"handlerId\", \"respondDueAt\", \"acceptDueAt\", \"resolveDueAt\", \"escalationLevel\", \"lastEscalatedAt\", \"nextEscalationAt\", \"autoCloseAt\", \"firstAcceptedAt\", \"firstResolvedAt\", \"resolvedAt\", \"closedAt\", \"resolutionNote\", \"resolutionPhotoKeys\", \"rating\", \"ratingComment\", \"reopenCount\", \"rejectReason\", \"duplicateOfId\", \"followerCount\", \"version\", \"createdAt\", \"updatedAt\", \"code\" FROM \"tickets\"");
    await queryRunner.query("DROP TABLE \"tickets\"");
    await queryRunner.query("ALTER TABLE \"temporary_tickets\" RENAME TO \"tickets\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_tickets_code\" ON \"tickets\" (\"code\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_street\" ON \"tickets\" (\"streetId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_nearby\" ON \"tickets\" (\"categoryId\", \"status\", \"lat\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_auto_close\" ON \"tickets\" (\"autoCloseAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_next_escalation\" ON \"tickets\" (\"nextEscalationAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_grid_status\" ON \"tickets\" (\"gridId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_reporter\" ON \"tickets\" (\"reporterId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_handler_status\" ON \"tickets\" (\"handlerId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_community_status\" ON \"tickets\" (\"communityId\", \"status\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_community_stats\" ON \"tickets\" (\"communityId\", \"createdAt\", \"status\", \"categoryId\", \"gridId\", \"rating\", \"firstAcceptedAt\", \"respondDueAt\", \"resolvedAt\", \"resolveDueAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_tickets_community_stats\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_community_status\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_handler_status\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_reporter\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_grid_status\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_next_escalation\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_auto_close\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_nearby\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_street\"");
    await queryRunner.query("DROP INDEX \"idx_tickets_code\"");
    await queryRunner.query("ALTER TABLE \"tickets\" RENAME TO \"temporary_tickets\"");
    await queryRunner.query("CREATE TABLE \"tickets\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"reporterId\" integer NOT NULL, \"categoryId\" integer NOT NULL, \"description\" varchar(500) NOT NULL, \"anonymous\" boolean NOT NULL, \"photoKeys\" text NOT NULL, \"lat\" double, \"lng\" double, \"buildingId\" integer, \"gridId\" integer, \"communityId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"handlerId\" integer, \"respondDueAt\" datetime(3) NOT NULL, \"acceptDueAt\" datetime(3) NOT NULL, \"resolveDueAt\" datetime(3) NOT NULL, \"escalationLevel\" integer NOT NULL, \"lastEscalatedAt\" datetime(3), \"nextEscalationAt\" datetime(3), \"autoCloseAt\" datetime(3), \"firstAcceptedAt\" datetime(3), \"firstResolvedAt\" datetime(3), \"resolvedAt\" datetime(3), \"closedAt\" datetime(3), \"resolutionNote\" varchar(500), \"resolutionPhotoKeys\" text, \"rating\" varchar(24), \"ratingComment\" varchar(300), \"reopenCount\" integer NOT NULL, \"rejectReason\" varchar(16), \"duplicateOfId\" integer, \"followerCount\" integer NOT NULL, \"version\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"code\" varchar(24))");
    await queryRunner.query("INSERT INTO \"tickets\"(\"id\", \"reporterId\", \"categoryId\", \"description\", \"anonymous\", \"photoKeys\", \"lat\", \"lng\", \"buildingId\", \"gridId\", \"communityId\", \"streetId\", \"districtId\", \"status\", \"handlerId\", \"respondDueAt\", \"acceptDueAt\", \"resolveDueAt\", \"escalationLevel\", \"lastEscalatedAt\", \"nextEscalationAt\", \"autoCloseAt\", \"firstAcceptedAt\", \"firstResolvedAt\", \"resolvedAt\", \"closedAt\", \"resolutionNote\", \"resolutionPhotoKeys\", \"rating\", \"ratingComment\", \"reopenCount\", \"rejectReason\", \"duplicateOfId\", \"followerCount\", \"version\", \"createdAt\", \"updatedAt\", \"code\") SELECT \"id\", \"reporterId\", \"categoryId\", \"description\", \"anonymous\", \"photoKeys\", \"lat\", \"lng\", \"buildingId\", \"gridId\", \"communityId\", \"streetId\", \"districtId\", \"status\", \"handlerId\", \"respondDueAt\", \"acceptDueAt\", \"resolveDueAt\", \"escalationLevel\", \"lastEscalatedAt\", \"nextEscalationAt\", \"autoCloseAt\", \"firstAcceptedAt\", \"firstResolvedAt\", \"resolvedAt\", \"closedAt\", \"resolutionNote\", \"resolutionPhotoKeys\", \"rating\", \"ratingComment\", \"reopenCount\", \"rejectReason\", \"duplicateOfId\", \"followerCount\", \"version\", \"createdAt\", \"updatedAt\", \"code\" FROM \"temporary_tickets\"");
    await queryRunner.query("DROP TABLE \"temporary_tickets\"");
    await queryRunner.query("CREATE INDEX \"idx_tickets_community_stats\" ON \"tickets\" (\"communityId\", \"createdAt\", \"status\", \"categoryId\", \"gridId\", \"rating\", \"firstAcceptedAt\", \"respondDueAt\", \"resolvedAt\", \"resolveDueAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_community_status\" ON \"tickets\" (\"communityId\", \"status\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_handler_status\" ON \"tickets\" (\"handlerId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_reporter\" ON \"tickets\" (\"reporterId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_grid_status\" ON \"tickets\" (\"gridId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_next_escalation\" ON \"tickets\" (\"nextEscalationAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_auto_close\" ON \"tickets\" (\"autoCloseAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_nearby\" ON \"tickets\" (\"categoryId\", \"status\", \"lat\") ");
    await queryRunner.query("CREATE INDEX \"idx_tickets_street\" ON \"tickets\" (\"streetId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_tickets_code\" ON \"tickets\" (\"code\") ");
    await queryRunner.query("DROP INDEX \"IDX_ddfdb42a13039a5dfca95bf4e5\"");
    await queryRunner.query("DROP INDEX \"IDX_7b6d9acbd8afbce7f781674d2b\"");
    await queryRunner.query("DROP TABLE \"content_holds\"");
    await queryRunner.query("DROP INDEX \"IDX_60cedc59477cc3095e71c916c8\"");
    await queryRunner.query("DROP TABLE \"wechat_visits\"");
  }
}
