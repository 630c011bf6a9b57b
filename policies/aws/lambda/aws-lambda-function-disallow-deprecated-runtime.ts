import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { configOf } from "../lib/format";

/** Runtimes AWS has deprecated (no more security patches), as of the pack's release; configurable. */
export const deprecatedRuntimes = [
  "nodejs10.x",
  "nodejs12.x",
  "nodejs14.x",
  "nodejs16.x",
  "nodejs18.x",
  "nodejs20.x",
  "python2.7",
  "python3.6",
  "python3.7",
  "python3.8",
  "python3.9",
  "ruby2.5",
  "ruby2.7",
  "ruby3.2",
  "dotnetcore2.1",
  "dotnetcore3.1",
  "dotnet5.0",
  "dotnet6",
  "dotnet7",
  "java8",
  "go1.x",
  "provided",
];

/**
 * A deprecated runtime no longer receives security patches, so known vulnerabilities in the language runtime stay
 * open on code that handles PHI.
 * @severity high
 * @controls gdpr:art32, hipaa:164.312(a)(1)
 */
export const awsLambdaFunctionDisallowDeprecatedRuntime = resourcePolicy(
  {
    name: "aws-lambda-function-disallow-deprecated-runtime",
    description: "Lambda functions must not use a runtime AWS has deprecated.",
    severity: "high",
    controls: ["gdpr:art32", "hipaa:164.312(a)(1)"],
    remediationSteps:
      'Set `runtime` on the aws.lambda.Function to a supported runtime (for example "nodejs22.x", "nodejs24.x", "python3.13").',
    configSchema: {
      properties: {
        deprecatedRuntimes: {
          type: "array",
          items: { type: "string" },
          default: deprecatedRuntimes,
          description: "Runtime identifiers that are no longer allowed.",
        },
      },
    },
  },
  lambda.Function,
  (fn, { args, report }) => {
    const config = configOf(args, { deprecatedRuntimes });
    // Container images (packageType "Image") carry their own runtime and set none here.
    const runtime = fn.runtime;
    if (runtime !== undefined && config.deprecatedRuntimes.includes(runtime)) {
      report(`runtime is "${runtime}", which is deprecated; expected a supported runtime.`);
    }
  },
);
