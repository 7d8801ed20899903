import { useEffect } from 'react';
import { isTypingTarget, ownsSpace } from '../editor/keyboardShortcuts';
import type { LiveController } from './liveController';

/**
 * Space plays / pauses — on release, and only if the pointer was not pressed meanwhile (Space +
 * drag pans the canvas); never while typing. F10 steps (plain F10 only: Shift+F10 opens the
 * selection's fault menu, like a right-click, which does not step the run).
 */
export function usePlaybackKeys(controller: LiveController | null): void {
  useEffect(() => {
    if (controller === null) return;
    let armed = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      if (event.key === ' ' && !event.repeat && !ownsSpace(event.target)) armed = true;
      if (event.key === 'F10' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
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
