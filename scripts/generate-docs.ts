/** npm run docs: writes docs/content-model.md from the content model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { contentModelMarkdown } from '../src/model/docs.ts';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/content-model.md', contentModelMarkdown());
console.log('已生成 docs/content-model.md');
