import { describe, expect, it } from 'vitest';
import { rendererLabel } from '../../../renderer/app/StatusBar';

describe('rendererLabel', () => {
  it('shows the product names, not Pixi’s lowercase keys', () => {
    expect(rendererLabel('webgl')).toBe('WebGL');
    expect(rendererLabel('webgpu')).toBe('WebGPU');
    expect(rendererLabel('WebGPU')).toBe('WebGPU');
    expect(rendererLabel('canvas')).toBe('Canvas');
  });

  it('keeps anything else as given, and never shows an empty name', () => {
    expect(rendererLabel('SomeFutureRenderer')).toBe('SomeFutureRenderer');
    expect(rendererLabel(' ')).toBe('unknown');
  });
});
