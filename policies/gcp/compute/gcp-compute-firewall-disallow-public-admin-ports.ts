import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError } = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (...args: unknown[]) => Error;
};

const defaultRestrictedPorts = [22, 3389];
const world = ["0.0.0.0/0", "::/0"];
/** Protocols whose allows name ports; the others (icmp, esp, ah, ipip, ...) open no TCP, UDP or SCTP port. */
const portedProtocols = ["tcp", "udp", "sctp", "6", "17", "132"];

/** A value as known during preview, or the error that reading it raised. */
type Fact<T> =
  { readonly known: true; readonly value: T } | { readonly known: false; readonly error: Error };

function peek<T>(read: () => T): Fact<T> {
  try {
    return { known: true, value: read() };
  } catch (err) {
    if (err instanceof UnknownValueError) {
      return { known: false, error: err };
    }
    throw err;
  }
}

/** Every known element of a list, and the error of an unknown one, if any. */
function elements<T>(list: readonly T[]): { values: T[]; unknown?: Error } {
  const values: T[] = [];
  let unknown: Error | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = peek(() => list[i]);
    if (item.known) {
      values.push(item.value);
    } else {
      unknown = item.error;
    }
  }
  return { values, unknown };
}

/** What one allow opens among the restricted ports: "all ports", "port 22", "ports 22, 3389", or undefined. */
function opened(
  allow: { protocol: string; ports?: string[] },
  restricted: readonly number[],
): string | undefined {
  const protocol = String(allow.protocol).toLowerCase();
  if (protocol === "all") {
    return 'all ports (protocol "all")';
  }
  if (!portedProtocols.includes(protocol)) {
    return undefined;
  }
  const { values: ports, unknown } = elements(allow.ports ?? []);
  const how = `protocol ${JSON.stringify(allow.protocol)}, ports ${JSON.stringify(ports)}`;
  if (ports.length === 0 && unknown === undefined) {
    return `all ports (protocol ${JSON.stringify(allow.protocol)}, no ports)`;
  }
  const ranges = ports
    .map((p) => /^(\d+)(?:-(\d+))?$/.exec(String(p).trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2] ?? m[1])]);
  if (ranges.some(([low, high]) => low <= 1 && high >= 65535)) {
    return `all ports (${how})`;
  }
  const hits = restricted.filter((port) =>
    ranges.some(([low, high]) => port >= low && port <= high),
  );
  if (hits.length > 0) {
    return `port${hits.length > 1 ? "s" : ""} ${hits.join(", ")} (${how})`;
  }
  if (unknown !== undefined) {
    throw unknown;
  }
  return undefined;
}

/**
 * SSH, RDP and every-port rules open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes; VMs are
 * administered through IAP TCP forwarding or a bastion instead. Decided on what is known: a rule that is disabled,
 * egress, not open to the internet or opening none of these ports passes even when its other fields are unknown.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpComputeFirewallDisallowPublicAdminPorts = resourcePolicy(
  {
    name: "gcp-compute-firewall-disallow-public-admin-ports",
    description:
      "VPC firewall rules must not allow ingress from 0.0.0.0/0 or ::/0 to SSH (22), RDP (3389) or all ports.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Replace 0.0.0.0/0 and ::/0 in the gcp.compute.Firewall\'s `sourceRanges` with your own ranges (for SSH and RDP through IAP, "35.235.240.0/20"), and list explicit `allows[].ports` instead of protocol "all" or no ports.',
    configSchema: {
      properties: {
        restrictedPorts: {
          type: "array",
          items: { type: "integer", minimum: 1, maximum: 65535 },
          default: defaultRestrictedPorts,
          description:
            "Ports that may not be open to 0.0.0.0/0 or ::/0 (all ports are always refused).",
        },
      },
    },
  },
  compute.Firewall,
  (firewall, { args, report }) => {
    const restricted = (args.getConfig<{ restrictedPorts?: number[] }>().restrictedPorts ??
      defaultRestrictedPorts) as number[];
    const disabled = peek(() => firewall.disabled === true);
    const egress = peek(() => (firewall.direction ?? "INGRESS") !== "INGRESS");
    if ((disabled.known && disabled.value) || (egress.known && egress.value)) {
      return;
    }
    const sources = peek(() => elements(firewall.sourceRanges ?? []));
    const open = sources.known ? sources.value.values.filter((range) => world.includes(range)) : [];
    if (sources.known && open.length === 0 && sources.value.unknown === undefined) {
      return;
    }
    const allows = peek(() => firewall.allows ?? []);
    const findings: string[] = [];
    let allowsUndecided = allows.known ? undefined : allows.error;
    const list = allows.known ? allows.value : [];
    for (let i = 0; i < list.length; i++) {
      const allow = peek(() => opened(list[i], restricted));
      if (!allow.known) {
        allowsUndecided = allow.error;
      } else if (allow.value !== undefined) {
        findings.push(`allows[${i}] opens ${allow.value}`);
      }
    }
    if (findings.length === 0 && allowsUndecided === undefined) {
      return;
    }
    // What is left is a finding or cannot be decided until the unknown values are known.
    const pending = [
      disabled.known ? undefined : disabled.error,
      egress.known ? undefined : egress.error,
      sources.known ? (open.length === 0 ? sources.value.unknown : undefined) : sources.error,
    ].find((error) => error !== undefined);
    if (pending !== undefined || findings.length === 0) {
      throw pending ?? allowsUndecided;
    }
    const ports =
      restricted.length === 0
        ? ""
        : `port${restricted.length > 1 ? "s" : ""} ${restricted.join(", ")} or `;
    const expected = `expected no ingress from 0.0.0.0/0 or ::/0 to ${ports}all ports`;
    findings.forEach((finding) => report(`${finding} to ${open.join(", ")}; ${expected}.`));
  },
);
