import { describe, expect, it } from 'vitest';
import { rovingIndex } from '../../../renderer/live/rovingFocus';

describe('rovingIndex', () => {
  it('steps with the arrows both ways, wrapping round', () => {
    expect(rovingIndex('ArrowRight', 0, 6)).toBe(1);
    expect(rovingIndex('ArrowDown', 5, 6)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 6)).toBe(5);
    expect(rovingIndex('ArrowUp', 3, 6)).toBe(2);
  });
  it('goes to the ends with Home and End', () => {
    expect(rovingIndex('Home', 4, 6)).toBe(0);
    expect(rovingIndex('End', 1, 6)).toBe(5);
  });
  it('starts from an end when nothing is current', () => {
    expect(rovingIndex('ArrowRight', -1, 3)).toBe(0);
    expect(rovingIndex('ArrowLeft', -1, 3)).toBe(2);
  });
  it('leaves other keys, and empty groups, alone', () => {
    expect(rovingIndex(' ', 0, 6)).toBeNull();
    expect(rovingIndex('Enter', 0, 6)).toBeNull();
    expect(rovingIndex('Escape', 0, 6)).toBeNull();
    expect(rovingIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
