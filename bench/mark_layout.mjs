// What of the marks' layout costs what, in Firefox or Chromium: the bench's loop (a feed card
// arrives, the scan as main.js makes it, applyVerdict) with only the forced layout after the apply
// timed, under variants of the highlight's style given as extra CSS, interleaved variant by
// variant so the machine's noise hits all alike. Prints the median and p90 layout per variant.
//
//   node bench/mark_layout.mjs --host PATH [--browser firefox|chromium] [--reps N] [--nodes N] [--variants FILE.json]
// FILE.json: {"name": "css added after highlight.css", ...}; the built-in set otherwise.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEED_CARD, SCAN_AS_MAIN_DOES, SCAN_SCRIPTS, askHost, buildPage, contentWorld, controlRows, launch, openSettingsPage, source, summarize } from './extension_bench.mjs';

const args = process.argv.slice(2);
const arg = (flag, fallback) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : fallback; };
const host = arg('--host');
const engine = arg('--browser', 'firefox');
const reps = Number(arg('--reps', 100));
const nodes = Number(arg('--nodes', 10000));  // the page's size: does a variant's cost grow with it?
if (!host) throw new Error('--host PATH is required');

const BUILT_IN = {
  'as shipped': '',
  'no pulse': '[data-linkedout-row] { animation: none !important; }',
  'no row mark': '[data-linkedout-row] { outline: none !important; animation: none !important; flex-wrap: initial !important; border-radius: 0 !important; }',
  'no reason box': '[data-linkedout-reason] { display: none !important; }',
  'reason contained': '[data-linkedout-reason] { contain: layout style paint; }',
  'reason out of flow': '[data-linkedout-reason] { position: absolute !important; }',
  'no region': '[data-linkedout-announce] { display: none !important; }',
  'no flex-wrap': '[data-linkedout-row] { flex-wrap: initial !important; }',
  'none of it shown': '[data-linkedout-row] { outline: none !important; animation: none !important; flex-wrap: initial !important; border-radius: 0 !important; } [data-linkedout-reason], [data-linkedout-announce] { display: none !important; } [data-linkedout] { outline: none !important; }',
};
const variants = arg('--variants') ? JSON.parse(readFileSync(arg('--variants'), 'utf8')) : BUILT_IN;

const rules = JSON.parse(source('native-host/rules/linkedin.json'));
const html = buildPage(rules, { nodes, controls: controlRows(rules, 50) });
const profile = mkdtempSync(join(tmpdir(), 'linkedout-mark-layout-'));
const browser = await launch(engine, profile);
try {
  const page = await openSettingsPage(browser, html);
  await page.addStyleTag({ content: source('extension/content/highlight.css') });
  await page.addStyleTag({ content: '/* variant */' });
  const world = await contentWorld(page, engine, 'content');
  for (const file of SCAN_SCRIPTS) await world.addScript(source(file));
  for (const script of [SCAN_AS_MAIN_DOES, FEED_CARD]) await world.addScript(script);
  const verdict = await askHost(host, await world.evaluate(() => globalThis.__benchScan().state));
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const setVariant = (css) => page.evaluate((text) => { document.querySelectorAll('style')[1].textContent = text; }, css);
  const batch = (n, i0) => world.evaluate((verdictArg, count, first) => {
    const out = [];
    for (let i = 0; i < count; i += 1) {
      globalThis.LinkedOutHighlight.clearAll(document);
      globalThis.__benchFeedCard(first + i);
      globalThis.__benchNoteMutations();
      void document.body.offsetHeight;
      const { switches } = globalThis.__benchScan(false);
      globalThis.LinkedOutHighlight.applyVerdict(document, verdictArg, switches);
      const t0 = performance.now();
      void document.body.offsetHeight;
      out.push(performance.now() - t0);
    }
    return out;
  }, verdict, n, i0);
  let i0 = 0;
  for (let round = 0; round < Math.ceil(reps / 10) + 1; round += 1) {
    for (const [name, css] of Object.entries(variants)) {
      await setVariant(css);
      const got = await batch(10, i0);
      i0 += 10;
      if (round > 0) samples[name].push(...got);  // round 0: warm-up
    }
  }
  console.log(`${await browser.version()}: the layout forced after applyVerdict, ms (p25 / median / p90 / fastest), ${reps} runs each, interleaved`);
  for (const [name, list] of Object.entries(samples)) {
    const s = summarize(list);
    const sorted = [...list].sort((a, b) => a - b);
    const at = (q) => sorted[Math.floor(q * sorted.length)].toFixed(2);
    console.log(`  ${name.padEnd(28)} ${at(0.25)} / ${s.median.toFixed(2)} / ${at(0.9)} / ${s.min.toFixed(2)}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
