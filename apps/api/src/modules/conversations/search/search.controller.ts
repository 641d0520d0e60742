import { searchQuerySchema, searchResultSchema, type SearchQuery } from '@chat/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUserId } from '../../../common/access/access.decorators.js';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import { searchResultExample } from '../../../common/openapi/examples.js';
import { MessageSearchService } from './message-search.service.js';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: MessageSearchService) {}

  @Get()
  @ApiContract({
    summary: 'Search the messages you can read, newest first',
    description:
      'Full-text search (PostgreSQL, the `simple` configuration: words are lowercased, not stemmed) over general, the rooms you are a member of and your threads and groups. Deleted messages and system lines never match. `highlights` are `[start, end)` ranges of JavaScript string indices into `message.body`. Text with no word in it (`"`, `!`) is a VALIDATION error; a `conversationId` you cannot read is a 404. 30 searches per minute.',
    query: searchQuerySchema,
    response: searchResultSchema,
    example: searchResultExample,
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  })
  find(@CurrentUserId() userId: string, @Query(Valid(searchQuerySchema)) query: SearchQuery) {
    return this.search.find(userId, query);
  }
}
