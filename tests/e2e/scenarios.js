// The end-to-end scenarios, shared by the Chromium and Firefox suites: real browser, real
// extension, real linkedout-host, the LinkedIn replica. Each browser file calls
// defineBrowserSuite(kind) and nothing else.
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { UNKNOWN_TOGGLE } from '../fixtures/linkedin/site.js';
import { startReplica } from '../fixtures/linkedin/server.js';
import { browserForSuite, chromeExtensionId, geckoId, hostBinary, launchBrowser, SCREENSHOT_DIR } from './harness.js';
import { openMixedAiPage, readMarks, readSwitches, waitForMarks, waitForSwitches } from './page-helpers.js';
import { defineShapeScenarios, defineUnreadableScenarios } from './shape-scenarios.js';
import { defineReadingScenarios } from './reading-scenarios.js';
import { openPopup, POPUP_VIEWPORT, readPopup } from './popup-helpers.js';
import { defineReplicaChecks, waitUntil } from './replica-checks.js';
import { defineRecheckScenarios } from './recheck-scenarios.js';
import { defineTrustScenarios } from './trust-scenarios.js';
import { followWalkthrough, startWalkthroughFromPopup } from './walkthrough-driver.js';

const RENDER_DELAY_MS = 300;

// Everything the extension added or marked on the page, to prove nothing else was touched.
function readExtensionFootprint(page) {
  return page.evaluate(() => {
    const describe = (el) => el.getAttribute('aria-labelledby') ?? (el.id || el.tagName.toLowerCase());
    const rowOwner = (row) => {
      const input = row.querySelector('input[role="switch"]');
      return input ? (input.getAttribute('aria-labelledby') ?? input.id) : null;
    };
    return {
      marks: [...document.querySelectorAll('[data-linkedout]')].map((el) => [describe(el), el.getAttribute('data-linkedout')]),
      rows: [...document.querySelectorAll('[data-linkedout-row]')].map(rowOwner),
      reasons: [...document.querySelectorAll('[data-linkedout-reason]')].map((el) => el.textContent),
      notices: [...document.querySelectorAll('[data-linkedout-notice]')].map((el) => el.textContent),
    };
  });
}

async function screenshot(page, name, options = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file, ...options });
  return file;
}

// With no region configured every setting is expected: all toggles in ruleset order, forms last.
function expectedStepOrder(replica) {
  return [...replica.ruleset.settings.map((s) => s.id), ...replica.ruleset.forms.map((f) => f.id)];
}


export function defineBrowserSuite(kind) {
  const availability = browserForSuite(kind, `${kind} end-to-end`);
  if (!availability) return;

  describe(`replica in ${kind}`, () => {
    defineReplicaChecks(it, kind);
  });

  describe(`${kind} + extension + linkedout-host`, () => {
    let replica;
    let session;
    const allKeysOn = () => Object.fromEntries(Object.keys(replica.toggles()).map((k) => [k, true]));

    before(async () => {
      replica = await startReplica({ renderDelayMs: RENDER_DELAY_MS });
      session = await launchBrowser(kind, { replica });
      const version = await session.version();
      console.log(`# ${kind}: ${version} (${availability.binary}); host ${hostBinary()}`);
    });
    after(async () => {
      if (session) {
        const log = session.hostLog();
        if (log && process.env.LINKEDOUT_E2E_VERBOSE) console.log(log);
        await session.close();
      }
      if (replica) await replica.close();
    });

    it('registers the host with linkedout-host install into the throwaway profile', () => {
      const { manifest, manifestPath } = session.hostRegistration;
      assert.equal(manifest.name, 'io.linkedout.host');
      assert.equal(manifest.type, 'stdio');
      assert.ok(path.isAbsolute(manifest.path), `host path must be absolute: ${manifest.path}`);
      assert.equal(realpathSync(manifest.path), realpathSync(hostBinary()));
      if (kind === 'chromium') {
        assert.ok(manifestPath.startsWith(session.root) && manifestPath.includes('NativeMessagingHosts'));
        assert.deepEqual(manifest.allowed_origins, [`chrome-extension://${chromeExtensionId()}/`]);
      } else {
        assert.ok(manifestPath.startsWith(path.join(session.home, '.mozilla/native-messaging-hosts')));
        assert.deepEqual(manifest.allowed_extensions, [geckoId()]);
      }
    });

    it('popup: connected, every step unseen before any page was visited', async () => {
      const popup = await openPopup(session);
      const state = await readPopup(popup);
      assert.equal(state.hostStatus, 'connected', state.hostText);
      assert.deepEqual(state.steps.map((s) => s.step), expectedStepOrder(replica));
      for (const step of state.steps) assert.equal(step.state, step.kind === 'form' ? 'todo' : 'unseen', step.step);
      assert.deepEqual(state.progress, { done: 0, total: expectedStepOrder(replica).length });
      assert.equal(state.startDisabled, false);
      await popup.close();
    });

    it('walkthrough started from the popup visits every settings page in order and ends with all off', async () => {
      replica.setToggles(allKeysOn());
      const { popup, tab, navigations } = await startWalkthroughFromPopup(session);
      const visited = await followWalkthrough(tab, replica.ruleset);
      const form = replica.ruleset.forms[0];
      assert.deepEqual(visited, replica.ruleset.settings.map((s) => s.path));
      // No detours: the tab went from page to page in ruleset order, then to the objection form.
      // (Firefox may report the first page's load too, as the listener came in while it loaded.)
      const distinct = navigations.filter((p, i) => p !== navigations[i - 1]);
      if (distinct[0] === visited[0]) distinct.shift();
      assert.deepEqual(distinct, [...visited.slice(1), new URL(form.url).pathname]);

      for (const setting of replica.ruleset.settings) {
        const stateKey = setting.keys[0] ?? setting.id;
        assert.equal(replica.toggles()[stateKey], false, `${setting.id} is off on the (replica) server`);
      }
      assert.equal(replica.toggles()[UNKNOWN_TOGGLE.key], true, 'a switch the ruleset does not know is left alone');
      await popup.close();
      await tab.close();
    });

    it('popup: every toggle off, the objection form still to do', async () => {
      const popup = await openPopup(session);
      const state = await readPopup(popup);
      assert.equal(state.hostStatus, 'connected');
      const states = Object.fromEntries(state.steps.map((s) => [s.step, s.state]));
      const expected = Object.fromEntries(replica.ruleset.settings.map((s) => [s.id, 'off']));
      expected[replica.ruleset.forms[0].id] = 'todo';
      assert.deepEqual(states, expected);
      assert.deepEqual(state.progress, { done: replica.ruleset.settings.length, total: expectedStepOrder(replica).length });
      assert.deepEqual(state.drift, []);
      assert.ok(await popup.$(`#form-link-${replica.ruleset.forms[0].id}`), 'the objection form link is shown');
      await screenshot(popup, `${kind}-popup.png`, { fullPage: true });
      await popup.close();
    });

    it('popup at 600 px high: the next step and the button that leads to it show without scrolling', async () => {
      const popup = await openPopup(session);
      await popup.setViewport({ width: POPUP_VIEWPORT.width, height: 600 });
      const form = replica.ruleset.forms[0];
      const seen = await popup.evaluate(() => {
        const visible = (el) => {
          const box = el.getBoundingClientRect();
          return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
        };
        const start = document.getElementById('start');
        const firstRow = document.querySelector('#steps > li');
        // The step is visible when its name and the link that does it are.
        const parts = [firstRow.querySelector('.step-title'), firstRow.querySelector('a[id^="form-link-"]')];
        const where = (el) => (el ? `${el.id || el.className}@${Math.round(el.getBoundingClientRect().top)}-${Math.round(el.getBoundingClientRect().bottom)}` : 'none');
        return {
          scrolled: window.scrollY, action: start.dataset.action, label: start.textContent,
          startVisible: visible(start), firstStep: firstRow.dataset.step,
          firstRowVisible: parts.every((el) => el && visible(el)),
          layout: [...document.querySelectorAll('header, main > :not([hidden])'), ...parts].map(where).join(' '),
        };
      });
      assert.equal(seen.scrolled, 0);
      assert.equal(seen.action, 'open-form');
      assert.equal(seen.label, 'Open the objection form');
      assert.equal(seen.startVisible, true, 'the primary button is visible at 600 px');
      assert.equal(seen.firstStep, form.id, 'what is still to do comes first');
      assert.equal(seen.firstRowVisible, true, `the remaining step is visible at 600 px (${seen.layout})`);
      await popup.close();
    });

    it('the state store on disk records every setting off, with its history', () => {
      const store = session.readState();
      assert.ok(store, `no state.json in ${session.dataDir}`);
      for (const setting of replica.ruleset.settings) {
        const record = store.settings[setting.id];
        assert.ok(record, `state.json has no record of ${setting.id}`);
        assert.equal(record.state, 'off', setting.id);
        assert.ok(record.last_seen >= record.first_seen);
        const history = store.history.filter((h) => h.setting === setting.id).map((h) => [h.from, h.to]);
        assert.deepEqual(history, [['', 'on'], ['on', 'off']], `history of ${setting.id}`);
        assert.ok(store.history.filter((h) => h.setting === setting.id).every((h) => h.url === replica.url(setting.path)));
      }
      assert.ok(!JSON.stringify(store).includes(UNKNOWN_TOGGLE.key), 'the unknown toggle is not stored');
    });

    it('highlights exactly the switches that are on, and marks nothing else', async () => {
      const page = await openMixedAiPage(replica, session.browser);
      // Give a stray late re-scan the chance to mark something it should not.
      await new Promise((r) => setTimeout(r, 600));
      const footprint = await readExtensionFootprint(page);
      assert.deepEqual(footprint.marks.sort(), [['allowDataForGenerativeAI', 'switch-off']]);
      assert.equal((await readSwitches(page)).find((s) => s.key === 'allowLinkedInAudienceNetwork').mark, null,
        'another setting\'s switch is not judged on this page');
      assert.deepEqual(footprint.rows, ['allowDataForGenerativeAI']);
      assert.equal(footprint.reasons.length, 1);
      assert.match(footprint.reasons[0], /AI models/);
      assert.deepEqual(footprint.notices, []);
      const switches = await readSwitches(page);
      assert.equal(switches.find((s) => s.key === UNKNOWN_TOGGLE.key).mark, null, 'unknown toggle untouched');
      assert.equal(switches.find((s) => s.key === 'allowUseOfThirdPartyData').mark, null, 'unreadable toggle untouched');
      // The extension never changes a switch by itself (switch-it-for-me is off by default).
      assert.deepEqual(switches.map((s) => s.checked), [true, false, true, true], JSON.stringify(switches));

      // On a narrow card (the row made 280 px wide, its text kept on one line as card rows often
      // do) the reason label wraps inside its row instead of running off it.
      const fit = await page.evaluate(() => {
        const reason = document.querySelector('[data-linkedout-reason]');
        reason.parentElement.style.width = '280px';
        reason.parentElement.style.whiteSpace = 'nowrap';
        const row = reason.parentElement.getBoundingClientRect();
        const box = reason.getBoundingClientRect();
        const lineHeight = parseFloat(getComputedStyle(reason).lineHeight);
        return { row: [row.left, row.right], box: [box.left, box.right], lines: Math.round(box.height / lineHeight) };
      });
      assert.ok(fit.box[0] >= fit.row[0] - 1 && fit.box[1] <= fit.row[1] + 1,
        `the reason (${fit.box}) stays inside its row (${fit.row})`);
      assert.ok(fit.lines >= 2, `the reason wraps on a narrow card (${fit.lines} line)`);
      await page.close();

      // Seen off by the walkthrough, on again now: the popup says it came back (drift).
      const popup = await openPopup(session);
      const state = await readPopup(popup);
      const step = state.steps.find((s) => s.step === 'data-for-ai-improvement');
      assert.deepEqual([step.state, step.drift], ['on', true]);
      assert.deepEqual(state.drift, ['data-for-ai-improvement']);
      assert.equal(state.steps.find((s) => s.step === 'ads-interactions-with-business').state, 'off',
        'an unreadable switch does not change what the host knows');
      await popup.close();
    });

    it('clears a highlight only after the flipped switch reads back off; the store records it', async () => {
      replica.setToggles(allKeysOn());
      const setting = replica.ruleset.settings[0];
      const page = await session.browser.newPage();
      await page.goto(replica.url(setting.path));
      await waitForSwitches(page, 1);
      await waitForMarks(page, { [setting.keys[0]]: 'switch-off' });
      await page.waitForSelector('[data-linkedout-row] [data-linkedout-reason]');
      await screenshot(page, `${kind}-highlighted.png`);

      await page.click('input[role="switch"]');
      await waitForMarks(page, { [setting.keys[0]]: 'ok' });
      const footprint = await readExtensionFootprint(page);
      assert.deepEqual(footprint.rows, []);
      assert.deepEqual(footprint.reasons, []);
      assert.equal(replica.toggles()[setting.keys[0]], false, 'the replica saved the flip');

      const store = await waitUntil(() => {
        const state = session.readState();
        return state?.settings?.[setting.id]?.state === 'off' ? state : null;
      }, { what: `state.json to record ${setting.id} off` });
      const history = store.history.filter((h) => h.setting === setting.id).map((h) => [h.from, h.to]);
      assert.deepEqual(history.slice(-2), [['off', 'on'], ['on', 'off']]);
      await page.close();
    });

    it('matches a keyless switch by its German label on a German page', async () => {
      replica.setLang('de');
      try {
        const setting = replica.ruleset.settings.find((s) => s.keys.length === 0);
        replica.setToggles({ [setting.id]: true });
        const page = await session.browser.newPage();
        await page.goto(replica.url(setting.path));
        await waitForSwitches(page, 1);
        assert.equal(await page.$eval('html', (h) => h.lang), 'de');
        const [sw] = await readSwitches(page);
        assert.equal(sw.label, setting.labels.de.at(-1));
        await waitForMarks(page, { [sw.key]: 'switch-off' });
        await page.waitForSelector('[data-linkedout-reason]');
        await screenshot(page, `${kind}-highlighted-de.png`);
        await page.close();
      } finally {
        replica.setLang('en');
      }
    });

    defineShapeScenarios(it, () => ({ replica, session }));
    defineUnreadableScenarios(it, () => ({ replica, session }), screenshot);
    defineReadingScenarios(it, () => ({ replica, session }));
    defineRecheckScenarios(it, () => ({ session, replica }));
    defineTrustScenarios(it, () => ({ replica, session }));
  });
  // With no helper installed the built-in core answers: no-helper-scenarios.js (issue 24).
}
