// One corpus for both homes of the core (issue 24): the native host and the WebAssembly build in
// the extension must give identical replies and write identical state text. Scenarios are lists
// of sessions over one state store (a session is one host process, or one core instance opened
// with the state the previous session left): the protocol doc's transcript session, the schema's
// boundary requests, and the decision cases, generated from the real ruleset so every setting,
// form, region and language is covered — on and off, by key and by label, unreadable, unknown,
// re-enabled (drift), new, the walkthrough, the re-check and every report format and language.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, boundaryCases } from '../protocol/boundary-cases.js';

const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));
const LANGS = ['en', 'de', 'fr', 'es', 'nl', 'it'];
const urlOf = (setting) => `https://www.linkedin.com${setting.path}`;

let nextId = 1;
const withIds = (messages) => messages.map((m) => ({ id: nextId++, ...m }));

function page(setting, checked, { byLabel = false, lang = 'en', extra = [] } = {}) {
  const labels = setting.labels[lang] || setting.labels.en;
  const control = { key: byLabel || !setting.keys?.length ? null : setting.keys[0], label: labels[labels.length - 1], checked };
  return { type: 'page_state', url: urlOf(setting), lang, controls: [control, ...extra] };
}

const walkthrough = (action, step) => (step ? { type: 'walkthrough', action, step } : { type: 'walkthrough', action });
const reports = (uiLang) => ['md', 'html', 'json'].map((format) => ({ type: 'report', format, ui_lang: uiLang }));

export function parityScenarios() {
  const scenarios = [];
  const add = (name, ...sessions) => scenarios.push({ name, sessions: sessions.map(withIds) });
  const settings = rules.settings;
  const forms = rules.forms || [];

  // The transcript of docs/protocol.md (scripts/transcript).
  const ai = settings.find((s) => s.id === 'data-for-ai-improvement');
  add('transcript', [
    { type: 'hello', extension_version: '0.1.0', ui_lang: 'en-US' },
    { type: 'config', region: 'EU' },
    page(ai, true),
    { type: 'page_state', url: urlOf(ai), lang: 'de-DE', controls: [
      { key: null, label: 'Daten zur Verbesserung generativer KI', checked: false },
      { key: 'somethingNew', label: 'Ein neuer Schalter', checked: true }] },
    { type: 'page_state', url: 'https://example.com/mypreferences/', lang: 'en', controls: [] },
    walkthrough('mark_done', 'objection-form'),
  ]);

  // Every limit, at and one over (the errors must be the same, word for word).
  add('boundaries', boundaryCases().map((c) => { const { id, ...message } = c.message; return message; }));

  // Malformed input: typed errors, and the session keeps serving.
  add('malformed', [
    { type: 'nonsense' }, { type: 'walkthrough', action: 'jump' }, { type: 'report', format: 'pdf' },
    { type: 'config', region: 'ATLANTIS' }, { type: 'import_history', state: 'not a store' }, { type: 'hello' },
  ]);

  // Each setting: on (highlight), then off (ok), then on again in a later session (drift
  // re-enabled), by key and by label, and unreadable (checked null).
  for (const setting of settings) {
    add(`setting ${setting.id}`,
      [page(setting, true), page(setting, false), walkthrough('status')],
      [page(setting, true, { byLabel: true }), page(setting, null), walkthrough('status')]);
  }

  // Each language LinkedIn may show, and the UI in each language.
  for (const lang of LANGS) {
    add(`language ${lang}`, settings.map((s) => ({ ...page(s, true, { lang }), ui_lang: lang })),
      [...reports(lang), { type: 'config', ui_lang: lang }]);
  }

  // A switch the ruleset does not know, next to a known one; a page with nothing readable.
  add('unknown switches', [
    page(ai, true, { extra: [{ key: 'brandNewToggle', label: 'Something LinkedIn added', checked: true }] }),
    { type: 'page_state', url: urlOf(ai), lang: 'en', controls: [] },
    { type: 'page_state', url: 'https://www.linkedin.com/mypreferences/d/unknown-page', lang: 'en',
      controls: [{ key: 'x', label: 'Mystery', checked: true }] },
  ]);

  // Regions: each one set, the plan and the report it gives; the hint with no region set.
  for (const region of Object.keys(rules.regions)) {
    add(`region ${region}`, [{ type: 'config', region }, walkthrough('status'), ...reports('en')]);
  }
  add('region hint', settings.map((s) => page(s, false)), [{ type: 'config' }, { type: 'config', region: null }]);
  // The popup's one status reply: as it is, with a fixed region and reminder, in German, and refused.
  add('status', [page(ai, true), { type: 'status' }, { type: 'status', region: 'CH', reminder_days: 30, ui_lang: 'de' },
    { type: 'status', region: 'ATLANTIS' }, { type: 'status', reminder_days: 0 }]);

  // The walkthrough: start, every setting switched off, every form marked done, reset.
  add('walkthrough', [
    walkthrough('start'),
    ...settings.flatMap((s) => [page(s, true), page(s, false)]),
    ...forms.map((f) => walkthrough('mark_done', f.id)),
    walkthrough('status'), ...reports('en'), walkthrough('reset'), walkthrough('status'),
  ]);

  // The re-check and the reminder, over two sessions.
  add('recheck', [
    { type: 'config', region: 'EU', reminder_days: 30 }, walkthrough('recheck_start'),
    ...settings.map((s) => page(s, false)), walkthrough('recheck_end'), walkthrough('status'),
  ], [
    walkthrough('recheck_start'), page(ai, true),
    page(ai, false, { extra: [{ key: 'brandNewToggle', label: 'Something LinkedIn added', checked: true }] }),
    walkthrough('recheck_end'), walkthrough('status'), ...reports('de'), { type: 'config', reminder_days: null },
  ]);

  // The helper taking over the browser's history (import_history) is merged the same way.
  add('import history', [page(ai, true)], [
    { type: 'import_history', state: JSON.stringify({ version: 1, settings: { 'data-for-ai-improvement':
      { state: 'off', first_seen: '2026-01-01T00:00:00Z', last_seen: '2026-01-02T00:00:00Z', last_changed: '2026-01-02T00:00:00Z' } },
      history: [{ at: '2026-01-02T00:00:00Z', setting: 'data-for-ai-improvement', from: '', to: 'off', url: urlOf(ai) }] }) },
    walkthrough('status'), ...reports('en'),
  ]);
  return scenarios;
}
