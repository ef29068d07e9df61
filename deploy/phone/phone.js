// The phone as a TempoStream sensor: streams its motion (DeviceMotionEvent) to the broker in the
// JSON batch contract (docs/message-format.md) and shows what the job tells the athlete back on
// tempostream/{athlete}/feedback. Static, no build step; MQTT.js (vendor/) speaks MQTT over WebSocket.
"use strict";

const STANDARD_GRAVITY = 9.80665;
const SAMPLES_PER_BATCH = 10;
const PHASES = ["concentric", "top_hold", "eccentric", "bottom_pause"];
const PHASE_NAMES = { concentric: "concentric", top_hold: "squeeze", eccentric: "eccentric", bottom_pause: "pause" };
const REP_FIELDS = { concentric: "concentricMs", top_hold: "peakHoldMs", eccentric: "eccentricMs", bottom_pause: "bottomPauseMs" };

const $ = (id) => document.getElementById(id);
let client = null;
let session = null;

/**
 * Where the broker is: beside the page (its folder's "mqtt"), over WebSocket with TLS when the page
 * came over HTTPS. Mosquitto serves the page at / and takes MQTT at /mqtt; the demo's gateway serves
 * both under a secret folder.
 */
function defaultBrokerUrl() {
  if (!location.host) {
    return "ws://127.0.0.1:9001/mqtt";
  }
  const secure = location.protocol === "https:";
  const folder = location.pathname.replace(/[^/]*$/, "");
  return (secure ? "wss://" : "ws://") + location.host + folder + "mqtt";
}

/** The prescription "3-1-3-0" as ms per phase, in the order of PHASES. */
function parseTempo(text) {
  const parts = text.split("-").map(Number);
  if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x) || x < 0)) {
    throw new Error("tempo must be four numbers of seconds like 3-1-3-0, got '" + text + "'");
  }
  return parts.map((s) => s * 1000);
}

/**
 * Browsers differ in which rotation rate is which axis: the spec (and Safari) give alpha about z,
 * beta about x and gamma about y; Chromium gives alpha about x, beta about y and gamma about z
 * (checked in Chromium 156 with emulated sensors: PhoneBrowserIT).
 */
const CHROMIUM = typeof window.chrome !== "undefined" || typeof navigator.userAgentData !== "undefined";

/**
 * One sample in the contract's units and axes: acceleration including gravity in g (+1 g up at
 * rest, as the W3C spec defines it), rotation rate in deg/s about the device's x, y and z. Time
 * from the page's monotonic clock, anchored once to the wall clock, so it never jumps when the
 * phone's clock is set.
 */
function sampleOf(event, clockBase) {
  const a = event.accelerationIncludingGravity || {};
  const r = event.rotationRate || {};
  return {
    t: Math.round(clockBase + event.timeStamp),
    ax: (a.x || 0) / STANDARD_GRAVITY, ay: (a.y || 0) / STANDARD_GRAVITY, az: (a.z || 0) / STANDARD_GRAVITY,
    gx: (CHROMIUM ? r.alpha : r.beta) || 0, gy: (CHROMIUM ? r.beta : r.gamma) || 0, gz: (CHROMIUM ? r.gamma : r.alpha) || 0,
  };
}

/** Samples asked of the Generic Sensor API, per second: the rate DeviceMotionEvent gives on most phones. */
const SENSOR_HZ = 60;

/**
 * The Generic Sensor API's accelerometer and gyroscope, where the browser has them and grants them
 * (Chromium on Android): axes and units as the sensors give them, with no per-browser mapping of
 * rotation rates, and the sensor's own timestamp. One sample per accelerometer reading, with the
 * gyroscope's latest. Resolves to a stop function, or null where it cannot run (Safari, Firefox,
 * permission refused, no such sensor): the page then listens to DeviceMotionEvent.
 */
async function genericSensors(onSample, clockBase) {
  if (new URLSearchParams(location.search).get("sensors") === "devicemotion"
      || typeof Accelerometer !== "function" || typeof Gyroscope !== "function") {
    return null;
  }
  try {
    if (navigator.permissions) {
      for (const name of ["accelerometer", "gyroscope"]) {
        if ((await navigator.permissions.query({ name })).state === "denied") {
          return null;
        }
      }
    }
    const accel = new Accelerometer({ frequency: SENSOR_HZ });
    const gyro = new Gyroscope({ frequency: SENSOR_HZ });
    const started = await new Promise((resolve) => {
      let pending = 2;
      const ok = () => { if (--pending === 0) resolve(true); };
      accel.addEventListener("activate", ok, { once: true });
      gyro.addEventListener("activate", ok, { once: true });
      accel.addEventListener("error", () => resolve(false), { once: true });
      gyro.addEventListener("error", () => resolve(false), { once: true });
      setTimeout(() => resolve(false), 3000);
      accel.start();
      gyro.start();
    });
    if (!started) {
      accel.stop();
      gyro.stop();
      return null;
    }
    const DEG_PER_RAD = 180 / Math.PI;
    accel.addEventListener("reading", () => onSample({
      t: Math.round(clockBase + accel.timestamp),
      ax: accel.x / STANDARD_GRAVITY, ay: accel.y / STANDARD_GRAVITY, az: accel.z / STANDARD_GRAVITY,
      gx: (gyro.x || 0) * DEG_PER_RAD, gy: (gyro.y || 0) * DEG_PER_RAD, gz: (gyro.z || 0) * DEG_PER_RAD,
    }));
    return () => { accel.stop(); gyro.stop(); };
  } catch (e) {
    return null; // a SecurityError or a sensor the platform lacks: DeviceMotionEvent instead
  }
}

class Session {
  constructor(settings) {
    this.settings = settings;
    this.topic = "tempostream/" + settings.athlete + "/" + settings.device + "/imu";
    this.selectionTopic = "tempostream/" + settings.athlete + "/" + settings.device + "/exercise";
    this.feedbackTopic = "tempostream/" + settings.athlete + "/feedback";
    // Batches carry a sequence the job uses to drop a batch it has seen (a resend after a lost
    // connection): it goes on from where the last session on this phone left it.
    this.seqKey = "tempostream-seq/" + settings.athlete + "/" + settings.device;
    this.seq = Number(localStorage.getItem(this.seqKey) || 0);
    this.clockBase = performance.timeOrigin;
    this.pending = [];
    this.sent = 0;
    this.lastT = -Infinity;
    this.rateWindow = [];
    this.reps = new Map(); // "set/rep" → the newest message about it
    this.listener = (event) => this.onMotion(event);
  }

  onMotion(event) {
    this.onSample(sampleOf(event, this.clockBase));
  }

  onSample(sample) {
    if (sample.t <= this.lastT) {
      return; // the contract wants time to move on; two events in one ms keep the first
    }
    this.lastT = sample.t;
    this.pending.push(sample);
    if (this.pending.length >= SAMPLES_PER_BATCH) {
      this.flush();
    }
  }

  /** Sends what is pending as one batch; MQTT.js queues it while the connection is down. */
  flush() {
    if (this.pending.length === 0) {
      return;
    }
    const batch = { v: 1, seq: this.seq++, placement: this.settings.placement, samples: this.pending };
    this.pending = [];
    localStorage.setItem(this.seqKey, String(this.seq));
    client.publish(this.topic, JSON.stringify(batch), { qos: 1 });
    this.sent += batch.samples.length;
    const now = performance.now();
    this.rateWindow.push([now, batch.samples.length]);
    while (this.rateWindow.length && now - this.rateWindow[0][0] > 5000) {
      this.rateWindow.shift();
    }
    showStatus();
  }

  /** Samples per second delivered over the last 5 s. */
  rate() {
    if (this.rateWindow.length < 2) {
      return 0;
    }
    const span = (this.rateWindow[this.rateWindow.length - 1][0] - this.rateWindow[0][0]) / 1000;
    const samples = this.rateWindow.slice(1).reduce((sum, [, n]) => sum + n, 0);
    return span > 0 ? samples / span : 0;
  }

  selectExercise() {
    const selection = { v: 1, t: Math.round(this.clockBase + performance.now()), exercise: this.settings.exercise };
    client.publish(this.selectionTopic, JSON.stringify(selection), { qos: 1 });
  }

  onFeedback(message) {
    if (message.v !== 1) {
      return;
    }
    if (message.type === "rep") {
      this.reps.set(message.set + "/" + message.rep + (message.hold ? "/hold" : ""), message);
      showReps(this);
    } else if (message.type === "phase") {
      showPhase(this, message);
    }
  }
}

/** Why the broker refused the login, shown until the next start: retrying cannot help. */
let refusal = null;

function showStatus(error) {
  const status = $("status");
  error = error || refusal;
  if (error) {
    status.innerHTML = "";
    const span = document.createElement("span");
    span.className = "error";
    span.textContent = error;
    status.appendChild(span);
    status.dataset.state = "error";
    return;
  }
  const state = client ? (client.connected ? "connected" : client.reconnecting ? "reconnecting" : "connecting") : "not connected";
  status.dataset.state = state;
  status.textContent = session
    ? `${state} · ${session.sent} samples sent · ${session.rate().toFixed(0)} samples/s${session.source ? " · " + session.source : ""}`
    : state;
}

function showReps(s) {
  const reps = [...s.reps.values()].filter((r) => !r.hold);
  const count = reps.length;
  const countEl = $("count");
  if (Number(countEl.dataset.reps) !== count) {
    countEl.dataset.reps = String(count);
    countEl.textContent = String(count);
    if (s.settings.speak && "speechSynthesis" in window) {
      speechSynthesis.speak(new SpeechSynthesisUtterance(String(count)));
    }
  }
  const last = reps.sort((a, b) => a.startMs - b.startMs)[reps.length - 1];
  if (last) {
    drawBars(s, PHASES.map((p) => last[REP_FIELDS[p]]), "last rep");
  }
}

/**
 * The phase under way, as last reported. The job reports a phase when it starts and once a second
 * while it lasts; between reports the page counts on, so the display and the tempo cues run on
 * tenths. A phase of this phone's own sensor is counted from its start on the phone's own clock
 * (the clock that stamped the samples), which does not lag by the report's way through the job;
 * another device's from the report. Either way for at most COUNT_ON_MS past the last report.
 */
let phaseNow = null;
const COUNT_ON_MS = 1500;

function showPhase(s, message) {
  if (!message.active) {
    phaseNow = null;
    $("phase").textContent = "";
    $("phase").dataset.phase = "";
    return;
  }
  if (!phaseNow || phaseNow.phase !== message.phase) {
    lastCue = ""; // a new phase: its seconds are cued afresh
  }
  const own = message.device === s.settings.device;
  const now = performance.now();
  phaseNow = {
    phase: message.phase,
    // where the phase started on the page's performance.now() scale
    startedAt: own ? message.sinceMs - s.clockBase : now - Math.max(0, message.atMs - message.sinceMs),
    reportedAt: now,
  };
  drawBars(s, PHASES.map((p) => message[REP_FIELDS[p]]), "this rep");
  tickPhase();
}

function tickPhase() {
  if (!phaseNow || !session) {
    return;
  }
  const now = Math.min(performance.now(), phaseNow.reportedAt + COUNT_ON_MS);
  const seconds = Math.max(0, (now - phaseNow.startedAt) / 1000);
  const el = $("phase");
  el.dataset.phase = phaseNow.phase;
  el.textContent = `${PHASE_NAMES[phaseNow.phase] || phaseNow.phase} ${seconds.toFixed(1)} s`;
  if (performance.now() <= phaseNow.reportedAt + COUNT_ON_MS) {
    cueTempo(session, phaseNow.phase, seconds);
  }
}
setInterval(tickPhase, 100);

/** Each phase's time against the prescription: the yellow mark is the target. */
function drawBars(s, phaseMs, title) {
  const bars = $("bars");
  bars.innerHTML = "";
  bars.dataset.title = title;
  const longest = Math.max(...s.settings.tempo, ...phaseMs, 1);
  PHASES.forEach((phase, k) => {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.dataset.phase = phase;
    bar.dataset.ms = String(phaseMs[k]);
    const name = document.createElement("span");
    name.textContent = `${PHASE_NAMES[phase]} ${(phaseMs[k] / 1000).toFixed(1)} s`;
    const track = document.createElement("div");
    track.className = "track";
    const fill = document.createElement("div");
    fill.className = "fill" + (phaseMs[k] > s.settings.tempo[k] * 1.25 + 250 ? " over" : "");
    fill.style.width = (100 * phaseMs[k] / longest) + "%";
    const target = document.createElement("div");
    target.className = "target";
    target.style.left = (100 * s.settings.tempo[k] / longest) + "%";
    track.append(fill, target);
    bar.append(name, track);
    bars.appendChild(bar);
  });
}

/** A short tone at each second of the eccentric, a higher one when its prescribed time is reached. */
let audio = null;
let lastCue = "";
function cueTempo(s, phase, seconds) {
  if (!s.settings.speak || phase !== "eccentric") {
    return;
  }
  const whole = Math.floor(seconds);
  const key = phase + whole;
  if (whole < 1 || key === lastCue) {
    return;
  }
  lastCue = key;
  audio = audio || new (window.AudioContext || window.webkitAudioContext)();
  const tone = audio.createOscillator();
  tone.frequency.value = whole * 1000 >= s.settings.tempo[2] ? 880 : 440;
  tone.connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.12);
}

/** iOS asks for motion permission, from a tap; other browsers give it to secure pages. */
async function motionPermission() {
  if (typeof DeviceMotionEvent !== "undefined" && typeof DeviceMotionEvent.requestPermission === "function") {
    const answer = await DeviceMotionEvent.requestPermission();
    if (answer !== "granted") {
      throw new Error("motion sensors: permission " + answer);
    }
  }
  if (!window.isSecureContext) {
    throw new Error("motion sensors need a secure page: open it over https://");
  }
}

function settingsFromForm() {
  const settings = {
    athlete: $("athlete").value.trim(), device: $("device").value.trim(), password: $("password").value,
    placement: $("placement").value, exercise: $("exercise").value, broker: $("broker").value.trim(),
    tempo: parseTempo($("tempo").value.trim()), speak: $("speak").checked,
  };
  for (const field of ["athlete", "device"]) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(settings[field])) {
      throw new Error(`${field} id must be 1-64 letters, digits, _ or -, got '${settings[field]}'`);
    }
  }
  localStorage.setItem("tempostream-settings", JSON.stringify({ ...settings, password: undefined, broker: undefined }));
  localStorage.setItem(BROKER_KEY, settings.broker);
  return settings;
}

async function start() {
  let settings;
  try {
    settings = settingsFromForm();
    await motionPermission();
  } catch (e) {
    showStatus(e.message);
    return;
  }
  refusal = null;
  session = new Session(settings);
  client = mqtt.connect(settings.broker, {
    username: settings.athlete + "." + settings.device,
    password: settings.password,
    clientId: settings.athlete + "." + settings.device, // the shipped broker uses the login as id anyway
    protocolVersion: 5,
    clean: false,
    properties: { sessionExpiryInterval: 600 },
    reconnectPeriod: 2000,
    connectTimeout: 10000,
  });
  client.on("connect", () => {
    client.subscribe(session.feedbackTopic, { qos: 1 });
    session.selectExercise();
    showStatus();
  });
  client.on("reconnect", () => showStatus());
  client.on("close", () => showStatus());
  client.on("offline", () => showStatus());
  client.on("error", (e) => {
    // A refused login is final: stop retrying and say so.
    if (e && (e.code === 4 || e.code === 5 || e.code === 134 || e.code === 135)) {
      refusal = "the broker refused the login " + settings.athlete + "." + settings.device + ": " + e.message;
      client.end(true);
      showStatus();
    } else {
      showStatus("connection: " + (e && e.message));
    }
  });
  client.on("message", (topic, payload) => {
    try {
      session.onFeedback(JSON.parse(payload.toString()));
    } catch (e) {
      // Not feedback in the contract's form: ignore it.
    }
  });
  const current = session;
  const stopSensors = await genericSensors((sample) => current.onSample(sample), session.clockBase);
  if (session !== current) {
    if (stopSensors) stopSensors(); // stopped while the sensors started
    return;
  }
  if (stopSensors) {
    session.stopMotion = stopSensors;
    session.source = "Generic Sensor API";
  } else {
    window.addEventListener("devicemotion", session.listener);
    session.stopMotion = () => window.removeEventListener("devicemotion", current.listener);
    session.source = "DeviceMotionEvent";
  }
  showStatus();
  session.flusher = setInterval(() => session.flush(), 1000); // a slow sensor still sends every second
  $("start").textContent = "Stop";
  $("start").classList.add("stop");
}

function stop() {
  if (session.stopMotion) {
    session.stopMotion();
  }
  clearInterval(session.flusher);
  session.flush();
  client.end(false);
  session = null;
  $("start").textContent = "Start";
  $("start").classList.remove("stop");
  showStatus();
}

/**
 * The broker is remembered for this page's address only: the demo serves the page under a new
 * secret folder each run, and the broker of an earlier run's address would be refused.
 */
const BROKER_KEY = "tempostream-broker:" + location.origin + location.pathname;

function restoreForm() {
  const saved = JSON.parse(localStorage.getItem("tempostream-settings") || "{}");
  const params = new URLSearchParams(location.search);
  for (const field of ["athlete", "device", "placement", "exercise"]) {
    const value = params.get(field) || saved[field];
    if (value) {
      $(field).value = value;
    }
  }
  const broker = params.get("broker") || localStorage.getItem(BROKER_KEY);
  if (broker) {
    $("broker").value = broker;
  }
  if (!$("broker").value) {
    $("broker").value = defaultBrokerUrl();
  }
}

$("setup").addEventListener("submit", (event) => {
  event.preventDefault();
  if (session) {
    stop();
  } else {
    start();
  }
});
$("exercise").addEventListener("change", () => {
  if (session && client && client.connected) {
    session.settings.exercise = $("exercise").value;
    session.selectExercise();
  }
});
restoreForm();
showStatus();
