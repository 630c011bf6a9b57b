/**
 * The container images of the HTTP handlers, all built from functions/Dockerfile with `--build-arg SERVICE=<name>`:
 * multi-stage, ending on a distroless image as uid 65532; each service's esbuild bundle runs on its own (outside
 * this checkout's node_modules): /healthz answers and SIGTERM ends the process cleanly.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { buildSync } from "esbuild";

const root = path.resolve(__dirname, "../..");

const SERVICES: Record<string, Record<string, string>> = {
  "symptom-triage": {
    AZURE_OPENAI_ENDPOINT: "https://mc-test.openai.azure.com/",
    AZURE_OPENAI_DEPLOYMENT: "triage",
    AZURE_OPENAI_API_VERSION: "2024-10-21",
    AZURE_CLIENT_ID: "00000000-0000-4000-8000-0000000000aa",
  },
  "fhir-gateway": {
    FHIR_URL: "https://mc-test-fhir.fhir.azurehealthcareapis.com",
    AZURE_CLIENT_ID: "00000000-0000-4000-8000-0000000000bb",
    PHI_PSEUDONYM_KEY: "image-test-key-0123456789abcdef0123456789",
  },
  "gdpr-erasure": {
    FHIR_URL: "https://mc-test-fhir.fhir.azurehealthcareapis.com",
    AZURE_CLIENT_ID: "00000000-0000-4000-8000-0000000000cc",
    PHI_PSEUDONYM_KEY: "image-test-key-0123456789abcdef0123456789",
  },
  "risk-inference": {
    VERTEX_PROJECT: "mediconnect-prod-eu",
    VERTEX_REGION: "europe-west3",
    VERTEX_ENDPOINT_ID: "1234567890",
  },
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(url: string, deadline: number): Promise<number> {
  while (Date.now() < deadline) {
    try {
      return (await fetch(url)).status;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer in time`);
}

const dockerfile = fs.readFileSync(path.join(root, "functions", "Dockerfile"), "utf8");

describe.each(Object.keys(SERVICES))("the %s image", (service) => {
  it("builds the bundle in a build stage and runs it on distroless as the non-root uid 65532", () => {
    const from = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(from).toEqual(["node:20-bookworm-slim", "gcr.io/distroless/nodejs20-debian12:nonroot"]);
    const final = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(final).toMatch(/^USER 65532:65532$/m);
    expect(final).toMatch(/^CMD \["--enable-source-maps", "main.js"\]$/m);
    expect(final).not.toMatch(/^(RUN|ADD) /m);
    // The service named by the build argument is the one bundled.
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toContain(
      "npx esbuild functions/${SERVICE}/main.ts --bundle --platform=node --target=node20",
    );
    expect(fs.existsSync(path.join(root, "functions", service, "main.ts"))).toBe(true);
  });

  it("bundles into a self-contained service that answers /healthz and stops on SIGTERM", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `${service}-`));
    buildSync({
      entryPoints: [path.join(root, "functions", service, "main.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      minify: true,
      outfile: path.join(out, "main.js"),
      logLevel: "silent",
    });
    const port = await freePort();
    const child = spawn(process.execPath, ["main.js"], {
      cwd: out,
      env: { PATH: process.env.PATH, PORT: String(port), ...SERVICES[service] },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    try {
      expect(await waitForHealth(`http://127.0.0.1:${port}/healthz`, Date.now() + 90_000)).toBe(
        200,
      );
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stdout).toContain(`"message":"${service}: received SIGTERM"`);
    } finally {
      child.kill("SIGKILL");
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
