import { Inject, Injectable } from '@nestjs/common';
import type { MeView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentSecurityService } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { FilesService } from '../files/files.service.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { User } from './entities/users.entities.js';
import { UsersService } from './users.service.js';

/** The nickname and avatar a user chose in WeChat (<input type="nickname">, chooseAvatar). */
@Injectable()
export class ProfileService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
  ) {}

  async update(user: AuthUser, change: { nickname?: string; avatarFileId?: number }): Promise<MeView> {
    const staff = user.has('grid_worker', 'committee_member', 'partner', 'street_officer', 'district_officer', 'admin');
    // 内容安全: a nickname is a profile text (scene 1); a risky one is refused, a doubtful one stored and held.
    const verdict = await this.content.check(user, [{ field: 'nickname', label: '昵称', text: change.nickname, scene: 1 }], staff ? 'staff' : 'resident');
    const avatar = change.avatarFileId === undefined ? null : await this.db.manager.findOneBy(StoredFile, { id: change.avatarFileId, ownerId: user.id });
    if (change.avatarFileId !== undefined && !avatar) throw Errors.unprocessable('UNKNOWN_PHOTO', '头像须是您本人上传的照片，请重新选择照片上传');
    const communityId = await this.users.homeCommunityId(user);
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      await em.update(User, { id: user.id }, { ...(change.nickname !== undefined ? { nickname: change.nickname } : {}), ...(avatar ? { avatarKey: avatar.key } : {}) });
      if (avatar) await FilesService.attach(em, [avatar.id], now);
      await this.content.recordHold(em, verdict, user, { ticketId: null, communityId }, now);
    });
    return this.users.me(user.id);
  }
}
