import { useCommandHandler } from '../app/menu/CommandDispatcherContext';
import { MIN_SPEED, type Speed } from '../../shared/sim/session/protocol';
import { useLiveController } from './LiveContext';
import { SPEED_PRESETS } from './speedPresets';
import { usePlaybackKeys } from './usePlaybackKeys';

function neighbourSpeed(current: Speed, direction: 1 | -1): Speed {
  const index = SPEED_PRESETS.findIndex((preset) => preset.speed === current);
  const from = index >= 0 ? index : 2;
  return SPEED_PRESETS[Math.min(SPEED_PRESETS.length - 1, Math.max(0, from + direction))].speed;
}

/** The Simulation menu (in-page and native) and the View menu's classroom mode, wired to the live controller. */
export function LiveCommands({ classroom, onClassroomChange }: { classroom: boolean; onClassroomChange: (on: boolean) => void }) {
  const controller = useLiveController();
  usePlaybackKeys(controller);
  const ready = () => controller !== null;
  useCommandHandler('sim.playPause', () => controller?.togglePlay(), ready);
  useCommandHandler('sim.step', () => controller?.step(), ready);
  useCommandHandler('sim.reset', () => controller?.reset(), ready);
  useCommandHandler('sim.speedSlowMotion', () => controller?.setSpeed(MIN_SPEED), ready);
  useCommandHandler('sim.speedRealTime', () => controller?.setSpeed(1), ready);
  useCommandHandler('sim.speedFastest', () => controller?.setSpeed('max'), ready);
  useCommandHandler('sim.speedUp', () => controller?.setSpeed(neighbourSpeed(controller.speed, 1)), ready);
  useCommandHandler('sim.speedDown', () => controller?.setSpeed(neighbourSpeed(controller.speed, -1)), ready);
  useCommandHandler('view.toggleClassroomMode', () => onClassroomChange(!classroom), undefined, () => classroom);
  return null;
}
