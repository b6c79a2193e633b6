import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CategoryView } from '@linli/shared';
import { CategoriesService } from './categories.service.js';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(@Inject(CategoriesService) private readonly categories: CategoriesService) {}

  /** The categories a resident can choose, with who handles them and their SLA. */
  @Get()
  list(): Promise<CategoryView[]> {
    return this.categories.list();
  }
}
