/**
 * The small HTTP service both container handlers run (symptom triage on Azure, risk inference on GKE): JSON routes
 * on node:http, RFC 9457 problem details for every error, GET /healthz (liveness) and GET /readyz (readiness), a
 * bounded request body, and a graceful shutdown that first turns readiness off, then stops accepting connections
 * and waits for the requests in flight.
 *
 * Request and response bodies are never logged: a log line carries the route, status, duration and outcome only.
 */
import * as http from "http";
import { randomUUID } from "crypto";
import type { AddressInfo } from "net";

export const PROBLEM_BASE = "https://mediconnect.health/problems/";

/** The subset of the Powertools Logger (functions/lib/logging.ts) the services use. */
export interface ServiceLogger {
  info(message: string, ...extra: Array<Record<string, unknown>>): void;
  warn(message: string, ...extra: Array<Record<string, unknown>>): void;
  error(message: string, ...extra: Array<Record<string, unknown>>): void;
}

export interface JsonResult {
  readonly status: number;
  readonly body: unknown;
  /** Extra fields for the request's log line (counts, outcome names); never request data. */
  readonly log?: Record<string, string | number | boolean>;
  /** Media type of the response body. @default "application/json" */
  readonly contentType?: string;
}

/** A problem response: `detail` names the field and what is expected, and never quotes the request's values. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ProblemError";
  }
}

export function problemBody(p: ProblemError): Record<string, unknown> {
  return { type: PROBLEM_BASE + p.slug, title: p.title, status: p.status, detail: p.detail };
}

export interface RequestContext {
  readonly requestId: string;
  /** Aborted when the client goes away or the service shuts down past its grace period. */
  readonly signal: AbortSignal;
  /**
   * The request's path and query string, parsed against a placeholder origin. createService always sets it (and
   * `headers`); both are optional so that a route can be called directly with only the two fields above.
   */
  readonly url?: URL;
  /** The request headers (names lower-case, as node:http gives them). */
  readonly headers?: http.IncomingHttpHeaders;
}

/**
 * Handles a parsed JSON body (undefined for GET and DELETE, which are not read); throws ProblemError for client
 * errors.
 */
export type JsonRoute = (body: unknown, ctx: RequestContext) => Promise<JsonResult>;

export interface ServiceOptions {
  /** Service name in log lines. */
  readonly name: string;
  /**
   * `METHOD /path` to handler. A path ending in `/*` matches every path below it (`GET /fhir/*` matches
   * `/fhir/Patient/1`); an exact path wins over a prefix, a longer prefix over a shorter one.
   */
  readonly routes: Readonly<Record<string, JsonRoute>>;
  readonly logger: ServiceLogger;
  /**
   * Extra readiness condition (a dependency reachable, credentials obtained); /readyz is 503 while it is false.
   * @default always ready until shutdown starts
   */
  readonly readiness?: () => Promise<boolean>;
  /** Largest accepted request body in bytes. @default 65536 */
  readonly maxBodyBytes?: number;
  /** Media types accepted on POST. @default ["application/json"] */
  readonly contentTypes?: readonly string[];
}

export interface RunningService {
  readonly server: http.Server;
  readonly port: number;
  /** True until shutdown starts. */
  readonly accepting: () => boolean;
  /**
   * Readiness off, no new connections, in-flight requests finish; after `graceMs` the remaining connections are
   * closed. Resolves when the server is closed.
   */
  shutdown(graceMs?: number): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024;

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  contentType = "application/json",
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(text);
}

function sendProblem(res: http.ServerResponse, p: ProblemError): void {
  send(res, p.status, problemBody(p), "application/problem+json");
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    throw new ProblemError(
      413,
      "body-too-large",
      "Request body too large",
      `the body is ${declared} bytes; expected at most ${limit}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new ProblemError(
        413,
        "body-too-large",
        "Request body too large",
        `the body exceeds ${limit} bytes`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Methods whose request body is not read: their route gets `undefined`. */
const BODYLESS = new Set(["GET", "HEAD", "DELETE"]);

/** The route key matching a request: the exact `METHOD /path`, else the longest `METHOD /prefix/*`. */
export function matchRoute(
  routes: Readonly<Record<string, JsonRoute>>,
  method: string,
  path: string,
): string | undefined {
  const exact = `${method} ${path}`;
  if (Object.hasOwn(routes, exact)) {
    return exact;
  }
  return Object.keys(routes)
    .filter((k) => {
      const [m, p] = k.split(" ");
      return m === method && p.endsWith("/*") && path.startsWith(p.slice(0, -1));
    })
    .sort((a, b) => b.length - a.length)[0];
}

function pathMatches(routeKey: string, path: string): boolean {
  const p = routeKey.split(" ")[1];
  return p === path || (p.endsWith("/*") && path.startsWith(p.slice(0, -1)));
}

/** Creates the server (not listening); `listen` starts it. */
export function createService(options: ServiceOptions): {
  server: http.Server;
  listen(port: number, host?: string): Promise<RunningService>;
} {
  const { logger, routes } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const contentTypes = options.contentTypes ?? ["application/json"];
  let accepting = true;
  const inFlight = new Set<AbortController>();

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? "/").split("?")[0];
    const method = req.method ?? "GET";
    if (!accepting) {
      res.setHeader("connection", "close");
    }
    if (method === "GET" && path === "/healthz") {
      send(res, 200, { status: "ok" });
      return;
    }
    if (method === "GET" && path === "/readyz") {
      const check =
        accepting && options.readiness ? options.readiness() : Promise.resolve(accepting);
      check.then(
        (ready) => send(res, ready ? 200 : 503, { status: ready ? "ready" : "not-ready" }),
        () => send(res, 503, { status: "not-ready" }),
      );
      return;
    }
    const matched = matchRoute(routes, method, path);
    const routeKey = matched ?? `${method} ${path}`;
    const route: JsonRoute | undefined = matched !== undefined ? routes[matched] : undefined;
    const requestId = randomUUID();
    const finish = (status: number, extra: Record<string, unknown> = {}) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { requestId, route: route ? routeKey : "unmatched", status, ms, ...extra };
      if (status >= 500) {
        logger.error(`${options.name}: request failed`, line);
      } else {
        logger.info(`${options.name}: request`, line);
      }
    };
    if (route === undefined) {
      const known = Object.keys(routes).some((k) => pathMatches(k, path));
      const p = known
        ? new ProblemError(
            405,
            "method-not-allowed",
            "Method not allowed",
            `this path accepts ${Object.keys(routes)
              .filter((k) => pathMatches(k, path))
              .map((k) => k.split(" ")[0])
              .join(", ")}`,
          )
        : new ProblemError(
            404,
            "not-found",
            "Not found",
            `no such route; expected one of ${Object.keys(routes).join(", ")}, GET /healthz, GET /readyz`,
          );
      sendProblem(res, p);
      finish(p.status);
      return;
    }
    const controller = new AbortController();
    inFlight.add(controller);
    res.on("close", () => {
      inFlight.delete(controller);
      if (!res.writableFinished) {
        controller.abort();
      }
    });
    const url = new URL(req.url ?? "/", "http://service.invalid");
    (async () => {
      if (BODYLESS.has(method)) {
        return route(undefined, {
          requestId,
          signal: controller.signal,
          url,
          headers: req.headers,
        });
      }
      const mediaType = String(req.headers["content-type"] ?? "")
        .split(";")[0]
        .trim()
        .toLowerCase();
      if (!contentTypes.includes(mediaType)) {
        throw new ProblemError(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          `content-type must be ${contentTypes.join(" or ")}`,
        );
      }
      const raw = await readBody(req, maxBody);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new ProblemError(
          400,
          "malformed-json",
          "Malformed JSON",
          "the body is not valid JSON",
        );
      }
      return route(body, { requestId, signal: controller.signal, url, headers: req.headers });
    })().then(
      (result) => {
        send(res, result.status, result.body, result.contentType);
        finish(result.status, result.log);
      },
      (err: unknown) => {
        if (err instanceof ProblemError) {
          sendProblem(res, err);
          finish(err.status);
          return;
        }
        // Only the error's class name is logged: messages of dependencies may echo request data.
        const p = new ProblemError(
          500,
          "internal",
          "Internal error",
          "the request could not be processed",
        );
        sendProblem(res, p);
        finish(500, { errorName: err instanceof Error ? err.name : typeof err });
      },
    );
  });
  // Slow-loris and idle sockets: bounded header and request times, short keep-alive.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  const listen = (port: number, host?: string): Promise<RunningService> =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        const actual = (server.address() as AddressInfo).port;
        logger.info(`${options.name}: listening`, { port: actual });
        resolve({
          server,
          port: actual,
          accepting: () => accepting,
          shutdown: (graceMs = 10_000) => {
            accepting = false;
            logger.info(`${options.name}: shutting down`, { inFlight: inFlight.size });
            return new Promise<void>((done) => {
              const timer = setTimeout(() => {
                for (const c of inFlight) {
                  c.abort();
                }
                server.closeAllConnections();
              }, graceMs);
              timer.unref();
              server.close(() => {
                clearTimeout(timer);
                done();
              });
              server.closeIdleConnections();
            });
          },
        });
      });
    });
  return { server, listen };
}

/**
 * Runs a service as a container's main process: listens on PORT (default 8080) and shuts down gracefully on
 * SIGTERM and SIGINT (Kubernetes and Container Apps send SIGTERM, then SIGKILL after their grace period).
 */
export async function runService(
  options: ServiceOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService> {
  const portText = env.PORT ?? "8080";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `environment variable PORT is ${JSON.stringify(portText)}; expected a port number 1-65535`,
    );
  }
  const running = await createService(options).listen(port);
  const stop = (signal: string) => {
    options.logger.info(`${options.name}: received ${signal}`);
    running.shutdown(20_000).then(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return running;
}
