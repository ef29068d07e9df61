// Plays a recorded set into the phone page through headless Chromium's emulated motion sensors,
// as a phone in an armband would feel it, and reports what the page showed (PhoneBrowserIT).
//   node browser-set.mjs --url URL --samples FILE --out FILE [--screenshot PNG] [--screenshot-mid PNG]
//     [--expect-reps N] [--password PW] [--timeout-s S] [--still-s S instead of --samples] [--insecure 1]
//     [--spki SHA256-BASE64: trust the server whose public key has this hash, as the demo's printed certificate]
//     [--speak 1: tick "speak the count and cue the tempo", and record what the page says and plays]
//     [--tempo C-H-E-P: the prescribed tempo typed into the page]
//     [--bad-input 1: before the set, the page's own client publishes a truncated JSON batch and one
//      whose times run backwards, as a buggy page would]
// FILE: {"samples": [[tMs, ax, ay, az, gx, gy, gz], ...]}, times from 0, acceleration in g
// (+1 g up at rest), rotation in deg/s about the device's x, y and z axes.
import puppeteer from "puppeteer-core";
import { readFileSync, writeFileSync } from "node:fs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const STANDARD_GRAVITY = 9.80665;
const DEG = Math.PI / 180;
// Without --samples the page is only connected, and then held still for --still-s seconds.
const samples = args.samples ? JSON.parse(readFileSync(args.samples, "utf8")).samples
  : Array.from({ length: Number(args["still-s"] || 0) * 60 }, (_, i) => [Math.round(i * 1000 / 60), 0, 0, 1, 0, 0, 0]);
const expectReps = Number(args["expect-reps"] || 0);
const timeoutMs = Number(args["timeout-s"] || 120) * 1000;
const result = { consoleErrors: [], states: [], phases: [], fed: samples.length };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // --insecure: trust the test broker's own CA's certificate, which Chromium does not know.
  args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required",
    ...(args.insecure ? ["--ignore-certificate-errors"] : []),
    ...(args.spki ? ["--ignore-certificate-errors-spki-list=" + args.spki] : [])],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page.on("console", (m) => { if (m.type() === "error") result.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => result.consoleErrors.push(String(e)));
  const cdp = await page.createCDPSession();
  for (const type of ["accelerometer", "linear-acceleration", "gravity", "gyroscope"]) {
    await cdp.send("Emulation.setSensorOverrideEnabled", { enabled: true, type });
  }
  const still = { x: 0, y: 0, z: STANDARD_GRAVITY };
  await setReading(cdp, still, { x: 0, y: 0, z: 0 });
  if (args.speak) {
    // What the page says and plays, with the phase shown at that moment (headless Chromium has no
    // voice or speaker to listen to).
    await page.evaluateOnNewDocument(() => {
      window.__cues = [];
      const phase = () => (document.getElementById("phase") || {}).textContent || "";
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance) => { window.__cues.push({ say: utterance.text, phase: phase() }); speak(utterance); };
      const createOscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function () {
        const oscillator = createOscillator.call(this);
        const start = oscillator.start.bind(oscillator);
        oscillator.start = (...at) => { window.__cues.push({ tone: oscillator.frequency.value, phase: phase() }); start(...at); };
        return oscillator;
      };
    });
  }
  await page.goto(args.url, { waitUntil: "load" });
  if (args.speak) {
    await page.click("#speak");
  }
  if (args.tempo) {
    await page.$eval("#tempo", (e, tempo) => { e.value = tempo; }, args.tempo);
  }
  if (args.password) {
    await page.type("#password", args.password);
  }
  await page.click("#start");
  const connected = await waitFor(page, () => ["connected", "error"].includes(document.getElementById("status").dataset.state), 20_000);
  result.states.push(await page.$eval("#status", (e) => e.dataset.state + ": " + e.textContent));
  if (connected && (await page.$eval("#status", (e) => e.dataset.state)) === "connected") {
    if (args["bad-input"]) {
      await page.evaluate(() => {
        client.publish(session.topic, '{"v":1,"seq":', { qos: 1 });
        const s = (t) => ({ t, ax: 0, ay: 0, az: 1, gx: 0, gy: 0, gz: 0 });
        client.publish(session.topic, JSON.stringify({ v: 1, seq: 0, placement: "back", samples: [s(Date.now()), s(Date.now() - 1000)] }), { qos: 1 });
      });
    }
    // Real time, as the sensor would: each reading holds until the next sample's time.
    const start = Date.now();
    let lastPhaseLook = 0;
    for (const [t, ax, ay, az, gx, gy, gz] of samples) {
      const wait = start + t - Date.now();
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, wait));
      }
      await setReading(cdp, { x: ax * STANDARD_GRAVITY, y: ay * STANDARD_GRAVITY, z: az * STANDARD_GRAVITY },
        { x: gx * DEG, y: gy * DEG, z: gz * DEG });
      if (Date.now() - lastPhaseLook > 500) {
        lastPhaseLook = Date.now();
        const state = await page.$eval("#status", (e) => e.dataset.state);
        if (result.states[result.states.length - 1].split(":")[0] !== state) {
          result.states.push(state);
        }
        const phase = await page.$eval("#phase", (e) => e.textContent);
        if (phase && result.phases[result.phases.length - 1] !== phase) {
          result.phases.push(phase);
        }
        // Mid-set, in an eccentric: what the athlete sees while lowering.
        if (args["screenshot-mid"] && !result.midShot && phase.startsWith("eccentric 1.")
            && Number(await page.$eval("#count", (e) => e.dataset.reps)) >= 3) {
          await page.screenshot({ path: args["screenshot-mid"] });
          result.midShot = phase;
        }
      }
    }
    await setReading(cdp, still, { x: 0, y: 0, z: 0 });
    await waitFor(page, (n) => Number(document.getElementById("count").dataset.reps) >= n, timeoutMs, expectReps);
  }
  result.count = await page.$eval("#count", (e) => Number(e.dataset.reps));
  result.sent = await page.evaluate(() => (typeof session !== "undefined" && session ? session.sent : 0));
  result.cues = await page.evaluate(() => window.__cues || []);
  result.source = await page.evaluate(() => (typeof session !== "undefined" && session ? session.source : null));
  result.status = await page.$eval("#status", (e) => ({ state: e.dataset.state, text: e.textContent }));
  result.bars = await page.$$eval(".bar", (bars) => bars.map((b) => ({ phase: b.dataset.phase, ms: Number(b.dataset.ms) })));
  if (args.screenshot) {
    await page.screenshot({ path: args.screenshot });
  }
} finally {
  await browser.close();
  writeFileSync(args.out, JSON.stringify(result, null, 2));
}

async function setReading(cdp, accel, gyro) {
  const a = { x: accel.x, y: accel.y, z: accel.z };
  await cdp.send("Emulation.setSensorOverrideReadings", { type: "accelerometer", reading: { xyz: a } });
  await cdp.send("Emulation.setSensorOverrideReadings", { type: "gravity", reading: { xyz: { x: 0, y: 0, z: STANDARD_GRAVITY } } });
  await cdp.send("Emulation.setSensorOverrideReadings", { type: "linear-acceleration",
    reading: { xyz: { x: a.x, y: a.y, z: a.z - STANDARD_GRAVITY } } });
  await cdp.send("Emulation.setSensorOverrideReadings", { type: "gyroscope", reading: { xyz: gyro } });
}

/** True once {@code predicate} holds in the page, false after {@code ms}. */
async function waitFor(page, predicate, ms, arg) {
  try {
    await page.waitForFunction(predicate, { timeout: ms, polling: 200 }, arg);
    return true;
  } catch (e) {
    return false;
  }
}
