/** /calendar/department.ics: every deadline of the department and the standing meetings. */
import type { APIContext } from 'astro';
import { feedResponse, feedSource } from './_feeds.ts';

export async function GET({ site }: APIContext) {
  const { source, all } = await feedSource();
  return feedResponse('全部门的截止时间', all, site, source);
}
