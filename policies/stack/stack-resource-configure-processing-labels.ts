import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { classificationKey, effectiveLabels, ownLabelKeys } from "./lib/labels";
import { storeSpecByType } from "./lib/keys";
import { aws, azure, gcp } from "./lib/types";
import { props, requireKnown, judgeEach } from "./lib/resources";

const defaultRequiredLabels = [classificationKey, "owner", "cost-center"];

/** Types that take tags or labels even when the program sets none (mocked outputs do not list `tagsAll`). */
const taggableTypes = new Set<string>([
  ...storeSpecByType.keys(),
  aws.kmsKey,
  aws.trail,
  aws.lambdaFunction,
  "aws:apigatewayv2/api:Api",
  "aws:apigatewayv2/stage:Stage",
  "aws:cognito/userPool:UserPool",
  "aws:cognito/identityPool:IdentityPool",
  "aws:iam/role:Role",
  "aws:cloudwatch/metricAlarm:MetricAlarm",
  "aws:iot/topicRule:TopicRule",
  gcp.cryptoKey,
  gcp.spannerInstance,
  gcp.bigqueryTable,
  gcp.pubsubSubscription,
  gcp.logBucket,
  gcp.vertexEndpoint,
  gcp.vertexDataset,
]);

/** Azure tracked resources (those with a location) all take tags. */
function isTaggable(r: PolicyResource): boolean {
  if (r.type.startsWith("pulumi:") || !/^(aws|gcp|azure-native):/.test(r.type)) {
    return false;
  }
  const p = props(r);
  return (
    taggableTypes.has(r.type) ||
    ownLabelKeys.some((k) => k in p) ||
    (r.type.startsWith("azure-native:") && ("location" in p || r.type === azure.keyVault))
  );
}

interface Config {
  requiredLabels?: string[];
}

/**
 * The record of processing activities (GDPR Art. 30) has to say which systems hold which category of data, who
 * owns them and who pays for them; generated from the infrastructure it stays current only when every resource
 * carries those facts. Each taggable resource must carry the required labels (default data-classification, owner,
 * cost-center) through its own tags/labels or its provider's default tags (aws) or default labels (gcp); the
 * azure-native provider has no default tags, so Azure resources carry their own.
 * @severity medium
 * @controls gdpr:art30, gdpr:art5-1-f
 */
export const stackResourceConfigureProcessingLabels = stackPolicy(
  {
    name: "stack-resource-configure-processing-labels",
    description:
      "Every taggable resource must carry the data-classification, owner and cost-center labels, directly or through its provider's default tags/labels.",
    severity: "medium",
    controls: ["gdpr:art30", "gdpr:art5-1-f"],
    remediationSteps:
      "Set the labels once on the provider (aws Provider defaultTags.tags, gcp Provider defaultLabels) and, on Azure, pass tags to every resource; values come from the stack configuration (in MediConnect, stacks/labels.ts).",
    configSchema: {
      properties: {
        requiredLabels: {
          type: "array",
          items: { type: "string" },
          default: defaultRequiredLabels,
          description: "Tag/label keys every taggable resource must carry.",
        },
      },
    },
  },
  ({ args, report }) => {
    const required = args.getConfig<Config>().requiredLabels ?? defaultRequiredLabels;
    judgeEach(args.resources.filter(isTaggable), (r) => {
      const view = effectiveLabels(r, args.resources);
      const missing = required.filter((k) => !(view.labels[k] ?? "").trim());
      if (missing.length === 0) {
        return;
      }
      if (view.incomplete) {
        // A label map is not known yet: the missing keys may still be in it.
        ownLabelKeys.filter((k) => k in props(r)).forEach((k) => requireKnown(props(r)[k]));
      }
      report(
        `Resource ${r.name} (${r.type}) lacks ${missing.join(", ")} in its tags/labels and its provider's defaults; expected ${required.join(", ")}.`,
        r.urn,
      );
    });
  },
);
