import type { FaultlineDocument } from '../../../shared/model/types';
import type { Report } from '../../../shared/sim/report';

/** Simulated time run between yields to the page, so the progress bar moves and the UI answers. */
const CHUNK_MS = 1000;

/**
 * Runs the document headless to its end (as `faultline run` does) and returns the report,
 * yielding to the event loop every simulated second. `signal` stops it between chunks.
 */
export async function runToReport(
  document: FaultlineDocument,
  onProgress: (fraction: number) => void,
  options: { signal?: AbortSignal; clockMs?: () => number; yieldNow?: () => Promise<void> } = {},
): Promise<Report> {
  const clockMs = options.clockMs ?? (() => performance.now());
  const yieldNow = options.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  // Loaded on first export: the engine (and hdr-histogram-js, which probes eval when it loads)
  // stays out of the start-up bundle.
  const { Simulation } = await import('../../../shared/sim/simulation');
  const started = clockMs();
  const simulation = new Simulation(document);
  const end = simulation.durationMs;
  for (let time = Math.min(CHUNK_MS, end); ; time = Math.min(time + CHUNK_MS, end)) {
    simulation.runUntil(time);
    onProgress(end === 0 ? 1 : time / end);
    if (time >= end) break;
    await yieldNow();
    if (options.signal?.aborted) throw new DOMException('The run was cancelled.', 'AbortError');
  }
  const report = simulation.finish();
  return { ...report, wallMs: Math.round(clockMs() - started) };
}
