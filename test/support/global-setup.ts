/** Builds the sample content once for every test file of the build project. */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sample: { status: number | null; output: string; outDir: string };
  }
}

export default function setup(project: TestProject) {
  project.provide('sample', build(resolve('content')));
}
