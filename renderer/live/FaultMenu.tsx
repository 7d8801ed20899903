import { useEffect, useState } from 'react';
import { linkAt, nodeAt } from '../editor/geometry';
import type { Editor } from '../editor/editor';
import { activeFaultsAt } from './activeFaults';
import { linkFaultItems, nodeFaultItems, type FaultMenuItem } from './faultMenuItems';
import { useLiveController } from './LiveContext';

interface OpenMenu {
  x: number;
  y: number;
  title: string;
  items: FaultMenuItem[];
}

/**
 * Right-click a node or link on the canvas to inject a fault now (crash / restart / slow / cut /
 * partition…). The engine applies it and the document's scenario records it (see LiveController).
 */
export function FaultMenu({ editor }: { editor: Editor }) {
  const controller = useLiveController();
  const [menu, setMenu] = useState<OpenMenu | null>(null);

  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      const target = event.target as Element | null;
      if (controller === null || target === null || target.closest('.sandbox-canvas') === null) return;
      const world = editor.getCamera()?.clientToWorld(event.clientX, event.clientY);
      if (world === undefined) return;
      const doc = editor.store.getDocument();
      const frame = controller.model.frame;
      const node = nodeAt(doc, world);
      event.preventDefault();
      if (node !== undefined) {
        const index = controller.model.nodeIds.indexOf(node.id);
        setMenu({ x: event.clientX, y: event.clientY, title: node.name ?? node.id, items: nodeFaultItems(doc, node.id, index >= 0 ? frame?.nodeStatus[index] : undefined) });
        return;
      }
      const link = linkAt(doc, world, editor.getCamera()?.zoom() ?? 1);
      if (link !== undefined) {
        const cut = activeFaultsAt(doc, frame?.timeMs ?? 0).cutLinks.has(link.id);
        setMenu({ x: event.clientX, y: event.clientY, title: `${link.from} → ${link.to}`, items: linkFaultItems(doc, link.id, cut) });
        return;
      }
      setMenu(null);
    };
    window.addEventListener('contextmenu', onContextMenu);
    return () => window.removeEventListener('contextmenu', onContextMenu);
  }, [controller, editor]);

  useEffect(() => {
    if (menu === null) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event.target instanceof Element && event.target.closest('.live-fault-menu') !== null) return;
      setMenu(null);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [menu]);

  if (menu === null) return null;
  return (
    <div className="live-fault-menu" role="menu" aria-label={`Inject a fault: ${menu.title}`} style={{ left: menu.x, top: menu.y }} data-testid="fault-menu">
      <div className="live-fault-menu-title">{menu.title}</div>
      {menu.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => {
            controller?.inject(item.fault);
            setMenu(null);
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
