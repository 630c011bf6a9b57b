/** The declaration-site rule for SARIF and JUnit locations (compliance/source-location.ts). */
import * as path from "path";
import { pathToFileURL } from "url";
import { declarationOf } from "../../compliance/source-location";

const program = "/work/team-infra";
const frame = (file: string, line: number, column = 5) => ({
  uri: pathToFileURL(file).toString(),
  line,
  column,
});

describe("where a resource is declared", () => {
  it("is the innermost frame in the program, outside node_modules", () => {
    const frames = [
      frame(`${program}/node_modules/@pulumi/aws/kms/key.js`, 200),
      undefined,
      frame(`${program}/components/vault.ts`, 14, 17),
      frame(`${program}/index.ts`, 8),
    ];
    expect(declarationOf(frames, program)).toEqual({
      file: "components/vault.ts",
      line: 14,
      column: 17,
    });
  });

  it("is the program line that constructs a component package's component", () => {
    const frames = [
      frame(`${program}/node_modules/@pulumi/aws/s3/bucket.js`, 300),
      frame(`${program}/node_modules/@pulumi/awsx/ec2/vpc.js`, 80),
      frame(`${program}/stacks/network.ts`, 22, 3),
      frame(`${program}/index.ts`, 4),
    ];
    expect(declarationOf(frames, program)).toEqual({
      file: "stacks/network.ts",
      line: 22,
      column: 3,
    });
  });

  it("skips files outside the program directory and the offline runner itself", () => {
    expect(declarationOf([frame("/elsewhere/lib.ts", 3)], program)).toBeUndefined();
    expect(declarationOf([frame("/work/team-infra-other/index.ts", 3)], program)).toBeUndefined();
    // This project planning itself: the runner (compliance/) lies inside the program directory.
    const root = path.resolve(__dirname, "../..");
    const runner = path.join(root, "compliance/program.ts");
    expect(declarationOf([frame(runner, 90), frame(path.join(root, "index.ts"), 5)], root)).toEqual(
      {
        file: "index.ts",
        line: 5,
        column: 5,
      },
    );
  });
});
