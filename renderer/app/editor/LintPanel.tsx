import { Cpu, TriangleAlert } from 'lucide-react';
import { useMemo } from 'react';
import { lintDocument } from '../../../shared/model/lint/lintDocument';
import type { SimWarning } from '../../../shared/sim/warnings';
import { useEditor } from '../../editor/EditorContext';
import { useDocument } from '../../editor/store/DocumentStoreContext';
import { useLiveModel } from '../../live/LiveContext';
import { problemText } from '../../live/liveModel';
import { nodeNamer } from '../../live/nodeNames';

/** The nodes a simulation warning names that are still in the document (to select on a click). */
function warnedNodes(warning: SimWarning, nodes: Readonly<Record<string, unknown>>): string[] {
  const ids = warning.flatMap((part) => (typeof part === 'string' ? [] : [part.node]));
  return [...new Set(ids)].filter((id) => Object.hasOwn(nodes, id));
}

/**
 * Design problems: the editor's lint of the document, then what the simulation warns about the
 * design it runs (wiring it ignores, writes with nowhere to go…). Clicking one selects (and
 * brings into view) the nodes and links it names.
 */
export function LintPanel() {
  const doc = useDocument();
  const editor = useEditor();
  const live = useLiveModel();
  const findings = useMemo(() => lintDocument(doc), [doc]);
  const namer = useMemo(() => nodeNamer(doc.nodes, doc.links), [doc.nodes, doc.links]);
  const warnings = live?.warnings ?? [];
  const count = findings.length + warnings.length;
  return (
    <section className="lint-panel" aria-label="Design problems" data-testid="lint-panel">
      <header>
        <h3>Design problems</h3>
        <span className="lint-count">{count === 0 ? 'none' : count}</span>
      </header>
      {count === 0 && <p className="lint-clean">No design problems found.</p>}
      {findings.length > 0 && (
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
      {warnings.length > 0 && (
        <>
          <h4 className="lint-source">Found by the simulation</h4>
          <ul data-testid="engine-warnings">
            {warnings.map((warning, index) => {
              const text = problemText([warning], namer);
              return (
                <li key={`engine:${index}`}>
                  <button type="button" data-rule="engine" onClick={() => editor.selectAndReveal({ nodes: warnedNodes(warning, doc.nodes), links: [], regions: [] })}>
                    <Cpu size={15} aria-hidden="true" />
                    <span className="list-text" title={text}>
                      {text}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
