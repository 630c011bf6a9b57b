/**
 * The runner reads the pack's Analyze answers from their bytes, and reads each distinct not-applicable list once
 * (resources of one type get the same list). These pin that the shared reading gives exactly what reading every
 * entry gives.
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { decodeAnalyzeResponse, NotApplicableCache } from "../../compliance/analyzer";

function notApplicable(policyName: string, reason: string): analyzerpb.PolicyNotApplicable {
  const n = new analyzerpb.PolicyNotApplicable();
  n.setPolicyName(policyName);
  n.setReason(reason);
  return n;
}

function answer(
  entries: [string, string][],
  diagnostics: { policyName: string; message: string; urn: string }[] = [],
): Uint8Array {
  const res = new analyzerpb.AnalyzeResponse();
  res.setDiagnosticsList(
    diagnostics.map((d) => {
      const m = new analyzerpb.AnalyzeDiagnostic();
      m.setPolicyname(d.policyName);
      m.setPolicypackname("pack");
      m.setPolicypackversion("1.0.0");
      m.setDescription("Keys rotate.");
      m.setMessage(d.message);
      m.setEnforcementlevel(analyzerpb.EnforcementLevel.MANDATORY);
      m.setSeverity(analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH);
      m.setUrn(d.urn);
      return m;
    }),
  );
  res.setNotApplicableList(entries.map(([p, r]) => notApplicable(p, r)));
  return res.serializeBinary();
}

const onlyBuckets = "Policy only applies to resources of type 'aws:s3/bucket:Bucket'";
const onlyKeys = "Policy only applies to resources of type 'aws:kms/key:Key'";

describe("decodeAnalyzeResponse", () => {
  it("reads diagnostics and not-applicable entries, with or without a cache", () => {
    const buf = answer(
      [
        ["bucket-versioning", onlyBuckets],
        ["bucket-logging", onlyBuckets],
      ],
      [{ policyName: "rotation", message: "rotation is off", urn: "urn:k" }],
    );
    const expected = {
      diagnostics: [
        {
          policyName: "rotation",
          policyPackName: "pack",
          policyPackVersion: "1.0.0",
          description: "Keys rotate.",
          message: "rotation is off",
          enforcementLevel: "mandatory",
          severity: "high",
          urn: "urn:k",
        },
      ],
      notApplicable: [
        { policyName: "bucket-versioning", reason: onlyBuckets },
        { policyName: "bucket-logging", reason: onlyBuckets },
      ],
    };
    const plain = decodeAnalyzeResponse(buf);
    const cached = decodeAnalyzeResponse(buf, new NotApplicableCache());
    for (const r of [plain, cached]) {
      expect(r.diagnostics).toEqual(expected.diagnostics);
      expect(r.notApplicable).toEqual(expected.notApplicable);
      expect([...r.notApplicableSet!.reasons]).toEqual([
        ["bucket-versioning", onlyBuckets],
        ["bucket-logging", onlyBuckets],
      ]);
    }
  });

  it("shares one set between answers with the same entries, and only between those", () => {
    const cache = new NotApplicableCache();
    const a = decodeAnalyzeResponse(answer([["bucket-logging", onlyBuckets]]), cache);
    const b = decodeAnalyzeResponse(
      answer(
        [["bucket-logging", onlyBuckets]],
        [{ policyName: "rotation", message: "rotation is off", urn: "urn:other" }],
      ),
      cache,
    );
    const c = decodeAnalyzeResponse(answer([["bucket-logging", onlyKeys]]), cache);
    expect(b.notApplicableSet).toBe(a.notApplicableSet);
    expect(c.notApplicableSet).not.toBe(a.notApplicableSet);
    expect(c.notApplicable).toEqual([{ policyName: "bucket-logging", reason: onlyKeys }]);
    expect(cache.size).toBe(2);
    expect(b.diagnostics.map((d) => d.urn)).toEqual(["urn:other"]);
  });

  it("keeps the last reason of a policy listed twice, as a map of the entries would", () => {
    const r = decodeAnalyzeResponse(
      answer([
        ["bucket-logging", onlyBuckets],
        ["bucket-logging", onlyKeys],
      ]),
      new NotApplicableCache(),
    );
    expect(r.notApplicable).toHaveLength(2);
    expect(r.notApplicableSet!.reasons.get("bucket-logging")).toBe(onlyKeys);
  });

  it("reads entries one by one when another field lies between them", () => {
    // Not what protobuf writers produce, but valid protobuf: a diagnostic between two not-applicable entries.
    const first = answer([["bucket-logging", onlyBuckets]]);
    const middle = answer([], [{ policyName: "rotation", message: "off", urn: "urn:k" }]);
    const last = answer([["bucket-versioning", onlyBuckets]]);
    const buf = Buffer.concat([first, middle, last]);
    const r = decodeAnalyzeResponse(buf, new NotApplicableCache());
    expect(r.notApplicable).toEqual([
      { policyName: "bucket-logging", reason: onlyBuckets },
      { policyName: "bucket-versioning", reason: onlyBuckets },
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual(["off"]);
  });

  it("reads an answer without not-applicable entries", () => {
    const r = decodeAnalyzeResponse(answer([]), new NotApplicableCache());
    expect(r.notApplicable).toEqual([]);
    expect(r.notApplicableSet).toBeUndefined();
  });
});
