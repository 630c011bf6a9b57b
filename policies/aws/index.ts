/** Every AWS resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as apigateway from "./apigateway";
import * as apigatewayv2 from "./apigatewayv2";
import * as athena from "./athena";
import * as backup from "./backup";
import * as cloudfront from "./cloudfront";
import * as cloudtrail from "./cloudtrail";
import * as cloudwatch from "./cloudwatch";
import * as cognito from "./cognito";
import * as docdb from "./docdb";
import * as dynamodb from "./dynamodb";
import * as ebs from "./ebs";
import * as ec2 from "./ec2";
import * as ecr from "./ecr";
import * as ecs from "./ecs";
import * as efs from "./efs";
import * as eks from "./eks";
import * as elasticache from "./elasticache";
import * as fsx from "./fsx";
import * as glue from "./glue";
import * as iam from "./iam";
import * as iot from "./iot";
import * as kinesis from "./kinesis";
import * as kms from "./kms";
import * as lambda from "./lambda";
import * as lb from "./lb";
import * as memorydb from "./memorydb";
import * as msk from "./msk";
import * as neptune from "./neptune";
import * as opensearch from "./opensearch";
import * as rds from "./rds";
import * as redshift from "./redshift";
import * as s3 from "./s3";
import * as sagemaker from "./sagemaker";
import * as secretsmanager from "./secretsmanager";
import * as sfn from "./sfn";
import * as sns from "./sns";
import * as sqs from "./sqs";
import * as ssm from "./ssm";
import * as vpc from "./vpc";

export const awsPolicies: ResourceValidationPolicy[] = [
  ...Object.values(apigateway),
  ...Object.values(apigatewayv2),
  ...Object.values(athena),
  ...Object.values(backup),
  ...Object.values(cloudfront),
  ...Object.values(cloudtrail),
  ...Object.values(cloudwatch),
  ...Object.values(cognito),
  ...Object.values(docdb),
  ...Object.values(dynamodb),
  ...Object.values(ebs),
  ...Object.values(ec2),
  ...Object.values(ecr),
  ...Object.values(ecs),
  ...Object.values(efs),
  ...Object.values(eks),
  ...Object.values(elasticache),
  ...Object.values(fsx),
  ...Object.values(glue),
  ...Object.values(iam),
  ...Object.values(iot),
  ...Object.values(kinesis),
  ...Object.values(kms),
  ...Object.values(lambda),
  ...Object.values(lb),
  ...Object.values(memorydb),
  ...Object.values(msk),
  ...Object.values(neptune),
  ...Object.values(opensearch),
  ...Object.values(rds),
  ...Object.values(redshift),
  ...Object.values(s3),
  ...Object.values(sagemaker),
  ...Object.values(secretsmanager),
  ...Object.values(sfn),
  ...Object.values(sns),
  ...Object.values(sqs),
  ...Object.values(ssm),
  ...Object.values(vpc),
];
