/** Which S3 buckets and Lambda functions a CloudTrail trail's data-event selectors cover. */
import type { PolicyResource } from "@pulumi/policy";
import { aws } from "./types";
import { dependsThrough, props, Props, stringList } from "./resources";

const resourceTypes: Readonly<Record<string, string>> = {
  [aws.bucket]: "AWS::S3::Object",
  [aws.bucketV2]: "AWS::S3::Object",
  [aws.lambdaFunction]: "AWS::Lambda::Function",
};

/** Values that select every bucket or every function of the account. */
const allOfType: Readonly<Record<string, readonly string[]>> = {
  "AWS::S3::Object": ["arn:aws:s3", "arn:aws:s3:::"],
  "AWS::Lambda::Function": ["arn:aws:lambda"],
};

/** The ARN prefix data events use for a bucket's objects or a function. */
function arnOf(target: PolicyResource): string {
  const p = props(target);
  if (target.type === aws.lambdaFunction) {
    return String(p.arn);
  }
  const name = p.bucket ?? String(p.arn ?? "").replace(/^arn:aws:s3:::/, "");
  return `arn:aws:s3:::${name}/`;
}

function classicCovers(selectors: Props[], type: string, target: () => string): boolean {
  const values = selectors
    .flatMap((s) => (s.dataResources ?? []) as Props[])
    .filter((d) => d.type === type)
    .flatMap((d) => stringList(d.values));
  if (values.some((v) => allOfType[type].includes(v))) {
    return true;
  }
  if (values.length === 0) {
    return false;
  }
  const arn = target();
  return values.some((v) => arn === v || arn.startsWith(v));
}

function field(selector: Props, name: string): Props | undefined {
  return ((selector.fieldSelectors ?? []) as Props[]).find((f) => f.field === name);
}

function advancedCovers(selectors: Props[], type: string, target: () => string): boolean {
  return selectors.some((s) => {
    const category = field(s, "eventCategory");
    const resourceType = field(s, "resources.type");
    if (
      !stringList(category?.equals).includes("Data") ||
      !stringList(resourceType?.equals).includes(type)
    ) {
      return false;
    }
    const arnField = field(s, "resources.ARN");
    if (!arnField) {
      return true;
    }
    const arn = target();
    const excluded =
      stringList(arnField.notEquals).includes(arn) ||
      stringList(arnField.notStartsWith).some((p) => arn.startsWith(p));
    if (excluded) {
      return false;
    }
    const included = [...stringList(arnField.equals), ...stringList(arnField.startsWith)];
    return included.length === 0 || included.some((p) => arn === p || arn.startsWith(p));
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
  const target_ = () => arnOf(target);
  // An ARN built from the target's outputs is a dependency: covered by name even while the ARN is unknown.
  const byDependency =
    (dependsThrough(trail, "eventSelectors", target) &&
      classic.some((s) => (s.dataResources ?? []).some((d: Props) => d.type === type))) ||
    (dependsThrough(trail, "advancedEventSelectors", target) &&
      advanced.some((s) => stringList(field(s, "resources.type")?.equals).includes(type)));
  return (
    byDependency || classicCovers(classic, type, target_) || advancedCovers(advanced, type, target_)
  );
}
