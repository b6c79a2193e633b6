import { Module } from '@nestjs/common';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { PlacesModule } from '../places/places.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { UsersModule } from '../users/users.module.js';
import { BoardService } from './board.service.js';
import { DeliberationBoardController, MeetingsController, TopicTasksController, TopicsController, VotesController } from './deliberation.controller.js';
import { DeliberationSweeper } from './deliberation-sweeper.service.js';
import { TopicViews } from './topic-views.js';
import { TopicsService } from './topics.service.js';
import { VotesService } from './votes.service.js';
import { MeetingsService } from './meetings.service.js';

/** 议事: topics through the shared rules (topics.service), votes (votes.service), the results board and figures (board.service), the system's part (the sweeper). */
@Module({
  imports: [ContentSecurityModule, PlacesModule, StatsModule, UsersModule],
  controllers: [TopicsController, TopicTasksController, VotesController, MeetingsController, DeliberationBoardController],
  providers: [TopicsService, VotesService, MeetingsService, BoardService, TopicViews, DeliberationSweeper],
  exports: [DeliberationSweeper],
})
export class DeliberationModule {}
