import { BookOpen } from 'lucide-react';
import { ReadingDialog } from '../lessons/ReadingDialog';
import { ReferenceSection } from './ReferenceSection';
import './help.css';

/** One row of the shortcut table: the keys, and what they do. */
type Shortcut = readonly [keys: string, action: string];

function shortcutGroups(mod: string, newKeys: string): readonly { title: string; rows: readonly Shortcut[] }[] {
  return [
    {
      title: 'Files',
      rows: [
        [newKeys, 'New sandbox'],
        [`${mod}+O`, 'Open a .faultline file (or drop one on the window)'],
        [`${mod}+S / ${mod}+Shift+S`, 'Save / Save As'],
        [`${mod}+Shift+E`, 'Export the diagram as PNG'],
      ],
    },
    {
      title: 'Editing',
      rows: [
        [`${mod}+Z / ${mod}+Shift+Z (or ${mod}+Y)`, 'Undo / Redo (every edit, a whole drag at once)'],
        [`${mod}+C / ${mod}+X / ${mod}+V`, 'Copy / Cut / Paste — through the system clipboard, between windows too'],
        [`${mod}+D`, 'Duplicate the selection'],
        [`${mod}+A`, 'Select everything'],
        [`Shift+click / ${mod}+click`, 'Add a node, link or region to the selection, or take it out'],
        ['Drag on empty canvas', 'Select the nodes the box touches (with Shift, add them to the selection)'],
        ['Delete / Backspace', 'Delete the selection (links, scenario events and checks that name it go too)'],
        ['Arrow keys (Shift: ×5)', 'Nudge the selection by one grid step (a region moves with its nodes)'],
        ['Double-click', 'Rename a node or a region'],
        ['Escape', 'Cancel the drag in progress'],
      ],
    },
    {
      title: 'The canvas from the keyboard (Tab to it first)',
      rows: [
        ['Tab / Shift+Tab', 'Select the next / previous node, top to bottom and left to right, then the regions in the same order; Tab past the last one (Shift+Tab past the first node) leaves the canvas'],
        ['Alt+Arrow keys', 'Select the nearest node in that direction'],
        ['] / [', 'Select the next / previous link of the selected node (Delete deletes it; Tab carries on from the node)'],
        ['R / Shift+R', 'Select the next / previous region, top to bottom and left to right (Arrow keys move it with its nodes, Delete deletes it)'],
        [`${mod}+Arrow keys (Shift: ×5)`, 'Resize the selected region by one grid step from its bottom-right corner (Right and Down grow it)'],
        ['Escape', 'Clear the selection'],
        ['F2', 'Rename the selected node or region'],
        ['L, then Arrow keys or Tab, then Enter', 'Link the selected node to the node you choose (Escape cancels); the same rules and undo as a drag'],
        ['Shift+F10 / Menu key', 'In a run: the fault menu of the selected node or link (arrows move, Enter injects, Escape closes)'],
      ],
    },
    {
      title: 'View',
      rows: [
        ['Wheel, pinch', 'Zoom'],
        [`${mod}+= / ${mod}+- / ${mod}+0`, 'Zoom in / out / actual size'],
        ['+ / -', 'Zoom in / out'],
        ['F', 'Fit the diagram to the window'],
        ['Space + drag, middle or right drag', 'Pan'],
        [`${mod}+J`, 'Fold or unfold the run panels (charts, log, checks) to give the diagram the room'],
        [`${mod}+B`, 'Fold or unfold the palette (also its button at the top; folded, the strip at the left edge unfolds it)'],
        [`${mod}+I`, 'Fold or unfold the inspector (also its button at the top; folded, the strip at the right edge unfolds it)'],
        ['Enter on the canvas', 'Edit the selection in the inspector: its first field takes the keyboard (a folded inspector unfolds)'],
        ['Escape in an inspector field', 'Back to the canvas, the selection kept (a field being edited first puts back its value from before)'],
        ['Double-click on the canvas', 'With the inspector folded: unfold it on what is selected (a click alone only selects)'],
        ['Drag the top edge of the bottom panel', 'Resize it (down to the tabs folds it; double-click: default height)'],
      ],
    },
    {
      title: 'Simulation',
      rows: [
        ['Space', 'Play / Pause'],
        ['F10', 'Step'],
        [`${mod}+] / ${mod}+[`, 'Faster / Slower'],
        ['Arrow keys, Page Up / Down, Home, End on the timeline', 'Go 1 s / 10 s back or on, or to the start / end'],
        ['Escape while a seek shows its progress', 'Stop the seek where it has got to'],
        ['Arrow keys, Home, End on the speeds', 'Choose a speed (Tab reaches the chosen one; Space still plays / pauses)'],
        ['Arrow keys, Home, End in the event log', 'Move between its rows (the log is one Tab stop); Enter on a row selects its node or link and makes it pulse on the canvas'],
        ['Arrow keys, Home, End on a chart’s key', 'Highlight that series, as pointing at it does (Escape clears; Enter on “+N more” opens the rest)'],
        ['Right-click a node or link', 'Crash, restart, slow, cut, partition — recorded into the scenario'],
        ['Shift+F10 on the canvas', 'The same menu for the selected node or link, from the keyboard'],
        ['F1', 'Lessons'],
      ],
    },
  ];
}

/** Help → Documentation: how the sandbox works, in a page, and every shortcut. */
/** `newKeys`: the keys for New, which differ by edition (a browser keeps Ctrl+N for itself). */
export function GuideDialog({ open, mod, newKeys, onClose }: { open: boolean; mod: string; newKeys: string; onClose: () => void }) {
  return (
    <ReadingDialog
      open={open}
      onClose={onClose}
      icon={<BookOpen aria-hidden="true" size={22} />}
      title="How Faultline works"
      description="Build a system on the canvas, give it a failure timeline, press Play, and watch every request travel. The same file and seed always give the same run."
      className="lessons-dialog help-dialog"
      testId="guide-dialog"
    >
      {/* The text scrolls: one Tab stop lets the keyboard scroll it (axe: scrollable-region-focusable);
          the reference's kinds open from the keyboard too. The Close button before it still takes the first focus. */}
      <div className="help-body" role="region" aria-label="Guide" tabIndex={0}>
        <section>
          <h3>Build</h3>
          <p>
            Drag a kind from the palette onto the canvas. Drag from a node&apos;s handle (the dot on its right edge) to another node to link them: requests go
            that way, responses come back. Without a mouse, Tab to the canvas, Tab to a node, press L, choose the other node with the arrows
            and press Enter. A link between two databases is a replication link. Draw regions around nodes for data centers; links between
            regions get the longer delay set in the document settings. Select anything to edit it in the inspector on the right; the Design problems tab lists
            what will not work (a client that DNS sends somewhere it has no link to, a replica without a primary…). On a small screen, fold the
            palette ({mod}+B), the inspector ({mod}+I) or the run panels ({mod}+J) to give the diagram the room: each leaves a strip at its edge that
            brings it back, and a fitted diagram grows to fill the space. While the inspector is folded, a click only selects; Enter on the canvas or a
            double-click unfolds it on what is selected.
          </p>
        </section>
        <section>
          <h3>Run</h3>
          <p>
            Play runs the simulation in real time; 1/100× and 1/10× slow it down until single packets are visible, 10×, 100× and Max hurry it up. Drag along
            the timeline to go back and forth: the run is re-simulated exactly. The timeline&apos;s + adds a scenario event (a crash, a partition, a note
            for the class); events with a pause stop playback there. Charts, the event log and the checks panel follow the run; select a node to see its
            figures now and, when the run is over, its line of the report.
          </p>
        </section>
        <section>
          <h3>Share</h3>
          <p>
            Save as a .faultline file (plain JSON), copy a share code to paste into someone else&apos;s Faultline, export the diagram as PNG, the run report as
            JSON or the timeline as CSV. The same file runs headless: <code>npx faultline run lesson.faultline --json</code>.
          </p>
          <p>
            File → Open Recent lists the last ten files you opened or saved. In the web edition it is there only in browsers with the File System
            Access API (Chrome, Edge and other Chromium browsers): the browser may ask again whether Faultline may read the file you choose, and a
            file that was moved, deleted or refused is named and taken off the list. Other browsers give a page nothing it could keep to open a
            file later, so there the File menu has no Open Recent: open a file again with Open… (or drop it on the window). Files opened by
            dropping, or saved as a download, are not listed.
          </p>
        </section>
        <ReferenceSection />
        <section>
          <h3>Keyboard and mouse</h3>
          {shortcutGroups(mod, newKeys).map((group) => (
            <table key={group.title} className="help-shortcuts">
              <caption>{group.title}</caption>
              <tbody>
                {group.rows.map(([keys, action]) => (
                  <tr key={keys}>
                    <th scope="row">
                      <kbd>{keys}</kbd>
                    </th>
                    <td>{action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      </div>
    </ReadingDialog>
  );
}
