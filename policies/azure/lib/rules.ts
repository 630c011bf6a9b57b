/** Reading Azure network security rules: inbound Allow rules that open administration ports to the internet. */

export interface RuleLike {
  readonly name?: string;
  readonly access?: string;
  readonly direction?: string;
  readonly sourceAddressPrefix?: string;
  readonly sourceAddressPrefixes?: string[];
  readonly destinationPortRange?: string;
  readonly destinationPortRanges?: string[];
}

const internet = ["*", "internet", "any", "0.0.0.0/0", "0.0.0.0", "::/0"];
const adminPorts = [22, 3389];

function coversAdminPort(range: string): string | undefined {
  if (range.trim() === "*") {
    return "*";
  }
  const [low, high] = range.split("-").map((p) => Number(p.trim()));
  const top = high ?? low;
  const hit = adminPorts.find((port) => port >= low && port <= top);
  return hit === undefined ? undefined : String(hit);
}

/** The SSH/RDP/all ports an inbound Allow rule opens to the internet; empty when the rule is not one. */
export function publicAdminPorts(rule: RuleLike): string[] {
  if (rule.access !== "Allow" || rule.direction !== "Inbound") {
    return [];
  }
  const sources = [rule.sourceAddressPrefix, ...(rule.sourceAddressPrefixes ?? [])];
  if (!sources.some((s) => typeof s === "string" && internet.includes(s.toLowerCase()))) {
    return [];
  }
  const ranges = [rule.destinationPortRange, ...(rule.destinationPortRanges ?? [])].filter(
    (r): r is string => typeof r === "string",
  );
  return [...new Set(ranges.map(coversAdminPort).filter((p): p is string => p !== undefined))];
}
