// Reading a settings page from the test's side: the switches as a user (and the content script)
// sees them, and what the extension marked. Never keyed on class names: they are hashed.
import { UNKNOWN_TOGGLE, VARIANT_PATHS } from '../fixtures/linkedin/site.js';

// The replica's switches in every shape it renders (its own selector, not the extension's):
// role=switch inputs and buttons, the legacy bare checkbox, aria-pressed buttons. Checkboxes in a
// fieldset are list options, not switches.
export const REPLICA_SWITCHES = 'main [role="switch"], main input[type="checkbox"]:not(fieldset *), main button[aria-pressed]';

// Every switch on the page: key (aria-labelledby, else id), label text, state and mark.
export function readSwitches(page) {
  return page.$$eval(REPLICA_SWITCHES, (inputs) => inputs.map((input) => {
    const labelledBy = input.getAttribute('aria-labelledby');
    const labelEl = labelledBy ? document.getElementById(labelledBy.split(' ')[0])
      : document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    const stateText = input.parentElement.querySelector(':scope > span[aria-hidden="true"]');
    return {
      key: labelledBy ?? (input.id || null),
      id: input.id || null,
      labelledBy,
      label: labelEl ? labelEl.textContent.trim() : null,
      tag: input.tagName.toLowerCase(),
      checked: input.tagName === 'INPUT' ? input.checked : null,
      ariaChecked: input.getAttribute('aria-checked'),
      ariaPressed: input.getAttribute('aria-pressed'),
      stateText: stateText ? stateText.textContent : null,
      mark: input.getAttribute('data-linkedout'),
    };
  }));
}

// Waits until `count` switches are rendered (and, if given, the first has `firstKey`).
export function waitForSwitches(page, count, firstKey = null, timeout = 10000) {
  return page.waitForFunction((n, key, selector) => {
    const inputs = document.querySelectorAll(selector);
    if (inputs.length !== n) return false;
    return !key || (inputs[0].getAttribute('aria-labelledby') ?? inputs[0].id) === key;
  }, { timeout }, count, firstKey, REPLICA_SWITCHES);
}

// Every element the extension marked, anywhere in the document, as {tag, key, mark}.
export function readMarks(page) {
  return page.$$eval('[data-linkedout]', (els) => els.map((el) => ({
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    key: el.getAttribute('aria-labelledby') ?? (el.id || null),
    mark: el.getAttribute('data-linkedout'),
  })));
}

// Waits until the extension has marked exactly `expected` ({key: mark}) and nothing else.
export async function waitForMarks(page, expected, timeout = 10000) {
  const want = JSON.stringify(Object.entries(expected).sort());
  try {
    await page.waitForFunction((wantJson) => {
      const got = [...document.querySelectorAll('[data-linkedout]')]
        .map((el) => [el.getAttribute('aria-labelledby') ?? el.id, el.getAttribute('data-linkedout')]).sort();
      return JSON.stringify(got) === wantJson;
    }, { timeout }, want);
  } catch (error) {
    const marks = await readMarks(page).catch(() => 'unreadable');
    throw new Error(`marks never became ${want}; last seen ${JSON.stringify(marks)} (${error.message})`);
  }
}

/**
 * The AI setting's own page holding its switch on, another setting's switch off, an unknown one
 * on and another setting's unreadable one (the replica's mixed page's switches added to it). Only
 * the first is this page's setting (a verdict comes only from the setting's own page), so only it
 * may be marked. Resolves with the page once that mark is there. One scene for the suites with
 * and without the helper: both must answer it alike.
 */
export async function openMixedAiPage(replica, browser) {
  replica.setToggles({ allowDataForGenerativeAI: true, allowLinkedInAudienceNetwork: false,
    [UNKNOWN_TOGGLE.key]: true, allowUseOfThirdPartyData: true });
  const ai = replica.ruleset.settings.find((s) => s.id === 'data-for-ai-improvement');
  const restore = replica.addToggles(ai.path, replica.site.pages.get(VARIANT_PATHS.mixed).toggles.slice(1));
  const page = await browser.newPage();
  await page.goto(replica.url(ai.path));
  await waitForSwitches(page, 4);
  restore();
  await waitForMarks(page, { allowDataForGenerativeAI: 'switch-off' });
  return page;
}
