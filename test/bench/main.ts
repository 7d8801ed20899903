/**
 * Entry of `npm run bench` (bundled by scripts/bench.mjs): runs every benchmark and prints ONE
 * JSON object on stdout. Sections: kernel (mine), random (context), model (the engine's,
 * from ./model.bench.ts).
 */
import { cpus } from 'node:os';
import { benchKernel } from './kernel.bench';
import { benchRandom } from './random.bench';
import { benchModel } from './model.bench';
import { benchSession } from './session.bench';
import { ENGINE_V8_FLAGS, applyEngineV8Flags } from '../../main/simHost/engineV8Flags';

// The engine is measured as the CLI and the desktop engine worker run it.
applyEngineV8Flags();

const quick = process.argv.includes('--quick');
const repetitions = quick ? 1 : 5;

function section(name: string, run: () => Record<string, unknown>): Record<string, unknown> {
  process.stderr.write(`bench: ${name}…\n`);
  try {
    return run();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const result = {
  bench: 'faultline',
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpuCount: cpus().length,
  v8Flags: ENGINE_V8_FLAGS,
  repetitions,
  statistic: 'median of repetitions after warm-up; ratios are to baselines measured in this run',
  kernel: section('kernel', () => benchKernel({ repetitions, eventsPerRepetition: quick ? 200_000 : 2_000_000 })),
  random: section('random', () => benchRandom({ repetitions, draws: quick ? 100_000 : 2_000_000 })),
  // The engine engineer's figures: model client-requests/s and bytes per in-flight request.
  model: section('model', () => benchModel()),
  // The live session's frame hand-off and seek (issue 6).
  session: section('session', () => benchSession({ repetitions, quick })),
};

process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
