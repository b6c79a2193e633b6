import { In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { StoredFile } from '../files/stored-file.entity.js';

/** The storage keys of photos the user uploaded, in the order given; 422 if any is not theirs. */
export async function photoKeysOf(em: EntityManager, user: AuthUser, photoIds: number[]): Promise<string[]> {
  if (photoIds.length === 0) return [];
  const unique = [...new Set(photoIds)];
  const files = await em.find(StoredFile, { where: { id: In(unique), ownerId: user.id } });
  if (files.length !== unique.length) throw Errors.unprocessable('UNKNOWN_PHOTO', '有照片未上传成功，请重新上传');
  const byId = new Map(files.map((f) => [f.id, f.key]));
  return unique.map((id) => byId.get(id)!);
}
