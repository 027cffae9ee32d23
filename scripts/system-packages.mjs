// Plain JavaScript on purpose: .ci/run runs it with the machine's own Node before `npm ci` has installed
// Node 22, and npm test imports it, so the one list of Debian packages below serves both.
// Run directly (`node scripts/system-packages.mjs`) it installs what is missing, or says how to.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The Debian packages the tests use, each with the file whose presence shows it is installed. */
export const PACKAGES = [
  { name: 'chromium', file: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { name: 'fonts-wqy-zenhei', file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' },
  { name: 'nginx', file: process.env.NGINX_PATH ?? '/usr/sbin/nginx' },
];

/**
 * @param {(file: string) => boolean} exists
 * @returns {string[]} names of the packages whose file is absent, in list order
 */
export function missingPackages(exists) {
  return PACKAGES.filter((p) => !exists(p.file)).map((p) => p.name);
}

/**
 * @typedef {{ action: 'none' }
 *   | { action: 'install', commands: [string, ...string[]][] }
 *   | { action: 'stop', message: string }} Plan
 */

/**
 * What to do about missing packages. Only root may install; anyone else gets the one command to run,
 * since a test run that asks for a password halfway would hang CI and surprise a person.
 * @param {{ missing: string[], root: boolean, apt: boolean }} state
 * @returns {Plan}
 */
export function plan({ missing, root, apt }) {
  if (missing.length === 0) return { action: 'none' };
  const list = missing.join(' ');
  if (!apt) {
    return {
      action: 'stop',
      message:
        `错误：测试需要 Debian 软件包 ${missing.join('、')}，本机没有 apt-get。\n` +
        '请用本机的包管理器安装同样的软件，并用 CHROMIUM_PATH、NGINX_PATH 指明 chromium 和 nginx 的位置。',
    };
  }
  if (!root) {
    return {
      action: 'stop',
      message:
        `错误：测试需要 Debian 软件包 ${missing.join('、')}，尚未安装。请运行下面这一条命令，然后重新运行 npm test：\n\n` +
        `  sudo apt-get update && sudo apt-get install -y ${list}\n`,
    };
  }
  return {
    action: 'install',
    commands: [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', ...missing],
    ],
  };
}

/** Checks the packages and installs or explains; true when the tests can run. */
export function ensureSystemPackages() {
  const missing = missingPackages(existsSync);
  const apt = !spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error;
  const decided = plan({ missing, root: process.getuid?.() === 0, apt });
  if (decided.action === 'stop') console.error(decided.message);
  if (decided.action !== 'install') return decided.action === 'none';

  console.log(`安装测试所需的 Debian 软件包：${missing.join(' ')}`);
  for (const [command, ...args] of decided.commands) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`错误：${[command, ...args].join(' ')} 失败（退出码 ${result.status}）。`);
      return false;
    }
  }
  const still = missingPackages(existsSync);
  if (still.length > 0) console.error(`错误：安装后仍然找不到 ${still.join('、')} 的程序文件。`);
  return still.length === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(ensureSystemPackages() ? 0 : 1);
}
