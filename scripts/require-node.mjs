// Plain JavaScript on purpose: it must run, and explain itself, on any Node, even one too old for the rest.
// npm scripts call it first; it stops them with a Chinese message when the Node that runs them is too old.

/** Minimum Node.js version: Astro 7 and Vitest 5 need undici 8, which needs Node 22.19. */
export const MINIMUM = [22, 19];

/** The message to print for `version` (like "20.20.2"), or undefined when it is new enough. */
export function nodeVersionProblem(version, execPath) {
  const [major, minor] = version.split('.').map(Number);
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])) return undefined;
  return [
    `错误：需要 Node.js ${MINIMUM.join('.')} 或更高版本，当前运行的是 v${version}（${execPath}）。`,
    `Error: Node.js >= ${MINIMUM.join('.')} is required (Astro 7, Vitest 5); this is v${version}.`,
    '项目自带 Node 22（devDependency “node”），npm install 会把它装进 node_modules/.bin。',
    '请重新运行 npm install，并通过 npm start、npm test、npm run … 运行命令，不要直接用系统的 node。',
  ].join('\n');
}

const problem = nodeVersionProblem(process.versions.node, process.execPath);
if (problem) {
  console.error(problem);
  process.exit(1);
}
