import * as servicebus from "@pulumi/azure-native/servicebus";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const accepted: readonly unknown[] = ["1.2", "1.3"];

/**
 * Messages carrying PHI are exchanged with the namespace over TLS; 1.0 and 1.1 must be refused (Azure security
 * baseline DP-3).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureServicebusNamespaceConfigureMinimumTls = resourcePolicy(
  {
    name: "azure-servicebus-namespace-configure-minimum-tls",
    description: "Service Bus namespaces must require TLS 1.2 or later.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: 'Set `minimumTlsVersion: "1.2"` on the azure-native servicebus.Namespace.',
  },
  servicebus.Namespace,
  (r, { report }) =>
    checkEach(report, [
      () => {
        const value = r.minimumTlsVersion;
        return (value === undefined && true) || accepted.includes(value)
          ? undefined
          : `minimumTlsVersion is ${shown(value, "the service default TLS 1.2")}; expected 1.2 or 1.3.`;
      },
    ]),
);
