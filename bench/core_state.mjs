// The stored state the built-in core's benchmarks open (core_bench.mjs, core_profile.mjs): a store
// as a member has it after the walkthrough and months of re-checks, with 1,000 history entries.
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function realisticState(rules) {
  const settings = {};
  const history = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  rules.settings.forEach((s, i) => {
    settings[s.id] = { state: 'off', first_seen: iso(start), last_seen: iso(start + 1000 * i), last_changed: iso(start + 1000 * i) };
  });
  for (let i = 0; i < 1000; i += 1) {
    const s = rules.settings[i % rules.settings.length];
    history.push({ at: iso(start + 60000 * i), setting: s.id, from: i % 2 ? 'on' : 'off', to: i % 2 ? 'off' : 'on', url: `https://www.linkedin.com${s.path}` });
  }
  return JSON.stringify({ version: 1, settings, history, forms_done: {}, walkthrough_active: false });
}
