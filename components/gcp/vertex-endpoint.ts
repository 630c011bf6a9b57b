import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

/** The one permission a caller needs to get predictions from an endpoint. */
export const predictPermission = "aiplatform.endpoints.predict";

export interface VertexEndpointArgs {
  /** Prefix of names; also seeds the default endpoint id. */
  readonly namePrefix: string;
  readonly projectId: string;
  /** Region of the endpoint (and of its key). */
  readonly region: string;
  /** Cloud KMS key in the endpoint's region. */
  readonly kmsKeyId: pulumi.Input<string>;
  /** IAM members that may call predict on this endpoint, and nothing else. */
  readonly predictors: readonly pulumi.Input<string>[];
  /**
   * Numeric endpoint id (at most 10 digits, no leading zero), the VERTEX_ENDPOINT_ID clients use.
   * @default a stable 10-digit number derived from the project, prefix and component name
   */
  readonly endpointId?: string;
  /** What the endpoint serves, as its display name. */
  readonly displayName: string;
}

/** A stable endpoint id: 10 digits, no leading zero, from a seed. */
export function endpointIdFor(seed: string): string {
  const n = BigInt(`0x${createHash("sha256").update(seed).digest("hex").slice(0, 15)}`);
  return String(1_000_000_000n + (n % 9_000_000_000n));
}

/**
 * A regional Vertex AI endpoint for a model deployed to it by the ML pipeline (the model is not trained or uploaded
 * here), encrypted with a customer-managed key. Request/response logging stays off, so prediction payloads (PHI)
 * are not copied to BigQuery. Callers get a custom role holding only `aiplatform.endpoints.predict`, granted on
 * this endpoint: they can predict here and do nothing else in Vertex AI.
 */
export class VertexEndpoint extends pulumi.ComponentResource {
  /** The numeric endpoint id (VERTEX_ENDPOINT_ID). */
  public readonly endpointId: pulumi.Output<string>;
  public readonly region: pulumi.Output<string>;
  /** The custom role's name, `projects/<project>/roles/<id>`. */
  public readonly predictorRole: pulumi.Output<string>;

  constructor(name: string, args: VertexEndpointArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:VertexEndpoint", name, {}, opts);
    const id = args.endpointId ?? endpointIdFor(`${args.projectId}/${args.namePrefix}/${name}`);
    if (!/^[1-9]\d{0,9}$/.test(id)) {
      throw new Error(
        `VertexEndpoint ${name}: [endpointId] must be 1 to 10 digits without a leading zero, received ${JSON.stringify(id)}`,
      );
    }
    if (args.predictors.length === 0) {
      throw new Error(
        `VertexEndpoint ${name}: [predictors] must name at least one caller, received none`,
      );
    }
    const endpoint = new gcp.vertex.AiEndpoint(
      `${name}-endpoint`,
      {
        name: id,
        displayName: args.displayName,
        description: `${args.displayName}; CMEK, predict only for named callers`,
        location: args.region,
        region: args.region,
        encryptionSpec: { kmsKeyName: args.kmsKeyId },
      },
      { parent: this },
    );
    const role = new gcp.projects.IAMCustomRole(
      `${name}-predictor`,
      {
        roleId: `${args.namePrefix}_${name}_predictor`.replace(/[^a-zA-Z0-9_]/g, "_"),
        title: `Predict on ${args.displayName}`,
        description: "Only aiplatform.endpoints.predict; granted on one endpoint",
        permissions: [predictPermission],
        stage: "GA",
      },
      { parent: this },
    );
    args.predictors.forEach((member, i) => {
      new gcp.vertex.AiEndpointIamMember(
        `${name}-predictor-${i}`,
        {
          endpoint: endpoint.name,
          location: args.region,
          role: role.name,
          member,
        },
        { parent: this },
      );
    });
    this.endpointId = endpoint.name;
    this.region = pulumi.output(args.region);
    this.predictorRole = role.name;
    this.registerOutputs({
      endpointId: this.endpointId,
      region: this.region,
      predictorRole: this.predictorRole,
    });
  }
}
