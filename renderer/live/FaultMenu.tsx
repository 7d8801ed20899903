import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { linkAt, nodeAt } from '../editor/geometry';
import type { Editor } from '../editor/editor';
import { linkFaultItems, nodeFaultItems, type FaultMenuItem } from './faultMenuItems';
import { placeMenu } from './menuPlacement';
import { useLiveController } from './LiveContext';
import { nodeNamer } from './nodeNames';

interface OpenMenu {
  x: number;
  y: number;
  title: string;
  items: FaultMenuItem[];
  /** The run has ended: the items are shown, unavailable, with how to make them available. */
  ended: boolean;
  /** Opened from the keyboard: the first item takes focus, and focus goes back to the canvas after. */
  returnFocus?: HTMLElement;
}

function nodeMenu(editor: Editor, controller: NonNullable<ReturnType<typeof useLiveController>>, nodeId: string, x: number, y: number): OpenMenu | null {
  const doc = editor.store.getDocument();
  if (!Object.hasOwn(doc.nodes, nodeId)) return null;
  const node = doc.nodes[nodeId];
  const index = controller.model.nodeIds.indexOf(node.id);
  const status = index >= 0 ? controller.model.frame?.nodeStatus[index] : undefined;
  return { x, y, title: nodeNamer(doc.nodes)(node.id), items: nodeFaultItems(doc, node.id, status, controller.model.frame?.timeMs ?? 0), ended: controller.model.frame?.ended === true };
}

function linkMenu(editor: Editor, controller: NonNullable<ReturnType<typeof useLiveController>>, linkId: string, x: number, y: number): OpenMenu | null {
  const doc = editor.store.getDocument();
  if (!Object.hasOwn(doc.links, linkId)) return null;
  const link = doc.links[linkId];
  return { x, y, title: `${nodeNamer(doc.nodes)(link.from)} → ${nodeNamer(doc.nodes)(link.to)}`, items: linkFaultItems(doc, link.id, controller.model.frame?.timeMs ?? 0), ended: controller.model.frame?.ended === true };
}

/**
 * Right-click a node or link on the canvas to inject a fault now (crash / restart / slow / cut /
 * partition…). The engine applies it and the document's scenario records it (see LiveController).
 * From the keyboard, Shift+F10 or the Menu key on the canvas opens it for the selected node or
 * link (Editor.requestContextMenu); the arrows move through it, Escape closes it.
 */
export function FaultMenu({ editor }: { editor: Editor }) {
  const controller = useLiveController();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  // Where the open menu is drawn: inside the window, measured before it is painted (opened at a
  // node near the window's right or bottom edge, its items were out of reach).
  const [placed, setPlaced] = useState<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    const element = menuRef.current;
    if (menu === null || element === null) return;
    setPlaced(placeMenu(menu, { width: element.offsetWidth, height: element.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [menu]);

  useEffect(() => {
    if (controller === null) return;
    return editor.onContextMenuRequest((target) => {
      const point = editor.menuClientPoint(target) ?? { x: 0, y: 0 };
      const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
      const opened = target.kind === 'nodes' ? nodeMenu(editor, controller, target.id, point.x, point.y) : linkMenu(editor, controller, target.id, point.x, point.y);
      setMenu(opened && { ...opened, returnFocus });
    });
  }, [controller, editor]);

  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      const target = event.target as Element | null;
      // The Menu key's own contextmenu event (the keydown already opened ours): no browser menu.
      if (target?.closest('.live-fault-menu') != null || (target?.classList.contains('sandbox-canvas') === true && controller !== null)) {
        event.preventDefault();
        return;
      }
      if (controller === null || target === null || target.closest('.sandbox-canvas') === null) return;
      const world = editor.getCamera()?.clientToWorld(event.clientX, event.clientY);
      if (world === undefined) return;
      const doc = editor.store.getDocument();
      const node = nodeAt(doc, world, editor.store.getSelection().nodes);
      event.preventDefault();
      if (node !== undefined) {
        setMenu(nodeMenu(editor, controller, node.id, event.clientX, event.clientY));
        return;
      }
      const link = linkAt(doc, world, editor.getCamera()?.zoom() ?? 1);
      if (link !== undefined) {
        setMenu(linkMenu(editor, controller, link.id, event.clientX, event.clientY));
        return;
      }
      setMenu(null);
    };
    window.addEventListener('contextmenu', onContextMenu);
    return () => window.removeEventListener('contextmenu', onContextMenu);
  }, [controller, editor]);

  // Opened from the keyboard: focus on the first item, as a menu button's menu does.
  useEffect(() => {
    if (menu?.returnFocus) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menu]);

  const closeMenu = () => {
    const back = menu?.returnFocus;
    setMenu(null);
    if (back?.isConnected) back.focus();
  };

  useEffect(() => {
    if (menu === null) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof PointerEvent && event.target instanceof Element && event.target.closest('.live-fault-menu') !== null) return;
      setMenu(null);
      if (event instanceof KeyboardEvent && menu.returnFocus?.isConnected) {
        event.preventDefault();
        event.stopImmediatePropagation();
        menu.returnFocus.focus();
      }
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
    <div
      ref={menuRef}
      className="live-fault-menu"
      role="menu"
      aria-label={`Inject a fault: ${menu.title}`}
      style={{ left: placed?.x ?? menu.x, top: placed?.y ?? menu.y }}
      data-testid="fault-menu"
      onKeyDown={(event) => {
        const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const index = items.indexOf(document.activeElement as HTMLElement);
        const go = (next: number) => {
          event.preventDefault();
          items[(next + items.length) % items.length]?.focus();
        };
        if (event.key === 'ArrowDown') go(index + 1);
        else if (event.key === 'ArrowUp') go(index - 1);
        else if (event.key === 'Home') go(0);
        else if (event.key === 'End') go(items.length - 1);
        else if (event.key === 'Tab') setMenu(null);
      }}
    >
      <div className="live-fault-menu-title">{menu.title}</div>
      {menu.ended && (
        // A fault after the end would be saved into the scenario where it never happens.
        <div className="live-fault-menu-note" id="fault-menu-ended">
          The run has ended: seek back or press Reset to inject a fault.
        </div>
      )}
      {menu.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          // Still focusable (aria-disabled, not disabled), so the arrows and a screen reader reach them.
          aria-disabled={menu.ended || undefined}
          aria-describedby={menu.ended ? 'fault-menu-ended' : undefined}
          onClick={() => {
            if (menu.ended) return;
            controller?.inject(item.fault);
            closeMenu();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
