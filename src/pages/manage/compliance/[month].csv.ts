/** `/manage/compliance/2026-10.csv`: byte for byte what `npm run compliance -- --month 2026-10 --format csv` prints. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { computeCompliance } from '../../../rules/compliance.ts';
import { formatCsv } from '../../../rules/export.ts';
import { complianceSource } from './_source.ts';

export const getStaticPaths = (async () =>
  (await complianceSource()).months.map((month) => ({ params: { month } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { content, asOf, sightings } = await complianceSource();
  const result = computeCompliance(content, { month: params.month!, asOf, sightings });
  return new Response(formatCsv(result, content), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
