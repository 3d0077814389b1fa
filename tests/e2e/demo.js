// scripts/demo: the whole chain without a LinkedIn account. Starts the LinkedIn replica (every
// switch on, as LinkedIn ships them), a browser with the extension and the real linkedout-host
// (fresh profile and state store), runs the opt-out walkthrough from the popup, flipping each
// switch the extension highlights, and takes a screenshot of every step. With --recheck it then
// runs the quick re-check twice: once with everything off (it finishes by itself), once after
// LinkedIn switched one setting back on and added a switch (it stops there; the demo flips it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startReplica } from '../fixtures/linkedin/server.js';
import { hostBinary, launchBrowser, STORE_SCREENSHOT_SIZE } from './harness.js';
import { openPopup } from './popup-helpers.js';
import { readRecheckPopup, startRecheckFromPopup, waitForRecordedCheck } from './recheck-scenarios.js';
import { waitUntil } from './replica-checks.js';
import { pathOf } from './walkthrough-driver.js';
import { followWalkthrough, startWalkthroughFromPopup } from './walkthrough-driver.js';

const USAGE = `usage: scripts/demo [--browser chromium|firefox] [--headed] [--lang en|de] [--out DIR] [--slow MS] [--recheck]
  --browser  which browser to drive (default chromium)
  --headed   show the browser window (needs a display; otherwise the demo runs headless)
  --lang     LinkedIn's UI language in the replica (default en)
  --out      where to write the screenshots (default: a new temp directory)
  --slow     pause between steps, in ms (default 0 headless, 900 headed)
  --recheck  after the walkthrough, show the quick re-check: all off, then one switch back on`;

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        browser: { type: 'string', default: 'chromium' },
        headed: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        out: { type: 'string' },
        slow: { type: 'string' },
        recheck: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) { console.log(USAGE); process.exit(0); }
    if (!['chromium', 'firefox'].includes(values.browser)) throw new Error(`unknown browser ${values.browser}`);
    if (!['en', 'de'].includes(values.lang)) throw new Error(`unknown language ${values.lang}`);
    if (values.slow !== undefined && !/^\d+$/.test(values.slow)) throw new Error('--slow takes a number of ms');
    return values;
  } catch (error) {
    console.error(`demo: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

const options = parse();
let headless = !options.headed;
if (options.headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('demo: no display found (DISPLAY / WAYLAND_DISPLAY unset): running headless');
  headless = true;
}
const slowMs = Number(options.slow ?? (headless ? 0 : 900));
const pause = () => new Promise((r) => setTimeout(r, slowMs));
const outDir = options.out ? path.resolve(options.out) : mkdtempSync(path.join(os.tmpdir(), 'linkedout-demo-'));
mkdirSync(outDir, { recursive: true });
const shot = async (page, name, fullPage = false) => {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file, fullPage });
  return file;
};

async function demoRecheck() {
  const checks = () => session.readState()?.checks?.length ?? 0;
  let before = checks();
  let run = await startRecheckFromPopup(session);
  let check = await waitForRecordedCheck(session, before, 'the re-check to finish');
  console.log(`demo: quick re-check, everything off: ${check.off.length} pages read in ` +
    `${((Date.now() - run.startedAt) / 1000).toFixed(1)} s, finished by itself (complete: ${check.complete})`);
  let summary = await readRecheckPopup(session);
  await shot(summary.popup, 'recheck-1-all-off.png', true);
  console.log(`demo: popup says: ${summary.state.status} — result ${summary.state.result}`);
  await Promise.all([summary.popup.close(), run.popup.close(), run.tab.close()]);

  const target = replica.ruleset.settings.filter((s) => s.keys.length > 0)[2];
  replica.setToggles({ [target.keys[0]]: true });
  replica.addUnknownToggle(replica.ruleset.settings[1].path);
  console.log(`demo: LinkedIn switched ${target.id} back on and added a switch to ${replica.ruleset.settings[1].id}`);
  before = checks();
  run = await startRecheckFromPopup(session);
  await waitUntil(() => pathOf(run.tab.url()) === target.path, { what: `the re-check to reach ${target.path}`, timeout: 30000 });
  await run.tab.waitForSelector('input[data-linkedout="switch-off"]', { timeout: 15000 });
  await run.tab.waitForSelector('[data-linkedout-reason]', { timeout: 5000 });
  await shot(run.tab, 'recheck-2-stopped.png');
  console.log(`demo: the re-check stopped on ${target.path} with the switch highlighted; flipping it`);
  await pause();
  await run.tab.click('input[data-linkedout="switch-off"]');
  check = await waitForRecordedCheck(session, before, 'the re-check to finish after the flip');
  summary = await readRecheckPopup(session);
  await shot(summary.popup, 'recheck-3-summary.png', true);
  console.log(`demo: re-check finished: came back on ${JSON.stringify(check.on)}, new on LinkedIn ` +
    `${JSON.stringify(check.new_controls.map((c) => c.label))}; popup result ${summary.state.result}`);
  await Promise.all([summary.popup.close(), run.popup.close(), run.tab.close()]);
}

const replica = await startReplica({ lang: options.lang, renderDelayMs: 400 });
const session = await launchBrowser(options.browser, {
  replica, headless, lang: options.lang === 'de' ? 'de-DE' : 'en-US',
});
let failed = false;
try {
  console.log(`demo: ${await session.version()} with the LinkedOut extension and ${hostBinary()}`);
  console.log(`demo: LinkedIn replica on 127.0.0.1:${replica.port}, every switch on; state store ${session.dataDir}`);

  const before = await openPopup(session);
  await shot(before, '00-popup-before.png', true);
  await before.close();

  const { popup, tab } = await startWalkthroughFromPopup(session);
  await tab.setViewport(STORE_SCREENSHOT_SIZE).catch(() => {});
  const total = replica.ruleset.settings.length;
  await followWalkthrough(tab, replica.ruleset, async ({ index, setting, phase }) => {
    const n = String(index + 1).padStart(2, '0');
    if (phase === 'highlighted') {
      await shot(tab, `${n}-${setting.id}.png`);
      process.stdout.write(`demo: ${n}/${total} ${setting.id}: highlighted (${setting.severity}) → `);
      await pause();
    } else {
      console.log('switched off, confirmed by read-back');
      await pause();
    }
  });
  console.log(`demo: walkthrough reached ${replica.ruleset.forms[0].titles.en} (${replica.ruleset.forms[0].url})`);
  await popup.close();

  const after = await openPopup(session);
  await shot(after, `${String(total + 1).padStart(2, '0')}-popup-after.png`, true);
  const progress = await after.$eval('#progress', (el) => el.textContent);
  console.log(`demo: popup says: ${progress}`);
  await after.close();

  if (options.recheck) await demoRecheck();

  console.log('demo: linkedout-host status:');
  console.log(execFileSync(hostBinary(), ['status', '--data-dir', session.dataDir], { encoding: 'utf8' })
    .replace(/^/gm, '  '));
  console.log(`demo: screenshots in ${outDir}`);
  if (!headless) {
    console.log('demo: the browser stays open for 10 s');
    await new Promise((r) => setTimeout(r, 10000));
  }
} catch (error) {
  failed = true;
  console.error(`demo: failed: ${error.stack ?? error}`);
  const log = session.hostLog();
  if (log) console.error(`demo: host log:\n${log}`);
} finally {
  await session.close();
  await replica.close();
}
process.exit(failed ? 1 : 0);
