import * as pulumi from "@pulumi/pulumi";

/**
 * The resource-policy statement every platform bucket, queue and topic carries: requests that do not use TLS are
 * denied, whoever makes them (HIPAA 164.312(e)(1) transmission security).
 */
export function denyInsecureTransport(
  action: string,
  resource: pulumi.Input<string> | pulumi.Input<string>[],
): object {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}
