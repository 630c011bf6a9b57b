/**
 * Physical names: `${prefix}-${name}` cut to each provider's limit, with a short hash of the full name kept when
 * cutting so that two long names never collide.
 */
import { createHash } from "crypto";

export function physicalName(prefix: string, name: string, maxLength: number): string {
  const full = `${prefix}-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  if (full.length <= maxLength) {
    return full;
  }
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 6);
  return `${full.slice(0, maxLength - hash.length - 1).replace(/-+$/, "")}-${hash}`;
}
