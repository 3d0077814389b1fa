// Starts a native host the way a browser does and prints its reply to one `hello`.
//   node hello.mjs HOST_PATH [ARG...]     (Chrome passes the origin, Firefox manifest + add-on id)
// Exits 1 if the host does not answer with exactly one well-formed frame.
import { spawn } from "node:child_process";

const [hostPath, ...args] = process.argv.slice(2);
const child = spawn(hostPath, args, { stdio: ["pipe", "pipe", "inherit"] });
const body = Buffer.from(JSON.stringify({ type: "hello", id: 1, extension_version: "package-test" }));
const header = Buffer.alloc(4);
header.writeUInt32LE(body.length);  // native byte order on the machines we package for (x86, arm)
child.stdin.end(Buffer.concat([header, body]));  // EOF after one message: the host must exit 0

const chunks = [];
child.stdout.on("data", (chunk) => chunks.push(chunk));
const timer = setTimeout(() => { console.error("hello: host did not exit within 10 s"); child.kill("SIGKILL"); }, 10000);
child.on("close", (code, signal) => {
  clearTimeout(timer);
  const out = Buffer.concat(chunks);
  if (code !== 0) { console.error(`hello: host exited with ${code ?? signal}`); process.exit(1); }
  if (out.length < 4 || out.readUInt32LE(0) !== out.length - 4) {
    console.error(`hello: stdout is not exactly one frame (${out.length} bytes)`);
    process.exit(1);
  }
  let reply;
  try { reply = JSON.parse(out.subarray(4).toString("utf8")); } catch (error) {
    console.error(`hello: reply is not JSON: ${error.message}`); process.exit(1);
  }
  console.log(JSON.stringify(reply));
});
