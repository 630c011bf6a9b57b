import * as fs from "fs";
import * as path from "path";
import { redactObject } from "../../../functions/lib/phi";

describe("redactObject", () => {
  it("masks values under PHI keys, whatever their nesting, and redacts free text elsewhere", () => {
    const input = {
      firstName: "Ada",
      last_name: "Lovelace",
      "Date-Of-Birth": "1815-12-10",
      ssn: 123456789,
      contact: {
        phone: "555-123-4567",
        email: "ada@example.org",
        address: { line: ["12 St James Sq"], city: "London" },
      },
      age: 95,
      heartRate: 88,
      note: "Dr. Babbage saw her on 03/14/2023",
      tags: ["stable", "MRN 1234567"],
      active: true,
      missing: null,
    };
    expect(redactObject(input)).toEqual({
      firstName: "[NAME]",
      last_name: "[NAME]",
      "Date-Of-Birth": "[DATE]",
      ssn: "[SSN]",
      contact: {
        phone: "[PHONE]",
        email: "[EMAIL]",
        address: { line: ["[LOCATION]"], city: "[LOCATION]" },
      },
      age: "[AGE]",
      heartRate: 88,
      note: "Dr. [NAME] saw her on [DATE]",
      tags: ["stable", "MRN [MRN]"],
      active: true,
      missing: null,
    });
  });

  it("keeps ages up to 89 (Safe Harbor only groups 90 and older)", () => {
    expect(redactObject({ age: 89 })).toEqual({ age: 89 });
  });

  it("masks a FHIR Patient while keeping its shape and structural codes", () => {
    const p = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../fixtures/fhir-r4/Patient-mom.json"), "utf8"),
    );
    const out = redactObject(p);
    expect(out.resourceType).toBe("Patient");
    expect(out.name).toEqual([{ use: "official", family: "[NAME]", given: ["[NAME]"] }]);
    expect(out.birthDate).toBe("[DATE]");
    expect(out.telecom[0]).toEqual({ system: "phone", value: "[PHONE]", use: "work" });
    expect(out.identifier[0].value).toBe("[ID]");
    expect(JSON.stringify(out)).not.toMatch(/Everywoman|444222222|555-555-2003|2222 Home/);
  });

  it("returns a deep copy and never mutates its input", () => {
    const input = {
      name: "Ada",
      nested: { text: "SSN 123-45-6789" },
      list: [{ email: "a@b.org" }],
    };
    const snapshot = JSON.parse(JSON.stringify(input));
    const out = redactObject(input);
    expect(input).toEqual(snapshot);
    expect(out.nested).not.toBe(input.nested);
    expect(out.list[0]).not.toBe(input.list[0]);
  });

  it("reproduces cycles instead of recursing forever", () => {
    const a: Record<string, unknown> = { name: "Ada", note: "call 555-123-4567" };
    a.self = a;
    a.list = [a];
    const out = redactObject(a) as Record<string, unknown>;
    expect(out.self).toBe(out);
    expect((out.list as unknown[])[0]).toBe(out);
    expect(out.name).toBe("[NAME]");
    expect(out.note).toBe("call [PHONE]");
  });

  it("redacts Error messages and stacks, Maps, Sets and Dates", () => {
    const err = new Error("lookup failed for SSN 123-45-6789");
    const out = redactObject({
      err,
      map: new Map([["email", "a@b.org"]]),
      set: new Set(["Dr. Ada Byron"]),
      when: new Date(0),
    });
    expect(out.err).toBeInstanceOf(Error);
    expect(out.err.message).toBe("lookup failed for SSN [SSN]");
    expect(out.err.stack).toContain("lookup failed for SSN [SSN]");
    expect(out.err.stack).not.toContain("123-45-6789");
    expect([...out.map]).toEqual([["email", "[EMAIL]"]]);
    expect([...out.set]).toEqual(["Dr. [NAME]"]);
    expect(out.when).toBe("[DATE]");
  });

  it("leaves pseudonyms readable under patient id keys", () => {
    const pseudonym = `p_${"ab12".repeat(8)}`;
    expect(redactObject({ patientId: pseudonym, mrn: "12345" })).toEqual({
      patientId: pseudonym,
      mrn: "[MRN]",
    });
  });

  it.each<[string, unknown]>([
    ["undefined", undefined],
    ["a number", 5],
    ["a string", "Dr. Ada Byron"],
    ["a function", () => 1],
    [
      "an object with a throwing getter",
      Object.defineProperty({}, "name", {
        get: () => {
          throw new Error("x");
        },
        enumerable: true,
      }),
    ],
    [
      "a revoked proxy",
      (() => {
        const r = Proxy.revocable({}, {});
        r.revoke();
        return r.proxy;
      })(),
    ],
  ])("never throws on %s", (_label, value) => {
    expect(() => redactObject(value)).not.toThrow();
  });
});
