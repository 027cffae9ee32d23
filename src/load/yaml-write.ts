/**
 * YAML writing, the counterpart of src/load/yaml.ts: dates, datetimes, months, ISO weeks and quarters are always
 * quoted so that no YAML parser makes timestamps of them. Used by the CMS (src/cms/files.ts) and the sample
 * generator (tools/sample/).
 */
import { Document, visit } from 'yaml';

/** Dates, datetimes, months, ISO weeks and quarters: quoted so that no YAML parser makes timestamps of them. */
const DATE_LIKE = /^\d{4}-(\d{2}|W\d{2}|Q[1-4])/;

export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && DATE_LIKE.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
