// Old and new content scripts side by side, in one browser: the scripts of a git revision in one
// tab, the checkout's in another, on the same 10,000-element page (bench/extension_bench.mjs), runs
// interleaved batch by batch so machine noise hits both alike. Checks first that both scans give
// the same page_state (the verdict's indexes must name the same switches), then times scan + apply
// as extension_bench.mjs does. --isolated (Chromium): the scripts run in an isolated world of the
// page, as a content script does, instead of the page's own (the DOM costs more from there).
//
//   node bench/extension_compare.mjs --host PATH --old REV [--browser chromium|firefox]
//                                    [--rounds N] [--batch N] [--isolated] [--json OUT]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCAN_SCRIPTS, askHost, buildPage, controlRows, launch, openSettingsPage, source, summarize } from './extension_bench.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { host: null, old: null, browser: 'chromium', rounds: 20, batch: 10, json: null, isolated: false };
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
    else if (flag === '--isolated') opts.isolated = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!opts.host || !opts.old) throw new Error('--host PATH and --old REV are required');
  if (opts.isolated && opts.browser !== 'chromium') throw new Error('--isolated is for chromium (CDP isolated worlds)');
  return opts;
}

const atRevision = (rev) => (file) => execFileSync('git', ['-C', ROOT, 'show', `${rev}:${file}`], { encoding: 'utf8' });

// The scan as content/main.js makes it, for either version of presence.js.
const SCAN = `globalThis.__benchScan = () => {
  const scanner = globalThis.LinkedOutScan;
  const presence = globalThis.LinkedOutPresence;
  const trees = scanner.treesIn(document);
  const shown = typeof presence.forScan === 'function' ? presence.forScan() : presence;
  const switches = scanner.switchesIn(document, trees).filter((el) => shown.isShown(el));
  return { switches, state: { url: location.href, lang: scanner.langOf(document), controls: switches.map(scanner.readControl) } };
};`;

/** The page with the scripts loaded: {run(fn, ...args)} evaluates fn where they run. */
async function openWith(browser, html, read, isolated) {
  const page = await openSettingsPage(browser, html);
  await page.addStyleTag({ content: read('extension/content/highlight.css') });
  const scripts = [...SCAN_SCRIPTS.map(read), SCAN];
  if (!isolated) {
    for (const content of scripts) await page.addScriptTag({ content });
    return { run: (fn, ...args) => page.evaluate(fn, ...args) };
  }
  const cdp = await page.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'linkedout-bench' });
  const evaluate = async (expression) => {
    const reply = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true });
    if (reply.exceptionDetails) throw new Error(`in the isolated world: ${JSON.stringify(reply.exceptionDetails).slice(0, 500)}`);
    return reply.result.value;
  };
  for (const content of scripts) await evaluate(content);
  return { run: (fn, ...args) => evaluate(`(${fn})(...${JSON.stringify(args)})`) };
}

const batch = (side, verdict, reps) => side.run((verdictArg, repsArg) => {
  const total = [];
  for (let i = 0; i < repsArg; i += 1) {
    globalThis.LinkedOutHighlight.clearAll(document);
    void document.body.offsetHeight;
    const t0 = performance.now();
    const { switches } = globalThis.__benchScan();
    globalThis.LinkedOutHighlight.applyVerdict(document, verdictArg, switches);
    void document.body.offsetHeight;
    total.push(performance.now() - t0);
  }
  return total;
}, verdict, reps);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rules = JSON.parse(source('native-host/rules/linkedin.json'));
  const html = buildPage(rules, { nodes: 10000, controls: controlRows(rules, 50) });
  const profile = mkdtempSync(join(tmpdir(), `linkedout-compare-${opts.browser}-`));
  const browser = await launch(opts.browser, profile);
  try {
    const sides = { old: await openWith(browser, html, atRevision(opts.old), opts.isolated), new: await openWith(browser, html, source, opts.isolated) };
    const states = {};
    for (const [name, side] of Object.entries(sides)) states[name] = await side.run(() => globalThis.__benchScan().state);
    if (JSON.stringify(states.old) !== JSON.stringify(states.new)) throw new Error('the old and new scans read the page differently');
    const verdict = await askHost(opts.host, states.new);
    const loadBefore = loadavg();
    const samples = { old: [], new: [] };
    for (const side of Object.values(sides)) await batch(side, verdict, 5);  // warm-up
    for (let round = 0; round < opts.rounds; round += 1) {
      const order = round % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
      for (const name of order) samples[name].push(...await batch(sides[name], verdict, opts.batch));
    }
    const result = {
      browser: await browser.version(), old: opts.old, runs_each: samples.old.length,
      world: opts.isolated ? 'isolated (as a content script)' : 'the page\'s own',
      load_average: { before: loadBefore, after: loadavg() },
      old_ms: summarize(samples.old), new_ms: summarize(samples.new),
    };
    const f = (v) => v.toFixed(2);
    console.log(`${result.browser}: scan + apply, ${result.runs_each} runs each, interleaved, ${result.world} world (load average ${loadBefore[0].toFixed(2)})`);
    for (const name of ['old', 'new']) {
      const s = result[`${name}_ms`];
      console.log(`  ${name.padEnd(4)} median ${f(s.median)}  p99 ${f(s.p99)}  fastest ${f(s.min)} ms`);
    }
    console.log(`  new/old median ${f(result.new_ms.median / result.old_ms.median)}  p99 ${f(result.new_ms.p99 / result.old_ms.p99)}`);
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
