import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, plain } from './helpers.js';

const ROW = (key, label, checked, cls = 'r7x') => `
  <li class="${cls}">
    <div class="h2k"><span id="${key}" class="t0p">${label}</span></div>
    <div class="c9q"><input type="checkbox" role="switch" class="s1w" aria-labelledby="${key}"
      aria-checked="${checked}" ${checked ? 'checked' : ''}><span aria-hidden="true">${checked ? 'On' : 'Off'}</span></div>
  </li>`;

const PAGE = `<!doctype html><html lang="en"><head><title>Settings</title></head><body>
  <header class="nav8"><a href="/feed/">Home</a><input type="checkbox" id="nav-toggle"></header>
  <main class="m3n"><ul class="l5v">
    ${ROW('allowDataForGenerativeAI', 'Use my data for training content creation AI models', true)}
    ${ROW('allowLinkedInAudienceNetwork', 'Ads off LinkedIn', true)}
    ${ROW('allowConversionTrackings', 'Measure ad success', false)}
    ${ROW('someUnknownToggle', 'Something new', true)}
  </ul></main>
  <footer>© LinkedIn</footer>
</body></html>`;

const verdict = (highlightKeys, okKeys) => ({
  type: 'verdict', url: 'https://www.linkedin.com/mypreferences/d/settings/x', setting: 'x',
  highlight: highlightKeys.map((key) => ({ key, setting: 'x', action: 'switch-off', severity: 'ai-training', reason: `Reason for ${key}.`, matched_by: 'key' })),
  ok: okKeys.map((key) => ({ key, setting: 'x', matched_by: 'key' })),
  unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null,
  walkthrough: { active: false, still_on: highlightKeys.length },
});

/** applyVerdict's own result for verdict `v` on the switches of `document`. */
function applyVerdictTo(window, document, v, t) {
  const switches = window.LinkedOutScan.switchesIn(document);
  const index = (item) => ({ ...item, control: switches.findIndex((el) => window.LinkedOutScan.keyOf(el) === item.key) });
  const named = { ...v, highlight: v.highlight.map(index), ok: v.ok.map(index), unknown: v.unknown.map(index) };
  return window.LinkedOutHighlight.applyVerdict(document, named, switches, t);
}

/**
 * Applies a verdict written with keys, as the content script does: every entry names its control
 * by index in the scan (here: the first switch with that key); the result is given back as keys.
 */
function applyTo(window, document, v, t) {
  const result = applyVerdictTo(window, document, v, t);
  const keys = (els) => els.map((el) => window.LinkedOutScan.keyOf(el));
  return { highlighted: keys(result.highlighted), ok: keys(result.ok), switchedOff: result.switchedOff };
}

/** The page's HTML with every highlighted row replaced by a placeholder. */
function outsideRows(document) {
  const clone = document.documentElement.cloneNode(true);
  for (const row of clone.querySelectorAll('[data-linkedout-row]')) row.replaceWith(clone.ownerDocument.createComment('row'));
  // The (empty, hidden) status region for confirmations is LinkedOut's own addition.
  for (const el of clone.querySelectorAll('[data-linkedout-announce]')) el.remove();
  return clone.outerHTML;
}
function withoutOwnMarks(document) {
  const clone = document.documentElement.cloneNode(true);
  for (const el of clone.querySelectorAll('[data-linkedout-reason], [data-linkedout-notice-box], [data-linkedout-notice], [data-linkedout-announce]')) el.remove();
  for (const el of clone.querySelectorAll('*')) {
    for (const name of ['data-linkedout', 'data-linkedout-row', 'data-linkedout-palette', 'aria-describedby']) el.removeAttribute(name);
  }
  return clone.outerHTML;
}

const marked = (document) => plain(Array.from(document.querySelectorAll('[data-linkedout]'),
  (el) => [el.getAttribute('aria-labelledby'), el.getAttribute('data-linkedout')]));

test('marks exactly the highlighted and ok switches; a reason label is in each highlighted row', () => {
  const { window, document } = loadPage(PAGE);
  const result = applyTo(window, document,
    verdict(['allowDataForGenerativeAI', 'allowLinkedInAudienceNetwork'], ['allowConversionTrackings']),
    (name, subs) => `${name}: ${subs.join(' ')}`);
  assert.deepEqual(plain(result), {
    highlighted: ['allowDataForGenerativeAI', 'allowLinkedInAudienceNetwork'], ok: ['allowConversionTrackings'], switchedOff: [],
  });
  assert.deepEqual(marked(document), [
    ['allowDataForGenerativeAI', 'switch-off'], ['allowLinkedInAudienceNetwork', 'switch-off'], ['allowConversionTrackings', 'ok'],
  ]);
  const rows = document.querySelectorAll('[data-linkedout-row="switch-off"]');
  assert.equal(rows.length, 2);
  for (const row of rows) {
    assert.equal(row.tagName, 'LI', 'the row is the list item holding switch and label');
    const reason = row.querySelector('[data-linkedout-reason]');
    assert.equal(reason.getAttribute('role'), 'note');
    const input = row.querySelector('input');
    assert.match(reason.textContent, new RegExp(`^highlightReason: Reason for ${input.getAttribute('aria-labelledby')}\\.$`));
    assert.equal(input.getAttribute('aria-describedby'), reason.id, 'the switch is described by its reason');
  }
  assert.equal(document.querySelector('#nav-toggle').hasAttribute('data-linkedout'), false);
});

test('touches nothing outside the highlighted rows', () => {
  const { window, document } = loadPage(PAGE);
  const before = document.documentElement.outerHTML;
  applyTo(window, document, verdict(['allowDataForGenerativeAI'], ['allowConversionTrackings']));
  const beforeClone = loadPage(before).document;
  // mark the same rows in the untouched copy so both sides hide the same subtrees
  for (const row of document.querySelectorAll('[data-linkedout-row]')) {
    const key = row.querySelector('input').getAttribute('aria-labelledby');
    beforeClone.querySelector(`input[aria-labelledby="${key}"]`).closest('li').setAttribute('data-linkedout-row', '');
  }
  const okInput = document.querySelector('[data-linkedout="ok"]');
  okInput.removeAttribute('data-linkedout'); // the one allowed change outside a row
  assert.equal(outsideRows(document), outsideRows(beforeClone));
  okInput.setAttribute('data-linkedout', 'ok');
  assert.equal(withoutOwnMarks(document), withoutOwnMarks(loadPage(before).document), 'inside the rows only our marks were added');
});

test('removes stale marks: a switch that left the verdict loses its highlight, label and describedby', () => {
  const { window, document } = loadPage(PAGE);
  const pristine = withoutOwnMarks(document);
  const H = window.LinkedOutHighlight;
  applyTo(window, document, verdict(['allowDataForGenerativeAI', 'allowLinkedInAudienceNetwork'], []));
  applyTo(window, document, verdict(['allowLinkedInAudienceNetwork'], ['allowDataForGenerativeAI']));
  assert.deepEqual(marked(document), [['allowDataForGenerativeAI', 'ok'], ['allowLinkedInAudienceNetwork', 'switch-off']]);
  assert.equal(document.querySelectorAll('[data-linkedout-row]').length, 1);
  assert.equal(document.querySelectorAll('[data-linkedout-reason]').length, 1);
  const cleared = document.querySelector('input[aria-labelledby="allowDataForGenerativeAI"]');
  assert.equal(cleared.hasAttribute('aria-describedby'), false);
  applyTo(window, document, verdict([], []));
  assert.deepEqual(marked(document), []);
  assert.equal(document.querySelectorAll('[data-linkedout-row], [data-linkedout-reason]').length, 0);
  assert.equal(withoutOwnMarks(document), pristine);
});

test('applying the same verdict twice changes nothing (no duplicate labels)', () => {
  const { window, document } = loadPage(PAGE);
  const v = verdict(['allowDataForGenerativeAI'], ['allowConversionTrackings']);
  applyTo(window, document, v);
  const once = document.documentElement.outerHTML;
  applyTo(window, document, v);
  assert.equal(document.documentElement.outerHTML, once);
});

test('keeps a describedby the page set itself', () => {
  const { window, document } = loadPage(PAGE);
  const input = document.querySelector('input[aria-labelledby="allowDataForGenerativeAI"]');
  input.setAttribute('aria-describedby', 'pageHelp');
  const H = window.LinkedOutHighlight;
  applyTo(window, document, verdict(['allowDataForGenerativeAI'], []));
  assert.match(input.getAttribute('aria-describedby'), /^pageHelp linkedout-reason-\d+$/);
  applyTo(window, document, verdict([], ['allowDataForGenerativeAI']));
  assert.equal(input.getAttribute('aria-describedby'), 'pageHelp');
});

test('keys the verdict does not name on this page are ignored; unknown switches stay unmarked', () => {
  const { window, document } = loadPage(PAGE);
  applyTo(window, document, verdict(['notOnThisPage'], ['alsoNotHere']));
  assert.deepEqual(marked(document), []);
});

test('a container shared by several switches is never marked as a row: only the switch is', () => {
  const { window, document } = loadPage(`<html><body><div id="list">
    <span id="a">A</span><input type="checkbox" role="switch" aria-labelledby="a" aria-checked="true" checked>
    <span id="b">B</span><input type="checkbox" role="switch" aria-labelledby="b" aria-checked="true" checked>
  </div></body></html>`);
  applyTo(window, document, verdict(['a'], []));
  assert.equal(document.querySelectorAll('[data-linkedout-row], [data-linkedout-reason]').length, 0);
  assert.deepEqual(marked(document), [['a', 'switch-off']]);
});

test('unconfirmed auto-switch keeps the highlight and says so; clearAll removes everything', () => {
  const { window, document } = loadPage(PAGE);
  const pristine = withoutOwnMarks(document);
  const H = window.LinkedOutHighlight;
  applyTo(window, document, verdict(['allowDataForGenerativeAI'], []));
  assert.equal(H.markUnconfirmed(document.querySelector('[aria-labelledby="allowDataForGenerativeAI"]'), 'Not confirmed'), true);
  applyTo(window, document, verdict(['allowDataForGenerativeAI'], []));
  const reason = document.querySelector('[data-linkedout-reason]');
  assert.equal(reason.textContent, 'Not confirmed');
  assert.equal(reason.getAttribute('data-linkedout-reason-state'), 'unconfirmed');
  H.showNotice(document, 'host not installed');
  assert.equal(document.querySelector('[data-linkedout-notice]').getAttribute('role'), 'status');
  H.clearAll(document);
  assert.equal(document.documentElement.outerHTML.includes('linkedout'), false);
  assert.equal(withoutOwnMarks(document), pristine);
});

test('a highlighted switch that becomes unreadable keeps its highlight until the host says off', () => {
  const { window, document } = loadPage(PAGE);
  const H = window.LinkedOutHighlight;
  applyTo(window, document, verdict(['allowDataForGenerativeAI'], []));
  const unreadable = { ...verdict([], []), unknown: [{ key: 'allowDataForGenerativeAI', label: 'x', why: 'unreadable' }, { key: 'allowConversionTrackings', label: 'y', why: 'unreadable' }] };
  applyTo(window, document, unreadable);
  assert.deepEqual(marked(document), [['allowDataForGenerativeAI', 'switch-off']], 'kept, and an unmarked unreadable switch stays unmarked');
  assert.equal(document.querySelectorAll('[data-linkedout-row] [data-linkedout-reason]').length, 1);
  applyTo(window, document, verdict([], ['allowDataForGenerativeAI']));
  assert.deepEqual(marked(document), [['allowDataForGenerativeAI', 'ok']]);
  assert.equal(document.querySelectorAll('[data-linkedout-row], [data-linkedout-reason]').length, 0);
});

test('the highlight\'s palette follows the page\'s own background, not the browser\'s scheme', () => {
  const dark = PAGE.replace('<main class="m3n">', '<main class="m3n" style="background: rgb(27, 31, 35)">');
  for (const [page, palette] of [[PAGE, 'light'], [dark, 'dark']]) {
    const { window, document } = loadPage(page);
    applyTo(window, document, verdict(['allowDataForGenerativeAI'], []));
    const row = document.querySelector('[data-linkedout-row]');
    assert.equal(row.getAttribute('data-linkedout-palette'), palette);
    assert.equal(row.querySelector('[data-linkedout-reason]').getAttribute('data-linkedout-palette'), palette);
    assert.equal(document.querySelector('[data-linkedout="switch-off"]').getAttribute('data-linkedout-palette'), palette);
  }
});

test('in an active walkthrough the reason says, before the flip, that the next page opens; the flip is reported in words', async () => {
  const { window, document } = loadPage(PAGE);
  const H = window.LinkedOutHighlight;
  const t = (name, subs) => (subs ? `${name}(${subs.join('|')})` : name);
  const active = (v) => ({ ...v, next: { step: 'n', url: 'https://www.linkedin.com/mypreferences/d/settings/n' }, walkthrough: { active: true, still_on: 1 } });
  applyTo(window, document, active(verdict(['allowDataForGenerativeAI'], [])), t);
  assert.equal(document.querySelector('[data-linkedout-reason]').textContent, 'highlightReason(Reason for allowDataForGenerativeAI.) highlightMovesOn');
  await new Promise((resolve) => { setTimeout(resolve, 10); });  // inserted in a task of its own
  const region = document.querySelector('[data-linkedout-announce]');
  assert.equal(region.getAttribute('role'), 'status');
  assert.equal(region.textContent, '', 'the live region is there, empty, before anything is said');
  const result = applyTo(window, document, active(verdict([], ['allowDataForGenerativeAI'])), t);
  assert.deepEqual(plain(result.switchedOff), ['Use my data for training content creation AI models']);
  H.announce(document, 'said');
  assert.equal(region.textContent, 'said');
  // Outside a walkthrough nothing moves on, so nothing says so.
  const other = loadPage(PAGE);
  applyTo(other.window, other.document, verdict(['allowDataForGenerativeAI'], []), t);
  assert.equal(other.document.querySelector('[data-linkedout-reason]').textContent, 'highlightReason(Reason for allowDataForGenerativeAI.)');
});

test('focus goes to the highlighted switch only when nothing else has it', () => {
  const { window, document } = loadPage(PAGE);
  const H = window.LinkedOutHighlight;
  const { highlighted } = applyVerdictTo(window, document, verdict(['allowLinkedInAudienceNetwork'], []));
  const navToggle = document.getElementById('nav-toggle');
  navToggle.focus();
  assert.equal(H.focusFirstSwitch(document, highlighted), false);
  assert.equal(document.activeElement, navToggle, 'someone using the page keeps focus');
  navToggle.blur();
  assert.equal(H.focusFirstSwitch(document, highlighted), true);
  assert.equal(document.activeElement.getAttribute('aria-labelledby'), 'allowLinkedInAudienceNetwork');
});

test('a notice: in the main landmark, its live region inserted empty and filled after, dismissible', async () => {
  const { window, document } = loadPage(PAGE);
  const H = window.LinkedOutHighlight;
  H.showNotice(document, 'host not installed', (name) => name);
  const box = document.querySelector('[data-linkedout-notice-box]');
  assert.equal(box.nextElementSibling.tagName, 'MAIN', 'at the top of the main column, next to its landmark');
  const notice = box.querySelector('[data-linkedout-notice]');
  assert.equal(notice.getAttribute('role'), 'status');
  assert.equal(notice.textContent, '', 'inserted empty');
  await new Promise((resolve) => { setTimeout(resolve, 300); });
  assert.equal(notice.textContent, 'host not installed', 'filled after');
  const dismiss = box.querySelector('button');
  assert.equal(dismiss.textContent, 'noticeDismiss');
  dismiss.click();
  assert.equal(document.querySelector('[data-linkedout-notice-box]'), null);
  H.showNotice(document, 'host not installed');
  assert.equal(document.querySelector('[data-linkedout-notice-box]'), null, 'a dismissed notice stays away');
  H.showNotice(document, 'something else');
  assert.ok(document.querySelector('[data-linkedout-notice-box]'), 'a new one shows');
});

test('every entry names its switch by index: of two keyless switches only the named one is marked', () => {
  const { window, document } = loadPage(`<html lang="en"><body><main>
    <div><p>Smart replies</p><input type="checkbox" role="switch" aria-label="Smart replies" aria-checked="true" checked></div>
    <div><p>Location</p><input type="checkbox" role="switch" aria-label="Location" aria-checked="true" checked></div>
  </main></body></html>`);
  const switches = window.LinkedOutScan.switchesIn(document);
  const v = { ...verdict([], []), highlight: [{ key: null, setting: 'ads-inferred-location', action: 'switch-off',
    severity: 'ads', reason: 'r', matched_by: 'label', control: 1 }] };
  const result = window.LinkedOutHighlight.applyVerdict(document, v, switches);
  assert.equal(result.highlighted.length, 1);
  assert.equal(result.highlighted[0], switches[1]);
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout]'), (el) => el.getAttribute('aria-label')), ['Location']);
  // An index that is not in the scan marks nothing.
  window.LinkedOutHighlight.applyVerdict(document, { ...v, highlight: [{ ...v.highlight[0], control: 7 }] }, switches);
  assert.equal(document.querySelectorAll('[data-linkedout]').length, 0);
});

test('a locked switch is marked locked, its reason says so and links the objection form (a LinkedIn page only)', () => {
  const { window, document } = loadPage(PAGE);
  const switches = window.LinkedOutScan.switchesIn(document);
  const control = switches.findIndex((el) => el.getAttribute('aria-labelledby') === 'allowDataForGenerativeAI');
  const locked = (url) => ({ ...verdict([], []), highlight: [{ key: 'allowDataForGenerativeAI', setting: 'x', action: 'locked',
    severity: 'ai-training', reason: 'Why.', matched_by: 'key', control, form: { step: 'objection-form', url } }] });
  const t = (name, subs) => (subs ? `${name}(${subs.join('|')}) ` : name);
  const form = 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO';
  window.LinkedOutHighlight.applyVerdict(document, locked(form), switches, t);
  assert.equal(switches[control].getAttribute('data-linkedout'), 'locked');
  const row = document.querySelector('[data-linkedout-row="locked"]');
  assert.ok(row);
  const reason = row.querySelector('[data-linkedout-reason]');
  assert.equal(reason.textContent, 'highlightLocked(Why.) openFormButton');
  assert.equal(reason.querySelector('a').href, form);
  assert.equal(reason.querySelector('a').rel, 'noopener noreferrer');
  // Nothing to switch off here: focus goes to the form's link, described by the reason (the
  // disabled switch takes none).
  const { highlighted } = window.LinkedOutHighlight.applyVerdict(document, locked(form), switches, t);
  assert.equal(window.LinkedOutHighlight.focusFirstSwitch(document, highlighted), true);
  assert.equal(document.activeElement, reason.querySelector('a'));
  assert.equal(document.activeElement.getAttribute('aria-describedby'), reason.id);
  // Applied again: nothing changes.
  const once = document.documentElement.outerHTML;
  window.LinkedOutHighlight.applyVerdict(document, locked(form), switches, t);
  assert.equal(document.documentElement.outerHTML, once);
  // A form that is not a LinkedIn page is never linked.
  window.LinkedOutHighlight.applyVerdict(document, locked('https://evil.example/phish'), switches, t);
  assert.equal(document.querySelector('[data-linkedout-reason] a'), null);
});

// ---- issue 21 item 7: the page cannot speak in LinkedOut's name ----

test('a reason or notice planted by the page is never reused, changed or shown as LinkedOut\'s', async () => {
  const planted = PAGE.replace('<div class="h2k"><span id="allowDataForGenerativeAI"',
    '<span data-linkedout-reason data-linkedout-reason-state="unconfirmed" id="fake-reason">Safe to leave on</span><div class="h2k"><span id="allowDataForGenerativeAI"')
    .replace('<footer>', '<p data-linkedout-reason id="stray">LinkedOut: all done</p><div data-linkedout-notice id="fake-notice">LinkedOut: nothing to do here</div><footer>');
  const { window, document } = loadPage(planted);
  const h = window.LinkedOutHighlight;
  applyTo(window, document, verdict(['allowDataForGenerativeAI'], []));
  const input = document.querySelector('[aria-labelledby="allowDataForGenerativeAI"]');
  const fake = document.getElementById('fake-reason');
  assert.equal(fake.textContent, 'Safe to leave on', 'the planted span is left as the page made it');
  const own = [...document.querySelectorAll('[data-linkedout-reason]')].filter((el) => el.id !== 'fake-reason' && el.id !== 'stray');
  assert.equal(own.length, 1, 'LinkedOut adds its own reason');
  assert.equal(own[0].textContent, 'Reason for allowDataForGenerativeAI.');
  assert.equal(input.getAttribute('aria-describedby'), own[0].id, 'the switch is described by LinkedOut\'s reason only');
  assert.ok(document.getElementById('stray'), 'a page element is never removed');
  h.showNotice(document, 'LinkedOut could not read this page');
  await new Promise((resolve) => { setTimeout(resolve, 300); });  // the live region is filled after it is inserted
  const notices = [...document.querySelectorAll('[data-linkedout-notice]')];
  assert.equal(document.getElementById('fake-notice').textContent, 'LinkedOut: nothing to do here');
  assert.deepEqual(notices.filter((n) => n.id !== 'fake-notice').map((n) => n.textContent), ['LinkedOut could not read this page']);
  assert.equal(h.isOwnNode(document.getElementById('fake-notice')), false, 'the page\'s node is not taken for LinkedOut\'s');
  h.clearAll(document);
  assert.ok(document.getElementById('fake-notice') && document.getElementById('fake-reason') && document.getElementById('stray'));
  assert.equal(document.querySelectorAll('[data-linkedout-reason], [data-linkedout-notice]').length, 3, 'only LinkedOut\'s own are gone');
});

// A settings row in an open shadow root (LinkedIn's newer components): the browser's injected
// highlight.css does not reach it, so LinkedOut puts its own style there; marks and reasons there
// are cleared like the document's.
function shadowPage() {
  const page = loadPage(PAGE);
  const { document } = page;
  const host = document.createElement('div');
  document.querySelector('main').append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = ROW('allowAdsByGender', 'Ads by gender', true);
  return { ...page, shadow };
}
const ownStyles = (tree) => [...tree.querySelectorAll('style[data-linkedout-style]')];

test('a highlight in an open shadow root brings LinkedOut\'s style there, once; the document gets none', () => {
  const { window, document, shadow } = shadowPage();
  applyTo(window, document, verdict(['allowAdsByGender'], []));
  const input = shadow.querySelector('input');
  assert.equal(input.getAttribute('data-linkedout'), 'switch-off');
  assert.ok(shadow.querySelector('[data-linkedout-row] [data-linkedout-reason]'), 'the reason is in the shadow row');
  assert.equal(ownStyles(shadow).length, 1);
  assert.equal(ownStyles(shadow)[0].textContent, window.LinkedOutTreeStyle.CSS);
  assert.equal(ownStyles(document).length, 0, 'the top document has the browser\'s sheet');
  applyTo(window, document, verdict(['allowAdsByGender'], []));
  assert.equal(ownStyles(shadow).length, 1, 'not added twice');
  assert.equal(window.LinkedOutHighlight.isOwnNode(ownStyles(shadow)[0]), true, 'the observer ignores it');
});

test('stale marks in a shadow root are cleared: the row, its reason and the style go with the verdict', () => {
  const { window, document, shadow } = shadowPage();
  applyTo(window, document, verdict(['allowAdsByGender'], []));
  applyTo(window, document, verdict([], []));
  assert.equal(shadow.querySelectorAll('[data-linkedout-row], [data-linkedout-reason], [data-linkedout]').length, 0);
  assert.equal(shadow.querySelector('input').hasAttribute('aria-describedby'), false);
  assert.equal(ownStyles(shadow).length, 0, 'no style left where nothing is marked');
});

test('clearAll (navigation) clears marks, reasons and style in every shadow root', () => {
  const { window, document, shadow } = shadowPage();
  applyTo(window, document, verdict(['allowAdsByGender', 'allowDataForGenerativeAI'], []));
  window.LinkedOutHighlight.clearAll(document);
  assert.equal(shadow.querySelectorAll('[data-linkedout-row], [data-linkedout-reason], [data-linkedout], style').length, 0);
  assert.equal(document.querySelectorAll('[data-linkedout-row], [data-linkedout-reason], [data-linkedout]').length, 0);
});

test('focus goes to a highlighted switch inside a shadow root', () => {
  const { window, document, shadow } = shadowPage();
  const { highlighted } = applyVerdictTo(window, document, verdict(['allowAdsByGender'], []));
  assert.equal(window.LinkedOutHighlight.focusFirstSwitch(document, highlighted), true);
  assert.equal(shadow.activeElement, shadow.querySelector('input'));
});

test('the palette under layered, half-transparent backgrounds is the one back-to-front blending gives', () => {
  let state = 7;
  const next = (n) => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state % n; };
  const channel = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const hex = (h) => ({ r: parseInt(h.slice(1, 3), 16), g: parseInt(h.slice(3, 5), 16), b: parseInt(h.slice(5, 7), 16) });
  const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const worst = (colours, bg) => Math.min(...colours.map((c) => contrast(lum(hex(c)), bg)));
  let dark = 0;
  for (let i = 0; i < 60; i += 1) {
    const layers = [0, 1, 2].map(() => ({ r: next(256), g: next(256), b: next(256), a: next(3) === 0 ? 0 : [0.25, 0.5, 0.8, 1][next(4)] }));
    const css = (l) => `background-color: rgba(${l.r}, ${l.g}, ${l.b}, ${l.a})`;
    const { window, document } = loadPage(`<html><body><div style="${css(layers[0])}"><div style="${css(layers[1])}"><p id="x" style="${css(layers[2])}">x</p></div></div></body></html>`);
    // Back to front, over white: the outermost layer first.
    const blended = layers.reduce((under, top) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a) }), { r: 255, g: 255, b: 255 });
    const bg = lum(blended);
    const expected = worst(['#ff8a80', '#ffb4ab', '#ffdad6'], bg) > worst(['#c5221f', '#8c1d18', '#8c1d18'], bg) ? 'dark' : 'light';
    if (expected === 'dark') dark += 1;
    assert.equal(window.LinkedOutHighlight.paletteFor(document.getElementById('x')), expected, `layers ${JSON.stringify(layers)}`);
  }
  assert.ok(dark > 5 && dark < 55, `both palettes come up (${dark} dark of 60)`);
});
