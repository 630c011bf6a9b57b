/**
 * The HTML report as a person sees it: opened in headless Chromium (Debian's chromium package, driven by
 * playwright-core), the rendered control matrix and a finding are read back from the page, no request leaves the
 * file, status colours meet WCAG AA contrast, and the page prints to PDF. A screenshot of the matrix is saved to
 * reports/screenshots/control-matrix.png (reports/ is not committed).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, BrowserContext, Page } from "playwright-core";
import { renderHtml } from "../../compliance/reports/html";
import { controls as catalog } from "../../policies/catalog/controls";
import { knownReport } from "./helpers/known-evaluation";

const root = path.resolve(__dirname, "../..");
const chromiumPath = "/usr/bin/chromium";
const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The DOM types this file reads inside the page (the project's tsconfig has no DOM library). */
interface Shown {
  readonly innerText: string;
}
interface Style {
  readonly color: string;
  readonly backgroundColor: string;
}

let context: BrowserContext;
let page: Page;
const external: string[] = [];

beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "html-report-")), "report.html");
  fs.writeFileSync(file, renderHtml(knownReport()));
  // A fresh profile per run; headless: true adds --headless.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
  });
  page = await context.newPage();
  page.on("request", (r) => {
    if (!/^(file|data|about):/.test(r.url())) {
      external.push(r.url());
    }
  });
  await page.goto(`file://${file}`);
}, 60000);

afterAll(async () => {
  await context?.close();
});

describe("the HTML report in Chromium", () => {
  it("renders the control matrix: every catalog control with its status overall and per cloud", async () => {
    const header = await page.$$eval("#control-matrix thead th", (ths) =>
      ths.map((th) => [(th as unknown as Shown).innerText.trim(), th.getAttribute("scope")]),
    );
    expect(header).toEqual([
      ["Control", "col"],
      ["All clouds", "col"],
      ["AWS", "col"],
      ["GCP", "col"],
      ["Whole stack", "col"],
      ["Policies", "col"],
    ]);
    const rows = await page.$$eval("#control-matrix tbody tr", (trs) =>
      trs.map((tr) => ({
        control: tr.getAttribute("data-control"),
        label: (tr.querySelector("th") as unknown as Shown).innerText.split("\n")[0].trim(),
        cells: [...tr.querySelectorAll("td[data-status]")].map(
          (td) =>
            `${td.getAttribute("data-status")}: ${(td as unknown as Shown).innerText.replace(/\s+/g, " ").trim()}`,
        ),
      })),
    );
    expect(rows.map((r) => r.control)).toEqual(catalog.map((c) => c.id));
    const row = (id: string) => rows.find((r) => r.control === id);
    expect(row("hipaa:164.312(a)(2)(iv)")).toEqual({
      control: "hipaa:164.312(a)(2)(iv)",
      label: "HIPAA 164.312(a)(2)(iv)",
      cells: [
        "failed: Failed 1 passed, 1 failed",
        "failed: Failed 1 failed",
        "not-assessed: Not assessed no policy applies",
        "passed: Passed 1 passed",
      ],
    });
    expect(row("gdpr:art44-46")?.cells[0]).toBe(
      "not-assessed: Not assessed only indeterminate results",
    );
    expect(row("hipaa:164.312(a)(1)")?.cells[0]).toBe(
      "suppressed: Passed with suppressions 1 suppressed",
    );
    const shot = path.join(root, "reports/screenshots/control-matrix.png");
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.locator("#control-matrix").screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(10000);
  });

  it("shows a finding with its resource, declaration site, evidence, remediation and fingerprint", async () => {
    const finding = page.locator("#finding-0");
    expect(await finding.locator("h3").innerText()).toBe(
      "mandatory aws-kms-key-enable-key-rotation: aws:kms/key:Key phi-key",
    );
    const meta = await finding.locator("dl.meta").innerText();
    expect(meta).toContain(
      "urn:pulumi:eu::clinic::mediconnect:aws:KmsKey$aws:kms/key:Key::phi-key",
    );
    expect(meta).toContain("components/kms.ts:12:17");
    expect(meta).toContain(knownReport().violations[0].fingerprint);
    expect(await finding.locator("table tbody tr").allInnerTexts()).toEqual([
      "enableKeyRotation\tfalse",
    ]);
    expect(await finding.locator("p", { hasText: "Remediation" }).innerText()).toBe(
      "Remediation: Set enableKeyRotation: true. Control text",
    );
    const suppression = await page.$$eval("#suppression-table tbody td", (tds) =>
      tds.map((td) => (td as unknown as Shown).innerText),
    );
    expect(suppression).toEqual([
      "aws-s3-bucket-disallow-public-acl",
      "aws:s3/bucket:Bucket site",
      "Public site, no PHI (WEB-7)",
      "web-team",
      "2999-12-31",
    ]);
  });

  it("loads nothing from the network and has one h1 and labelled charts", async () => {
    expect(external).toEqual([]);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator('svg[role="img"]').count()).toBe(2);
    expect(await page.locator("svg desc").first().textContent()).toBe(
      "Violations and suppressed findings by severity: critical 1, high 1, medium 0, low 0, none 0.",
    );
  });

  it("meets WCAG AA contrast (4.5:1) for the text of every status cell", async () => {
    const ratios = await page.$$eval("#control-matrix td[data-status]", (tds) => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+/g) ?? []).slice(0, 3).map((x) => {
          const v = Number(x) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return tds.map((td) => {
        const s = (
          globalThis as unknown as { getComputedStyle(e: unknown): Style }
        ).getComputedStyle(td);
        const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThan(0);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);
  });

  it("prints to PDF with the matrix on the page", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#control-matrix").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20000);
    await page.emulateMedia({ media: "screen" });
  });
});
