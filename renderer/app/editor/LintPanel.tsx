import { TriangleAlert } from 'lucide-react';
import { useMemo } from 'react';
import { lintDocument } from '../../../shared/model/lint/lintDocument';
import { useEditor } from '../../editor/EditorContext';
import { useDocument } from '../../editor/store/DocumentStoreContext';

/** Design problems of the document; clicking one selects (and brings into view) the nodes and links it names. */
export function LintPanel() {
  const doc = useDocument();
  const editor = useEditor();
  const findings = useMemo(() => lintDocument(doc), [doc]);
  return (
    <section className="lint-panel" aria-label="Design problems" data-testid="lint-panel">
      <header>
        <h3>Design problems</h3>
        <span className="lint-count">{findings.length === 0 ? 'none' : findings.length}</span>
      </header>
      {findings.length === 0 ? (
        <p className="lint-clean">No design problems found.</p>
      ) : (
        <ul>
          {findings.map((finding, index) => (
            <li key={`${finding.rule}:${index}`}>
              <button type="button" data-rule={finding.rule} onClick={() => editor.selectAndReveal({ nodes: finding.nodes, links: finding.links, regions: [] })}>
                <TriangleAlert size={15} aria-hidden="true" />
                <span className="list-text" title={finding.message}>
                  {finding.message}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
