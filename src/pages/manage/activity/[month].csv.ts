/** `/manage/activity/2026-11.csv`: the header and the activity rows of `npm run compliance -- --format csv`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { activityCsv } from '../../../site/activity/download.ts';
import { activityDownloadPaths, activitySource } from './_source.ts';

export const getStaticPaths = (() => activityDownloadPaths('activity-csv')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const source = await activitySource();
  return new Response(activityCsv(source.exportOf(params.month!), source.content), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
