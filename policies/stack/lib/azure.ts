/** Azure resource ids: references compare case-insensitively, by full id or by their last type/name segments. */
import { azure } from "./types";
import { Matcher, matchesIdentity, peek, props } from "./resources";

/** The id segment naming each resource type: `.../providers/Microsoft.KeyVault/vaults/<name>`. */
const idSegment: Readonly<Record<string, string>> = {
  [azure.fhirService]: "fhirservices",
  [azure.healthWorkspace]: "workspaces",
  [azure.cognitiveAccount]: "accounts",
  [azure.storageAccount]: "storageaccounts",
  [azure.keyVault]: "vaults",
  [azure.logWorkspace]: "workspaces",
};

export const matchesAzureId: Matcher = (value, target) => {
  if (matchesIdentity(value, target)) {
    return true;
  }
  const v = value.toLowerCase().replace(/\/+$/, "");
  const ids = ["id"].filter((k) => k in props(target)).map((k) => peek(() => props(target)[k]));
  if (ids.some((id) => id.known && typeof id.value === "string" && id.value.toLowerCase() === v)) {
    return true;
  }
  const segment = idSegment[target.type];
  const name = peek(() => props(target).name);
  return (
    segment !== undefined &&
    name.known &&
    typeof name.value === "string" &&
    v.endsWith(`/${segment}/${name.value.toLowerCase()}`)
  );
};
