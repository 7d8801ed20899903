import type { SpeedCommand } from '../../shared/ipc/menuCommands';
import { MIN_SPEED, type Speed } from '../../shared/sim/session/protocol';

/**
 * The speeds the toolbar and the Simulation menu offer, slowest first, each with the menu command
 * that chooses it. Slow motion is DESIGN §3's 1 s in 100 s.
 */
export const SPEED_PRESETS: readonly { speed: Speed; label: string; title: string; command: SpeedCommand }[] = [
  { speed: MIN_SPEED, label: '1/100×', title: 'Slow motion: 1 simulated second takes 100 seconds', command: 'sim.speedSlowMotion' },
  { speed: 0.1, label: '1/10×', title: '1 simulated second takes 10 seconds', command: 'sim.speedOneTenth' },
  { speed: 1, label: '1×', title: 'Real time', command: 'sim.speedRealTime' },
  { speed: 10, label: '10×', title: '10 simulated seconds per second', command: 'sim.speedTenTimes' },
  { speed: 100, label: '100×', title: '100 simulated seconds per second', command: 'sim.speedHundredTimes' },
  { speed: 'max', label: 'Max', title: 'As fast as possible', command: 'sim.speedFastest' },
];

export const DEFAULT_SPEED: Speed = 1;
/** Classroom mode starts in slow motion, where individual packets can be followed. */
export const CLASSROOM_SPEED: Speed = 0.1;

/**
 * Formats simulated milliseconds as m:ss.s for the timeline. Rounded to the tenth first, so
 * 59.97 s reads "1:00.0", not "0:60.0".
 */
export function formatSimTime(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  const totalMinutes = Math.floor(tenths / 600);
  const seconds = (tenths - totalMinutes * 600) / 10;
  const secondsText = seconds.toFixed(1).padStart(4, '0');
  // From an hour on, h:mm:ss.s (a day-long run read "1440:00.0"); the event editor reads both forms.
  if (totalMinutes < 60) return `${totalMinutes}:${secondsText}`;
  const hours = Math.floor(totalMinutes / 60);
  return `${hours}:${String(totalMinutes - hours * 60).padStart(2, '0')}:${secondsText}`;
}

/**
 * Whole simulated seconds in a note ("sent at …"): "7 s" under a minute, then as the clock writes
 * them without its tenth, "14:49", so a long run's times read like the clock beside them.
 */
export function formatSimSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60 ? `${whole} s` : formatSimTime(whole * 1000).slice(0, -2);
}
