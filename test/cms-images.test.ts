/**
 * A rep puts a photo into an article from a phone-sized screen (Chromium at 390×844 with touch), through the
 * real admin page and the real gate: the editor's image component opens Decap's media library, the photo is
 * uploaded from the device under its Chinese name, scaled down in the browser, and saved with the draft under
 * an ASCII name the gate made, the Chinese name kept as the alt text. The CSP blocks nothing on the way.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { imageSize } from 'image-size';
import { IMAGE_LIMITS } from '../src/model/media.ts';
import { adminSession, openAdmin } from './support/admin-session.ts';
import { SCREENSHOTS } from './support/browser.ts';
import { git } from './support/cms.ts';
import { png } from './support/images.ts';

const REP = { id: 'xuning', name: '徐宁' }; // rep, 华东区
const PHOTO = { name: '医院门口合影.png', width: 2000, height: 1500 };

const session = adminSession();

describe('images in the admin on a phone', () => {
  it('uploads a photo into the article body: scaled, saved in the draft under an ASCII name, Chinese alt', async () => {
    const { page, blocked, close } = await openAdmin(session, REP.id, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(`${session.gate.url}/admin/#/collections/articles/new`);
    await page.getByLabel('标题', { exact: true }).fill('带照片的学术会小结');
    for (const [label, option] of [
      ['所属区域', '华东区'],
      ['作者', REP.name],
      ['栏目', '学术活动'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(option);
      await page
        .getByRole('option', { name: new RegExp(option) })
        .first()
        .click();
    }

    // The body's toolbar: 添加组件 → the image component → 选择图片 opens the media library.
    await page.getByRole('button', { name: '添加组件' }).click();
    await page.getByRole('menuitem', { name: '图片', exact: true }).click();
    await page.getByRole('button', { name: '选择图片' }).last().click();
    await page.getByText('上传').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-images-library.png` });
    await page.locator('input[type="file"]').setInputFiles({
      name: PHOTO.name,
      mimeType: 'image/png',
      buffer: png(PHOTO.width, PHOTO.height, 9),
    });
    // The scaled copy appears in the library as a draft file of this entry, already selected.
    await page.getByText('草稿').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-images-uploaded.png` });
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-images-inserted.png` });

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('状态: 草稿').waitFor();
    expect(session.gate.logged).toEqual([]);
    // The preview tab shows the photo although it is only in the draft: from the browser's copy.
    await page.getByRole('button', { name: '预览' }).click();
    const shown = page.frameLocator('iframe').locator('.prose img');
    await expect.poll(() => shown.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await shown.getAttribute('alt')).toBe('医院门口合影');
    await page.screenshot({ path: `${SCREENSHOTS}/cms-images-preview.png` });
    await page.getByRole('button', { name: '返回编辑' }).click();

    // The component speaks Chinese, and offers no remote URL.
    await page.getByText('图片说明', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '用 URL 替代' }).count()).toBe(0);

    // The draft opens again with its image (read back from the gate), which then becomes the cover too.
    await page.getByRole('button', { name: '选择其他图片' }).last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-images-saved.png` });
    await page.getByRole('button', { name: '选择图片' }).first().click();
    // The library shows the draft's image under its stored name now.
    await page
      .locator('.ReactModalPortal')
      .getByText(/^\d{8}-xuning-[0-9a-f]{8}\.\w+$/)
      .click();
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-images-cover.png` });
    await page.getByText('未保存的修改').waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    // The first save's notice may still be up: the status line says when this one is done.
    await page
      .getByText('修改已保存')
      .waitFor()
      .catch(async (e: unknown) => {
        await page.screenshot({ path: `${SCREENSHOTS}/cms-images-debug.png` });
        throw new Error(`${String(e)} ${session.gate.logged.join('\n')}`);
      });
    await close();
    expect(session.gate.logged).toEqual([]);

    const branch = git(
      session.gate.repo,
      'branch',
      '--list',
      '--format=%(refname)',
      `cms/articles/*-${REP.id}-*`,
    );
    const files = git(session.gate.repo, 'diff', '--name-only', `HEAD...${branch}`).split('\n');
    // One image, however often it was saved.
    expect(files.filter((f) => f.startsWith('content/media/'))).toHaveLength(1);
    const image = files.find((f) => f.startsWith('content/media/'));
    expect(image, files.join('\n')).toMatch(/^content\/media\/\d{8}-xuning-[0-9a-f]{8}\.(webp|png)$/);
    const article = files.find((f) => f.endsWith('.md'))!;
    const text = git(session.gate.repo, 'show', `${branch}:${article}`);
    const url = image!.replace('content/media/', '/uploads/');
    expect(text).toContain(`![医院门口合影](${url})`);
    expect(text, text).toContain(`\ncover: ${url}\n`);
    // Scaled in the browser: the longest side is what the policy says, the proportions kept.
    const size = imageSize(execFileSync('git', ['-C', session.gate.repo, 'show', `${branch}:${image}`]));
    expect(size).toMatchObject({ width: IMAGE_LIMITS.scaleTo, height: 1200 });
    expect(blocked).toEqual([]);
    expect(failed).toEqual([]);
  });
});
