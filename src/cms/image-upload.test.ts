import { describe, expect, it } from 'vitest';
import { fitted, registerImageComponent, withAssetNames } from './image-upload.ts';

describe('fitted', () => {
  it('scales the longest side down to the limit and never up', () => {
    expect(fitted(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitted(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitted(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});

describe('withAssetNames', () => {
  const names = new Map([['img-0a1b2c3d.jpg', '医院门口合影.jpg']]);

  it('tells the gate the original name of each image a save carries', () => {
    const body = JSON.stringify({
      action: 'persistEntry',
      params: { assets: [{ path: 'content/media/img-0a1b2c3d.jpg' }, { path: 'content/media/x.png' }] },
    });
    expect(JSON.parse(withAssetNames(body, names)).params.assetNames).toEqual({
      'content/media/img-0a1b2c3d.jpg': '医院门口合影.jpg',
    });
  });

  it('leaves every other request exactly as it was', () => {
    const other = JSON.stringify({ action: 'getMedia', params: {} });
    expect(withAssetNames(other, names)).toBe(other);
    const noAssets = JSON.stringify({ action: 'persistEntry', params: { assets: [] } });
    expect(withAssetNames(noAssets, names)).toBe(noAssets);
  });
});

describe('registerImageComponent', () => {
  it('registers Decap’s image component again under its id, in Chinese and without a URL button', () => {
    const toBlock = () => '![]()';
    const fields = [
      { name: 'image', label: 'Image', widget: 'image' },
      { name: 'alt', label: 'Alt Text' },
      { name: 'title', label: 'Title' },
    ];
    const registered: Record<string, unknown>[] = [];
    registerImageComponent({
      getEditorComponents: () => ({
        get: (id) =>
          id === 'image' ? { id, label: 'Image', toBlock, fields: { toJS: () => fields } } : undefined,
      }),
      registerEditorComponent: (c) => registered.push(c as Record<string, unknown>),
    });
    expect(registered).toHaveLength(1);
    const [image] = registered;
    expect(image).toMatchObject({ id: 'image', label: '图片', toBlock });
    expect(image!.fields).toEqual([
      { name: 'image', label: '图片', widget: 'image', choose_url: false },
      expect.objectContaining({ name: 'alt', label: '图片说明' }),
      { name: 'title', label: '悬停提示（可不填）' },
    ]);
  });
});
