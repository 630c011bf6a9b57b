/** Every AWS resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as apigateway from "./apigateway";
import * as apigatewayv2 from "./apigatewayv2";
import * as cloudtrail from "./cloudtrail";
import * as cloudwatch from "./cloudwatch";
import * as cognito from "./cognito";
import * as dynamodb from "./dynamodb";
import * as ebs from "./ebs";
import * as ec2 from "./ec2";
import * as iam from "./iam";
import * as iot from "./iot";
import * as kinesis from "./kinesis";
import * as kms from "./kms";
import * as lambda from "./lambda";
import * as lb from "./lb";
import * as rds from "./rds";
import * as s3 from "./s3";
import * as secretsmanager from "./secretsmanager";
import * as sns from "./sns";
import * as sqs from "./sqs";
import * as vpc from "./vpc";

export const awsPolicies: ResourceValidationPolicy[] = [
  ...Object.values(apigateway),
  ...Object.values(apigatewayv2),
  ...Object.values(cloudtrail),
  ...Object.values(cloudwatch),
  ...Object.values(cognito),
  ...Object.values(dynamodb),
  ...Object.values(ebs),
  ...Object.values(ec2),
  ...Object.values(iam),
  ...Object.values(iot),
  ...Object.values(kinesis),
  ...Object.values(kms),
  ...Object.values(lambda),
  ...Object.values(lb),
  ...Object.values(rds),
  ...Object.values(s3),
  ...Object.values(secretsmanager),
  ...Object.values(sns),
  ...Object.values(sqs),
  ...Object.values(vpc),
];
