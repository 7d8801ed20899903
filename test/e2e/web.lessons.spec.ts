import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { documentText } from './pageHelpers';
import { LESSONS } from '../../shared/examples/lessons';

const LESSON_DIR = join(import.meta.dirname, '..', '..', 'shared', 'examples', 'lessons');

test.describe('lessons', () => {
  test('Help → Lessons lists the course and opens a lesson; the start screen leads there too', async ({ page }, testInfo) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto('/');
    await expect(page.getByTestId('app-menu-bar')).toBeVisible();

    await page.getByTestId('app-menu-bar').getByRole('menuitem', { name: 'Help', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Lessons', exact: true }).click();
    const dialog = page.getByTestId('lessons-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.lesson-row')).toHaveCount(LESSONS.length);
    await page.screenshot({ path: testInfo.outputPath('lessons-dialog.png') });

    const dns = LESSONS.find((lesson) => lesson.id === 'dns-ttl-and-failover')!;
    await page.getByTestId(`lesson-${dns.id}`).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('status-counts')).toHaveText('6 nodes · 7 links');
    expect(await documentText(page)).toBe(await readFile(join(LESSON_DIR, dns.file), 'utf8'));

    // The start screen (inspector with nothing selected) opens the same browser; F1 too.
    await page.keyboard.press('Escape');
    await page.getByTestId('start-lessons').getByRole('button', { name: /Browse lessons/ }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('F1');
    await expect(dialog).toBeVisible();
    expect(problems).toEqual([]);
  });
});
