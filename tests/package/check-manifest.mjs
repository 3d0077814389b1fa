// Checks one native messaging host manifest the way the browsers read it.
//   node check-manifest.mjs FILE chromium|firefox EXPECTED_HOST_PATH
// Exits 1 with one line per problem.
import fs from "node:fs";
import path from "node:path";

// The ids live in one place, native-host/extension_ids.json; the checks read them from there.
const IDS = JSON.parse(fs.readFileSync(new URL("../../native-host/extension_ids.json", import.meta.url), "utf8"));
const HOST_NAME = IDS.host_name;

const [file, kind, expectedPath] = process.argv.slice(2);
if (!file || !["chromium", "firefox"].includes(kind) || !expectedPath) {
  console.error("usage: check-manifest.mjs FILE chromium|firefox EXPECTED_HOST_PATH");
  process.exit(2);
}

const problems = [];
let manifest;
try {
  manifest = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  console.error(`${file}: not valid JSON: ${error.message}`);
  process.exit(1);
}
const expect = (ok, what) => { if (!ok) problems.push(what); };

expect(manifest && typeof manifest === "object" && !Array.isArray(manifest), "not a JSON object");
expect(path.basename(file) === `${HOST_NAME}.json`, `file name is not ${HOST_NAME}.json`);
expect(manifest.name === HOST_NAME, `name is ${JSON.stringify(manifest.name)}, not ${HOST_NAME}`);
expect(typeof manifest.description === "string" && manifest.description.length > 0, "no description");
expect(typeof manifest.path === "string" && path.isAbsolute(manifest.path),
  `path ${JSON.stringify(manifest.path)} is not absolute`);
expect(manifest.path === expectedPath, `path is ${JSON.stringify(manifest.path)}, not ${expectedPath}`);
expect(manifest.type === "stdio", `type is ${JSON.stringify(manifest.type)}, not "stdio"`);

if (kind === "chromium") {
  const origins = manifest.allowed_origins;
  for (const id of IDS.chrome) {
    expect(Array.isArray(origins) && origins.includes(`chrome-extension://${id}/`),
      `allowed_origins does not list chrome-extension://${id}/`);
  }
  // Chrome refuses wildcards and anything that is not an exact extension origin.
  for (const origin of Array.isArray(origins) ? origins : []) {
    expect(/^chrome-extension:\/\/[a-p]{32}\/$/.test(origin), `allowed_origins has a bad entry ${origin}`);
  }
  expect(!("allowed_extensions" in manifest), "a Chromium manifest must not carry allowed_extensions");
} else {
  const ids = manifest.allowed_extensions;
  for (const id of IDS.firefox) expect(Array.isArray(ids) && ids.includes(id), `allowed_extensions does not list ${id}`);
  expect(!("allowed_origins" in manifest), "a Firefox manifest must not carry allowed_origins");
}

if (problems.length) {
  for (const p of problems) console.error(`${file}: ${p}`);
  process.exit(1);
}
console.log(`ok ${kind} manifest ${file}`);
