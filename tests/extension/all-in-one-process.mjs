// Runs every tests/extension/*.test.js in this one Node process (20-extension), not one process
// per file as `node --test` does: each process started Node, then jsdom and the test helpers
// again, and the 32 starts took more than half the suite's CPU (docs/performance.md, "Build and test
// time", round 10). The files can share a process: each loads the extension's content and popup
// scripts into a VM context or a jsdom window of its own (helpers.js); the background's modules,
// which three files import, keep no state at module level and put the same library globals on
// Node's global whichever file loads them first; and no file has a hook outside a `describe` (it
// would run around every other file's tests: checked below). Node 20's test runner has no
// --test-isolation=none; this is the same thing by hand. A file of its own still runs alone with
// `node --test tests/extension/FILE.test.js`.
//
//   node --test tests/extension/all-in-one-process.mjs    (fails when a test fails or a file does not load)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// The shell's order (`tests/extension/*.test.js`): byte order of the names.
const files = fs.readdirSync(here).filter((name) => name.endsWith('.test.js')).sort();

// A hook at a file's top level would belong to the shared root test here, and run around every
// other file's tests too: refused, with the file named.
const topLevelHook = /^(before|after|beforeEach|afterEach)\s*\(/m;
const withHook = files.filter((name) => topLevelHook.test(fs.readFileSync(path.join(here, name), 'utf8')));
if (withHook.length) {
  console.error(`all-in-one-process: a hook at the top level of ${withHook.join(', ')} would run around every file's tests; put it inside a describe`);
  process.exit(1);
}

// One after another, as `node --test` ran them: the test runner queues each file's tests as it loads.
// A file that fails to load fails the run, named, and the other files still run (as they did).
for (const name of files) {
  try {
    await import(pathToFileURL(path.join(here, name)).href);
  } catch (error) {
    console.error(`all-in-one-process: ${name} failed to load:`, error);
    process.exitCode = 1;
  }
}
