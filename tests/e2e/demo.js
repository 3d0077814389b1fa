// scripts/demo: the whole chain without a LinkedIn account. Starts the LinkedIn replica (every
// switch on, as LinkedIn ships them), a browser with the extension and the real linkedout-host
// (fresh profile and state store), runs the opt-out walkthrough from the popup, flipping each
// switch the extension highlights, and takes a screenshot of every step.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startReplica } from '../fixtures/linkedin/server.js';
import { hostBinary, launchBrowser, STORE_SCREENSHOT_SIZE } from './harness.js';
import { openPopup } from './popup-helpers.js';
import { followWalkthrough, startWalkthroughFromPopup } from './walkthrough-driver.js';

const USAGE = `usage: scripts/demo [--browser chromium|firefox] [--headed] [--lang en|de] [--out DIR] [--slow MS]
  --browser  which browser to drive (default chromium)
  --headed   show the browser window (needs a display; otherwise the demo runs headless)
  --lang     LinkedIn's UI language in the replica (default en)
  --out      where to write the screenshots (default: a new temp directory)
  --slow     pause between steps, in ms (default 0 headless, 900 headed)`;

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        browser: { type: 'string', default: 'chromium' },
        headed: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        out: { type: 'string' },
        slow: { type: 'string' },
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
  console.log(`demo: walkthrough reached ${replica.ruleset.forms[0].title} (${replica.ruleset.forms[0].url})`);
  await popup.close();

  const after = await openPopup(session);
  await shot(after, `${String(total + 1).padStart(2, '0')}-popup-after.png`, true);
  const progress = await after.$eval('#progress', (el) => el.textContent);
  console.log(`demo: popup says: ${progress}`);
  await after.close();

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
