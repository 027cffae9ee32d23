// Plain JavaScript on purpose: it must run, and explain itself, on any Node, even one too old for the rest.
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = major > 22 || (major === 22 && minor >= 19);
if (!ok) {
  console.error(
    [
      `错误：需要 Node.js 22.19 或更高版本，当前运行的是 ${process.version}（${process.execPath}）。`,
      'Error: Node.js >= 22.19 is required (Astro 7, Vitest 5).',
      '通常是 npm install 没有装好项目自带的 Node（devDependency “node”）。请重新运行 npm install，',
      '并通过 npm run … / npm start / npm test 运行命令，不要直接用系统的 node。',
    ].join('\n'),
  );
  process.exit(1);
}
