/** Ingress rules open to the whole internet on sensitive ports, as security groups and their rule resources write them. */
import { ResourceValidationArgs } from "@pulumi/policy";
import { configOf } from "./format";

export const worldCidrs = ["0.0.0.0/0", "::/0"];

export interface IngressRule {
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly cidrs: readonly string[];
}

/** Default ports that must never face the internet: SSH, RDP and the common database ports. */
export const defaultRestrictedPorts = [22, 3389, 3306, 5432, 1433, 1521, 6379, 27017];

/** A description of what the rule opens to the world, or undefined when it opens nothing sensitive. */
export function openToWorld(
  rule: IngressRule,
  restrictedPorts: readonly number[],
): string | undefined {
  const world = rule.cidrs.filter((c) => worldCidrs.includes(c));
  if (world.length === 0) {
    return undefined;
  }
  const protocol = rule.protocol.toLowerCase();
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  const allPorts = protocol === "-1" || protocol === "all" || (from <= 0 && to >= 65535);
  if (allPorts) {
    return `all ports (protocol ${JSON.stringify(rule.protocol)}) from ${world.join(", ")}`;
  }
  if (protocol === "icmp" || protocol === "icmpv6" || protocol === "1" || protocol === "58") {
    return undefined;
  }
  const hit = restrictedPorts.filter((p) => p >= from && p <= to).sort((a, b) => a - b);
  if (hit.length === 0) {
    return undefined;
  }
  return `port${hit.length > 1 ? "s" : ""} ${hit.join(", ")} (range ${from}-${to}) from ${world.join(", ")}`;
}

/** The configuration every AWS public-ingress policy takes: the ports that may not face the internet. */
export const restrictedPortsConfig = {
  properties: {
    restrictedPorts: {
      type: "array",
      items: { type: "integer" },
      default: defaultRestrictedPorts,
      description:
        "Ports that may not be open to 0.0.0.0/0 or ::/0 (all ports are always refused).",
    },
  },
} as const;

/** What `rule` opens to the world among the policy's configured ports, or undefined when nothing sensitive. */
export function publicIngress(args: ResourceValidationArgs, rule: IngressRule): string | undefined {
  const { restrictedPorts } = configOf(args, { restrictedPorts: defaultRestrictedPorts });
  return openToWorld(rule, restrictedPorts);
}
