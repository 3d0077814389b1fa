// Reading a page the way a keyboard or screen-reader user meets it: where focus is, what the live
// regions say, what axe-core (WCAG 2.2 AA) finds, and the contrast of LinkedOut's highlight
// against the page's own background. axe-core comes from node_modules and is injected into the
// page under test only; the extension never ships it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// 2.2 adds target size (2.5.8: 24 px, or room around a smaller target).
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe violations ({id, help, targets}) inside the elements `selectors` match (every one that
// matches; none matching: an error, so a test cannot pass by checking nothing), or the document.
export async function axeViolations(page, selectors = null) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sels, tags) => {
    let context = document;
    if (sels) {
      const include = sels.filter((s) => document.querySelector(s)).map((s) => [s]);
      if (include.length === 0) throw new Error(`axe: nothing matches ${sels.join(', ')}`);
      context = { include };
    }
    const result = await globalThis.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, selectors, WCAG_22_AA);
}

// What focus is on: {tag, id, mark, role, label} of document.activeElement ('body' when nothing).
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { tag: 'body' };
    return {
      tag: el.tagName.toLowerCase(), id: el.id || null, mark: el.getAttribute('data-linkedout'),
      role: el.getAttribute('role'), labelledBy: el.getAttribute('aria-labelledby'), text: el.textContent.trim().slice(0, 80),
      inStep: el.closest('[data-step]')?.dataset.step ?? null, type: el.getAttribute('type'),
    };
  });
}

// The LinkedIn label of the switch `selector` matches (its first aria-labelledby id, else its
// <label for>): the name "… is off now" says.
export function switchLabel(page, selector) {
  return page.$eval(selector, (input) => {
    const ids = (input.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const label = ids.length ? document.getElementById(ids[0]) : document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    return label ? label.textContent.trim() : null;
  });
}

// Presses Tab until `isTarget(focusedInfo)` holds; returns the number of presses (max: give up).
export async function tabsUntil(page, isTarget, max = 60) {
  for (let presses = 0; presses <= max; presses += 1) {
    if (isTarget(await focused(page))) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached the target in ${max} Tabs; it is on ${JSON.stringify(await focused(page))}`);
}

// The text of every live region on the page (role status/alert/log or aria-live polite/assertive).
export function liveRegions(page) {
  return page.evaluate(() => [...document.querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live]')]
    .filter((el) => el.getAttribute('aria-live') !== 'off')
    .map((el) => ({ id: el.id || null, attrs: [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('data-')).join(' '), text: el.textContent.trim() })));
}

// Starts recording every change to a live region's text: window.__liveChanges [{region, text}].
export function recordLiveChanges(page) {
  return page.evaluate(() => {
    globalThis.__liveChanges = [];
    const regionOf = (node) => (node.nodeType === 1 ? node : node.parentElement)
      ?.closest('[role="status"], [role="alert"], [role="log"], [aria-live]:not([aria-live="off"])');
    globalThis.__liveObserver?.disconnect();
    globalThis.__liveObserver = new MutationObserver((records) => {
      for (const record of records) {
        const region = regionOf(record.target);
        if (region) globalThis.__liveChanges.push({ region: region.id || region.tagName, text: region.textContent.trim() });
      }
    });
    globalThis.__liveObserver.observe(document.body, { childList: true, characterData: true, subtree: true });
  });
}

export const liveChanges = (page) => page.evaluate(() => globalThis.__liveChanges);

// WCAG relative luminance and contrast ratio, in the page: colours read from getComputedStyle.
// {outline, outlinePulseMin, reasonBox, switchOutline, background} as ratios against the row's
// effective background (the first opaque background-color from the row up).
export function highlightContrast(page) {
  return page.evaluate(() => {
    const parse = (css) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`unparsed colour ${css}`);
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, under) => ({
      r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a), a: 1,
    });
    const lum = ({ r, g, b }) => {
      const ch = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
    const backgroundOf = (el) => {
      const layers = [];
      for (let node = el; node; node = node.parentElement) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a === 1) break;
      }
      return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
    };
    const row = document.querySelector('[data-linkedout-row="switch-off"]');
    const input = document.querySelector('[data-linkedout="switch-off"]');
    const reason = document.querySelector('[data-linkedout-reason]');
    const background = backgroundOf(row.parentElement);
    const outlineOf = (el) => over(parse(getComputedStyle(el).outlineColor), background);
    // The pulse: every tenth of the animation, paused there.
    let outlinePulseMin = ratio(outlineOf(row), background);
    const animations = row.getAnimations();
    for (const animation of animations) {
      const duration = animation.effect.getComputedTiming().duration;
      animation.pause();
      for (let i = 0; i <= 10; i += 1) {
        animation.currentTime = (duration * i) / 10;
        outlinePulseMin = Math.min(outlinePulseMin, ratio(outlineOf(row), background));
      }
    }
    const reasonBg = over(parse(getComputedStyle(reason).backgroundColor), background);
    return {
      background: `rgb(${background.r}, ${background.g}, ${background.b})`,
      outline: ratio(outlineOf(row), background),
      outlinePulseMin,
      animated: animations.length,
      reasonBox: ratio(reasonBg, background),
      reasonText: ratio(parse(getComputedStyle(reason).color), reasonBg),
      switchOutline: ratio(outlineOf(input), background),
    };
  });
}
