import type { CSSProperties } from 'react';
import { Pause, Play, RotateCcw, StepForward, X } from 'lucide-react';
import { useLiveController, useLiveModel } from './LiveContext';
import { rovingIndex } from './rovingFocus';
import { formatSimTime, SPEED_PRESETS } from './speedPresets';

/** Play / pause, step, reset, speed presets and the clock. */
export function PlaybackBar() {
  const controller = useLiveController();
  const model = useLiveModel();
  const frame = model?.frame ?? null;
  const ready = controller !== null && frame !== null;
  const playing = frame?.playing === true;
  const speed = frame?.speed ?? controller?.speed;
  const checked = SPEED_PRESETS.findIndex((preset) => preset.speed === speed);
  const progress = model?.seekProgress ?? null;
  const seeking = progress === null ? null : { targetMs: progress.targetMs, percent: Math.floor((100 * progress.doneMs) / Math.max(1, progress.targetMs)) };
  return (
    // Space plays / pauses with focus anywhere on this bar (it does not press the focused button).
    <div className="live-playback" role="toolbar" aria-label="Playback" data-space-plays="">
      <button
        type="button"
        className="live-play"
        data-testid="live-play"
        disabled={!ready}
        aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={() => controller?.togglePlay()}
      >
        {playing ? <Pause size={18} /> : <Play size={18} />}
      </button>
      <button type="button" className="icon-button live-tool" disabled={!ready} aria-label="Step 0.1 s (F10)" title="Step 0.1 s (F10)" onClick={() => controller?.step()}>
        <StepForward size={16} />
      </button>
      <button type="button" className="icon-button live-tool" disabled={!ready} aria-label="Reset to 0 s" title="Reset: run the design again from 0 s" onClick={() => controller?.reset()}>
        <RotateCcw size={16} />
      </button>
      <span className="live-clock" data-testid="live-clock" aria-live="off">
        {formatSimTime(frame?.timeMs ?? 0)}{' '}
        {seeking === null ? (
          <span className="live-clock-total">/ {formatSimTime(frame?.durationMs ?? 0)}</span>
        ) : (
          // A seek re-simulates up to its target: one that takes a while says how far it has got.
          <span
            className="live-seek-progress"
            role="progressbar"
            aria-label={`Simulating to ${formatSimTime(seeking.targetMs)}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={seeking.percent}
            data-testid="seek-progress"
            style={{ '--seek-done': `${seeking.percent}%` } as CSSProperties}
          >
            → {formatSimTime(seeking.targetMs)} · <span className="live-seek-percent">{seeking.percent}</span> %
          </span>
        )}
      </span>
      {seeking !== null && (
        <button
          type="button"
          className="icon-button live-tool"
          data-testid="seek-cancel"
          aria-label="Stop seeking here (Esc)"
          title="Stop seeking here (Esc)"
          onClick={(event) => {
            controller?.cancelSeek();
            // This button goes once the seek has stopped: Play keeps the focus in the bar.
            event.currentTarget.closest('[role="toolbar"]')?.querySelector<HTMLElement>('[data-testid="live-play"]')?.focus();
          }}
        >
          <X size={16} />
        </button>
      )}
      {/* The radio group pattern: one Tab stop (the checked speed), the arrows move and choose, Home
          and End choose the slowest and Max. Space plays / pauses here too (the toolbar's rule). */}
      <div
        className="live-speeds"
        role="radiogroup"
        aria-label="Speed"
        onKeyDown={(event) => {
          if (controller === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
          // From the speed last asked for (the engine's frames confirm it a moment later).
          const at = SPEED_PRESETS.findIndex((preset) => preset.speed === controller.speed);
          const next = rovingIndex(event.key, at, SPEED_PRESETS.length);
          if (next === null) return;
          event.preventDefault();
          controller.setSpeed(SPEED_PRESETS[next].speed);
          (event.currentTarget.children[next] as HTMLElement | undefined)?.focus();
        }}
      >
        {SPEED_PRESETS.map((preset, index) => (
          <button
            key={String(preset.speed)}
            type="button"
            role="radio"
            aria-checked={speed === preset.speed}
            // Tab enters the group at the checked speed (the first while none is).
            tabIndex={index === Math.max(0, checked) ? 0 : -1}
            className={speed === preset.speed ? 'live-speed active' : 'live-speed'}
            title={preset.title}
            disabled={controller === null}
            onClick={() => controller?.setSpeed(preset.speed)}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {frame !== null && frame.playing && typeof frame.speed === 'number' && frame.achievedSpeed > 0 && frame.achievedSpeed < frame.speed * 0.8 && (
        <span className="live-lag" title="The engine cannot keep up with this speed">
          running at {frame.achievedSpeed < 1 ? frame.achievedSpeed.toFixed(2) : Math.round(frame.achievedSpeed)}×
        </span>
      )}
      <span className="live-status">{controller === null ? 'Starting the simulation engine…' : controller.status.state !== 'ready' ? controller.status.message : ''}</span>
    </div>
  );
}
