// What the Chrome Web Store, Edge Add-ons and addons.mozilla.org require of the package itself,
// checked over every locale folder that exists (so a locale added later is covered too).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, EXTENSION_DIR } from './helpers.js';

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const localesDir = path.join(EXTENSION_DIR, '_locales');
const locales = fs.readdirSync(localesDir).filter((name) => fs.statSync(path.join(localesDir, name)).isDirectory());
const messagesOf = (locale) => JSON.parse(fs.readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));

// Chrome Web Store: "The description [...] must be 132 characters or fewer"; name at most 75.
const MAX_DESCRIPTION = 132;
const MAX_NAME = 75;

test('there is more than one locale to check', () => {
  assert.ok(locales.includes('en') && locales.length > 1, locales.join(', '));
});

for (const locale of locales) {
  test(`${locale}: the store description is at most ${MAX_DESCRIPTION} characters`, () => {
    const description = messagesOf(locale).extDescription?.message;
    assert.equal(typeof description, 'string', `${locale} has no extDescription`);
    // Characters as the store counts them (code points), not UTF-16 units.
    const length = [...description].length;
    assert.ok(length <= MAX_DESCRIPTION, `${locale}: ${length} characters: ${description}`);
  });

  test(`${locale}: the name is at most ${MAX_NAME} characters`, () => {
    const name = messagesOf(locale).extName?.message;
    assert.equal(typeof name, 'string', `${locale} has no extName`);
    assert.ok([...name].length <= MAX_NAME, `${locale}: ${name}`);
  });

  // One user-facing name for the native program: "helper" (translated). The word "host" only
  // appears inside the command name linkedout-host.
  test(`${locale}: the native program is never called "host" in user-facing text`, () => {
    const offending = Object.entries(messagesOf(locale))
      .filter(([, entry]) => /\bhost\b|\bhôte\b/i.test(entry.message.replaceAll('linkedout-host', '')))
      .map(([key, entry]) => `${key}: ${entry.message}`);
    assert.deepEqual(offending, []);
  });
}

test('no gecko_android: Firefox for Android has no native messaging', () => {
  assert.equal(manifest.browser_specific_settings?.gecko_android, undefined);
});

test('LICENSE is the MIT licence package.json claims', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.license, 'MIT');
  const license = fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
  assert.match(license, /^MIT License/);
  assert.match(license, /Permission is hereby granted, free of charge/);
  assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
});

test('docs/store.md has the listing texts the stores ask for', () => {
  const store = fs.readFileSync(path.join(ROOT, 'docs/store.md'), 'utf8');
  for (const heading of [/^## Single purpose/m, /^## Permissions/m, /^## Privacy/m, /^## Screenshots/m]) {
    assert.match(store, heading);
  }
  assert.match(store, /nativeMessaging/);
  assert.match(store, /no data leaves (your|the) computer/i);
});

// PNG: width and height are the big-endian 32-bit numbers at bytes 16 and 20 (the IHDR chunk).
const pngSize = (file) => {
  const bytes = fs.readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

test('the store screenshots (the highlighted settings pages) are 1280×800', () => {
  const dir = path.join(ROOT, 'docs/screenshots');
  const shots = fs.readdirSync(dir).filter((name) => /-highlighted(-[a-z]+)?\.png$/.test(name));
  assert.ok(shots.length >= 2, shots.join(', '));
  for (const name of shots) assert.deepEqual(pngSize(path.join(dir, name)), { width: 1280, height: 800 }, name);
});
