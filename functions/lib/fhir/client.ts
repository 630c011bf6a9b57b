/**
 * A small FHIR R4 REST client for the handlers that talk to the FHIR service (Azure Health Data Services in
 * production, an in-process server in tests): read, search with paging, create, update, delete (with Azure's
 * `hardDelete=true`) and Azure's `$purge-history`. The bearer token comes from an injected provider (a managed
 * identity in production); `fetch` is injectable.
 *
 * Errors carry the operation, the resource type and the HTTP status only: never an id, a search value or the
 * server's diagnostics, which may quote patient data.
 */
import type { Bundle, Resource } from "@medplum/fhirtypes";

export const FHIR_JSON = "application/fhir+json";

/** Resource types are capitalised names; ids follow the R4 `id` datatype. */
export const RESOURCE_TYPE_RE = /^[A-Z][A-Za-z]{1,63}$/;
export const RESOURCE_ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

export type FhirOperation =
  "read" | "search" | "create" | "update" | "delete" | "purge-history" | "page";

export class FhirHttpError extends Error {
  constructor(
    readonly operation: FhirOperation,
    readonly resourceType: string,
    /** The HTTP status, or 0 when no response arrived (network error, timeout). */
    readonly status: number,
  ) {
    super(
      status === 0
        ? `FHIR ${operation} of ${resourceType}: no response from the FHIR service`
        : `FHIR ${operation} of ${resourceType}: HTTP ${status}`,
    );
    this.name = "FhirHttpError";
  }
}

export interface FhirClientOptions {
  /** Base URL of the FHIR service, https://<workspace>-<service>.fhir.azurehealthcareapis.com in production. */
  readonly baseUrl: string;
  /** Returns a bearer token for every request. @default no Authorization header (local stand-ins only) */
  readonly token?: () => Promise<string>;
  /** @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
  /** Time limit per request in milliseconds. @default 30000 */
  readonly timeoutMs?: number;
}

export interface DeleteOptions {
  /** Azure's hard delete: the resource and all its versions are removed, not only marked deleted. */
  readonly hardDelete?: boolean;
}

function checkType(resourceType: string): void {
  if (!RESOURCE_TYPE_RE.test(resourceType)) {
    throw new TypeError(
      `FHIR client: [resourceType] must be a FHIR resource type name (a capital letter, then letters); received a ${typeof resourceType} of length ${String(resourceType).length}`,
    );
  }
}

function checkId(id: string): void {
  if (typeof id !== "string" || !RESOURCE_ID_RE.test(id)) {
    throw new TypeError(
      `FHIR client: [id] must be a FHIR id (1-64 of A-Z a-z 0-9 - .); received a ${typeof id}${typeof id === "string" ? ` of length ${id.length}` : ""}`,
    );
  }
}

export class FhirClient {
  readonly baseUrl: string;
  private readonly token?: () => Promise<string>;
  private readonly fetchFn: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(options: FhirClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(
        `FHIR client: [baseUrl] must be an absolute http(s) URL; received a string of length ${String(options.baseUrl).length} that is not a URL`,
      );
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && url.hostname === "127.0.0.1")) {
      throw new TypeError(
        `FHIR client: [baseUrl] must use https (plain http only for 127.0.0.1 stand-ins); received the scheme ${url.protocol}`,
      );
    }
    this.baseUrl = url.href.replace(/\/+$/, "");
    this.token = options.token;
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private async send(
    operation: FhirOperation,
    resourceType: string,
    method: string,
    url: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { accept: FHIR_JSON };
    if (body !== undefined) {
      headers["content-type"] = FHIR_JSON;
    }
    if (this.token) {
      headers.authorization = `Bearer ${await this.token()}`;
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        redirect: "error",
      });
    } catch {
      throw new FhirHttpError(operation, resourceType, 0);
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, json };
  }

  private expectResource<T>(
    operation: FhirOperation,
    resourceType: string,
    r: { status: number; json: unknown },
  ): T {
    if (r.status < 200 || r.status > 299 || typeof r.json !== "object" || r.json === null) {
      throw new FhirHttpError(operation, resourceType, r.status);
    }
    return r.json as T;
  }

  /** The resource, or undefined when the server answers 404 or 410 (absent or deleted). */
  async read<T extends Resource = Resource>(
    resourceType: string,
    id: string,
    signal?: AbortSignal,
  ): Promise<T | undefined> {
    checkType(resourceType);
    checkId(id);
    const r = await this.send(
      "read",
      resourceType,
      "GET",
      `${this.baseUrl}/${resourceType}/${encodeURIComponent(id)}`,
      undefined,
      signal,
    );
    if (r.status === 404 || r.status === 410) {
      return undefined;
    }
    return this.expectResource<T>("read", resourceType, r);
  }

  /** One page of a type-level search. */
  async search<T extends Resource = Resource>(
    resourceType: string,
    params: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<Bundle<T>> {
    checkType(resourceType);
    const query = params.toString();
    const r = await this.send(
      "search",
      resourceType,
      "GET",
      `${this.baseUrl}/${resourceType}${query ? `?${query}` : ""}`,
      undefined,
      signal,
    );
    return this.expectResource<Bundle<T>>("search", resourceType, r);
  }

  /**
   * A page named by a Bundle link. Only links below this client's base URL are followed: the bearer token is
   * never sent anywhere else.
   */
  async page<T extends Resource = Resource>(
    resourceType: string,
    link: string,
    signal?: AbortSignal,
  ): Promise<Bundle<T>> {
    if (!link.startsWith(`${this.baseUrl}/`) && !link.startsWith(`${this.baseUrl}?`)) {
      throw new FhirHttpError("page", resourceType, 0);
    }
    const r = await this.send("page", resourceType, "GET", link, undefined, signal);
    return this.expectResource<Bundle<T>>("page", resourceType, r);
  }

  /** Every match of a search, following `next` links (at most `maxPages` pages). */
  async searchAll<T extends Resource = Resource>(
    resourceType: string,
    params: URLSearchParams,
    signal?: AbortSignal,
    maxPages = 1000,
  ): Promise<T[]> {
    const out: T[] = [];
    let bundle = await this.search<T>(resourceType, params, signal);
    for (let pages = 1; ; pages++) {
      for (const entry of bundle.entry ?? []) {
        if (entry.resource && entry.search?.mode !== "outcome") {
          out.push(entry.resource as T);
        }
      }
      const next = bundle.link?.find((l) => l.relation === "next")?.url;
      if (!next) {
        return out;
      }
      if (pages >= maxPages) {
        throw new Error(
          `FHIR search of ${resourceType}: more than ${maxPages} pages; expected fewer (narrow the search or raise maxPages)`,
        );
      }
      bundle = await this.page<T>(resourceType, next, signal);
    }
  }

  async create<T extends Resource>(resource: T, signal?: AbortSignal): Promise<T> {
    checkType(resource.resourceType);
    const r = await this.send(
      "create",
      resource.resourceType,
      "POST",
      `${this.baseUrl}/${resource.resourceType}`,
      resource,
      signal,
    );
    return this.expectResource<T>("create", resource.resourceType, r);
  }

  /** PUT; with `ifMatch` the update only happens on that version (optimistic locking). */
  async update<T extends Resource>(resource: T & { id: string }, signal?: AbortSignal): Promise<T> {
    checkType(resource.resourceType);
    checkId(resource.id);
    const r = await this.send(
      "update",
      resource.resourceType,
      "PUT",
      `${this.baseUrl}/${resource.resourceType}/${encodeURIComponent(resource.id)}`,
      resource,
      signal,
    );
    return this.expectResource<T>("update", resource.resourceType, r);
  }

  /**
   * Deletes one resource. Returns "deleted", or "absent" when the server says 404 or 410 (already gone: a retry
   * after a crash sees this for the resources the first attempt deleted).
   */
  async delete(
    resourceType: string,
    id: string,
    options: DeleteOptions = {},
    signal?: AbortSignal,
  ): Promise<"deleted" | "absent"> {
    checkType(resourceType);
    checkId(id);
    const query = options.hardDelete ? "?hardDelete=true" : "";
    const r = await this.send(
      "delete",
      resourceType,
      "DELETE",
      `${this.baseUrl}/${resourceType}/${encodeURIComponent(id)}${query}`,
      undefined,
      signal,
    );
    if (r.status === 404 || r.status === 410) {
      return "absent";
    }
    if (r.status < 200 || r.status > 299) {
      throw new FhirHttpError("delete", resourceType, r.status);
    }
    return "deleted";
  }

  /**
   * Azure's `DELETE <base>/<type>/<id>/$purge-history`: removes the resource's previous versions, keeping the
   * current one. Returns "purged", or "absent" on 404/410.
   */
  async purgeHistory(
    resourceType: string,
    id: string,
    signal?: AbortSignal,
  ): Promise<"purged" | "absent"> {
    checkType(resourceType);
    checkId(id);
    const r = await this.send(
      "purge-history",
      resourceType,
      "DELETE",
      `${this.baseUrl}/${resourceType}/${encodeURIComponent(id)}/$purge-history`,
      undefined,
      signal,
    );
    if (r.status === 404 || r.status === 410) {
      return "absent";
    }
    if (r.status < 200 || r.status > 299) {
      throw new FhirHttpError("purge-history", resourceType, r.status);
    }
    return "purged";
  }
}
