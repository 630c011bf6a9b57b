/**
 * The HTML report for compliance teams: one self-contained page per stack (inline CSS and SVG, no script, no
 * network), readable on screen and printed to PDF. It holds the control matrix (every HIPAA section and GDPR
 * article of the catalog, per cloud: passed / failed / suppressed / not assessed, the last always with its reason),
 * charts of findings by severity and by control, every finding with its resource, declaration site, the property
 * values the decision rested on and the remediation, every suppression with reason, owner and expiry, the
 * indeterminate checks, and the not-applicable counts per policy.
 */
import type { Cloud, ControlCell, Report, ReportViolation } from "../report";

export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const cloudNames: Record<Cloud, string> = {
  aws: "AWS",
  gcp: "GCP",
  azure: "Azure",
  kubernetes: "Kubernetes",
  stack: "Whole stack",
  other: "Other",
};

const statusText: Record<ControlCell["status"], string> = {
  failed: "Failed",
  suppressed: "Passed with suppressions",
  passed: "Passed",
  "not-assessed": "Not assessed",
};

const severities = ["critical", "high", "medium", "low", ""] as const;

const css = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #d0d0d0; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
a { color: #0b4f9c; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #b8b8b8; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.counts li { border: 1px solid #b8b8b8; border-radius: 4px; padding: .4rem .7rem; min-width: 8rem; }
.counts strong { display: block; font-size: 1.3rem; }
.st { font-weight: 600; }
.st-failed { background: #fde8e8; color: #7a0000; }
.st-passed { background: #e6f4ea; color: #0f4a22; }
.st-suppressed { background: #fff3d1; color: #553600; }
.st-not-assessed { background: #ececec; color: #2b2b2b; }
.small { font-size: .85em; display: block; font-weight: 400; }
.num { text-align: right; }
.finding { border: 1px solid #b8b8b8; border-left: 6px solid #7a0000; border-radius: 4px; padding: .75rem 1rem; margin: .75rem 0; }
.finding.advisory { border-left-color: #8a5a00; } .finding.suppressed { border-left-color: #6b6b6b; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .25rem 0 .5rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.charts figure { margin: 0; } figcaption { font-weight: 600; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; border: 1px solid currentColor; font-size: .8em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; } .finding, tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function cell(c: ControlCell | undefined, header: string): string {
  if (!c) {
    return `<td>-</td>`;
  }
  const parts = [
    c.passed ? `${c.passed} passed` : "",
    c.failed ? `${c.failed} failed` : "",
    c.suppressed ? `${c.suppressed} suppressed` : "",
    c.indeterminate ? `${c.indeterminate} indeterminate` : "",
  ].filter(Boolean);
  const detail = c.status === "not-assessed" ? (c.reason ?? "") : parts.join(", ");
  return (
    `<td class="st st-${c.status}" data-status="${c.status}" headers="${esc(header)}">${statusText[c.status]}` +
    `${detail ? `<span class="small">${esc(detail)}</span>` : ""}</td>`
  );
}

function barChart(
  id: string,
  title: string,
  description: string,
  bars: { label: string; value: number }[],
): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const labelW = Math.min(220, Math.max(80, ...bars.map((b) => b.label.length * 7.2)));
  const barW = 260;
  const rowH = 22;
  const h = bars.length * rowH + 10;
  const w = labelW + barW + 50;
  const rows = bars
    .map((b, i) => {
      const y = i * rowH + 5;
      const len = Math.round((b.value / max) * barW);
      return (
        `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1a1a1a">${esc(b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${Math.max(len, b.value > 0 ? 2 : 0)}" height="15" fill="#24528a"/>` +
        `<text x="${labelW + len + 6}" y="${y + 15}" font-size="12" fill="#1a1a1a">${b.value}</text>`
      );
    })
    .join("");
  return (
    `<figure><figcaption id="${id}-title">${esc(title)}</figcaption>` +
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">` +
    `<desc id="${id}-desc">${esc(description)}</desc>${rows}</svg></figure>`
  );
}

function findingHtml(v: ReportViolation, index: number): string {
  const kind = v.suppression
    ? "suppressed"
    : v.enforcementLevel === "mandatory"
      ? "mandatory"
      : "advisory";
  const evidence =
    v.evidence.length > 0
      ? `<table><caption>Property values the decision rested on</caption><thead><tr><th scope="col">property</th><th scope="col">value</th></tr></thead><tbody>` +
        v.evidence
          .map(
            (e) =>
              `<tr><td><code>${esc(e.property)}</code></td><td><code>${esc(e.value)}</code></td></tr>`,
          )
          .join("") +
        `</tbody></table>`
      : `<p class="small">The message names no input property of the resource; the values are in the message.</p>`;
  return (
    `<article class="finding ${kind}" id="finding-${index}" data-fingerprint="${esc(v.fingerprint)}">` +
    `<h3><span class="badge">${esc(kind)}</span> ${esc(v.policyName)}: ${esc(v.resourceType)} ${esc(v.resourceName)}</h3>` +
    `<p>${esc(v.message)}</p>` +
    `<dl class="meta">` +
    `<dt>Resource</dt><dd><code>${esc(v.urn)}</code></dd>` +
    `<dt>Declared at</dt><dd>${v.location ? `<code>${esc(`${v.location.file}:${v.location.line}:${v.location.column}`)}</code>` : "unknown"}</dd>` +
    `<dt>Enforcement</dt><dd>${esc(v.enforcementLevel)}</dd>` +
    `<dt>Severity</dt><dd>${esc(v.severity || "none")}</dd>` +
    `<dt>Controls</dt><dd>${v.frameworks.map((f) => `<code>${esc(f)}</code>`).join(" ") || "none"}</dd>` +
    (v.suppression
      ? `<dt>Suppression</dt><dd>until ${esc(v.suppression.until)}, owner ${esc(v.suppression.owner)}: ${esc(v.suppression.reason)}</dd>`
      : "") +
    (v.baselineState ? `<dt>Against baseline</dt><dd>${esc(v.baselineState)}</dd>` : "") +
    `<dt>Fingerprint</dt><dd><code>${esc(v.fingerprint)}</code></dd>` +
    `</dl>${evidence}` +
    `<p><strong>Remediation:</strong> ${esc(v.remediationSteps || "see the policy's documentation")}` +
    `${v.url ? ` <a href="${esc(v.url)}">Control text</a>` : ""}</p>` +
    `</article>`
  );
}

export function renderHtml(report: Report): string {
  const s = report.summary;
  const columns = (Object.keys(report.controls[0]?.byCloud ?? {}) as Cloud[]).filter(Boolean);
  const matrixRows = report.controls
    .map((c) => {
      const rowId = `ctl-${c.id.replace(/[^a-zA-Z0-9]/g, "-")}`;
      return (
        `<tr data-control="${esc(c.id)}"><th scope="row" id="${rowId}">${esc(c.label)}<span class="small">${esc(c.title)}</span></th>` +
        cell(c, `col-all ${rowId}`) +
        columns.map((cl) => cell(c.byCloud[cl], `col-${cl} ${rowId}`)).join("") +
        `<td class="num">${c.policies.length}</td></tr>`
      );
    })
    .join("\n");
  const findings = [...report.violations, ...report.suppressed];
  const bySeverity = severities.map((sev) => ({
    label: sev || "none",
    value: findings.filter((v) => (v.severity || "") === sev).length,
  }));
  const byControl = report.controls.map((c) => ({
    label: c.label,
    value: findings.filter((v) => v.frameworks.includes(c.id)).length,
  }));
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
  const advisory = report.violations.filter((v) => v.enforcementLevel !== "mandatory");
  const b = report.baseline;
  const title = `Compliance report: ${report.project}/${report.stack}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p>Generated ${esc(report.generatedAt)} from ${report.source === "event-log" ? "a Pulumi engine event log" : "the offline plan"};
policy packs ${report.packs.map((p) => `<code>${esc(p.name)}@${esc(p.version)}</code>`).join(", ")}.</p>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<ul class="counts">
<li><strong>${s.resources}</strong> resources</li>
<li><strong>${s.evaluations}</strong> evaluations</li>
<li><strong>${s.passed}</strong> passed</li>
<li><strong>${s.mandatory}</strong> mandatory violations</li>
<li><strong>${s.advisory}</strong> advisory violations</li>
<li><strong>${s.suppressed}</strong> suppressed</li>
<li><strong>${s.indeterminate}</strong> indeterminate</li>
<li><strong>${s.notApplicable}</strong> not applicable</li>
</ul>
${
  b
    ? `<p>Against the baseline of ${esc(b.generatedAt)}: <strong>${b.new} new</strong> (${b.newMandatory} mandatory), ${b.fixed} fixed, ${b.unchanged} unchanged.</p>` +
      (b.fixedFindings.length
        ? `<ul>${b.fixedFindings.map((f) => `<li>Fixed: <code>${esc(f.policyName)}</code> on <code>${esc(f.urn)}</code></li>`).join("")}</ul>`
        : "")
    : ""
}
${report.unexpandedComponents.length ? `<p>Components built by a provider plugin, whose children the offline plan neither planned nor checked (<code>pulumi preview --policy-pack</code> does): ${report.unexpandedComponents.map((u) => `<code>${esc(u)}</code>`).join(", ")}.</p>` : ""}
${report.configPlaceholders.length ? `<p>Encrypted configuration ran with placeholder values: ${report.configPlaceholders.map((k) => `<code>${esc(k)}</code>`).join(", ")}.</p>` : ""}
</section>
<section aria-labelledby="matrix">
<h2 id="matrix">Control matrix</h2>
<p>Every HIPAA Security Rule section and GDPR article in the catalog. <em>Not assessed</em> means no policy applied
to any resource of the stack for that control, or its checks could only return indeterminate results: it is not a pass.</p>
<table id="control-matrix">
<caption>Controls of ${esc(report.project)}/${esc(report.stack)}, overall and per cloud</caption>
<thead><tr><th scope="col">Control</th><th scope="col" id="col-all">All clouds</th>${columns
    .map((c) => `<th scope="col" id="col-${c}">${esc(cloudNames[c])}</th>`)
    .join("")}<th scope="col">Policies</th></tr></thead>
<tbody>
${matrixRows}
</tbody>
</table>
</section>
<section aria-labelledby="charts">
<h2 id="charts">Findings by severity and by control</h2>
<div class="charts">
${barChart("chart-severity", "Findings by severity", `Violations and suppressed findings by severity: ${bySeverity.map((x) => `${x.label} ${x.value}`).join(", ")}.`, bySeverity)}
${barChart("chart-control", "Findings by control", `Violations and suppressed findings per control: ${byControl.map((x) => `${x.label} ${x.value}`).join(", ")}.`, byControl)}
</div>
</section>
<section aria-labelledby="findings">
<h2 id="findings">Findings (${report.violations.length})</h2>
${report.violations.length === 0 ? "<p>No violations.</p>" : ""}
${[...mandatory, ...advisory].map((v, i) => findingHtml(v, i)).join("\n")}
</section>
<section aria-labelledby="suppressions">
<h2 id="suppressions">Suppressions (${report.suppressed.length})</h2>
${
  report.suppressed.length === 0
    ? "<p>No finding is suppressed.</p>"
    : `<table id="suppression-table"><caption>Suppressed findings: each stays visible with its justification</caption>` +
      `<thead><tr><th scope="col">Policy</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Owner</th><th scope="col">Expires</th></tr></thead><tbody>` +
      report.suppressed
        .map(
          (v) =>
            `<tr><td><code>${esc(v.policyName)}</code></td><td>${esc(`${v.resourceType} ${v.resourceName}`)}</td>` +
            `<td>${esc(v.suppression?.reason ?? "")}</td><td>${esc(v.suppression?.owner ?? "")}</td><td>${esc(v.suppression?.until ?? "")}</td></tr>`,
        )
        .join("") +
      `</tbody></table>` +
      report.suppressed.map((v, i) => findingHtml(v, report.violations.length + i)).join("\n")
}
</section>
<section aria-labelledby="indeterminate">
<h2 id="indeterminate">Indeterminate (${report.indeterminate.length})</h2>
<p>Checks that could not decide (a value unknown during preview). They are neither passes nor failures.</p>
${
  report.indeterminate.length
    ? `<ul>${report.indeterminate.map((d) => `<li><code>${esc(d.policyName)}</code> on <code>${esc(d.urn)}</code>: ${esc(d.message)}</li>`).join("")}</ul>`
    : ""
}
</section>
<section aria-labelledby="not-applicable">
<h2 id="not-applicable">Not applicable, per policy</h2>
<table><caption>Resources each policy did not apply to</caption>
<thead><tr><th scope="col">Policy</th><th scope="col">Resources</th><th scope="col">Reason</th></tr></thead><tbody>
${report.notApplicable.map((n) => `<tr><td><code>${esc(n.policyName)}</code></td><td>${n.count}</td><td>${esc(n.reason)}</td></tr>`).join("\n")}
</tbody></table>
</section>
</main>
</body>
</html>
`;
}
