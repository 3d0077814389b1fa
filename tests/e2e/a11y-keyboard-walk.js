// The whole walkthrough with the keyboard alone, to "All done", as a screen-reader user meets it:
// Start from the popup by Enter, on every settings page the highlighted switch is where focus is
// (and reachable by Tab through LinkedIn's header), Space flips it and a live region says so and
// says what opens next, the last page says the form opens, and in the popup "Mark done" by Enter
// ends on "All done", said once and focusable. No click(), no fixed sleeps: every wait is for a
// condition.
import assert from 'node:assert/strict';

import { axeViolations, focused, liveChanges, recordLiveChanges, switchLabel, tabsUntil } from './a11y-helpers.js';
import { openPopup, readPopup } from './popup-helpers.js';
import { waitUntil } from './replica-checks.js';
import { pathOf } from './walkthrough-driver.js';

// Everything LinkedOut adds to a LinkedIn page, for axe.
export const PAGE_SURFACES = ['[data-linkedout-row]', '[data-linkedout="switch-off"]', '[data-linkedout-notice-box]', '[data-linkedout-announce]'];

export function assertNoViolations(violations, where) {
  assert.deepEqual(violations, [], `axe (WCAG 2.2 AA) on ${where}: ${JSON.stringify(violations, null, 1)}`);
}

// Tabs from the page's first focusable control (LinkedIn's search field) to the highlighted
// switch: through the header and the settings menu, never more.
const MAX_TABS_THROUGH_LINKEDIN = 40;

/** Waits until focus is on what `isTarget(focused)` accepts; says where it is when it is not. */
async function focusOn(page, isTarget, what, timeout = 5000) {
  await waitUntil(async () => isTarget(await focused(page)), { what, timeout })
    .catch(async (error) => { throw new Error(`${error.message}; focus is on ${JSON.stringify(await focused(page))}`); });
}

/** The non-empty texts the live regions of `page` took since recordLiveChanges, in order. */
async function spoken(page) {
  return (await liveChanges(page)).filter((c) => c.text !== '').map((c) => c.text);
}

/**
 * Runs the walk in `session` on `replica` (every setting on at the start, the objection form still
 * to do); `message(name, ...subs)` reads the English locale.
 */
export async function walkByKeyboard({ session, replica, message }) {
  const { settings, forms } = replica.ruleset;
  const form = forms[0];
  const popup = await openPopup(session);
  await popup.bringToFront();
  const tabsToStart = await tabsUntil(popup, (f) => f.id === 'start');
  assert.ok(tabsToStart <= 2, `${tabsToStart} Tabs from the top of the popup to Start`);
  assertNoViolations(await axeViolations(popup), 'the popup, connected');
  const before = new Set(await session.browser.pages());
  await popup.keyboard.press('Enter');
  const tab = await waitUntil(async () => (await session.browser.pages()).find((p) => !before.has(p)),
    { what: 'the walkthrough tab', timeout: 10000 });
  await popup.close();
  await tab.bringToFront();

  for (const [index, setting] of settings.entries()) {
    const where = `${setting.path} (page ${index + 1} of ${settings.length})`;
    await waitUntil(() => pathOf(tab.url()) === setting.path, { what: `the walkthrough to reach ${where}`, timeout: 15000 });
    await tab.waitForSelector('[data-linkedout="switch-off"]', { timeout: 10000 });
    await tab.waitForSelector('[data-linkedout-reason]', { timeout: 5000 });
    // On arrival focus is on the highlighted switch: no Tab at all from the page's start.
    await focusOn(tab, (f) => f.mark === 'switch-off', `${where}: focus on the highlighted switch on arrival`);
    if (index === 0) {
      assertNoViolations(await axeViolations(tab, PAGE_SURFACES), `the highlight on ${where}`);
      // Reachable by Tab too, from the page's first control (a user who went to the search field).
      await tab.focus('input[type="search"]');
      const tabs = await tabsUntil(tab, (f) => f.mark === 'switch-off', MAX_TABS_THROUGH_LINKEDIN);
      assert.ok(tabs > 0, `${where}: Tab from the search field reaches the switch (${tabs} Tabs)`);
    }
    // The switch's description says what flipping it does: this page is done, the next opens.
    const description = await tab.evaluate(() => (document.activeElement.getAttribute('aria-describedby') || '')
      .split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    assert.ok(description.includes(message('highlightMovesOn')), `${where}: the switch's description says flipping moves on: "${description}"`);
    const label = await switchLabel(tab, '[data-linkedout="switch-off"]');
    await recordLiveChanges(tab);
    await tab.keyboard.press(' ');  // Space (a key name BiDi also knows)
    // Said once, in words, before the page changes: what is off, and what opens next.
    const last = index === settings.length - 1;
    // The last settings page leads to the objection form: said by its name, not as a settings page.
    const said = `${message('announceSwitchedOff', label)} ${last ? message('announceMovingOnStep', form.titles.en) : message('announceMovingOn')}`;
    await tab.waitForFunction((text) => globalThis.__liveChanges.some((c) => c.text === text), { timeout: 5000 }, said)
      .catch(async () => { throw new Error(`${where}: no live region said "${said}"; they said ${JSON.stringify(await spoken(tab).catch(() => 'gone'))}`); });
    assert.deepEqual(await spoken(tab), [said], `${where}: said once`);
    assert.equal((await focused(tab)).mark, 'ok', `${where}: focus stays on the switch, now off`);
  }
  await waitUntil(() => tab.url() === form.url, { what: `the walkthrough to open ${form.url} (at ${tab.url()})`, timeout: 15000 });
  for (const setting of settings) assert.equal(replica.toggles()[setting.keys[0] ?? setting.id], false, `${setting.id} is off`);
  await tab.close();

  // In the popup (opened again, as a toolbar popup is): "Mark done" by Tab and Enter.
  const end = await openPopup(session);
  await end.bringToFront();
  const progressBefore = (await readPopup(end)).progress;
  assert.deepEqual(progressBefore, { done: progressBefore.total - 1, total: progressBefore.total }, 'only the objection form is left');
  await tabsUntil(end, (f) => f.id === `mark-done-${form.id}`);
  await recordLiveChanges(end);
  await end.keyboard.press('Enter');
  await end.waitForFunction((id) => document.querySelector(`li[data-step="${id}"]`)?.dataset.state === 'done', { timeout: 10000 }, form.id);
  await focusOn(end, (f) => f.inStep === form.id, 'focus stays in the objection form\'s row after "Mark done"', 2000);
  const allDone = message('allDoneButton');
  assert.equal(await end.$eval('#start', (el) => el.textContent), allDone);
  // "All done" is said, once, in one live region, with the progress.
  const progress = message('progressText', String(progressBefore.total), String(progressBefore.total));
  await end.waitForFunction((text) => globalThis.__liveChanges.some((c) => c.text.includes(text)), { timeout: 5000 }, allDone)
    .catch(async () => { throw new Error(`"${allDone}" was not said; the live regions said ${JSON.stringify(await spoken(end))}`); });
  const changes = await liveChanges(end);
  assert.equal(new Set(changes.map((c) => c.region)).size, 1, `exactly one live region changes: ${JSON.stringify(changes)}`);
  const saidAtEnd = await spoken(end);
  assert.equal(saidAtEnd.length, 1, `said once: ${JSON.stringify(saidAtEnd)}`);
  assert.ok(saidAtEnd[0].includes(progress) && saidAtEnd[0].includes(allDone), `"${saidAtEnd[0]}" says "${progress}" and "${allDone}"`);
  // Tab goes on from the row, not from the top of the popup, and reaches "All done" again.
  await end.keyboard.press('Tab');
  const next = await focused(end);
  assert.notEqual(next.tag, 'body', 'focus goes on from the row');
  assert.notEqual(next.id, 'retry');
  assertNoViolations(await axeViolations(end), 'the popup at "All done"');
  await end.close();
  const again = await openPopup(session);
  await again.bringToFront();
  const tabsToAllDone = await tabsUntil(again, (f) => f.id === 'start');
  assert.ok(tabsToAllDone <= 2, `${tabsToAllDone} Tabs from the top of the popup to "${allDone}"`);
  assert.equal(await again.$eval('#start', (el) => el.textContent), allDone);
  await again.close();
}
