// Drives the walkthrough the way a user does: "Start opt-out walkthrough" in the popup, then on
// each page the extension opens, flip the switch it highlights and let it move on. Shared by the
// e2e suites and scripts/demo.
import { openPopup } from './popup-helpers.js';
import { waitUntil } from './replica-checks.js';

export function pathOf(url) {
  try { return new URL(url).pathname; } catch { return null; }
}

// Clicks Start in the popup; returns the popup, the tab the walkthrough opened, and the list of
// main-frame paths that tab navigates to from then on.
export async function startWalkthroughFromPopup(session) {
  const popup = await openPopup(session);
  const pagesBefore = new Set(await session.browser.pages());
  await popup.click('#start');
  const tab = await waitUntil(async () => (await session.browser.pages()).find((p) => !pagesBefore.has(p)),
    { what: 'the walkthrough tab', timeout: 10000 });
  const navigations = [];
  tab.on('framenavigated', (frame) => {
    if (frame === tab.mainFrame()) navigations.push(pathOf(frame.url()));
  });
  return { popup, tab, navigations };
}

// Follows the walkthrough through every ruleset setting in order, flipping each highlighted
// switch; `onStep({index, setting, tab, phase})` runs with phase "highlighted" and "off".
// Returns the paths visited; ends once the tab reaches the objection form.
export async function followWalkthrough(tab, ruleset, onStep = async () => {}) {
  const visited = [];
  for (const [index, setting] of ruleset.settings.entries()) {
    await waitUntil(() => pathOf(tab.url()) === setting.path,
      { what: `the walkthrough to reach ${setting.path} (at ${tab.url()})`, timeout: 15000 });
    visited.push(setting.path);
    await tab.waitForSelector('[data-linkedout="switch-off"]', { timeout: 10000 });
    await tab.waitForSelector('[data-linkedout-reason]', { timeout: 5000 });
    await onStep({ index, setting, tab, phase: 'highlighted' });
    // The user flips what the extension highlights; the walkthrough moves on by itself.
    await tab.click('[data-linkedout="switch-off"]');
    await tab.waitForSelector('[data-linkedout="ok"]', { timeout: 10000 });
    await onStep({ index, setting, tab, phase: 'off' });
  }
  const form = ruleset.forms[0];
  await waitUntil(() => tab.url() === form.url, { what: `the walkthrough to open ${form.url}`, timeout: 15000 });
  return visited;
}
