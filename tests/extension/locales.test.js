// The locale files behind every string the extension shows: six complete, translated locales
// (store limits such as the description's length: store-listing.test.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, ROOT } from './helpers.js';

// The languages, listed once: the ruleset schema's `lang` (the test below holds every other list to it).
const RULESET_SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.schema.json'), 'utf8'));
const LOCALES = RULESET_SCHEMA.$defs.lang.enum;
const LOCALES_DIR = path.join(EXTENSION_DIR, '_locales');
const messagesOf = (locale) => JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));

// Messages that are rightly the same as in English: names, and words these languages share.
const SAME_AS_ENGLISH = {
  all: ['extName'],
  de: [],
  fr: ['optionsHeading', 'region_CA', 'region_HK'],
  es: ['region_HK'],
  nl: ['region_CA'],
  it: ['region_CA', 'region_HK'],
};

const placeholders = (text) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

test('exactly the six locales exist, English is the default', () => {
  const found = fs.readdirSync(LOCALES_DIR).filter((name) => fs.statSync(path.join(LOCALES_DIR, name)).isDirectory());
  assert.deepEqual(found.sort(), [...LOCALES].sort());
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
});

for (const locale of LOCALES.filter((l) => l !== 'en')) {
  test(`${locale}: every English message exists, translated, with the same placeholders`, () => {
    const en = messagesOf('en');
    const messages = messagesOf(locale);
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), `${locale} defines exactly the messages of en`);
    const allowed = new Set([...SAME_AS_ENGLISH.all, ...SAME_AS_ENGLISH[locale]]);
    const untranslated = Object.keys(en).filter((name) => messages[name].message === en[name].message && !allowed.has(name));
    assert.deepEqual(untranslated, [], `${locale}: left in English`);
    for (const [name, entry] of Object.entries(messages)) {
      assert.ok(entry.message.trim(), `${locale}.${name} is not empty`);
      assert.deepEqual(placeholders(entry.message), placeholders(en[name].message), `${locale}.${name} keeps $1, $2…`);
    }
    for (const name of allowed) {
      if (name in en) assert.equal(messages[name].message, en[name].message, `${locale}.${name} is listed as the same as English`);
    }
  });
}

test('every message the code names exists in en', () => {
  const en = messagesOf('en');
  const used = new Set();
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_locales' ? [] : walk(file);
    return /\.(js|html|json)$/.test(entry.name) ? [file] : [];
  });
  for (const file of walk(EXTENSION_DIR)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/data-i18n(?:-title)?="([^"]+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
    // UI files also pick a message from a table of names (e.g. {off: 'stateOff'}).
    if (/[/\\](popup|content|report)[/\\]/.test(file)) {
      for (const m of text.matchAll(/'((?:state|host|notice|walkthrough)[A-Z][A-Za-z]+)'/g)) used.add(m[1]);
    }
  }
  assert.ok(used.size > 20, `found ${used.size} message names`);
  for (const name of used) assert.ok(name in en, `message ${name} is defined`);
});

// One catalogue per side: the host's ruleset names every setting, form and region in every
// language (the popup shows the host's `title` and `config.regions`), so _locales holds none of them.
const RULESET = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));

test('no setting, form or region name is translated again in _locales: the ruleset holds them', () => {
  for (const locale of LOCALES) {
    const messages = messagesOf(locale);
    const names = new Set([
      ...RULESET.settings.flatMap((s) => s.labels[locale]),
      ...RULESET.forms.map((f) => f.titles[locale]),
      ...Object.values(RULESET.regions).map((names) => names[locale]),
    ]);
    const twice = Object.entries(messages).filter(([, entry]) => names.has(entry.message)).map(([name]) => name);
    assert.deepEqual(twice, [], `${locale}: names the ruleset already holds`);
    const perName = Object.keys(messages).filter((name) => /^(step|region)_/.test(name));
    assert.deepEqual(perName, [], `${locale}: one message per setting or region`);
  }
});

test('the languages are the same everywhere they must be: _locales, the host, the ruleset and its schema', () => {
  const languages = [...LOCALES].sort();
  const rulesetHpp = fs.readFileSync(path.join(ROOT, 'native-host/src/core/ruleset.hpp'), 'utf8');
  const hostList = rulesetHpp.match(/kLanguages = \{([^}]*)\}/)[1].match(/"([a-z]+)"/g).map((q) => q.slice(1, -1));
  assert.deepEqual([...hostList].sort(), languages, 'ruleset.hpp kLanguages');
  for (const [name, def] of Object.entries(RULESET_SCHEMA.$defs).filter(([, d]) => Array.isArray(d.required) && d.required.includes('en'))) {
    assert.deepEqual([...def.required].sort(), languages, `linkedin.schema.json $defs/${name}.required`);
    assert.deepEqual(Object.keys(def.properties).sort(), languages, `linkedin.schema.json $defs/${name}.properties`);
  }
  for (const setting of RULESET.settings) assert.deepEqual(Object.keys(setting.labels).sort(), languages, setting.id);
  for (const [code, names] of Object.entries(RULESET.regions)) assert.deepEqual(Object.keys(names).sort(), languages, code);
});
