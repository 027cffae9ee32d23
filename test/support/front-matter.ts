/** The front matter of a Markdown file as a plain object, parsed as the build parses it. */
import { parseYaml, splitFrontMatter } from '../../src/load/yaml.ts';

export function parseFrontMatterOf(text: string): Record<string, unknown> {
  const fm = splitFrontMatter(text);
  if (!fm) throw new Error(`no front matter in:\n${text}`);
  return (parseYaml(fm.yaml).value ?? {}) as Record<string, unknown>;
}
