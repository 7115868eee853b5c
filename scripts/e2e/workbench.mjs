// Drives the real workbench served by code-server in Debian's Chromium through playwright-core:
// opens it (which starts the extension host), then checks and photographs what a user sees —
// an article with semantic colouring, a hover card under the mouse, the Problems view.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';
import { onCleanup } from './processes.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches Chromium headless; closing it is registered as a cleanup. */
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`launch Chromium: ${CHROMIUM} not found; run scripts/e2e/install-code-server.sh as root (it apt-installs chromium) or set TOUCHLINE_E2E_CHROMIUM`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    // Our own handlers stop code-server too; Playwright's would race them.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close());
  return browser;
}

/** Opens the workbench for `folder` and waits until it has rendered. */
export async function openWorkbench(browser, url, folder, timeoutMs = 90_000) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  return page;
}

/**
 * Runs the workbench checks on `article` around the first occurrence of `word`, saving
 * screenshots into `screenshotDir`. Returns results shaped like the extension-host suite's.
 */
export async function checkWorkbench(page, { article, word, screenshotDir }) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const shot = (name) => page.screenshot({ path: path.join(screenshotDir, name) });
  const results = [];
  const check = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      results.push({ suite: 'workbench', name, passed: true, durationMs: Date.now() - started });
    } catch (e) {
      results.push({ suite: 'workbench', name, passed: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e), durationMs: Date.now() - started });
      await shot(`failed-${results.length}.png`).catch(() => {});
    }
  };

  await check(`Quick Open shows ${article} with ${word} coloured by semantic tokens`, async () => {
    await closeWidgets(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(article);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: article }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: article }).waitFor({ timeout: 15_000 });
    await revealWord(page, word);
    // Semantic tokens split the word into its own span with the person colour.
    await page.waitForFunction(
      (w) => {
        const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
        if (!lines) return false;
        const plain = getComputedStyle(lines).color;
        return [...lines.querySelectorAll('span span')].some((s) => s.textContent === w && getComputedStyle(s).color !== plain);
      },
      word,
      { timeout: 30_000, polling: 100 },
    );
    await page.mouse.move(5, 5);
    await shot('article-highlighting.png');
  });

  await check(`hovering ${word} with the mouse opens a hover card`, async () => {
    await closeWidgets(page);
    const box = await revealWord(page, word);
    // Enter the word from its left edge, as a user's pointer would.
    await page.mouse.move(box.x - 20, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.monaco-editor .monaco-hover')].some((h) => {
          const r = h.getBoundingClientRect();
          const text = h.textContent?.trim() ?? '';
          return r.width > 0 && r.height > 0 && text.length > 0 && !/^Loading/.test(text);
        }),
      undefined,
      { timeout: 20_000, polling: 100 },
    );
    await shot('hover.png');
  });

  await check('the Problems view opens', async () => {
    await page.mouse.move(5, 5);
    await closeWidgets(page);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel-container, .markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
    await shot('problems.png');
  });

  return results;
}

/** Saves a screenshot of whatever is on screen (after a failure or a timeout). */
export async function screenshotState(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

async function closeWidgets(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}

/**
 * Scrolls the active editor to the first `word` (Find widget, then Escape) and returns the
 * word's on-screen box, measured on its text node.
 */
async function revealWord(page, word) {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
  await find.waitFor({ state: 'visible', timeout: 10_000 });
  await find.fill(word);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // The Find widget slides up when closed; wait until it has left the editor so screenshots are clean.
  await page.waitForFunction(
    () => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const widget = editor?.querySelector('.find-widget');
      return !widget || widget.getBoundingClientRect().bottom <= editor.getBoundingClientRect().top + 1;
    },
    undefined,
    { timeout: 5_000, polling: 50 },
  );
  // Collapse the selection the search left so screenshots show the token colours, not a highlight.
  await page.keyboard.press('ArrowLeft');
  const handle = await page.waitForFunction(
    (w) => {
      const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      if (!lines) return false;
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const r = range.getBoundingClientRect();
        if (r.width > 0) return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return false;
    },
    word,
    { timeout: 10_000, polling: 100 },
  );
  return handle.jsonValue();
}
