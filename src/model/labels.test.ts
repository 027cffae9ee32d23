import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './collections/index.ts';
import { fieldLabel } from './labels.ts';

describe('fieldLabel', () => {
  it('reads the label the collection declares', () => {
    expect(fieldLabel('meetings', 'calls')).toBe('电话量');
    expect(fieldLabel('reports', 'problems')).toBe('问题与改进');
    expect(fieldLabel('people', 'role')).toBe('角色');
  });

  it('knows every top-level field of every collection', () => {
    for (const collection of COLLECTIONS)
      for (const field of collection.fields)
        expect(fieldLabel(collection.name, field.name as never)).toBe(field.label);
  });
});
