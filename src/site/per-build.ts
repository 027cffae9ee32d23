/**
 * Values computed once per build and shared by its pages (the build's "now", the compliance rules' index).
 * A build is one process, so a module-level memo would do — but the fast path (src/fastpath/worker.ts) is a
 * process that renders many updates, each a build of its own: it moves the build generation on before each,
 * and every such value is computed afresh. A global, not a module variable: the fast path and the prerender
 * bundle it imports each have their own copy of this module.
 */
const GENERATION = Symbol.for('portal.build.generation');

const slot = globalThis as { [GENERATION]?: number };

/** Starts a new build generation: the next call of each perBuild() value computes it again. */
export function nextBuild(): void {
  slot[GENERATION] = (slot[GENERATION] ?? 0) + 1;
}

/** `compute`'s value, computed once per build generation. */
export function perBuild<T>(compute: () => T): () => T {
  let memo: { generation: number; value: T } | undefined;
  return () => {
    const generation = slot[GENERATION] ?? 0;
    if (memo?.generation !== generation) memo = { generation, value: compute() };
    return memo.value;
  };
}
