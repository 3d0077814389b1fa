// Where one scan + apply allocates, in Chromium's isolated world (where a content script runs):
// V8's sampling heap profiler over the bench's loop (bench/extension_bench.mjs: a feed card
// arrives, the scan as main.js makes it, applyVerdict, the forced layout), with the objects that
// minor and major GCs collected included, so short-lived garbage counts too. Prints the sampled
// bytes per run and the allocating call paths (the last three functions), most bytes first. The
// harness's own work (clearing the marks, taking the mutation records) is in the profile too:
// read the paths under __benchScan and applyVerdict. Exact totals: extension_bench.mjs's
// "allocated per run".
//
//   node bench/alloc_sites.mjs --host PATH [--reps N] [--full] [--top N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEED_CARD, SCAN_AS_MAIN_DOES, SCAN_SCRIPTS, askHost, buildPage, controlRows, launch, openSettingsPage, source } from './extension_bench.mjs';

const args = process.argv.slice(2);
const arg = (flag, fallback) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : fallback; };
const host = arg('--host');
const reps = Number(arg('--reps', 200));
const top = Number(arg('--top', 40));
const full = args.includes('--full');
if (!host) throw new Error('--host PATH is required');

const rules = JSON.parse(source('native-host/rules/linkedin.json'));
const html = buildPage(rules, { nodes: 10000, controls: controlRows(rules, 50) });
const profile = mkdtempSync(join(tmpdir(), 'linkedout-alloc-'));
const browser = await launch('chromium', profile);
try {
  const page = await openSettingsPage(browser, html);
  await page.addStyleTag({ content: source('extension/content/highlight.css') });
  const cdp = await page.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'linkedout-alloc' });
  const run = async (expression) => {
    const reply = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true });
    if (reply.exceptionDetails) throw new Error(`in the isolated world: ${JSON.stringify(reply.exceptionDetails).slice(0, 500)}`);
    return reply.result.value;
  };
  for (const file of SCAN_SCRIPTS) await run(source(file));
  await run(SCAN_AS_MAIN_DOES);
  await run(FEED_CARD);
  const verdict = await askHost(host, await run('globalThis.__benchScan().state'));
  await run(`globalThis.__allocVerdict = ${JSON.stringify(verdict)};
    globalThis.__allocRun = (i, full) => {
      globalThis.LinkedOutHighlight.clearAll(document);
      if (!full) globalThis.__benchFeedCard(i);
      globalThis.__benchNoteMutations();
      void document.body.offsetHeight;
      const { switches } = globalThis.__benchScan(full);
      globalThis.LinkedOutHighlight.applyVerdict(document, globalThis.__allocVerdict, switches);
      void document.body.offsetHeight;
    };
    for (let i = 0; i < 30; i += 1) globalThis.__allocRun(i, ${full});`);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 32, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await run(`for (let i = 0; i < ${reps}; i += 1) globalThis.__allocRun(100 + i, ${full});`);
  const { profile: sampled } = await cdp.send('HeapProfiler.stopSampling');
  const byPath = new Map();
  let total = 0;
  const walk = (node, stack) => {
    const frame = node.callFrame;
    const path = [...stack, `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`];
    if (node.selfSize) {
      total += node.selfSize;
      const key = path.slice(-3).join(' < ');
      byPath.set(key, (byPath.get(key) || 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, path);
  };
  walk(sampled.head, []);
  console.log(`${await browser.version()}, isolated world, ${reps} runs ${full ? 'with a full walk' : 'after a page change'}: ${Math.round(total / reps)} bytes sampled per run (harness included)`);
  for (const [path, bytes] of [...byPath].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${String(Math.round(bytes / reps)).padStart(6)}  ${path}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
