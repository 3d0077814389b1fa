// Checks the two store archives scripts/package wrote:
//   node check-extension-archives.mjs VERSION DIST_DIR EXTENSION_DIR
// Each must hold exactly the files of extension/ (the background's sources in background/ as the one
// background.js they are joined into: scripts/bundle-background), with the manifest its store needs
// and the version from VERSION.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [version, dist, extensionDir] = process.argv.slice(2);
const problems = [];
const expect = (ok, what) => { if (!ok) problems.push(what); };

function filesUnder(dir, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel + "/"));
    else out.push(rel);
  }
  return out;
}
const sourceFiles = filesUnder(extensionDir).filter((file) => !file.startsWith("background/")).sort();
if (!sourceFiles.includes("background.js")) problems.push(`${extensionDir}/background.js is missing: run scripts/bundle-background`);
const source = JSON.parse(fs.readFileSync(path.join(extensionDir, "manifest.json"), "utf8"));

for (const store of ["chrome", "firefox"]) {
  const archive = path.join(dist, `linkedout-${version}-${store}.zip`);
  if (!fs.existsSync(archive)) { problems.push(`${archive} is missing`); continue; }
  const listing = execFileSync("unzip", ["-Z1", archive], { encoding: "utf8" })
    .split("\n").filter((name) => name && !name.endsWith("/")).sort();
  expect(JSON.stringify(listing) === JSON.stringify(sourceFiles),
    `${store}: archive files differ from extension/: ` +
    `extra [${listing.filter((f) => !sourceFiles.includes(f))}] ` +
    `missing [${sourceFiles.filter((f) => !listing.includes(f))}]`);
  const manifest = JSON.parse(execFileSync("unzip", ["-p", archive, "manifest.json"], { encoding: "utf8" }));
  expect(manifest.version === version, `${store}: version ${manifest.version}, not ${version}`);
  expect(manifest.manifest_version === 3, `${store}: not manifest_version 3`);
  expect(!("key" in manifest), `${store}: carries "key" (the stores refuse or ignore it)`);
  // Everything else is the source manifest unchanged.
  const rest = structuredClone(manifest);
  const expected = structuredClone(source);
  delete expected.key;
  if (store === "chrome") {
    expect(!("browser_specific_settings" in manifest), "chrome: carries browser_specific_settings");
    expect(!manifest.background?.scripts, "chrome: carries background.scripts");
    expect(typeof manifest.background?.service_worker === "string", "chrome: no background.service_worker");
    delete expected.browser_specific_settings;
    if (expected.background) delete expected.background.scripts;
  } else {
    expect(manifest.browser_specific_settings?.gecko?.id === "linkedout@linkedout.io",
      "firefox: gecko id is not linkedout@linkedout.io");
    expect(!manifest.background?.service_worker, "firefox: carries background.service_worker");
    expect(Array.isArray(manifest.background?.scripts) && manifest.background.scripts.length > 0,
      "firefox: no background.scripts");
    if (expected.background) delete expected.background.service_worker;
  }
  expect(JSON.stringify(rest) === JSON.stringify(expected),
    `${store}: manifest differs from extension/manifest.json beyond the per-store edits`);
  if (!problems.length) console.log(`ok ${archive}: ${listing.length} files, version ${manifest.version}`);
}

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
