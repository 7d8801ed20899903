import { useEffect } from 'react';
import { inSpacePlaysArea, isTypingTarget, notForTheDiagram, spacePlaysPauses } from '../editor/keyboardShortcuts';
import type { LiveController } from './liveController';

/**
 * Space plays / pauses — on release, and only if the pointer was not pressed meanwhile (Space +
 * drag pans the canvas); also with focus on the playback bar's buttons or the run panels' tabs
 * (which then are not pressed); never while typing, in a menu or a dialog, or on other buttons. F10 steps (plain F10 only: Shift+F10 opens the
 * selection's fault menu, like a right-click, which does not step the run). Escape stops a long
 * seek where it has got to.
 */
export function usePlaybackKeys(controller: LiveController | null): void {
  useEffect(() => {
    if (controller === null) return;
    let armed = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      if (event.key === ' ' && spacePlaysPauses(event.target)) {
        if (!event.repeat) armed = true;
        // A focused speed button or tab would be pressed by this Space: it plays or pauses instead.
        if (inSpacePlaysArea(event.target)) event.preventDefault();
      }
      // A seek taking a while stops where it has got to (the button beside its progress says Esc).
      if (event.key === 'Escape' && !notForTheDiagram(event.target) && controller.cancelSeek()) event.preventDefault();
      // Not from a dialog either (Space already was not): the run stepped behind Help → About.
      if (event.key === 'F10' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey && !notForTheDiagram(event.target)) {
        event.preventDefault();
        controller.step();
      }
    };
    const onPointerDown = () => {
      armed = false;
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !armed) return;
      armed = false;
      if (inSpacePlaysArea(event.target)) event.preventDefault();
      if (isTypingTarget(event.target)) return;
      controller.togglePlay();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [controller]);
}
