import { useEffect, useMemo, useState } from 'react';
import { loadDocument } from '../../shared/model/load';
import { createEmptyDocument } from '../../shared/model/document';
import type { FaultlineDocument } from '../../shared/model/types';
import defaultSandboxText from '../../shared/examples/classic-web-stack.faultline?raw';
import { SandboxCanvas } from '../canvas/SandboxCanvas';
import type { Host } from '../host/host';
import { StatusBar } from './StatusBar';
import { DocumentStore } from '../editor/store/documentStore';
import { DocumentStoreProvider } from '../editor/store/DocumentStoreContext';

type Loaded = { document: FaultlineDocument; error: null } | { document: null; error: string };

function loadDefaultSandbox(): Loaded {
  const result = loadDocument(defaultSandboxText);
  if (result.ok) return { document: result.document, error: null };
  return { document: null, error: result.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n') };
}

export function App({ host }: { host: Host }) {
  const loaded = useMemo(loadDefaultSandbox, []);
  const [store] = useState(() => new DocumentStore(loaded.document ?? createEmptyDocument()));
  const [rendererName, setRendererName] = useState<string | null>(null);
  const [canvasError, setCanvasError] = useState<string | null>(null);
  const [version, setVersion] = useState<string>('');

  useEffect(() => {
    host.getAppInfo().then((info) => setVersion(info.version), () => setVersion(''));
  }, [host]);

  const title = loaded.document?.meta.title ?? 'Untitled';
  useEffect(() => {
    window.document.title = `${title} — Faultline`;
  }, [title]);

  return (
    <DocumentStoreProvider store={store}>
    <div className="app-shell">
      <header className="title-bar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Faultline
        </span>
        <span className="document-title">{title}</span>
        <span className="title-spacer" />
        <span className="version">{version && `v${version}`}</span>
      </header>
      <main className="workspace">
        {loaded.document ? (
          <SandboxCanvas document={loaded.document} onRendererReady={setRendererName} onError={setCanvasError} />
        ) : (
          <div className="load-error" role="alert">
            <h2>The default sandbox could not be loaded</h2>
            <pre>{loaded.error}</pre>
          </div>
        )}
        {canvasError && (
          <div className="load-error" role="alert">
            {canvasError}
          </div>
        )}
      </main>
      <StatusBar
        hostLabel={host.label}
        rendererName={rendererName}
        documentTitle={title}
        nodeCount={loaded.document ? Object.keys(loaded.document.nodes).length : 0}
        linkCount={loaded.document ? Object.keys(loaded.document.links).length : 0}
      />
    </div>
    </DocumentStoreProvider>
  );
}
