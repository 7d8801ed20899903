interface StatusBarProps {
  hostLabel: string;
  rendererName: string | null;
  documentTitle: string;
  nodeCount: number;
  linkCount: number;
}

export function StatusBar({ hostLabel, rendererName, documentTitle, nodeCount, linkCount }: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-host">{hostLabel}</span>
      <span className="status-separator" />
      <span data-testid="status-renderer">Renderer: {rendererName ?? 'starting…'}</span>
      <span className="status-spacer" />
      <span>{documentTitle}</span>
      <span className="status-separator" />
      <span data-testid="status-counts">
        {nodeCount} nodes · {linkCount} links
      </span>
    </footer>
  );
}
