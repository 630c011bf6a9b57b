/** References between FHIR resources. */
/** Every `reference` string anywhere in a resource (contained resources and extensions included). */
export function referencesIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => referencesIn(v, out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "reference" && typeof v === "string") {
        out.add(v);
      } else {
        referencesIn(v, out);
      }
    }
  }
  return out;
}
