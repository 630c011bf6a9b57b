/**
 * Which S3 buckets and Lambda functions a CloudTrail trail's data-event selectors cover. Exclusions
 * (notEquals/notStartsWiths/notEndsWiths) are read as written; an inclusion list whose values are not known yet
 * counts for a target only when the selectors depend on that target.
 */
import type { PolicyResource } from "@pulumi/policy";
import { aws } from "./types";
import { dependsThrough, peek, props, Props, stringList } from "./resources";

const resourceTypes: Readonly<Record<string, string>> = {
  [aws.bucket]: "AWS::S3::Object",
  [aws.bucketV2]: "AWS::S3::Object",
  [aws.lambdaFunction]: "AWS::Lambda::Function",
};

/** Values of classic data resources that select every bucket or every function of the account. */
const allOfType: Readonly<Record<string, readonly string[]>> = {
  "AWS::S3::Object": ["arn:aws:s3", "arn:aws:s3:::"],
  "AWS::Lambda::Function": ["arn:aws:lambda"],
};

/** The ARNs data events carry for the target: a function's ARN, a bucket's objects `arn:aws:s3:::<name>/`. */
function arnsOf(target: PolicyResource): string[] {
  const p = props(target);
  if (target.type === aws.lambdaFunction) {
    return [String(p.arn)];
  }
  const forms = new Set<string>();
  if ("bucket" in p) {
    forms.add(`arn:aws:s3:::${p.bucket}/`);
  }
  if ("arn" in p) {
    forms.add(`${p.arn}/`);
  }
  return [...forms];
}

type Ternary = boolean | "unknown";

/** Whether any of the listed values selects one of the ARNs with `test`; "unknown" when an unknown value might. */
function selects(
  list: () => unknown,
  arns: () => string[],
  test: (arn: string, value: string) => boolean,
): Ternary {
  const values = peek(() => stringList(list()));
  if (!values.known) {
    return "unknown";
  }
  return values.value.some((v) => arns().some((arn) => test(arn, v)));
}

const equalsTest = (arn: string, v: string) => arn === v || arn.replace(/\/$/, "") === v;
const startsTest = (arn: string, v: string) => arn.startsWith(v);
const endsTest = (arn: string, v: string) => arn.endsWith(v) || arn.replace(/\/$/, "").endsWith(v);

function field(selector: Props, name: string): Props | undefined {
  return ((selector.fieldSelectors ?? []) as Props[]).find((f) => f.field === name);
}

function advancedCovers(
  selector: Props,
  type: string,
  target: PolicyResource,
  dependency: boolean,
): boolean {
  if (!stringList(field(selector, "eventCategory")?.equals).includes("Data")) {
    return false;
  }
  if (!stringList(field(selector, "resources.type")?.equals).includes(type)) {
    return false;
  }
  const arnField = field(selector, "resources.ARN");
  if (!arnField) {
    return true;
  }
  const arns = () => arnsOf(target);
  // An unknown exclusion can name the target only when the selectors depend on it; then it is undecidable and
  // read again so the engine reports indeterminate. Unknown exclusions of other resources do not touch the target.
  const exclusions = { notEquals: equalsTest, notStartsWiths: startsTest, notEndsWiths: endsTest };
  const excluded = (Object.keys(exclusions) as (keyof typeof exclusions)[]).some((k) => {
    const result = selects(() => arnField[k], arns, exclusions[k]);
    if (result === "unknown" && dependency) {
      stringList(arnField[k]).forEach((v) => v.length);
    }
    return result === true;
  });
  if (excluded) {
    return false;
  }
  const inclusions = (["equals", "startsWiths", "endsWiths"] as const).filter((k) => k in arnField);
  if (inclusions.length === 0) {
    return true;
  }
  const tests = { equals: equalsTest, startsWiths: startsTest, endsWiths: endsTest };
  const results = inclusions.map((k) => selects(() => arnField[k], arns, tests[k]));
  if (results.includes(true)) {
    return true;
  }
  if (results.includes("unknown")) {
    if (dependency) {
      return true;
    }
    // Not decidable on known facts: read the values again and let the engine report indeterminate.
    inclusions.forEach((k) => stringList(arnField[k]).forEach((v) => v.length));
  }
  return false;
}

function classicCovers(
  selector: Props,
  type: string,
  target: PolicyResource,
  dependency: boolean,
): boolean {
  const resources = ((selector.dataResources ?? []) as Props[]).filter((d) => d.type === type);
  return resources.some((d) => {
    const result = selects(
      () => d.values,
      () => arnsOf(target),
      (arn, v) => allOfType[type].includes(v) || equalsTest(arn, v) || startsTest(arn, v),
    );
    if (result === "unknown" && !dependency) {
      stringList(d.values).forEach((v) => v.length);
    }
    return result === true || (result === "unknown" && dependency);
  });
}

/** True when the trail records data events for `target` (a bucket or a function). */
export function trailCovers(trail: PolicyResource, target: PolicyResource): boolean {
  const type = resourceTypes[target.type];
  if (type === undefined) {
    return false;
  }
  const p = props(trail);
  const classic: Props[] = "eventSelectors" in p ? (p.eventSelectors ?? []) : [];
  const advanced: Props[] = "advancedEventSelectors" in p ? (p.advancedEventSelectors ?? []) : [];
  return (
    classic.some((s) =>
      classicCovers(s, type, target, dependsThrough(trail, "eventSelectors", target)),
    ) ||
    advanced.some((s) =>
      advancedCovers(s, type, target, dependsThrough(trail, "advancedEventSelectors", target)),
    )
  );
}
