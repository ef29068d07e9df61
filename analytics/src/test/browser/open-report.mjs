// Opens a session report (tempostream analyze --report) in headless Chromium from the file itself,
// with the network off, and reports what drew (SessionReportBrowserIT).
//   node open-report.mjs --file REPORT.html --out RESULT.json [--desktop PNG] [--phone PNG]
import puppeteer from "puppeteer-core";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const result = { consoleErrors: [], requests: [] };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox"],
});
try {
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900, deviceScaleFactor: 1 }],
    ["phone", { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
  ]) {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    // An email attachment opens with no server behind it: anything fetched from elsewhere is a fault.
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (!request.url().startsWith("file:")) {
        result.requests.push(request.url());
        request.abort();
      } else {
        request.continue();
      }
    });
    page.on("console", (m) => { if (m.type() === "error") result.consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => result.consoleErrors.push(String(e)));
    await page.goto(pathToFileURL(args.file).href, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined, { timeout: 20_000 });
    result[name] = await page.evaluate(() => {
      const charts = window.reportCharts;
      const drawn = (chart, k) => chart.getDatasetMeta(k).data.length;
      return {
        rendered: Number(document.body.dataset.rendered),
        setCards: document.querySelectorAll(".card").length,
        phaseBars: [0, 1, 2, 3].map((k) => drawn(charts.phases, k)),
        phaseLabels: charts.phases.data.labels,
        prescriptionLines: charts.phases.data.datasets.filter((d) => d.type === "line").length,
        trendPoints: charts.trend.data.datasets.map((d) => d.data.filter((v) => v !== null).length),
        repSpans: charts.signal.$repSpans,
        flagMarks: charts.signal.$flagMarks,
        flagItems: [...document.querySelectorAll("#flags li")].map((li) => li.textContent),
        axisTitles: Object.fromEntries(Object.entries({ phases: charts.phases, trend: charts.trend, signal: charts.signal })
          .map(([k, c]) => [k, Object.values(c.options.scales).filter((s) => s.display !== false).map((s) => s.title.text)])),
        about: document.getElementById("about").textContent,
        overflowsWidth: document.documentElement.scrollWidth > window.innerWidth + 1,
      };
    });
    if (args[name]) {
      await page.screenshot({ path: args[name], fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
  writeFileSync(args.out, JSON.stringify(result, null, 2));
}
