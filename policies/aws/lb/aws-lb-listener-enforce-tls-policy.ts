import * as lb from "@pulumi/aws/lb";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * A plain HTTP listener sends PHI in clear text, and older ELB security policies still accept TLS 1.0 and 1.1;
 * listeners terminate HTTPS/TLS with a TLS 1.2+ policy, and HTTP listeners only redirect to HTTPS.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsLbListenerEnforceTlsPolicy = resourcePolicy(
  {
    name: "aws-lb-listener-enforce-tls-policy",
    description:
      "Load balancer listeners must use HTTPS or TLS with an ELBSecurityPolicy-TLS13-1-2 (or stricter) policy; HTTP listeners may only redirect to HTTPS.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `protocol: "HTTPS"` (or "TLS"), `certificateArn` and `sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06"` on the aws.lb.Listener; make port-80 listeners `defaultActions: [{type: "redirect", redirect: {protocol: "HTTPS", port: "443", statusCode: "HTTP_301"}}]`.',
  },
  lb.Listener,
  (listener, { report }) => {
    const protocol = listener.protocol ?? "HTTP";
    if (protocol === "HTTP") {
      const redirects = listener.defaultActions.every(
        (a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS",
      );
      if (!redirects) {
        report(
          `protocol is ${shown(listener.protocol)}${listener.protocol === undefined ? " (HTTP)" : ""} and the default actions do not redirect to HTTPS; expected HTTPS or TLS.`,
        );
      }
      return;
    }
    if (protocol !== "HTTPS" && protocol !== "TLS") {
      // TCP, UDP and GENEVE pass traffic through; TLS is then the target's job and not visible here.
      return;
    }
    const policy = listener.sslPolicy;
    if (policy === undefined || !/^ELBSecurityPolicy-TLS13-1-[23]/.test(policy)) {
      report(
        `sslPolicy is ${shown(policy)}; expected an ELBSecurityPolicy-TLS13-1-2 (or TLS13-1-3) policy.`,
      );
    }
  },
);
