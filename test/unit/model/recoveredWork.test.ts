import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { recoveredWorkProblem } from '../../../shared/model/recoveredWork';

describe('recoveredWorkProblem', () => {
  it('is null for work that opens, and names the first problem and how many more for work that does not', () => {
    expect(recoveredWorkProblem(readFileSync('shared/examples/classic-web-stack.faultline', 'utf8'))).toBeNull();
    expect(recoveredWorkProblem('{ "format": "faultline", "version": 99 }')).toMatch(/^it could not be opened \(version: made with a newer version of Faultline/);
    expect(recoveredWorkProblem('{ "format": "faultline", "version": 1, "meta": {}, "seed": -1, "durationS": 0, "regions": [], "nodes": [], "links": [], "scenario": [], "checks": [] }')).toMatch(/, and \d+ more problems?\)\. It is kept as it was/);
  });
});
