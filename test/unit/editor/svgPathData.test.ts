import { describe, expect, it } from 'vitest';
import { expandArcFlags } from '../../../renderer/canvas/svgPathData';

describe('expandArcFlags', () => {
  it('splits compact arc flags into separate numbers', () => {
    expect(expandArcFlags('M15.914 4a1.5 1.5 0 00-2.474-1.561l-9 9')).toBe('M 15.914 4 a 1.5 1.5 0 0 0 -2.474 -1.561 l -9 9');
    expect(expandArcFlags('a.5.5 0 01.471.666')).toBe('a .5 .5 0 0 1 .471 .666');
  });

  it('leaves already spaced arcs and other commands equivalent', () => {
    expect(expandArcFlags('M16 21v-2a4 4 0 0 0-4-4H6z')).toBe('M 16 21 v -2 a 4 4 0 0 0 -4 -4 H 6 z');
  });

  it('handles repeated arc parameter groups after one command letter', () => {
    expect(expandArcFlags('A1 1 0 01 2 2 1 1 0 10 3 3')).toBe('A 1 1 0 0 1 2 2 1 1 0 1 0 3 3');
  });
});
