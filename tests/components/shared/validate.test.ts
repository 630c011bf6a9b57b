import { wholeNumber } from "../../../components/shared/validate";

describe("wholeNumber", () => {
  it("returns a whole number within the range, bounds included", () => {
    expect(
      [5, 60, 17].map((v) => wholeNumber("Identity x", "tokenValidityMinutes", v, 5, 60)),
    ).toEqual([5, 60, 17]);
    expect(wholeNumber("NodeFunction f", "reservedConcurrentExecutions", 1e6, 1)).toBe(1e6);
  });

  it("names the component, the argument, the range with its meaning, and the value received", () => {
    expect(() => wholeNumber("PhiTable t", "pointInTimeRecoveryDays", 36, 1, 35)).toThrow(
      "PhiTable t: [pointInTimeRecoveryDays] must be a whole number from 1 to 35, received 36",
    );
    expect(() =>
      wholeNumber("Audit a", "retentionDays", 30, { value: 2192, meaning: "six years" }),
    ).toThrow(
      "Audit a: [retentionDays] must be a whole number of at least 2192 (six years), received 30",
    );
    expect(() =>
      wholeNumber(
        "KmsKey k",
        "rotationPeriodSeconds",
        1.5,
        { value: 86400, meaning: "1 day" },
        {
          value: 7776000,
          meaning: "90 days",
        },
      ),
    ).toThrow(
      "KmsKey k: [rotationPeriodSeconds] must be a whole number from 86400 (1 day) to 7776000 (90 days), received 1.5",
    );
    expect(() => wholeNumber("Q q", "n", Number.NaN, 0)).toThrow(
      "Q q: [n] must be a whole number of at least 0, received NaN",
    );
  });
});
