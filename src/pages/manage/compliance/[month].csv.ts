/** `/manage/compliance/2026-10.csv`: byte for byte what `npm run compliance -- --month 2026-10 --format csv` prints. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatCsv } from '../../../rules/export.ts';
import { complianceSource, downloadPaths } from './_source.ts';

// The file is the month's export and nothing else.
export const getStaticPaths = (() =>
  downloadPaths('compliance-csv', (result) => result)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { content, exportOf } = await complianceSource();
  return new Response(formatCsv(exportOf(params.month!), content), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
