import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";

/** The function a route invokes: what a NodeFunction exposes. */
export interface RouteTarget {
  readonly functionArn: pulumi.Input<string>;
  readonly functionName: pulumi.Input<string>;
}

export interface ApiRoute {
  /** `METHOD /path`, path parameters in braces: `POST /appointments/{appointmentId}/meeting`. */
  readonly routeKey: string;
  /** The Lambda function behind the route (payload format 2.0). */
  readonly function: RouteTarget;
  /**
   * OAuth scopes the access token must carry, in addition to a valid signature, issuer and audience.
   * @default none: any token of the user pool's clients
   */
  readonly scopes?: readonly string[];
}

export interface HttpApiArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** JWT issuer (the Cognito user pool's `https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
  readonly issuerUrl: pulumi.Input<string>;
  /** Accepted audiences: the Cognito app client ids. */
  readonly audiences: pulumi.Input<pulumi.Input<string>[]>;
  /** Routes as data; every one gets the JWT authorizer. */
  readonly routes: readonly ApiRoute[];
  /** The customer-managed key of the access log group. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Retention of the access log group (from the stack configuration). */
  readonly logRetentionInDays: number;
  /**
   * Browser origins allowed by CORS.
   * @default none: no CORS configuration
   */
  readonly corsOrigins?: readonly string[];
  /** Steady-state requests per second of the stage. @default 50 */
  readonly throttlingRateLimit?: number;
  /** Burst of requests of the stage. @default 100 */
  readonly throttlingBurstLimit?: number;
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Access log line: who (the token's pseudonymous `sub`), which route, outcome and latency. No request or response
 * bodies, no path values (they carry appointment ids), no source IP.
 */
export const accessLogFormat = JSON.stringify({
  requestId: "$context.requestId",
  requestTime: "$context.requestTimeEpoch",
  routeKey: "$context.routeKey",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationStatus: "$context.integrationStatus",
  integrationLatency: "$context.integrationLatency",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
  principal: "$context.authorizer.claims.sub",
  clientId: "$context.authorizer.claims.client_id",
});

const routeKeyPattern = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) (\/[A-Za-z0-9._~{}+/-]*)$/;

/** `arn:...:<apiId>/*\/METHOD/path` with each `{param}` as `*`: the permission's source ARN for one route. */
export function routeSourceArn(executionArn: string, routeKey: string): string {
  const [, method, path] = routeKeyPattern.exec(routeKey) ?? [];
  const resource = path.replace(/\{[^}]+\}/g, "*");
  return `${executionArn}/*/${method === "ANY" ? "*" : method}${resource}`;
}

/**
 * An API Gateway HTTP API whose every route requires a Cognito JWT, with Lambda integrations declared as data,
 * invoke permissions limited to each route's ARN, and a stage with throttling, detailed metrics, no data tracing
 * and JSON access logs to a KMS-encrypted log group.
 */
export class HttpApi extends pulumi.ComponentResource {
  public readonly apiId: pulumi.Output<string>;
  public readonly apiEndpoint: pulumi.Output<string>;
  public readonly executionArn: pulumi.Output<string>;
  public readonly authorizerId: pulumi.Output<string>;
  public readonly stageName: pulumi.Output<string>;
  public readonly accessLogGroupArn: pulumi.Output<string>;

  constructor(name: string, args: HttpApiArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:HttpApi", name, {}, opts);
    if (args.routes.length === 0) {
      throw new Error(
        `HttpApi ${name}: [routes] is empty; expected at least one { routeKey, function }`,
      );
    }
    const seen = new Set<string>();
    for (const route of args.routes) {
      if (!routeKeyPattern.test(route.routeKey)) {
        throw new Error(
          `HttpApi ${name}: [routes] routeKey ${JSON.stringify(route.routeKey)} is not "METHOD /path" ` +
            '(for example "POST /appointments/{appointmentId}/meeting"); $default is not allowed, every route is explicit',
        );
      }
      if (seen.has(route.routeKey)) {
        throw new Error(
          `HttpApi ${name}: [routes] declares ${JSON.stringify(route.routeKey)} twice`,
        );
      }
      seen.add(route.routeKey);
    }
    const rate = args.throttlingRateLimit ?? 50;
    const burst = args.throttlingBurstLimit ?? 100;
    if (!(rate > 0) || !Number.isInteger(burst) || burst < 1) {
      throw new Error(
        `HttpApi ${name}: [throttlingRateLimit] and [throttlingBurstLimit] must be positive, received ${rate} and ${burst}`,
      );
    }

    const region = aws.getRegionOutput({}, { parent: this }).region;
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

    const api = new aws.apigatewayv2.Api(
      `${name}-api`,
      {
        name: physicalName(args.namePrefix, name, 128),
        protocolType: "HTTP",
        corsConfiguration: args.corsOrigins
          ? {
              allowOrigins: [...args.corsOrigins],
              allowMethods: [...new Set(args.routes.map((r) => r.routeKey.split(" ")[0]))],
              allowHeaders: ["authorization", "content-type"],
              allowCredentials: false,
              maxAge: 600,
            }
          : undefined,
        tags: args.tags,
      },
      { parent: this },
    );
    const executionArn = pulumi.interpolate`arn:aws:execute-api:${region}:${account}:${api.id}`;

    const authorizer = new aws.apigatewayv2.Authorizer(
      `${name}-jwt`,
      {
        apiId: api.id,
        name: physicalName(args.namePrefix, `${name}-jwt`, 128),
        authorizerType: "JWT",
        identitySources: ["$request.header.Authorization"],
        jwtConfiguration: { issuer: args.issuerUrl, audiences: args.audiences },
      },
      { parent: this },
    );

    const routes = args.routes.map((route) => {
      const slug = route.routeKey
        .toLowerCase()
        .replace(/[{}]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      const integration = new aws.apigatewayv2.Integration(
        `${name}-${slug}`,
        {
          apiId: api.id,
          integrationType: "AWS_PROXY",
          integrationMethod: "POST",
          integrationUri: route.function.functionArn,
          payloadFormatVersion: "2.0",
          timeoutMilliseconds: 29000,
        },
        { parent: this },
      );
      new aws.lambda.Permission(
        `${name}-${slug}`,
        {
          action: "lambda:InvokeFunction",
          function: route.function.functionName,
          principal: "apigateway.amazonaws.com",
          sourceArn: executionArn.apply((arn) => routeSourceArn(arn, route.routeKey)),
        },
        { parent: this },
      );
      return new aws.apigatewayv2.Route(
        `${name}-${slug}`,
        {
          apiId: api.id,
          routeKey: route.routeKey,
          authorizationType: "JWT",
          authorizerId: authorizer.id,
          authorizationScopes: route.scopes ? [...route.scopes] : undefined,
          target: pulumi.interpolate`integrations/${integration.id}`,
        },
        { parent: this },
      );
    });

    const accessLogs = new aws.cloudwatch.LogGroup(
      `${name}-access-logs`,
      {
        name: `/aws/apigateway/${physicalName(args.namePrefix, name, 128)}/access`,
        kmsKeyId: args.kmsKeyArn,
        retentionInDays: args.logRetentionInDays,
        tags: args.tags,
      },
      { parent: this },
    );

    const stage = new aws.apigatewayv2.Stage(
      `${name}-stage`,
      {
        apiId: api.id,
        name: "$default",
        autoDeploy: true,
        accessLogSettings: { destinationArn: accessLogs.arn, format: accessLogFormat },
        defaultRouteSettings: {
          throttlingRateLimit: rate,
          throttlingBurstLimit: burst,
          dataTraceEnabled: false,
          detailedMetricsEnabled: true,
        },
        tags: args.tags,
      },
      { parent: this, dependsOn: routes },
    );

    this.apiId = api.id;
    // What AWS reports as apiEndpoint, built from known parts so it is known before the API exists.
    this.apiEndpoint = pulumi.interpolate`https://${api.id}.execute-api.${region}.amazonaws.com`;
    this.executionArn = executionArn;
    this.authorizerId = authorizer.id;
    this.stageName = stage.name;
    this.accessLogGroupArn = accessLogs.arn;
    this.registerOutputs({
      apiId: this.apiId,
      apiEndpoint: this.apiEndpoint,
      executionArn: this.executionArn,
      authorizerId: this.authorizerId,
      stageName: this.stageName,
      accessLogGroupArn: this.accessLogGroupArn,
    });
  }
}
