// The scan after a page change in Firefox's content world (an Xray sandbox), part by part, old
// scripts against the checkout's in one tab (bench/extension_bench.mjs's 10,000-element page, 50
// switches): a revision's scan.js and presence.js are loaded beside the checkout's under other
// names, each side with its own tree tracker and MutationObserver, and every part runs for both,
// interleaved. Two counts a part:
//   - minor GCs over --iterations runs, the nursery pinned at its smallest (256 KiB), so that a
//     count is proportional to the bytes allocated (one GC per 256 KiB: 1 per 1,000 runs ≈ 262
//     bytes a run). Firefox has no allocation count per call site.
//   - the median time of a call, batches of 40 interleaved over 80 rounds. A part after a feed
//     card times only its own piece (the card, its layout and the pieces before it untimed):
//     after a change the caches are cold and every DOM read costs more than in a steady loop.
// Read the ratios between old and new (the machine is shared), not the absolutes.
//
//   node bench/scan_reads_firefox.mjs --old REV [--iterations N]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import puppeteer from 'puppeteer-core';
import { FEED_CARD, SCAN_AS_MAIN_DOES, SCAN_SCRIPTS, buildPage, contentWorld, controlRows, openSettingsPage, source } from './extension_bench.mjs';

const args = process.argv.slice(2);
const arg = (flag, fallback) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : fallback; };
const oldRev = arg('--old');
const iterations = Number(arg('--iterations', 1000));
if (!oldRev) throw new Error('--old REV is required');
const oldSource = (file) => execFileSync('git', ['show', `${oldRev}:${file}`], { encoding: 'utf8' });

// Each side's parts, in the content world: `S`, `P` the side's LinkedOutScan and LinkedOutPresence.
const PARTS = `(() => {
  const sides = { old: [globalThis.LinkedOutScanOld, globalThis.LinkedOutPresenceOld], new: [globalThis.LinkedOutScan, globalThis.LinkedOutPresence] };
  const parts = { old: {}, new: {} };
  let sink = 0;
  let cardNo = 0;
  const feed = document.getElementById('feed');
  const card = () => {
    const c = document.createElement('article');
    c.innerHTML = '<div><img alt=""><span>Member ' + (cardNo++) + '</span></div><div><p>A new post</p><ul><li>Like</li><li>Comment</li><li>Share</li></ul></div>';
    feed.prepend(c);
    feed.lastElementChild.remove();
    void document.body.offsetHeight;
  };
  const now = () => performance.now();
  for (const [name, [S, P]] of Object.entries(sides)) {
    const tracker = S.treeTracker(document);
    const observer = new MutationObserver(() => {});
    observer.observe(document.documentElement, { childList: true, subtree: true });
    // Only this side's records: the other side's observer keeps its own.
    const note = () => { for (const r of observer.takeRecords()) for (const n of r.addedNodes) tracker.noteAdded(n); };
    const list = [];
    const scan = () => {
      const trees = tracker.trees(false);
      const shown = P.forScan();
      const found = S.switchesIn(document, trees, tracker.candidatesOf, list);
      let kept = 0;
      for (let i = 0; i < found.length; i += 1) if (shown.isShown(found[i])) found[kept++] = found[i];
      found.length = kept;
      return found;
    };
    S.switchesIn(document, tracker.trees(true), tracker.candidatesOf, list);
    const switches = scan().slice();
    const controls = switches.map(S.readControl);
    list.fill(null);
    // As main.js's scan after a change: trees kept, switches, presence, settleWait's
    // isDisagreeing and readsAs for each.
    const mainScan = () => {
      const found = scan();
      for (let i = 0; i < found.length; i += 1) sink ^= S.isDisagreeing(found[i]);
      for (let i = 0; i < found.length; i += 1) if (!S.readsAs(found[i], controls[i])) throw new Error('a switch changed');
      found.fill(null);
    };
    const p = parts[name];
    p['feed card + scan after it'] = () => { card(); note(); mainScan(); };
    p['scan, nothing changed'] = () => { note(); mainScan(); };
    p['trees kept + switchesIn'] = () => { note(); S.switchesIn(document, tracker.trees(false), tracker.candidatesOf, list); list.fill(null); };
    p['presence x 50'] = () => { const s = P.forScan(); for (const el of switches) sink ^= s.isShown(el); };
    p['readsAs x 50'] = () => { for (let i = 0; i < switches.length; i += 1) sink ^= S.readsAs(switches[i], controls[i]); };
    p['readControl x 50'] = () => { for (let i = 0; i < switches.length; i += 1) S.readControl(switches[i]); };
    p['after a card: trees (timed alone)'] = () => { card(); note(); const t0 = now(); tracker.trees(false); return now() - t0; };
    p['after a card: switchesIn'] = () => { card(); note(); const trees = tracker.trees(false); const t0 = now(); S.switchesIn(document, trees, tracker.candidatesOf, list); const d = now() - t0; list.fill(null); return d; };
    p['after a card: presence x 50'] = () => { card(); note(); tracker.trees(false); const t0 = now(); const s = P.forScan(); for (const el of switches) sink ^= s.isShown(el); return now() - t0; };
    p['after a card: readsAs x 50'] = () => { card(); note(); tracker.trees(false); const t0 = now(); for (let i = 0; i < switches.length; i += 1) sink ^= S.readsAs(switches[i], controls[i]); return now() - t0; };
    p['after a card: isDisagreeing x 50'] = () => { card(); note(); tracker.trees(false); const t0 = now(); for (let i = 0; i < switches.length; i += 1) sink ^= S.isDisagreeing(switches[i]); return now() - t0; };
  }
  globalThis.__scanReads = parts;
  globalThis.__scanReadsSink = () => sink;
})();`;

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  protocolTimeout: 30 * 60 * 1000,
  env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  extraPrefsFirefox: {
    'privacy.reduceTimerPrecision': false,
    'network.dns.localDomains': 'www.linkedin.com',
    'network.proxy.type': 0,
    'dom.enable_memory_stats': true,
    // The nursery at its smallest, and kept there: minor GCs then count bytes.
    'javascript.options.mem.nursery.min_kb': 256,
    'javascript.options.mem.nursery.max_kb': 256,
  },
});
try {
  const rules = JSON.parse(source('native-host/rules/linkedin.json'));
  const page = await openSettingsPage(browser, buildPage(rules, { nodes: 10000, controls: controlRows(rules, 50) }));
  await page.addStyleTag({ content: source('extension/content/highlight.css') });
  const world = await contentWorld(page, 'firefox', 'content');
  for (const file of SCAN_SCRIPTS) await world.addScript(source(file));
  for (const [file, name] of [['extension/content/scan.js', 'LinkedOutScan'], ['extension/content/presence.js', 'LinkedOutPresence']]) {
    await world.addScript(oldSource(file).replace(`root.${name} = `, `root.${name}Old = `));
  }
  for (const script of [SCAN_AS_MAIN_DOES, FEED_CARD, PARTS]) await world.addScript(script);
  const names = await world.evaluate(() => Object.keys(globalThis.__scanReads.new));
  const gcs = { old: {}, new: {} };
  for (const name of names) {
    for (const side of ['old', 'new']) {
      // One evaluation a part and side (a long one would meet the protocol's timeout).
      gcs[side][name] = await world.evaluate((sideArg, partName, n) => {
        const gc = window.wrappedJSObject.performance.mozMemory.gc;
        const fn = globalThis.__scanReads[sideArg][partName];
        for (let k = 0; k < 50; k += 1) fn();
        const c0 = gc.minorGCCount;
        for (let k = 0; k < n; k += 1) fn();
        return gc.minorGCCount - c0;
      }, side, name, iterations);
    }
  }
  const medians = await world.evaluate((partNames) => {
    const BATCH = 40;
    const samples = { old: {}, new: {} };
    for (let round = 0; round < 80; round += 1) {
      for (const name of partNames) {
        for (const side of ['old', 'new']) {
          const fn = globalThis.__scanReads[side][name];
          const t0 = performance.now();
          let own = 0;
          let timesItself = false;
          for (let k = 0; k < BATCH; k += 1) {
            const took = fn();
            if (typeof took === 'number') { own += took; timesItself = true; }
          }
          (samples[side][name] ||= []).push((timesItself ? own : performance.now() - t0) / BATCH);
        }
      }
    }
    const median = (list) => { const sorted = [...list].sort((a, b) => a - b); return sorted[sorted.length >> 1]; };
    const out = { old: {}, new: {} };
    for (const side of ['old', 'new']) for (const name of partNames) out[side][name] = median(samples[side][name]);
    return out;
  }, names);
  console.log(`${await browser.version()}, content (Xray sandbox) world, old = ${oldRev}, load average ${loadavg()[0].toFixed(2)}`);
  console.log(`${'part'.padEnd(36)} minor GCs per ${iterations} runs (old → new)   median ms a call (old → new, new/old)`);
  for (const name of names) {
    const [a, b] = [medians.old[name], medians.new[name]];
    console.log(`  ${name.padEnd(34)} ${String(gcs.old[name]).padStart(5)} → ${String(gcs.new[name]).padEnd(5)}`
      + `                      ${a.toFixed(4)} → ${b.toFixed(4)}  ${(b / a).toFixed(2)}`);
  }
} finally {
  await browser.close();
}
