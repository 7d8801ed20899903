import { useEffect, useRef } from 'react';
import type { SpeedCommand } from '../../shared/ipc/menuCommands';
import type { Speed } from '../../shared/sim/session/protocol';
import { useCommandDispatcher, useCommandHandler } from '../app/menu/CommandDispatcherContext';
import { useLiveController, useLiveModel } from './LiveContext';
import type { LiveController } from './liveController';
import { SPEED_PRESETS } from './speedPresets';
import { usePlaybackKeys } from './usePlaybackKeys';

function neighbourSpeed(current: Speed, direction: 1 | -1): Speed {
  const index = SPEED_PRESETS.findIndex((preset) => preset.speed === current);
  const from = index >= 0 ? index : 2;
  return SPEED_PRESETS[Math.min(SPEED_PRESETS.length - 1, Math.max(0, from + direction))].speed;
}

/**
 * The preset the run is at, as the engine last confirmed it (or as just asked for, before any
 * frame); null at a speed no preset has. Both menus check the item it names.
 */
function currentSpeedCommand(controller: LiveController): SpeedCommand | null {
  const speed = controller.model.frame?.speed ?? controller.speed;
  return SPEED_PRESETS.find((preset) => preset.speed === speed)?.command ?? null;
}

/**
 * One menu command per speed preset, checked while the run is at that speed (the in-page menu
 * reads the check mark when it opens; the native menu is told through `onSpeedShown`).
 */
function useSpeedCommands(controller: LiveController | null): void {
  const dispatcher = useCommandDispatcher();
  const latest = useRef(controller);
  latest.current = controller;
  useEffect(() => {
    const removers = SPEED_PRESETS.map((preset) =>
      dispatcher.register(preset.command, {
        run: () => latest.current?.setSpeed(preset.speed),
        isEnabled: () => latest.current !== null,
        isChecked: () => latest.current !== null && currentSpeedCommand(latest.current) === preset.command,
      }),
    );
    return () => removers.forEach((remove) => remove());
  }, [dispatcher]);
}

/** The Simulation menu (in-page and native) and the View menu's classroom mode, wired to the live controller. */
export function LiveCommands({
  classroom,
  onClassroomChange,
  onSpeedShown,
}: {
  classroom: boolean;
  onClassroomChange: (on: boolean) => void;
  /** The speed preset the run is at (null: none, e.g. no engine yet), for the native menu's radio items. */
  onSpeedShown: (command: SpeedCommand | null) => void;
}) {
  const controller = useLiveController();
  // Re-rendered (throttled) as frames arrive, so a speed the engine confirms reaches the native menu.
  useLiveModel();
  usePlaybackKeys(controller);
  useSpeedCommands(controller);
  const currentSpeed = controller === null ? null : currentSpeedCommand(controller);
  useEffect(() => onSpeedShown(currentSpeed), [currentSpeed, onSpeedShown]);
  const ready = () => controller !== null;
  useCommandHandler('sim.playPause', () => controller?.togglePlay(), ready);
  useCommandHandler('sim.step', () => controller?.step(), ready);
  useCommandHandler('sim.reset', () => controller?.reset(), ready);
  useCommandHandler('sim.speedUp', () => controller?.setSpeed(neighbourSpeed(controller.speed, 1)), ready);
  useCommandHandler('sim.speedDown', () => controller?.setSpeed(neighbourSpeed(controller.speed, -1)), ready);
  useCommandHandler('view.toggleClassroomMode', () => onClassroomChange(!classroom), undefined, () => classroom);
  return null;
}
