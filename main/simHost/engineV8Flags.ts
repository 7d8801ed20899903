/**
 * V8 settings for the processes that run the simulation engine in Node: the CLI, the desktop
 * engine's worker_thread, and `npm run bench` (which must measure the engine as they run it).
 *
 * Why a larger inlining budget: the engine's hot handlers (a node model's onRequest, the world's
 * transmit and delivery) are large, so V8's default cumulative budget (920 bytecode bytes per
 * optimised function) is spent before the small helpers they call (the random draws, a station's
 * admit, a key store's get) are inlined, and every double such a call passes or returns is boxed
 * on the heap. With 3000 the model allocates about half as much and runs about 5 % faster on the
 * reference topology at ≤ 1k requests in flight (sequential runs, same build, medians of three
 * 4 s runs after warm-up: 296k and 298k client requests/s without, 311k and 317k with; 1500 gave
 * 309k–311k, 6000 no more than 3000). It changes which code is compiled, never a result: every
 * report is byte-identical with and without it.
 *
 * Set at run time rather than on a command line because the desktop engine lives in Electron's
 * main process, whose V8 flags cannot be given on the command line by the app (Electron starts V8
 * with `--no-freeze-flags-after-init`, so setting them later is allowed). V8 reads this flag when
 * it optimises a function, so calling this before the engine's code is hot is enough. Flags are
 * per process: the CLI and the bench set them for themselves; the engine worker for its process.
 */
import { setFlagsFromString } from 'node:v8';

export const ENGINE_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=3000'];

export function applyEngineV8Flags(): void {
  for (const flag of ENGINE_V8_FLAGS) setFlagsFromString(flag);
}
