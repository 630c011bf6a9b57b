/**
 * Function packaging shared by every cloud: a handler from functions/ bundled with esbuild (tree-shaken, minified,
 * source maps, pinned Node target) into the archive a function resource takes. Bundles are cached on disk, keyed
 * by a hash of the entry, the bundle options and the content of every file the last bundle read, so a plan that
 * changes no handler code does not run esbuild at all.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as esbuild from "esbuild";
import * as pulumi from "@pulumi/pulumi";

/** The repository root: entries and the cache are resolved from it, whatever the working directory. */
export const repositoryRoot = path.resolve(__dirname, "../..");

/** Suffix of environment variables that name a Secrets Manager secret instead of holding its value. */
export const secretReferenceSuffix = "_SECRET_ARN";

export interface FunctionPackageArgs {
  /** The handler module, relative to the repository root (for example `functions/video-meeting/handler.ts`). */
  readonly entry: string;
  /**
   * The handler's export name.
   * @default "handler"
   */
  readonly exportName?: string;
  /**
   * Wraps the handler so that, at cold start, every environment variable `<NAME>_SECRET_ARN` is resolved from AWS
   * Secrets Manager into `<NAME>` before the first invocation: secrets stay out of the function's configuration
   * while handlers keep reading `process.env.<NAME>`.
   * @default false
   */
  readonly resolveAwsSecrets?: boolean;
  /**
   * Packages the runtime provides, left out of the bundle.
   * @default ["@aws-sdk/*"], since the Lambda Node.js runtimes ship the AWS SDK v3
   */
  readonly external?: readonly string[];
  /**
   * esbuild target.
   * @default "node22", the runtime the functions deploy to
   */
  readonly target?: string;
  /**
   * Where bundles are cached.
   * @default `<repository root>/.cache/functions`
   */
  readonly cacheDir?: string;
}

export interface FunctionPackage {
  /** `index.js` and `index.js.map`, ready for a function resource's `code`. */
  readonly archive: pulumi.asset.AssetArchive;
  /** The handler setting of the function: `index.<exportName>`. */
  readonly handler: string;
  /** Hash of the bundle's inputs; it names the cache directory and changes whenever the code does. */
  readonly hash: string;
  /** Files the bundle read, relative to the repository root. */
  readonly inputs: readonly string[];
  /** Size of `index.js` in bytes. */
  readonly bytes: number;
}

interface Manifest {
  readonly optionsHash: string;
  readonly inputs: string[];
  readonly hash: string;
}

/** The cold-start wrapper that resolves `<NAME>_SECRET_ARN` references; part of the cache key. */
function secretsWrapper(entry: string, exportName: string): string {
  return `
import { ${exportName} as inner } from ${JSON.stringify(entry)};
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

const SUFFIX = ${JSON.stringify(secretReferenceSuffix)};
let loading;

async function resolveSecrets() {
  const references = Object.keys(process.env).filter((name) => name.endsWith(SUFFIX));
  if (references.length === 0) {
    return;
  }
  const client = new SecretsManagerClient({});
  await Promise.all(
    references.map(async (reference) => {
      const out = await client.send(new GetSecretValueCommand({ SecretId: process.env[reference] }));
      if (typeof out.SecretString !== "string" || out.SecretString.length === 0) {
        throw new Error("the secret named by " + reference + " has no string value; put one with aws secretsmanager put-secret-value");
      }
      process.env[reference.slice(0, -SUFFIX.length)] = out.SecretString;
    }),
  );
}

export async function ${exportName}(event, context) {
  loading ??= resolveSecrets().catch((err) => {
    loading = undefined;
    throw err;
  });
  await loading;
  return inner(event, context);
}
`;
}

function sha256(...parts: (string | Buffer)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(p);
    h.update("\0");
  }
  return h.digest("hex");
}

function contentHash(optionsHash: string, inputs: readonly string[]): string | undefined {
  const parts: (string | Buffer)[] = [optionsHash];
  for (const input of inputs) {
    const file = path.join(repositoryRoot, input);
    if (!fs.existsSync(file)) {
      return undefined;
    }
    parts.push(input, fs.readFileSync(file));
  }
  return sha256(...parts);
}

function archiveOf(
  dir: string,
  hash: string,
  inputs: readonly string[],
  handler: string,
): FunctionPackage {
  const js = path.join(dir, "index.js");
  return {
    archive: new pulumi.asset.AssetArchive({
      "index.js": new pulumi.asset.FileAsset(js),
      "index.js.map": new pulumi.asset.FileAsset(path.join(dir, "index.js.map")),
    }),
    handler,
    hash,
    inputs,
    bytes: fs.statSync(js).size,
  };
}

/**
 * The esbuild options every function bundle is built with: what runs in a function is this output, not the
 * TypeScript source (`npm run bench` measures the redaction library built the same way).
 */
export function bundleOptions(
  args: Pick<FunctionPackageArgs, "external" | "target">,
): esbuild.BuildOptions {
  return {
    bundle: true,
    treeShaking: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    platform: "node",
    target: args.target ?? "node22",
    format: "cjs",
    external: [...(args.external ?? ["@aws-sdk/*"])],
    legalComments: "none",
  };
}

/** Bundles a handler (or returns the cached bundle) and wraps it in an archive. */
export function packageFunction(args: FunctionPackageArgs): FunctionPackage {
  const exportName = args.exportName ?? "handler";
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(exportName)) {
    throw new Error(
      `packageFunction: [exportName] must be a JavaScript identifier, received ${JSON.stringify(exportName)}`,
    );
  }
  const entryFile = path.resolve(repositoryRoot, args.entry);
  if (!fs.existsSync(entryFile) || !fs.statSync(entryFile).isFile()) {
    throw new Error(
      `packageFunction: [entry] ${JSON.stringify(args.entry)} does not exist (looked for ${entryFile}); ` +
        "expected a handler module relative to the repository root, for example functions/video-meeting/handler.ts",
    );
  }
  const cacheDir = args.cacheDir ?? path.join(repositoryRoot, ".cache", "functions");
  const wrapper = args.resolveAwsSecrets ? secretsWrapper(entryFile, exportName) : undefined;
  const options: esbuild.BuildOptions = {
    ...bundleOptions(args),
    metafile: true,
    absWorkingDir: repositoryRoot,
    logLevel: "silent",
  };
  const optionsHash = sha256(
    esbuild.version,
    path.relative(repositoryRoot, entryFile),
    exportName,
    wrapper ?? "",
    JSON.stringify(options),
  );
  const manifestFile = path.join(cacheDir, `${optionsHash}.json`);
  const handler = `index.${exportName}`;

  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
    const dir = path.join(cacheDir, manifest.hash);
    if (
      manifest.optionsHash === optionsHash &&
      contentHash(optionsHash, manifest.inputs) === manifest.hash &&
      fs.existsSync(path.join(dir, "index.js")) &&
      fs.existsSync(path.join(dir, "index.js.map"))
    ) {
      return archiveOf(dir, manifest.hash, manifest.inputs, handler);
    }
  }

  let result: esbuild.BuildResult<esbuild.BuildOptions & { metafile: true; write: false }>;
  try {
    result = esbuild.buildSync({
      ...options,
      ...(wrapper
        ? {
            stdin: {
              contents: wrapper,
              resolveDir: path.dirname(entryFile),
              sourcefile: "secrets-wrapper.js",
              loader: "js",
            },
          }
        : { entryPoints: [entryFile] }),
      outfile: "index.js",
      write: false,
    }) as esbuild.BuildResult<esbuild.BuildOptions & { metafile: true; write: false }>;
  } catch (err) {
    throw new Error(
      `packageFunction: bundling [entry] ${JSON.stringify(args.entry)} failed: ${(err as Error).message}`,
    );
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith("<stdin>") && fs.existsSync(path.join(repositoryRoot, f)))
    .sort();
  const hash = contentHash(optionsHash, inputs);
  if (hash === undefined) {
    throw new Error(
      `packageFunction: an input of [entry] ${JSON.stringify(args.entry)} vanished while bundling`,
    );
  }
  const dir = path.join(cacheDir, hash);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of result.outputFiles) {
    const name = file.path.endsWith(".map") ? "index.js.map" : "index.js";
    // Written whole, then renamed: a concurrent plan never reads half a bundle.
    const target = path.join(dir, name);
    fs.writeFileSync(`${target}.${process.pid}.tmp`, file.contents);
    fs.renameSync(`${target}.${process.pid}.tmp`, target);
  }
  const manifest: Manifest = { optionsHash, inputs, hash };
  fs.writeFileSync(`${manifestFile}.${process.pid}.tmp`, JSON.stringify(manifest, null, 2));
  fs.renameSync(`${manifestFile}.${process.pid}.tmp`, manifestFile);
  return archiveOf(dir, hash, inputs, handler);
}
