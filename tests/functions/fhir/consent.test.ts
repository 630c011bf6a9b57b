/** The consent rules one by one (consent.ts), on official R4 examples and hand-written Consents. */
import type { Consent, ConsentProvision, Resource } from "@medplum/fhirtypes";
import { AccessContext, decide } from "../../../functions/fhir-gateway/consent";
import { consent, DOCTOR, ETREAT, F201_TREATMENT, NOW, PRCP, TREAT } from "./consents";
import { fixture } from "./server";

const CONDITION = fixture("Condition-f201.json"); // Patient/f201, onset 2013-04-02
const OBSERVATION = fixture("Observation-f202.json"); // Patient/f201, 2013-04-04
const CTX: AccessContext = { actor: DOCTOR, purpose: TREAT, now: NOW };

function one(provision: ConsentProvision, extra: Partial<Consent> = {}): Consent[] {
  return [consent("c", "Patient/f201", provision, extra)];
}

describe("decide", () => {
  it.each<[string, Consent[], Resource, AccessContext, boolean, string, string | undefined]>([
    ["a plain permit", one({ type: "permit" }), CONDITION, CTX, true, "permit", "provision"],
    ["a plain deny", one({ type: "deny" }), CONDITION, CTX, false, "deny", "provision"],
    ["no consent at all", [], CONDITION, CTX, false, "no-consent", undefined],
    [
      "a draft",
      one({ type: "permit" }, { status: "draft" }),
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
    [
      "another scope",
      one(
        { type: "permit" },
        {
          scope: {
            coding: [
              { system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "research" },
            ],
          },
        },
      ),
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
    [
      "another patient's consent",
      [consent("c", "Patient/f001", { type: "permit" })],
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
    [
      "a period not begun",
      one({ type: "permit", period: { start: "2027-01-01" } }),
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
    [
      "the nested class deny",
      [F201_TREATMENT],
      OBSERVATION,
      CTX,
      false,
      "deny",
      "provision.provision[0]",
    ],
    ["the doctor for treatment", [F201_TREATMENT], CONDITION, CTX, true, "permit", "provision"],
    [
      "the doctor in an emergency",
      [F201_TREATMENT],
      CONDITION,
      { ...CTX, purpose: ETREAT },
      false,
      "no-consent",
      undefined,
    ],
    [
      "another actor",
      [F201_TREATMENT],
      CONDITION,
      { ...CTX, actor: "Practitioner/x" },
      false,
      "no-consent",
      undefined,
    ],
    [
      "deny overriding another consent's permit",
      [
        consent("a", "Patient/f201", { type: "permit" }),
        consent("b", "Patient/f201", { type: "deny", purpose: [TREAT] }),
      ],
      CONDITION,
      CTX,
      false,
      "deny",
      "provision",
    ],
    [
      "a permit inside a deny inside a permit (deepest wins)",
      one({
        type: "permit",
        provision: [{ type: "deny", provision: [{ type: "permit", purpose: [TREAT] }] }],
      }),
      CONDITION,
      CTX,
      true,
      "permit",
      "provision.provision[0].provision[0]",
    ],
    [
      "sibling exceptions disagreeing (deny wins)",
      one({
        type: "deny",
        provision: [
          { type: "permit" },
          { type: "deny", actor: [{ role: PRCP, reference: { reference: DOCTOR } }] },
        ],
      }),
      CONDITION,
      CTX,
      false,
      "deny",
      "provision.provision[1]",
    ],
    [
      "a permit with a class system the gateway does not know (fails closed)",
      one({ type: "permit", class: [{ system: "urn:oid:1.2.3", code: "Condition" }] }),
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
    [
      "a deny with a class system the gateway does not know (fails closed)",
      one({
        type: "permit",
        provision: [{ type: "deny", class: [{ system: "urn:oid:1.2.3", code: "x" }] }],
      }),
      CONDITION,
      CTX,
      false,
      "deny",
      "provision.provision[0]",
    ],
    [
      "a dataPeriod containing the data",
      one({ type: "permit", dataPeriod: { start: "2013-01-01", end: "2013-12-31" } }),
      CONDITION,
      CTX,
      true,
      "permit",
      "provision",
    ],
    [
      "a dataPeriod ending the day before the data",
      one({ type: "permit", dataPeriod: { end: "2013-04-01" } }),
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
    [
      "a code matching the Observation's LOINC code",
      one({
        type: "permit",
        provision: [
          { type: "deny", code: [{ coding: [{ system: "http://loinc.org", code: "8310-5" }] }] },
        ],
      }),
      OBSERVATION,
      CTX,
      false,
      "deny",
      "provision.provision[0]",
    ],
    [
      "a data instance reference to another resource",
      one({
        type: "permit",
        provision: [
          {
            type: "deny",
            data: [{ meaning: "instance", reference: { reference: "Condition/other" } }],
          },
        ],
      }),
      CONDITION,
      CTX,
      true,
      "permit",
      "provision",
    ],
    [
      "a data instance reference to this resource",
      one({
        type: "permit",
        provision: [
          {
            type: "deny",
            data: [{ meaning: "instance", reference: { reference: "Condition/f201" } }],
          },
        ],
      }),
      CONDITION,
      CTX,
      false,
      "deny",
      "provision.provision[0]",
    ],
    [
      "a security label the resource does not carry",
      one({
        type: "permit",
        provision: [
          {
            type: "deny",
            securityLabel: [
              { system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R" },
            ],
          },
        ],
      }),
      CONDITION,
      CTX,
      true,
      "permit",
      "provision",
    ],
    [
      "an action other than access",
      one({
        type: "permit",
        action: [
          {
            coding: [
              { system: "http://terminology.hl7.org/CodeSystem/consentaction", code: "disclose" },
            ],
          },
        ],
      }),
      CONDITION,
      CTX,
      false,
      "no-consent",
      undefined,
    ],
  ])("%s", (_name, consents, resource, ctx, permit, reason, rule) => {
    const d = decide(resource, consents, ctx);
    expect([d.permit, d.reason, d.rule]).toEqual([permit, reason, rule]);
  });

  it("counts why consents did not take part", () => {
    const consents = [
      fixture<Consent>("Consent-consent-example-basic.json"),
      consent("d", "Patient/f001", { type: "permit" }, { status: "draft" }),
      fixture<Consent>("Consent-consent-example-notThem.json"),
    ];
    expect(decide(fixture("Encounter-f001.json"), consents, CTX)).toEqual({
      permit: false,
      reason: "no-consent",
      skipped: { "outside-period": 1, "not-active": 1 },
    });
  });

  it("requires an accepted category when the policy names some", () => {
    const consents = one({ type: "permit" });
    const loinc = { system: "http://loinc.org", code: "59284-0" };
    expect(decide(CONDITION, consents, CTX, { categories: [loinc] }).permit).toBe(true);
    expect(
      decide(CONDITION, consents, CTX, {
        categories: [{ system: "http://loinc.org", code: "64292-6" }],
      }),
    ).toEqual({ permit: false, reason: "no-consent", skipped: { "category-not-accepted": 1 } });
  });

  it("never permits a resource that names no patient", () => {
    const practitioner: Resource = { resourceType: "Practitioner", id: "f201" };
    expect(decide(practitioner, one({ type: "permit" }), CTX)).toEqual({
      permit: false,
      reason: "not-patient-data",
      skipped: {},
    });
  });
});
