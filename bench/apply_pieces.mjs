// Where applyVerdict's own script spends its time, in the content script's world (or --world
// main): the bench's run (every mark cleared, a feed card arrives, the scan as main.js makes it,
// untimed), then one piece timed. The pieces are interleaved run by run, so the machine's noise
// hits all alike; each is what applyVerdict does for the bench's verdict (1 highlight, 49 unknown),
// done alone:
//   applyVerdict      the whole call (its script: no layout forced after it);
//   palette           paletteFor at the highlighted switch (getComputedStyle up to the root);
//   rowOf             the highlighted switch's row (switchCountIn + labelsInside per ancestor);
//   isFlexRow         the row's computed display;
//   controlAround     whether the highlighted switch is still a control;
//   perSwitch         the reads applyVerdict makes of every scanned switch (isConnected,
//                     getRootNode, the mark attribute): the 50 switches × the reads of one apply;
//   rowSweep          querySelectorAll('[data-linkedout-row]') over the whole document, after an
//                     apply (round 7's stale-row sweep);
//   applyVerdictOld   with --old REV: that revision's highlight.js, loaded beside the checkout's.
// Prints median / mean / p99 per piece, in ms.
//
//   node bench/apply_pieces.mjs --host PATH [--browser chromium|firefox] [--world content|main]
//                               [--reps N] [--old REV]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEED_CARD, SCAN_AS_MAIN_DOES, askHost, launch, openBenchWorld, piecesArgs, summarize } from './extension_bench.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { host, engine, worldName, reps, arg } = piecesArgs(process.argv.slice(2), { reps: 150 });
const old = arg('--old', null);
// --old-file PATH: a highlight.js from a file instead (e.g. one with timing probes added).
const oldFile = arg('--old-file', null);

const profile = mkdtempSync(join(tmpdir(), 'linkedout-apply-pieces-'));
const browser = await launch(engine, profile);
try {
  const { world } = await openBenchWorld(browser, engine, worldName);
  if (old || oldFile) {
    // The old highlight.js under another name, sharing the checkout's scan.js.
    const text = oldFile ? readFileSync(oldFile, 'utf8') : execFileSync('git', ['-C', ROOT, 'show', `${old}:extension/content/highlight.js`], { encoding: 'utf8' });
    await world.addScript(text.replace('root.LinkedOutHighlight = ', 'root.LinkedOutHighlightOld = '));
  }
  await world.addScript(SCAN_AS_MAIN_DOES);
  await world.addScript(FEED_CARD);
  const verdict = await askHost(host, await world.evaluate(() => globalThis.__benchScan().state));
  const load = loadavg()[0];
  const pieces = await world.evaluate(async (verdictArg, repsArg) => {
    const S = globalThis.LinkedOutScan;
    const H = globalThis.LinkedOutHighlight;
    const HOld = globalThis.LinkedOutHighlightOld;
    const isConnected = Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected').get;
    const qsa = Document.prototype.querySelectorAll;
    const highlightedIndex = verdictArg.highlight[0].control;
    let sink = 0;
    const pieceRuns = {
      applyVerdict: (switches) => { H.applyVerdict(document, verdictArg, switches); },
      palette: (switches) => { sink += H.paletteFor(switches[highlightedIndex].parentElement).length; },
      rowOf: (switches) => { sink += H.rowOf(switches[highlightedIndex]) ? 1 : 0; },
      isFlexRow: (switches, row) => { sink += getComputedStyle(row).display.length; },
      controlAround: (switches) => { sink += S.controlAround(switches[highlightedIndex]) ? 1 : 0; },
      perSwitch: (switches) => {
        for (let i = 0; i < switches.length; i += 1) {
          const el = switches[i];
          sink += isConnected.call(el) + isConnected.call(el) + isConnected.call(el) + isConnected.call(el);
          sink += el.getRootNode() === document ? 1 : 0;
          sink += el.hasAttribute('data-linkedout') ? 1 : 0;
          sink += el.getAttribute('data-linkedout') === 'switch-off' ? 1 : 0;
        }
      },
    };
    const getRootNode = Node.prototype.getRootNode;
    const hasAttribute = Element.prototype.hasAttribute;
    const getAttribute = Element.prototype.getAttribute;
    // The same reads through the prototypes' functions (no property lookup on the element).
    pieceRuns.perSwitchProto = (switches) => {
      for (let i = 0; i < switches.length; i += 1) {
        const el = switches[i];
        sink += isConnected.call(el) + isConnected.call(el) + isConnected.call(el) + isConnected.call(el);
        sink += getRootNode.call(el) === document ? 1 : 0;
        sink += hasAttribute.call(el, 'data-linkedout') ? 1 : 0;
        sink += getAttribute.call(el, 'data-linkedout') === 'switch-off' ? 1 : 0;
      }
    };
    // Once per switch: what applyVerdict needs of a switch the verdict does not name.
    pieceRuns.perSwitchOnce = (switches) => {
      for (let i = 0; i < switches.length; i += 1) {
        const el = switches[i];
        sink += isConnected.call(el);
        sink += hasAttribute.call(el, 'data-linkedout') ? 1 : 0;
      }
    };
    // The palette's reads (getComputedStyle(node).backgroundColor from the switch's parent to the
    // root): a fresh declaration per node and apply, or each node's live declaration kept.
    const kept = new WeakMap();
    const walkBackgrounds = (el, styleOf) => {
      let n = 0;
      for (let node = el; node && node.nodeType === 1; node = node.parentElement) n += styleOf(node).backgroundColor.length;
      return n;
    };
    pieceRuns.paletteReadsFresh = (switches) => { sink += walkBackgrounds(switches[highlightedIndex].parentElement, (node) => getComputedStyle(node)); };
    pieceRuns.paletteReadsKept = (switches) => {
      sink += walkBackgrounds(switches[highlightedIndex].parentElement, (node) => {
        let style = kept.get(node);
        if (!style) { style = getComputedStyle(node); kept.set(node, style); }
        return style;
      });
    };
    if (HOld) pieceRuns.applyVerdictOld = (switches) => { HOld.applyVerdict(document, verdictArg, switches); };
    const names = [...Object.keys(pieceRuns), 'rowSweep'];
    const times = Object.fromEntries(names.map((n) => [n, []]));
    const idle = () => new Promise((r) => { setTimeout(r, 5); });
    for (let i = 0; i < 5 + repsArg; i += 1) {
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(i + k) % names.length];
        const h = name === 'applyVerdictOld' ? HOld : H;
        H.clearAll(document);
        if (HOld) HOld.clearAll(document);
        globalThis.__benchFeedCard(i * names.length + k);
        globalThis.__benchNoteMutations();
        void document.body.offsetHeight;
        const { switches } = globalThis.__benchScan(false);
        const row = H.rowOf(switches[highlightedIndex]);
        await idle();
        let took;
        if (name === 'rowSweep') {
          h.applyVerdict(document, verdictArg, switches);
          const t0 = performance.now();
          const list = qsa.call(document, '[data-linkedout-row]');
          for (let j = 0; j < list.length; j += 1) sink += list[j] ? 1 : 0;
          took = performance.now() - t0;
        } else {
          const t0 = performance.now();
          pieceRuns[name](switches, row);
          took = performance.now() - t0;
        }
        if (i >= 5) times[name].push(took);
      }
    }
    globalThis.__applyPiecesSink = sink;
    // A probed copy (--old-file) may leave its own split: globalThis.__probes, {name: [ms, …]}.
    if (globalThis.__probes) for (const [name, list] of Object.entries(globalThis.__probes)) times[`probe ${name}`] = list.slice(-repsArg);
    return times;
  }, verdict, reps);
  console.log(`${await browser.version()}, ${world.name} world, ${reps} runs each, load average ${load.toFixed(2)}: median / mean / p99 ms`);
  for (const [name, samples] of Object.entries(pieces)) {
    const s = summarize(samples);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    console.log(`  ${name.padEnd(16)} ${s.median.toFixed(3)} / ${mean.toFixed(3)} / ${s.p99.toFixed(3)}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
