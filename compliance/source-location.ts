/**
 * Where a resource is declared, for SARIF and JUnit locations. The Node SDK sends the engine the stack trace of
 * every resource constructor (RegisterResourceRequest.stackTrace, innermost frame first, file URIs with positions
 * already mapped through tsx's source maps). The rule:
 *
 *   the innermost frame whose file lies inside the program directory and outside any node_modules directory.
 *
 * So a resource the program declares itself points at its `new ...(...)` line; a resource created inside one of the
 * program's own components points at the line in that component file (where a fix is made); a resource created
 * inside a component package (node_modules, the SDK, a provider SDK) points at the program line that constructed
 * that component. Frames in the offline runner itself (compliance/) are skipped when the runner lies inside the
 * program directory (this project planning itself).
 */
import * as path from "path";
import { fileURLToPath } from "url";

export interface Frame {
  readonly uri: string;
  readonly line: number;
  readonly column: number;
}

const runnerDir = __dirname;

function fileOf(uri: string): string | undefined {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(uri) ? uri : undefined;
}

function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** Applies the rule above to frames innermost first; undefined when no frame qualifies. */
export function declarationOf(
  frames: readonly (Frame | undefined)[],
  programDir: string,
): { file: string; line: number; column: number } | undefined {
  for (const frame of frames) {
    if (!frame || !frame.line) {
      continue;
    }
    const file = fileOf(frame.uri);
    if (
      !file ||
      !inside(programDir, file) ||
      file.split(path.sep).includes("node_modules") ||
      inside(runnerDir, file)
    ) {
      continue;
    }
    return {
      file: path.relative(programDir, file).split(path.sep).join("/"),
      line: frame.line,
      column: frame.column,
    };
  }
  return undefined;
}

/** The frames of a RegisterResourceRequest (google-protobuf message), innermost first. */
export function framesOfRequest(req: {
  getStacktrace?: () => { getFramesList(): { getPc(): unknown }[] } | undefined;
}): (Frame | undefined)[] {
  const trace = req.getStacktrace?.();
  if (!trace) {
    return [];
  }
  return trace.getFramesList().map((f) => {
    const pc = f.getPc() as
      { getUri(): string; getLine(): number; getColumn(): number } | undefined;
    return pc ? { uri: pc.getUri(), line: pc.getLine(), column: pc.getColumn() } : undefined;
  });
}
