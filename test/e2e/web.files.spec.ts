import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { watchForProblems, documentText, menu, nodeCentre } from './pageHelpers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'files');
const SHOTS = '/tmp/f9';

/** Removes the File System Access pickers, so the page takes the path every browser has. */
async function withoutFileSystemAccess(page: Page) {
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  });
}

async function openWithChooser(page: Page, fixture: string) {
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await chooser).setFiles(join(FIXTURES, fixture));
}


/**
 * An exported PNG decoded in the page: its size, the share of pixels that differ from the margin's
 * (not blank), and the rows the PRIMARY badge's fill (0x7c3aed) spans.
 */
async function pngFacts(page: Page, bytes: Buffer): Promise<{ width: number; height: number; drawnShare: number; primaryPill: { top: number; bottom: number } }> {
  return page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const [r, g, b] = [pixels[0], pixels[1], pixels[2]]; // a margin pixel: the background
    let differing = 0;
    let top = Infinity;
    let bottom = -Infinity;
    for (let index = 0; index < pixels.length; index += 4) {
      if (Math.abs(pixels[index] - r) + Math.abs(pixels[index + 1] - g) + Math.abs(pixels[index + 2] - b) > 40) differing++;
      if (Math.abs(pixels[index] - 0x7c) + Math.abs(pixels[index + 1] - 0x3a) + Math.abs(pixels[index + 2] - 0xed) > 12) continue;
      const row = Math.floor(index / 4 / bitmap.width);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
    }
    return { width: bitmap.width, height: bitmap.height, drawnShare: differing / (pixels.length / 4), primaryPill: { top, bottom } };
  }, bytes.toString('base64'));
}

test.describe('web edition files', () => {
  test('open with the file chooser, edit, save by download: the marker comes and goes, the file round-trips', async ({ page }) => {
    const problems = watchForProblems(page);
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await expect(page.getByTestId('app-menu-bar')).toBeVisible();
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
    await expect(page.getByTestId('menu-file')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/file-menu.png` });
    await page.keyboard.press('Escape');

    await openWithChooser(page, 'two-tier.faultline');
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');
    await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');
    const opened = await documentText(page);
    expect(opened).toBe(await readFile(join(FIXTURES, 'two-tier.faultline'), 'utf8'));

    // An edit: select everything on the canvas and delete it.
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
    await expect(page).toHaveTitle('• two-tier.faultline — Faultline');
    await page.screenshot({ path: `${SHOTS}/dirty.png` });

    // Opened through <input type=file>, the file cannot be written back: Save offers a download.
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('two-tier.faultline');
    const text = await readFile(await saved.path(), 'utf8');
    expect(text).toBe(await documentText(page));
    expect(JSON.parse(text)).toMatchObject({ format: 'faultline', meta: { title: 'Two tier' }, nodes: [], links: [] });
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');
    expect(problems).toEqual([]);
  });

  test('Save writes the camera where it was left, and the saved file opens showing the same', async ({ page }) => {
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await openWithChooser(page, 'two-tier.faultline');
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');
    const camera = () =>
      page.evaluate(() => {
        const debug = (window as unknown as { __faultline: { zoom(): number; nodeClientRect(id: string): { x: number; y: number } | null } }).__faultline;
        return { zoom: debug.zoom(), web: debug.nodeClientRect('web') };
      });
    const fitted = await camera();
    // Zoomed in from the menu: no longer as Fit left it.
    await menu(page, 'View', 'Zoom In');
    await menu(page, 'View', 'Zoom In');
    await expect.poll(async () => (await camera()).zoom).toBeGreaterThan(fitted.zoom * 1.2);
    const shown = await camera();

    const download = page.waitForEvent('download');
    await menu(page, 'File', 'Save As…');
    const path = await (await download).path();
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.view.zoom).toBeCloseTo(shown.zoom, 2);
    // Saving the camera is not an edit: nothing unsaved, nothing to undo that was not there.
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');

    // Somewhere else, then the saved file again: the same zoom, the card at the same place on screen.
    await menu(page, 'File', 'New');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
    const chooser = page.waitForEvent('filechooser');
    await menu(page, 'File', 'Open…');
    await (await chooser).setFiles({ name: 'two-tier-zoomed.faultline', mimeType: 'application/json', buffer: await readFile(path) });
    await expect(page).toHaveTitle('two-tier-zoomed.faultline — Faultline');
    await expect.poll(async () => (await camera()).zoom).toBeCloseTo(shown.zoom, 2);
    const reopened = await camera();
    expect(Math.abs(reopened.web!.x - shown.web!.x)).toBeLessThan(2);
    expect(Math.abs(reopened.web!.y - shown.web!.y)).toBeLessThan(2);
  });

  test('a broken file lists every problem with its path and changes nothing', async ({ page }) => {
    await withoutFileSystemAccess(page);
    await page.goto('/');
    const before = await page.getByTestId('status-counts').textContent();
    const title = await page.title();
    await openWithChooser(page, 'three-problems.faultline');
    const dialog = page.getByTestId('problems-dialog');
    await expect(dialog).toContainText('“three-problems.faultline” could not be opened');
    await expect(dialog.getByTestId('problem-count')).toHaveText('3 problems in “three-problems.faultline”');
    const rows = dialog.getByTestId('problem-list').locator('li');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('nodes[0].config.workers');
    await expect(rows.nth(1)).toContainText('nodes[1].kind');
    await expect(rows.nth(2)).toContainText('links[0].to');
    await page.screenshot({ path: `${SHOTS}/problems.png` });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByTestId('status-counts')).toHaveText(before!);
    await expect(page).toHaveTitle(title);
  });

  test('a share code with several problems lists them under a count, as a file does', async ({ page }) => {
    await page.goto('/');
    const original = await documentText(page);
    const code = deflateRawSync(await readFile(join(FIXTURES, 'three-problems.faultline'))).toString('base64url');
    await menu(page, 'File', 'Open Share Code…');
    await page.getByRole('textbox', { name: 'Share code' }).fill(code);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const problems = page.getByTestId('share-code-problems');
    await expect(problems).toContainText('This share code could not be opened. Nothing you had open was changed.');
    await expect(problems.getByTestId('problem-count')).toHaveText('3 problems in this share code');
    await expect(problems.getByTestId('problem-list').locator('li')).toHaveCount(3);
    await expect(page.getByRole('list', { name: '3 problems in this share code' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/share-code-problems.png` });
    expect(await documentText(page)).toBe(original);
  });

  test('a large file shows that it is opening, painted before the page is busy checking it', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    // Over SLOW_OPEN_CHARS (1 M characters): a few nodes and a long narrated scenario.
    const nodes = Array.from({ length: 40 }, (_, index) => ({ id: `app${index}`, kind: 'app', x: (index % 8) * 240, y: Math.floor(index / 8) * 140 }));
    const scenario = Array.from({ length: 9000 }, (_, index) => ({ atS: index / 1000, action: 'note', note: `Narration ${index}: ${'the long lesson goes on. '.repeat(4)}` }));
    const text = JSON.stringify({ format: 'faultline', version: 1, meta: { title: 'Big lesson' }, seed: 1, durationS: 60, regions: [], nodes, links: [], scenario, checks: [] }, null, 2);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    // Each frame notes, before it paints, whether the indicator is there and which document the title names.
    await page.evaluate(() => {
      const frames: { busy: string | null; title: string }[] = [];
      (window as unknown as { __frames: typeof frames }).__frames = frames;
      const note = () => {
        frames.push({ busy: document.querySelector('[data-testid="busy-dialog"]')?.textContent ?? null, title: document.title });
        requestAnimationFrame(note);
      };
      requestAnimationFrame(note);
    });
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'big.faultline', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await expect(page).toHaveTitle('big.faultline — Faultline');
    await expect(page.getByTestId('busy-dialog')).toHaveCount(0);
    await expect(page.getByTestId('status-counts')).toHaveText('40 nodes · 0 links');
    const frames = await page.evaluate(() => (window as unknown as { __frames: { busy: string | null; title: string }[] }).__frames);
    // Painted while the old document was still open: before the new one was checked and replaced it.
    const before = frames.find((frame) => frame.busy !== null && !frame.title.includes('big.faultline'));
    expect(before?.busy).toMatch(/^Opening “big\.faultline”…Checking it…/);
    expect(frames.some((frame) => frame.busy?.startsWith('Opening “big.faultline”…Drawing 40 nodes and 0 links…'))).toBe(true);
  });

  test('share code round trip: copy, start a new sandbox, paste the code to get it back', async ({ page }) => {
    await page.goto('/');
    const original = await documentText(page);
    await menu(page, 'File', 'Copy Share Code');
    const codeBox = page.getByTestId('share-code');
    await expect(codeBox).toBeVisible();
    const code = await codeBox.inputValue();
    expect(code).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await page.screenshot({ path: `${SHOTS}/share-code.png` });
    await page.getByRole('button', { name: 'Done' }).click();

    await menu(page, 'File', 'New');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');

    await menu(page, 'File', 'Open Share Code…');
    await page.getByRole('textbox', { name: 'Share code' }).fill(`${code.slice(0, 30)}\n${code.slice(30)}`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    expect(await documentText(page)).toBe(original);

    // A damaged code is refused in the dialog, which keeps it to be fixed; the sandbox stays.
    await menu(page, 'File', 'Open Share Code…');
    const field = page.getByRole('textbox', { name: 'Share code' });
    const damaged = code.slice(0, code.length - 12);
    await field.fill(damaged);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('share-code-problems')).toContainText(/share code is damaged/);
    await expect(field).toHaveValue(damaged);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: `${SHOTS}/share-code-damaged.png` });
    expect(await documentText(page)).toBe(original);
    // Mended (the rest pasted back), it opens: here into a fresh sandbox again.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await menu(page, 'File', 'New');
    await menu(page, 'File', 'Open Share Code…');
    await field.fill(damaged);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('share-code-problems')).toBeVisible();
    await field.press('End');
    await field.pressSequentially(code.slice(code.length - 12));
    await expect(page.getByTestId('share-code-problems')).toHaveCount(0);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('share-code-input-dialog')).toHaveCount(0);
    expect(await documentText(page)).toBe(original);
  });

  test('with the File System Access API, Save writes back to the opened file and notices changes made elsewhere', async ({ page }) => {
    const fixture = await readFile(join(FIXTURES, 'two-tier.faultline'), 'utf8');
    // Chromium's real pickers are native dialogs Playwright cannot drive; this stands in for
    // them at the API boundary with in-memory file handles, recording what the page writes.
    await page.addInitScript((initial) => {
      const disk = { text: initial, lastModified: 1000, writes: [] as string[] };
      const handle = {
        name: 'lesson.faultline',
        getFile: async () => new File([disk.text], 'lesson.faultline', { lastModified: disk.lastModified }),
        createWritable: async () => {
          let buffer = '';
          return {
            write: async (data: string) => void (buffer += data),
            close: async () => {
              disk.text = buffer;
              disk.lastModified += 1000;
              disk.writes.push(buffer);
            },
          };
        },
      };
      Object.assign(window, { __disk: disk, showOpenFilePicker: async () => [handle], showSaveFilePicker: async () => handle });
    }, fixture);
    await page.goto('/');
    await menu(page, 'File', 'Open…');
    await expect(page).toHaveTitle('lesson.faultline — Faultline');

    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+s');
    await expect(page).toHaveTitle('lesson.faultline — Faultline');
    const writes = await page.evaluate(() => (window as unknown as { __disk: { writes: string[] } }).__disk.writes);
    expect(writes).toEqual([await documentText(page)]);

    // Another program changes the file; the next save asks before overwriting.
    await page.evaluate(() => {
      const disk = (window as unknown as { __disk: { text: string; lastModified: number } }).__disk;
      disk.text = '{}';
      disk.lastModified += 5000;
    });
    await menu(page, 'Edit', 'Undo');
    await page.keyboard.press('Control+s');
    const conflict = page.getByTestId('confirm-dialog');
    await expect(conflict).toContainText('The file changed on disk');
    await page.screenshot({ path: `${SHOTS}/conflict.png` });
    await conflict.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveTitle('• lesson.faultline — Faultline');
    expect(await page.evaluate(() => (window as unknown as { __disk: { text: string } }).__disk.text)).toBe('{}');
  });

  test('drop a file on the window to open it', async ({ page }) => {
    await page.goto('/');
    const fixture = await readFile(join(FIXTURES, 'two-tier.faultline'), 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.faultline', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, fixture);
    await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');
    await expect(page).toHaveTitle('dropped.faultline — Faultline');
  });

  test('unsaved work is autosaved and offered back after the tab goes away', async ({ page }) => {
    await page.goto('/');
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const edited = await documentText(page);
    // Autosave runs a few seconds after a change (AUTOSAVE_DELAY_MS = 3 s).
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('faultline.recovery.')).length), { timeout: 10_000 })
      .toBe(1);
    await page.reload();
    const offer = page.getByTestId('recovery-dialog');
    await expect(offer).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/recovery.png` });
    await offer.getByRole('button', { name: 'Restore' }).click();
    expect(await documentText(page)).toBe(edited);
    await expect(page).toHaveTitle(/^• /);
  });

  test('recovered work keeps the name of the file it came from: the title and Save name it', async ({ page }) => {
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await openWithChooser(page, 'two-tier.faultline');
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const edited = await documentText(page);
    await page.reload(); // the tab goes; leaving writes its work at once
    const offer = page.getByTestId('recovery-dialog');
    await expect(offer).toContainText('two-tier.faultline · autosaved');
    await offer.getByRole('button', { name: 'Restore' }).click();
    expect(await documentText(page)).toBe(edited);
    await expect(page).toHaveTitle('• two-tier.faultline — Faultline');
    // The browser gave no way to write the file again: Save offers a download, under its name.
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    expect((await download).suggestedFilename()).toBe('two-tier.faultline');
    await expect(page).toHaveTitle('two-tier.faultline — Faultline');
  });

  test('Discard in the recovery offer asks first: Keep or Escape backs out, Discard for Good deletes the work', async ({ page }) => {
    await page.goto('/');
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.reload();
    const offer = page.getByTestId('recovery-dialog');
    const recoveryKeys = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('faultline.recovery.')).length);
    await expect(offer).toBeVisible();
    const discard = offer.getByRole('button', { name: 'Discard…' });
    await discard.click();
    // The second step, in the entry's row: the safe answer has focus.
    await expect(offer).toContainText('Discard this work for good? It cannot be recovered afterwards.');
    await expect(offer.getByRole('button', { name: 'Keep' })).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/recovery-discard-confirm.png` });
    expect(await recoveryKeys()).toBe(1);
    // Escape backs out of the step, not out of the offer; focus goes back to Discard…
    await page.keyboard.press('Escape');
    await expect(offer).toBeVisible();
    await expect(offer.getByRole('button', { name: 'Discard for Good' })).toHaveCount(0);
    await expect(discard).toBeFocused();
    // …and so does Keep, from the keyboard.
    await page.keyboard.press('Enter');
    await expect(offer.getByRole('button', { name: 'Keep' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(discard).toBeFocused();
    expect(await recoveryKeys()).toBe(1);
    // Discard…, then Tab to Discard for Good and Enter: the work is gone, and so is the offer.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(offer.getByRole('button', { name: 'Discard for Good' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(offer).toHaveCount(0);
    expect(await recoveryKeys()).toBe(0);
  });

  test('an edit made just before a reload, inside the autosave delay, is offered back', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const edited = await documentText(page);
    // No wait for the autosave timer: leaving the page writes the work at once.
    await page.reload();
    const offer = page.getByTestId('recovery-dialog');
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'Restore' }).click();
    expect(await documentText(page)).toBe(edited);
    await expect(page).toHaveTitle(/^• /);
  });

  test('exports the run report as JSON and the timeline as CSV, by download', async ({ page }) => {
    const problems = watchForProblems(page);
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await openWithChooser(page, 'two-tier.faultline');
    const jsonDownload = page.waitForEvent('download');
    await menu(page, 'File', 'Export Run Report (JSON)…');
    const json = await jsonDownload;
    expect(json.suggestedFilename()).toBe('two-tier-report.json');
    const report = JSON.parse(await readFile(await json.path(), 'utf8'));
    expect(report).toMatchObject({ format: 'faultline-report', version: 1, title: 'Two tier', seed: 7, durationS: 5 });
    expect(report.timeline).toHaveLength(5);

    const csvDownload = page.waitForEvent('download');
    await menu(page, 'File', 'Export Timeline (CSV)…');
    const csv = (await readFile(await (await csvDownload).path(), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('t,sent,ok,failed,p50,p99');
    expect(csv).toHaveLength(6);
    expect(csv[1].split(',')[1]).toBe(String(report.timeline[0].sent));
    expect(problems).toEqual([]); // the engine runs in the page under the app's CSP (no eval)
  });

  test('exports the whole diagram as a PNG, by download', async ({ page }) => {
    const problems = watchForProblems(page);
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    const download = page.waitForEvent('download');
    await menu(page, 'File', 'Export PNG…');
    const png = await download;
    expect(png.suggestedFilename()).toBe('Classic web stack.png');
    const bytes = await readFile(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    // Decoded in the page: its size (the diagram at 2×, plus margins) and that it is not blank.
    const image = await pngFacts(page, bytes);
    await writeFile(`${SHOTS}/export.png`, bytes);
    expect(image.width).toBeGreaterThan(1000);
    expect(image.height).toBeGreaterThan(300);
    expect(image.drawnShare).toBeGreaterThan(0.02);
    expect(problems).toEqual([]);
  });

  test("an exported PNG draws the diagram, not the editor's selection, hover or link handles", async ({ page }) => {
    const problems = watchForProblems(page);
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    const exported = async () => {
      const download = page.waitForEvent('download');
      await menu(page, 'File', 'Export PNG…');
      return readFile(await (await download).path());
    };
    const plain = await exported();
    // A selected card (ring and link handle) and another under the pointer (its handle).
    const app1 = await nodeCentre(page, 'app1');
    await page.mouse.click(app1.x, app1.y);
    const lb = await nodeCentre(page, 'lb');
    await page.mouse.move(lb.x, lb.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __faultlineLive: { controller: { store: { getSelection(): { nodes: readonly string[] } } } } }).__faultlineLive.controller.store.getSelection().nodes)).toEqual(['app1']);
    const withSelection = await exported();
    expect(withSelection.equals(plain)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('an exported PNG frames the diagram with its margin, wherever on the canvas the diagram is', async ({ page }) => {
    const problems = watchForProblems(page);
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    await openWithChooser(page, 'far-from-origin.faultline');
    await expect(page.getByTestId('status-counts')).toHaveText('2 nodes · 1 link');
    const download = page.waitForEvent('download');
    await menu(page, 'File', 'Export PNG…');
    const image = await pngFacts(page, await readFile(await (await download).path()));
    // Two cards 300 apart (164 × 60 each, a link handle beside the second) and a 40 margin all
    // round, at 2×: about 1 070 × 280. Framed from the origin, the image was mostly empty canvas.
    expect(image.width).toBeGreaterThan(1000);
    expect(image.width).toBeLessThan(1200);
    expect(image.height).toBeGreaterThan(250);
    expect(image.height).toBeLessThan(340);
    expect(image.drawnShare).toBeGreaterThan(0.1);
    expect(problems).toEqual([]);
  });

  test('an exported PNG draws the badges at their world size, whatever the zoom on screen (far out they are enlarged there)', async ({ page }) => {
    const problems = watchForProblems(page);
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await expect(page.getByTestId('status-renderer')).toHaveText('Renderer: WebGL');
    const badges = () => page.evaluate(() => (window as unknown as { __faultlineLive: { addon: { drawnBadges(id: string): { text: string; screenPx: number }[] } } }).__faultlineLive.addon.drawnBadges('db-primary'));
    await expect.poll(async () => (await badges()).map((badge) => badge.text)).toEqual(['PRIMARY']);
    /** The height of the PRIMARY badge's purple pill in an export (PNG pixels). */
    const exportedPillHeight = async () => {
      const download = page.waitForEvent('download');
      await menu(page, 'File', 'Export PNG…');
      const bytes = await readFile(await (await download).path());
      const { primaryPill } = await pngFacts(page, bytes);
      return primaryPill.bottom - primaryPill.top + 1;
    };
    // Fitted to the window the default sandbox is drawn far out: its badges are enlarged on screen.
    const farOut = (await badges())[0].screenPx;
    const fitted = await exportedPillHeight();
    const zoom = () => page.evaluate(() => (window as unknown as { __faultline: { zoom(): number } }).__faultline.zoom());
    expect(await zoom()).toBeLessThan(0.6);
    await menu(page, 'View', 'Actual Size');
    await expect.poll(zoom).toBe(1);
    const actualSize = await exportedPillHeight();
    expect(actualSize).toBeGreaterThan(10);
    expect(Math.abs(fitted - actualSize)).toBeLessThanOrEqual(1);
    // And on screen they are as before the export.
    await menu(page, 'View', 'Fit to Content');
    await expect.poll(async () => (await badges())[0].screenPx).toBeCloseTo(farOut, 1);
    expect(problems).toEqual([]);
  });

  test('without the File System Access API the File menu has no Open Recent, and Help says why', async ({ page }) => {
    await withoutFileSystemAccess(page);
    await page.goto('/');
    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
    const file = page.getByTestId('menu-file');
    await expect(file.getByRole('menuitem', { name: 'Open…', exact: true })).toBeVisible();
    await expect(file.getByRole('menuitem', { name: /recent/i })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await menu(page, 'Help', 'Documentation');
    await expect(page.getByTestId('guide-dialog')).toContainText('In the web edition it is there only in browsers with the File System Access API');
    await expect(page.getByTestId('guide-dialog')).toContainText('so there the File menu has no Open Recent');
  });
});


test('Revert to Saved goes back to a file opened through the file chooser, and to one saved by download', async ({ page }) => {
  const problems = watchForProblems(page);
  await withoutFileSystemAccess(page);
  await page.goto('/');
  await openWithChooser(page, 'two-tier.faultline');
  await expect(page).toHaveTitle('two-tier.faultline — Faultline');
  const original = await readFile(join(FIXTURES, 'two-tier.faultline'), 'utf8');

  // Edit: delete everything.
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');

  // The menu item is enabled and says what it goes back to.
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
  const revert = page.getByRole('menuitem', { name: 'Revert to Saved', exact: true });
  await expect(revert).toBeEnabled();
  await expect(revert).not.toHaveAttribute('aria-disabled', 'true');
  await expect(revert).toHaveAttribute('title', 'Goes back to “two-tier.faultline” as it was when you opened it (the browser cannot read the file again)');
  await page.screenshot({ path: `${SHOTS}/revert-upload-menu.png` });
  await revert.click();
  await page.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');
  expect(await documentText(page)).toBe(original);
  await expect(page).toHaveTitle('two-tier.faultline — Faultline');

  // Saved by download, then edited: Revert goes back to what was downloaded.
  await page.locator('[data-testid="sandbox-canvas"] canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const savedText = await readFile(await (await download).path(), 'utf8');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 2 links');
  await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await expect(revert).toHaveAttribute('title', 'Goes back to “two-tier.faultline” as you last saved (downloaded) it');
  await revert.click();
  await page.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 links');
  expect(await documentText(page)).toBe(savedText);
  expect(problems).toEqual([]);
});
