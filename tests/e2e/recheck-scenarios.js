// The quick re-check in a real browser (issue 16), run inside a browser suite's session: from the
// popup's "Check again", one tab walks every settings page and finishes by itself when all is off;
// with one switch back on it stops there with the highlight until the user flips it; a switch
// LinkedIn added is reported as new; closing the tab stops the run. Shared by Chromium and
// Firefox (scenarios.js) and scripts/demo --recheck.
import assert from 'node:assert/strict';

import { UNKNOWN_TOGGLE } from '../fixtures/linkedin/site.js';
import { openPopup } from './popup-helpers.js';
import { waitUntil } from './replica-checks.js';
import { pathOf } from './walkthrough-driver.js';

const checksOf = (session) => session.readState()?.checks ?? [];

// Clicks "Check again" in a fresh popup; returns {popup, tab, navigations, startedAt}.
export async function startRecheckFromPopup(session) {
  const popup = await openPopup(session);
  const pagesBefore = new Set(await session.browser.pages());
  const startedAt = Date.now();
  await popup.click('#recheck');
  const tab = await waitUntil(async () => (await session.browser.pages()).find((p) => !pagesBefore.has(p)),
    { what: 'the re-check tab', timeout: 10000 });
  const navigations = [pathOf(tab.url())];
  tab.on('framenavigated', (frame) => {
    if (frame === tab.mainFrame()) navigations.push(pathOf(frame.url()));
  });
  return { popup, tab, navigations, startedAt };
}

// Waits until the host has recorded one more re-check than `before`; returns it.
export async function waitForRecordedCheck(session, before, what, timeout = 90000) {
  const checks = await waitUntil(() => (checksOf(session).length > before ? checksOf(session) : null),
    { what, timeout });
  return checks.at(-1);
}

export async function readRecheckPopup(session) {
  const popup = await openPopup(session);
  const state = await popup.evaluate(() => {
    const summary = document.getElementById('recheck-summary');
    return {
      result: summary.hidden ? null : summary.dataset.result,
      findings: [...summary.querySelectorAll('li')].map((li) => ({ finding: li.dataset.finding, step: li.dataset.step ?? null, label: li.dataset.label ?? null })),
      status: document.getElementById('check-status').textContent,
      running: document.getElementById('check-status').dataset.running,
      stopVisible: !document.getElementById('recheck-stop').hidden,
    };
  });
  return { popup, state };
}

// The settings pages a tab went through, each once per visit (a tab's first URL may be blank).
const distinct = (paths) => paths.filter((p) => p?.startsWith('/mypreferences/')).filter((p, i, all) => p !== all[i - 1]);

export function defineRecheckScenarios(it, context) {
  const allOff = (replica) => Object.fromEntries(Object.keys(replica.toggles()).map((k) => [k, false]));

  it('quick re-check: with every switch off it visits each page in one tab and finishes by itself with "all off"', async () => {
    const { session, replica } = context();
    replica.setToggles(allOff(replica));
    const before = checksOf(session).length;
    const { popup, tab, navigations, startedAt } = await startRecheckFromPopup(session);
    const check = await waitForRecordedCheck(session, before, 'the re-check to finish by itself');
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`# ${session.kind}: quick re-check of ${replica.ruleset.settings.length} pages, all off: ${seconds.toFixed(1)} s`);
    const settingPaths = replica.ruleset.settings.map((s) => s.path);
    assert.deepEqual(distinct(navigations), settingPaths);
    assert.equal(check.complete, true);
    assert.deepEqual(check.on, []);
    assert.deepEqual(check.unreadable, []);
    assert.deepEqual(check.unchecked, []);
    assert.deepEqual(check.off, replica.ruleset.settings.map((s) => s.id));
    assert.equal(session.readState().recheck, null, 'the run ended');
    assert.equal(session.readState().last_full_check, check.ended_at);

    const { popup: after, state } = await readRecheckPopup(session);
    assert.equal(state.result, 'all-off');
    assert.deepEqual(state.findings, []);
    assert.equal(state.running, 'false');
    await Promise.all([popup.close(), after.close(), tab.close()]);
  });

  it('quick re-check: one switch back on — it stops on that page with the highlight; a new switch is listed', async () => {
    const { session, replica } = context();
    replica.setToggles(allOff(replica));
    const target = replica.ruleset.settings.filter((s) => s.keys.length > 0)[2];
    const withNewSwitch = replica.ruleset.settings[1];
    replica.setToggles({ [target.keys[0]]: true });
    const removeNewSwitch = replica.addUnknownToggle(withNewSwitch.path);
    try {
      const before = checksOf(session).length;
      const { popup, tab, navigations } = await startRecheckFromPopup(session);
      await waitUntil(() => pathOf(tab.url()) === target.path, { what: `the re-check to reach ${target.path}`, timeout: 30000 });
      await tab.waitForSelector(`input[data-linkedout="switch-off"][aria-labelledby="${target.keys[0]}"]`, { timeout: 15000 });
      await tab.waitForSelector('[data-linkedout-reason]', { timeout: 5000 });
      // The host has recorded the page as on and the run is still open: it waits for the user.
      const running = await waitUntil(() => {
        const state = session.readState();
        return state?.recheck?.pages?.[target.id] === 'on' ? state : null;
      }, { what: `the host to record ${target.id} on in the running re-check` });
      assert.ok(running.recheck, 'the re-check is still running');
      assert.equal(distinct(navigations).at(-1), target.path, 'stopped on the page that needs the user');
      assert.equal(pathOf(tab.url()), target.path);
      const { popup: mid, state: midState } = await readRecheckPopup(session);
      assert.equal(midState.running, 'true');
      assert.equal(midState.stopVisible, true);
      await mid.close();

      // The user switches it off; the re-check goes on by itself to the end.
      await tab.click(`input[data-linkedout="switch-off"]`);
      const check = await waitForRecordedCheck(session, before, 'the re-check to finish after the flip');
      assert.equal(check.complete, true);
      assert.deepEqual(check.on, [target.id], 'reported as come back on');
      assert.deepEqual(check.new_controls.map((c) => [c.page, c.key, c.label]),
        [[withNewSwitch.path, UNKNOWN_TOGGLE.key, UNKNOWN_TOGGLE.labels.en]]);
      assert.equal(replica.toggles()[target.keys[0]], false);

      const { popup: after, state } = await readRecheckPopup(session);
      assert.equal(state.result, 'came-back-on');
      assert.deepEqual(state.findings, [
        { finding: 'on', step: target.id, label: null },
        { finding: 'new', step: null, label: UNKNOWN_TOGGLE.labels.en },
      ]);
      await Promise.all([popup.close(), after.close(), tab.close()]);
    } finally {
      removeNewSwitch();
    }
  });

  it('quick re-check: closing its tab stops it; the pages not reached are listed', async () => {
    const { session, replica } = context();
    replica.setToggles(allOff(replica));
    const before = checksOf(session).length;
    const { popup, tab } = await startRecheckFromPopup(session);
    const first = replica.ruleset.settings[0];
    await waitUntil(() => session.readState()?.recheck?.pages?.[first.id] === 'off', { what: `the re-check to read ${first.id}` });
    await tab.close();
    const check = await waitForRecordedCheck(session, before, 'the closed tab to end the re-check', 15000);
    assert.equal(check.complete, false);
    assert.ok(check.unchecked.length > 0, 'pages not reached are listed');
    assert.ok(check.off.includes(first.id));
    const { popup: after, state } = await readRecheckPopup(session);
    assert.equal(state.result, 'incomplete');
    assert.equal(state.running, 'false');
    await Promise.all([popup.close(), after.close()]);
  });
}
