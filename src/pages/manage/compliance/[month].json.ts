/** `/manage/compliance/2026-10.json`: byte for byte what `npm run compliance -- --month 2026-10 --now <build time>` prints. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatJson } from '../../../rules/export.ts';
import { complianceSource, downloadPaths } from './_source.ts';

// The file is the month's export and nothing else.
export const getStaticPaths = (() =>
  downloadPaths('compliance-json', (result) => result)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { exportOf } = await complianceSource();
  return new Response(formatJson(exportOf(params.month!)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
