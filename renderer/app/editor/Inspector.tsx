import { useCallback, useLayoutEffect, useRef } from 'react';
import { configFields, NODE_KIND_INFO } from '../../../shared/model/schema/nodeKinds';
import { LINK_FIELDS } from '../../../shared/model/schema/records';
import type { FaultlineDocument, LinkRecord, NodeRecord } from '../../../shared/model/types';
import { cssColor, KIND_STYLES } from '../../canvas/kindStyle';
import type { ThemeName } from '../../canvas/theme';
import { renameNode, regionNameProblem, renameRegion, setConfigValue, setLinkValue, type LinkNumberField } from '../../editor/commands/documentEdits';
import { useDocument, useDocumentStore, useSelection } from '../../editor/store/DocumentStoreContext';
import { DocumentSettings } from './DocumentSettings';
import { FieldEditor, TextField } from './FieldEditor';
import { fieldOutOfEffect, valueAt } from './fieldValues';
import { useRefusedFieldNotice } from './useRefusedFieldNotice';
import { NodeLiveStats } from './NodeLiveStats';
import { countOf } from '../../../shared/model/plural';
import { shownTitle } from '../files/documentSession';

const EDITABLE_LINK_FIELDS = LINK_FIELDS.filter((field) => ['latencyMs', 'jitterMs', 'lossRate', 'bandwidthMbps', 'weight'].includes(field.name));
/** Weight shares out traffic of weighted DNS and load balancers: nothing on a replication link. */
const REPLICATION_LINK_FIELDS = EDITABLE_LINK_FIELDS.filter((field) => field.name !== 'weight');

/** The panel's heading: one line, a long name ending in an ellipsis with all of it in the tooltip. */
function InspectorTitle({ text }: { text: string }) {
  return (
    <h2 className="inspector-title" data-testid="inspector-title" title={text}>
      {text}
    </h2>
  );
}

function NodesInspector({ doc, nodes, theme }: { doc: FaultlineDocument; nodes: NodeRecord[]; theme: ThemeName }) {
  const store = useDocumentStore();
  const ids = nodes.map((node) => node.id);
  const idKey = ids.join(',');
  const kind = nodes[0].kind;
  const onCommit = useCallback(
    (path: readonly string[], value: unknown) => {
      store.update((draft) => setConfigValue(draft, idKey.split(','), path, value), { squashKey: `config:${idKey}:${path.join('.')}` });
    },
    [store, idKey],
  );
  const onCommitEach = useCallback(
    (path: readonly string[], valueFor: (current: unknown) => unknown) => {
      store.update(
        (draft) => {
          for (const id of idKey.split(',')) {
            if (Object.hasOwn(draft.nodes, id)) setConfigValue(draft, [id], path, valueFor(valueAt(draft.nodes[id].config, path)));
          }
        },
        { squashKey: `config:${idKey}:${path.join('.')}` },
      );
    },
    [store, idKey],
  );
  if (nodes.some((node) => node.kind !== kind)) {
    return (
      <div className="inspector-empty">
        <p>
          {nodes.length} nodes of different kinds are selected. Select nodes of one kind to edit them together.
        </p>
      </div>
    );
  }
  const info = NODE_KIND_INFO[kind];
  const configs = nodes.map((node) => node.config);
  const outOfEffect = (path: readonly string[]) => fieldOutOfEffect(kind, configs, path);
  const Icon = KIND_STYLES[kind].icon;
  const single = nodes.length === 1 ? nodes[0] : undefined;
  return (
    <div className="inspector-body" key={idKey}>
      <header className="inspector-header">
        <span className="inspector-icon" style={{ color: cssColor(KIND_STYLES[kind].color[theme]) }}>
          <Icon size={22} strokeWidth={2.2} aria-hidden="true" />
        </span>
        <div>
          <InspectorTitle text={single ? (single.name ?? single.id) : `${nodes.length} × ${info.label}`} />
          <p className="inspector-summary">{info.summary}</p>
        </div>
      </header>
      {single && (
        <div className="field-group identity">
          <TextField
            key={single.id}
            label="Name"
            title="Shown on the node card, in menus, the log and charts; the id when empty."
            field="name"
            value={single.name ?? ''}
            placeholder={single.id}
            parse={(text) => ({ ok: true, value: text })}
            onCommit={(text) => store.update((draft) => renameNode(draft, single.id, text ?? ''))}
          />
          <div className="field-row readonly">
            <span className="field-label">Id</span>
            <code data-testid="inspector-id">{single.id}</code>
          </div>
          <div className="field-row readonly">
            <span className="field-label">Region</span>
            <span>{single.region && Object.hasOwn(doc.regions, single.region) ? doc.regions[single.region].name : '—'}</span>
          </div>
        </div>
      )}
      {single && <NodeLiveStats nodeId={single.id} kind={single.kind} />}
      {configFields(kind).map((field) => (
        <FieldEditor key={field.name} descriptor={field} path={[field.name]} records={configs} onCommit={onCommit} onCommitEach={onCommitEach} outOfEffect={outOfEffect} doc={doc} selfIds={ids} />
      ))}
    </div>
  );
}

/** What the selected links are: by their kind, all of them (not only a single link's). */
function linksSummary(links: readonly LinkRecord[]): string {
  const replication = links.filter((link) => link.kind === 'replication').length;
  if (replication === links.length) return 'Replication: joins databases into a cluster.';
  if (replication === 0) return 'Traffic: requests go this way, responses come back.';
  return 'Traffic links (requests go one way, responses come back) and replication links (they join databases into a cluster).';
}

function LinksInspector({ doc, links }: { doc: FaultlineDocument; links: LinkRecord[] }) {
  const store = useDocumentStore();
  const idKey = links.map((link) => link.id).join(',');
  const onCommit = useCallback(
    (path: readonly string[], value: unknown) => {
      store.update((draft) => setLinkValue(draft, idKey.split(','), path[0] as LinkNumberField, value as number | undefined), { squashKey: `link:${idKey}:${path[0]}` });
    },
    [store, idKey],
  );
  const single = links.length === 1 ? links[0] : undefined;
  const name = (id: string) => (Object.hasOwn(doc.nodes, id) ? (doc.nodes[id].name ?? id) : id);
  return (
    <div className="inspector-body" key={idKey}>
      <header className="inspector-header">
        <div>
          <InspectorTitle text={single ? `${name(single.from)} → ${name(single.to)}` : `${links.length} links`} />
          <p className="inspector-summary">{linksSummary(links)}</p>
        </div>
      </header>
      {(links.every((link) => link.kind === 'replication') ? REPLICATION_LINK_FIELDS : EDITABLE_LINK_FIELDS).map((field) => (
        <FieldEditor key={field.name} descriptor={field} path={[field.name]} records={links as unknown as Record<string, unknown>[]} onCommit={onCommit} doc={doc} selfIds={[]} />
      ))}
    </div>
  );
}

function RegionInspector({ doc, id }: { doc: FaultlineDocument; id: string }) {
  const store = useDocumentStore();
  const region = doc.regions[id];
  const members = Object.values(doc.nodes).filter((node) => node.region === id).length;
  return (
    <div className="inspector-body" key={id}>
      <header className="inspector-header">
        <div>
          <InspectorTitle text={region.name} />
          <p className="inspector-summary">A region: a data center or a continent. {members === 0 ? 'No nodes inside yet.' : `${countOf(members, 'node')} inside.`}</p>
        </div>
      </header>
      <TextField
        key={id}
        label="Name"
        title="Shown on the region box."
        field="region-name"
        value={region.name}
        parse={(text) => {
          const problem = regionNameProblem(text, store.getDocument(), id);
          return problem === null ? { ok: true, value: text } : { ok: false, message: problem };
        }}
        onCommit={(text) => store.update((draft) => renameRegion(draft, id, text ?? ''))}
      />
      <div className="field-row readonly">
        <span className="field-label">Id</span>
        <code>{region.id}</code>
      </div>
      <div className="field-row readonly">
        <span className="field-label">Size</span>
        <span>
          {region.w} × {region.h}
        </span>
      </div>
    </div>
  );
}

/** The right panel: every config field of the selection, generated from the schema. */
export function Inspector({ theme }: { theme: ThemeName }) {
  const doc = useDocument();
  const selection = useSelection();
  const panel = useRef<HTMLElement>(null);
  useRefusedFieldNotice(panel);
  const nodes = selection.nodes.filter((id) => Object.hasOwn(doc.nodes, id)).map((id) => doc.nodes[id]);
  const links = selection.links.filter((id) => Object.hasOwn(doc.links, id)).map((id) => doc.links[id]);
  // Something else selected starts at the top of its inspector (its name and first fields), not
  // where the last one was scrolled to: an lb scrolled to its health check showed a client from
  // an unlabelled menu half-way down.
  const shownKey = `${selection.nodes.join(',')}|${selection.links.join(',')}|${selection.regions.join(',')}`;
  useLayoutEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [shownKey]);
  let content;
  if (nodes.length > 0) content = <NodesInspector doc={doc} nodes={nodes} theme={theme} />;
  else if (links.length > 0) content = <LinksInspector doc={doc} links={links} />;
  else if (selection.regions.length === 1) content = <RegionInspector doc={doc} id={selection.regions[0]} />;
  else if (selection.regions.length > 1)
    // Not the document settings, as if nothing were selected.
    content = (
      <div className="inspector-empty">
        <InspectorTitle text={`${selection.regions.length} regions`} />
        <p className="inspector-summary">{selection.regions.length} regions are selected. Select one region to rename it.</p>
      </div>
    );
  else
    content = (
      <div className="inspector-empty">
        <InspectorTitle text={shownTitle(doc.meta.title)} />
        {doc.meta.description && <p className="inspector-summary">{doc.meta.description}</p>}
        <p className="tip">Select a node, link or region to edit it. Drag from a node&apos;s handle (the dot on its right edge) to another node to link them.</p>
        <DocumentSettings doc={doc} />
      </div>
    );
  return (
    <aside ref={panel} className="inspector" aria-label="Inspector" data-testid="inspector">
      {content}
    </aside>
  );
}
