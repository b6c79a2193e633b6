import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DEFAULT_UTC_OFFSET_MINUTES } from '@linli/shared';

/** 区 */
@Entity('districts')
export class District {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
  /** Local time of its communities (days, weeks, months, ticket codes): a fixed offset, as China keeps no daylight saving. */
  @Column({ type: 'smallint', default: DEFAULT_UTC_OFFSET_MINUTES }) utcOffsetMinutes: number;
}

/** 街道 */
@Entity('streets')
@Index(['districtId'])
export class Street {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) districtId: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
}

/** 社区 */
@Entity('communities')
@Index(['streetId'])
export class Community {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) streetId: number;
  @Column({ type: 'int' }) districtId: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
}

/** 网格: the unit a grid worker answers for; its boundary is a GeoJSON polygon. */
@Entity('grids')
@Index(['communityId'])
export class Grid {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
  /** GeoJSON Polygon or MultiPolygon geometry, [lng, lat] order. */
  @Column({ type: 'text' }) boundary: string;
  // Bounding box, kept beside the polygon so the spatial index loads without parsing.
  @Column({ type: 'double' }) minLng: number;
  @Column({ type: 'double' }) minLat: number;
  @Column({ type: 'double' }) maxLng: number;
  @Column({ type: 'double' }) maxLat: number;
}

/** 楼栋 */
@Entity('buildings')
@Index(['communityId'])
@Index(['gridId'])
export class Building {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'int', nullable: true }) gridId: number | null;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'double', nullable: true }) lat: number | null;
  @Column({ type: 'double', nullable: true }) lng: number | null;
}

/** 户 */
@Entity('households')
@Index(['buildingId', 'door'])
export class Household {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) buildingId: number;
  /** e.g. 2单元301: unit and door together, as people say it (householdLabel in shared/src/ledger.ts). */
  @Column({ type: 'varchar', length: 64 }) label: string;
  /** 单元 (`2单元`); '' for a building without units. */
  @Column({ type: 'varchar', length: 32, default: '' }) unit: string;
  /** 门牌 */
  @Column({ type: 'varchar', length: 32, default: '' }) door: string;
  /** 专有部分面积 in hundredths of m² (8950 = 89.50 m²), from the ledger. */
  @Column({ type: 'int', nullable: true }) areaHundredths: number | null;
  /** Optimistic lock for the committee's edits. */
  @Column({ type: 'int', default: 1 }) version: number;
}

/** A partner body: property company, social organisation, law firm, law enforcement... */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'varchar', length: 128 }) name: string;
  @Column({ type: 'varchar', length: 32 }) kind: string;
}
