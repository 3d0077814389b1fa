// Where a scan + apply's time goes, piece by piece, in the content script's world (or --world
// main): medians over --reps runs of the trees kept after a page change (a feed card arrived: what
// main.js's scans after a change walk), treesIn (the full walk), switchesIn over those trees,
// presence × the switches, readControl × the switches, applyVerdict, and the layout the marks cause.
//
//   node bench/scan_pieces.mjs --host PATH [--browser chromium|firefox] [--world content|main] [--reps N]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEED_CARD, SCAN_AS_MAIN_DOES, askHost, launch, openBenchWorld, piecesArgs, summarize } from './extension_bench.mjs';

const { host, engine, worldName, reps } = piecesArgs(process.argv.slice(2), { reps: 100 });

const profile = mkdtempSync(join(tmpdir(), 'linkedout-pieces-'));
const browser = await launch(engine, profile);
try {
  const { world } = await openBenchWorld(browser, engine, worldName);
  await world.addScript(SCAN_AS_MAIN_DOES);
  await world.addScript(FEED_CARD);
  const verdict = await askHost(host, await world.evaluate(() => globalThis.__benchScan().state));
  const load = loadavg()[0];
  const pieces = await world.evaluate((verdictArg, repsArg) => {
    const S = globalThis.LinkedOutScan;
    const H = globalThis.LinkedOutHighlight;
    const P = globalThis.LinkedOutPresence;
    const times = { treesKept: [], treesIn: [], switchesIn: [], presence: [], readControl: [], applyVerdict: [], layout: [] };
    for (let i = 0; i < 5 + repsArg; i += 1) {
      H.clearAll(document);
      globalThis.__benchFeedCard(i);
      globalThis.__benchNoteMutations();
      void document.body.offsetHeight;
      const k0 = performance.now();
      globalThis.__benchTrees(false);
      const k1 = performance.now();
      if (i >= 5) times.treesKept.push(k1 - k0);
      const t0 = performance.now();
      const trees = S.treesIn(document);
      const t1 = performance.now();
      const all = S.switchesIn(document, trees);
      const t2 = performance.now();
      const shown = P.forScan();
      const switches = all.filter((el) => shown.isShown(el));
      const t3 = performance.now();
      switches.map(S.readControl);
      const t4 = performance.now();
      H.applyVerdict(document, verdictArg, switches);
      const t5 = performance.now();
      void document.body.offsetHeight;
      const t6 = performance.now();
      if (i >= 5) {
        times.treesIn.push(t1 - t0); times.switchesIn.push(t2 - t1); times.presence.push(t3 - t2);
        times.readControl.push(t4 - t3); times.applyVerdict.push(t5 - t4); times.layout.push(t6 - t5);
      }
    }
    return times;
  }, verdict, reps);
  console.log(`${await browser.version()}, ${world.name} world, ${reps} runs, load average ${load.toFixed(2)}: median / p99 ms`);
  for (const [name, samples] of Object.entries(pieces)) {
    const s = summarize(samples);
    console.log(`  ${name.padEnd(13)} ${s.median.toFixed(3)} / ${s.p99.toFixed(3)}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
