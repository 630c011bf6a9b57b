import { stackPolicy } from "../lib/define";
import { azure } from "./lib/types";
import { attachedTo, ofType, props, Props, resolve, judgeEach } from "./lib/resources";
import { matchesAzureId } from "./lib/azure";

const audited: Readonly<Record<string, string>> = {
  [azure.fhirService]: "FHIR service",
  [azure.cognitiveAccount]: "Cognitive Services account",
  [azure.keyVault]: "Key Vault",
};

/**
 * Azure records data-plane access to FHIR resources, model prompts and key operations only in resource logs, and
 * only when a diagnostic setting sends them somewhere; sent to a Log Analytics workspace in the stack they can be
 * queried, alerted on and retained. Every FHIR service, Cognitive Services account and Key Vault needs a
 * monitor.DiagnosticSetting whose resourceUri is the resource, whose workspaceId is a workspace in the stack, and
 * which enables at least one log category or category group.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), hipaa:164.308(a)(5)(ii)(C), gdpr:art33
 */
export const stackAzureAuditEnableDiagnosticSettings = stackPolicy(
  {
    name: "stack-azure-audit-enable-diagnostic-settings",
    description:
      "Every FHIR service, Cognitive Services account and Key Vault must have a diagnostic setting that sends its logs to a Log Analytics workspace in the stack.",
    severity: "high",
    controls: [
      "hipaa:164.312(b)",
      "hipaa:164.308(a)(1)(ii)(D)",
      "hipaa:164.308(a)(5)(ii)(C)",
      "gdpr:art33",
    ],
    remediationSteps:
      'Add `new monitor.DiagnosticSetting(name, { resourceUri: resource.id, workspaceId: workspace.id, logs: [{ categoryGroup: "audit", enabled: true }] })` (FHIR AuditLogs, OpenAI Audit and RequestResponse, Key Vault AuditEvent) from @pulumi/azure-native/monitor.',
  },
  ({ args, report }) => {
    const settings = ofType(args.resources, azure.diagnosticSetting);
    const workspaces = ofType(args.resources, azure.logWorkspace);
    judgeEach(
      args.resources.filter((r) => audited[r.type] !== undefined),
      (resource) => {
        const what = `${audited[resource.type]} ${resource.name}`;
        const attached = attachedTo(resource, settings, "resourceUri", matchesAzureId);
        if (attached.length === 0) {
          report(
            `${what} has no diagnostic setting (no monitor.DiagnosticSetting with resourceUri pointing at it); expected one sending its audit logs to a Log Analytics workspace in the stack.`,
            resource.urn,
          );
          return;
        }
        const gaps: string[] = [];
        const compliant = attached.some((setting) => {
          const p = props(setting);
          const workspace = resolve(
            setting,
            "workspaceId",
            () => p.workspaceId,
            workspaces,
            matchesAzureId,
          );
          const logs: Props[] = p.logs ?? [];
          const enabled = logs.some((l) => l.enabled === true);
          if (!workspace.target) {
            gaps.push(
              `${setting.name} sends to ${workspace.value ? `"${workspace.value}", not a workspace in the stack` : "no Log Analytics workspace (workspaceId not set)"}`,
            );
          }
          if (!enabled) {
            gaps.push(`${setting.name} enables no log category`);
          }
          return workspace.target !== undefined && enabled;
        });
        if (!compliant) {
          report(
            `${what}'s diagnostic settings are incomplete: ${gaps.join("; ")}; expected enabled audit logs sent to a Log Analytics workspace in the stack.`,
            resource.urn,
          );
        }
      },
    );
  },
);
