// Old and new content scripts side by side, in one browser: the scripts of a git revision in one
// tab, the checkout's in another, on the same 10,000-element page (bench/extension_bench.mjs), runs
// interleaved batch by batch so machine noise hits both alike. Checks first that both scans give
// the same page_state (the verdict's indexes must name the same switches), then times scan + apply
// as extension_bench.mjs does. In both worlds by default, each its own pair of tabs: the content
// script's (a Chromium isolated world, a Firefox Xray sandbox: what a user's browser runs) and the
// page's own (cheaper DOM calls; what the bench measured before). --world content|main: one only.
//
// Each run follows an unrelated change (a feed card arrives) and scans as main.js then does (a
// revision with scan.treeTracker walks only the card; one without walks the whole page); --full:
// every run walks the whole page, as main.js's first scan does.
//
//   node bench/extension_compare.mjs --host PATH --old REV [--browser chromium|firefox] [--full]
//                                    [--rounds N] [--batch N] [--world content|main|both] [--json OUT]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEED_CARD, SCAN_AS_MAIN_DOES, SCAN_SCRIPTS, WORLDS, askHost, buildPage, contentWorld, controlRows, launch, openSettingsPage, source, summarize } from './extension_bench.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { host: null, old: null, browser: 'chromium', rounds: 20, batch: 10, json: null, worlds: WORLDS, full: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--host') opts.host = value();
    else if (flag === '--old') opts.old = value();
    else if (flag === '--browser') opts.browser = value();
    else if (flag === '--rounds') opts.rounds = Number(value());
    else if (flag === '--batch') opts.batch = Number(value());
    else if (flag === '--json') opts.json = value();
    else if (flag === '--world') {
      const w = value();
      if (w !== 'both' && !WORLDS.includes(w)) throw new Error('--world is content, main or both');
      opts.worlds = w === 'both' ? WORLDS : [w];
    }
    else if (flag === '--isolated') opts.worlds = ['content'];  // round 1's name for it
    else if (flag === '--full') opts.full = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!opts.host || !opts.old) throw new Error('--host PATH and --old REV are required');
  return opts;
}

const atRevision = (rev) => (file) => execFileSync('git', ['-C', ROOT, 'show', `${rev}:${file}`], { encoding: 'utf8' });

// The scan as content/main.js makes it (extension_bench.mjs's SCAN_AS_MAIN_DOES: the trees kept
// and the added nodes walked where the revision has scan.treeTracker, the whole page otherwise),
// for either version of presence.js (an old one has no forScan).
const SCAN = SCAN_AS_MAIN_DOES.replace('globalThis.LinkedOutPresence.forScan()',
  "(typeof globalThis.LinkedOutPresence.forScan === 'function' ? globalThis.LinkedOutPresence.forScan() : globalThis.LinkedOutPresence)");

/** The page with the scripts loaded in `world`: {run(fn, ...args)} evaluates fn where they run. */
async function openWith(browser, engine, html, read, world) {
  const page = await openSettingsPage(browser, html);
  await page.addStyleTag({ content: read('extension/content/highlight.css') });
  const where = await contentWorld(page, engine, world);
  for (const content of [...SCAN_SCRIPTS.map(read), SCAN, FEED_CARD]) await where.addScript(content);
  return { run: where.evaluate, world: where.name };
}

// `full`: every run walks the whole page (main.js's first scan); else a feed card arrives before
// each run and the scan is the one main.js makes after a page change.
const batch = (side, verdict, reps, full) => side.run((verdictArg, repsArg, fullArg) => {
  const total = [];
  for (let i = 0; i < repsArg; i += 1) {
    globalThis.LinkedOutHighlight.clearAll(document);
    if (!fullArg) globalThis.__benchFeedCard(i);
    globalThis.__benchNoteMutations();
    void document.body.offsetHeight;
    const t0 = performance.now();
    const { switches } = globalThis.__benchScan(fullArg);
    globalThis.LinkedOutHighlight.applyVerdict(document, verdictArg, switches);
    void document.body.offsetHeight;
    total.push(performance.now() - t0);
  }
  return total;
}, verdict, reps, full);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rules = JSON.parse(source('native-host/rules/linkedin.json'));
  const html = buildPage(rules, { nodes: 10000, controls: controlRows(rules, 50) });
  const profile = mkdtempSync(join(tmpdir(), `linkedout-compare-${opts.browser}-`));
  const browser = await launch(opts.browser, profile);
  try {
    const result = { browser: await browser.version(), old: opts.old, worlds: {} };
    for (const world of opts.worlds) {
      const sides = { old: await openWith(browser, opts.browser, html, atRevision(opts.old), world), new: await openWith(browser, opts.browser, html, source, world) };
      const states = {};
      for (const [name, side] of Object.entries(sides)) states[name] = await side.run(() => globalThis.__benchScan(true).state);
      if (JSON.stringify(states.old) !== JSON.stringify(states.new)) throw new Error(`the old and new scans read the page differently (${world} world)`);
      const verdict = await askHost(opts.host, states.new);
      const loadBefore = loadavg();
      const samples = { old: [], new: [] };
      for (const side of Object.values(sides)) await batch(side, verdict, 5, opts.full);  // warm-up
      for (let round = 0; round < opts.rounds; round += 1) {
        const order = round % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
        for (const name of order) samples[name].push(...await batch(sides[name], verdict, opts.batch, opts.full));
      }
      const r = {
        world: sides.new.world, runs_each: samples.old.length, scan: opts.full ? 'full walk' : 'after a page change',
        load_average: { before: loadBefore, after: loadavg() },
        old_ms: summarize(samples.old), new_ms: summarize(samples.new),
      };
      result.worlds[world] = r;
      const f = (v) => v.toFixed(2);
      console.log(`${result.browser}: scan + apply (${r.scan}), ${r.runs_each} runs each, interleaved, ${r.world} world (load average ${loadBefore[0].toFixed(2)})`);
      for (const name of ['old', 'new']) {
        const sm = r[`${name}_ms`];
        console.log(`  ${name.padEnd(4)} median ${f(sm.median)}  p99 ${f(sm.p99)}  fastest ${f(sm.min)} ms`);
      }
      console.log(`  new/old median ${f(r.new_ms.median / r.old_ms.median)}  p99 ${f(r.new_ms.p99 / r.old_ms.p99)}`);
    }
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`extension_compare: ${error.stack}`);
  process.exit(1);
});
