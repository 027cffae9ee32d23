/** The services' settings (npm run gate, npm run updater), read from the environment. */

/** The variable's value, else `fallback`; without either the service stops with a Chinese message. */
export function setting(name: string, fallback?: string): string {
  const value = process.env[name]?.trim() || fallback;
  if (value === undefined) {
    console.error(`✗ 缺少环境变量 ${name}（见 docs/deployment.md）`);
    process.exit(1);
  }
  return value;
}
