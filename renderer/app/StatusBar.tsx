import { countOf } from '../../shared/model/plural';
import type { ConnectionStatus } from '../engine/engineClient';

interface StatusBarProps {
  hostLabel: string;
  rendererName: string | null;
  documentTitle: string;
  nodeCount: number;
  linkCount: number;
  /** The simulation engine's health (EngineClient.onStatus); shown only when it needs saying. */
  engineStatus?: ConnectionStatus;
}

/** The renderer's product name for the status bar ("webgl" → "WebGL"); an unknown one is shown readably as given. */
export function rendererLabel(name: string): string {
  const known: Record<string, string> = { webgl: 'WebGL', webgl2: 'WebGL 2', webgpu: 'WebGPU', canvas: 'Canvas' };
  return known[name.trim().toLowerCase()] ?? (name.trim() === '' ? 'unknown' : name.trim());
}

export function StatusBar({ hostLabel, rendererName, documentTitle, nodeCount, linkCount, engineStatus }: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-host">{hostLabel}</span>
      <span className="status-separator" />
      <span data-testid="status-renderer">Renderer: {rendererName === null ? 'starting…' : rendererLabel(rendererName)}</span>
      {engineStatus?.attention && <span className="status-engine" data-testid="status-engine" role="status">{engineStatus.message}</span>}
      <span className="status-spacer" />
      <span className="status-title" title={documentTitle}>
        {documentTitle}
      </span>
      <span className="status-separator" />
      <span data-testid="status-counts">
        {countOf(nodeCount, 'node')} · {countOf(linkCount, 'link')}
      </span>
    </footer>
  );
}
