/** /calendar/department.ics: the department's reports and monthly minimums, and the standing meetings. */
import type { APIContext } from 'astro';
import { departmentFeed } from '../../site/feeds.ts';
import { feedResponse, feedSource } from './_feeds.ts';

export async function GET({ site }: APIContext) {
  const { source, all } = await feedSource();
  return feedResponse('全部门的截止时间', departmentFeed(all), site, source);
}
