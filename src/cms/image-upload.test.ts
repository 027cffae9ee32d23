import { describe, expect, it } from 'vitest';
import { fitted, withAssetNames } from './image-upload.ts';

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
