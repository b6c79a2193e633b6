import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Deeper than this nobody pages by hand (100 000 rows at the largest page size); a filter finds it faster. */
export const MAX_PAGE = 1000;

/** `page` (from 1, at most MAX_PAGE) and `pageSize` (at most 100) for every list. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE, { message: `page 最大为 ${MAX_PAGE}，请用筛选条件缩小范围` }) page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export function paging(q: PageQuery): { page: number; pageSize: number; skip: number; take: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

/**
 * A list's total without a COUNT when the page tells it: a page neither empty nor full is the list's last,
 * so the total is the rows before it plus its own. Otherwise `count` asks.
 */
export async function pageTotal(rows: number, skip: number, take: number, count: () => Promise<number>): Promise<number> {
  return rows > 0 && rows < take ? skip + rows : count();
}
