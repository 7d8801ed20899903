/** Draw rates of the seeded streams, for context when reading the model figures. */
import { createStream } from '../../shared/sim/random/stream';
import { exponential, sample } from '../../shared/sim/random/distributions';
import { createZipf } from '../../shared/sim/random/zipf';
import { median, ratePerSecond, significant, timed } from './measure';

export let randomChecksum = 0;

function rate(repetitions: number, draws: number, draw: () => number): number {
  draw();
  const rates: number[] = [];
  for (let r = 0; r <= repetitions; r++) {
    const trial = timed(() => {
      let sum = 0;
      for (let i = 0; i < draws; i++) sum += draw();
      randomChecksum += sum;
      return draws;
    });
    if (r > 0) rates.push(ratePerSecond(trial)); // the first pass is warm-up
  }
  return significant(median(rates));
}

export function benchRandom(options: { repetitions: number; draws: number }): Record<string, unknown> {
  const rng = createStream(1, 'bench');
  const lognormalSpec = { dist: 'lognormal', mean: 5, sigma: 1 } as const;
  const zipf = createZipf(10_000, 1);
  return {
    uniformPerSec: rate(options.repetitions, options.draws, () => rng.next()),
    exponentialPerSec: rate(options.repetitions, options.draws, () => exponential(rng, 5)),
    lognormalPerSec: rate(options.repetitions, options.draws, () => sample(lognormalSpec, rng)),
    zipf10kKeysPerSec: rate(options.repetitions, options.draws, () => zipf.sample(rng)),
  };
}
