import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingPackages, PACKAGES, plan } from './system-packages.mjs';

describe('the Debian packages npm test needs', () => {
  it('are Chromium, the CJK fonts and nginx, found by the files the tests use', () => {
    expect(PACKAGES.map((p) => p.name)).toEqual(['chromium', 'fonts-wqy-zenhei', 'nginx']);
    expect(missingPackages(() => true)).toEqual([]);
    expect(missingPackages((file) => !file.includes('wqy') && !file.includes('nginx'))).toEqual([
      'fonts-wqy-zenhei',
      'nginx',
    ]);
  });

  it.each([
    [true, true],
    [false, true],
    [false, false],
  ])('need nothing done when none is missing (root %s, apt-get %s)', (root, apt) => {
    expect(plan({ missing: [], root, apt })).toEqual({ action: 'none' });
  });

  it('are installed, and only the missing ones, when running as root with apt-get', () => {
    expect(plan({ missing: ['chromium', 'nginx'], root: true, apt: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium', 'nginx'],
      ],
    });
  });

  it('stop a user who is not root with exactly one command to run', () => {
    const decided = plan({ missing: ['fonts-wqy-zenhei'], root: false, apt: true });
    expect(decided.action).toBe('stop');
    const message = decided.action === 'stop' ? decided.message : '';
    expect(message).toMatch(/^错误：测试需要 Debian 软件包 fonts-wqy-zenhei，尚未安装。请运行下面这一条命令/);
    const commands = message.split('\n').filter((line) => line.startsWith('  '));
    expect(commands).toEqual(['  sudo apt-get update && sudo apt-get install -y fonts-wqy-zenhei']);
  });

  it('stop with the package names where there is no apt-get, root or not', () => {
    for (const root of [true, false]) {
      const decided = plan({ missing: ['chromium', 'nginx'], root, apt: false });
      expect(decided).toEqual({
        action: 'stop',
        message: expect.stringMatching(/chromium、nginx，本机没有 apt-get/),
      });
    }
  });

  it('are all present on this machine, so the script exits 0 without installing anything', () => {
    const result = spawnSync(process.execPath, ['scripts/system-packages.mjs'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
