/** `/manage/activity/2026-11.json`: month, asOf and the `activity` rows of `npm run compliance -- --month 2026-11`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { activityJson } from '../../../site/activity/download.ts';
import { activityDownloadPaths, activitySource } from './_source.ts';

export const getStaticPaths = (() => activityDownloadPaths('activity-json')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const source = await activitySource();
  return new Response(activityJson(source.exportOf(params.month!)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
