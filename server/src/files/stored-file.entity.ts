import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('files')
export class StoredFile {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  /** Unguessable name; the public URL is /api/files/<key>. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'int' }) ownerId: number;
  @Column({ type: 'varchar', length: 32 }) mimeType: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
