export { awsSfnStateMachineEnableCmkEncryption } from "./aws-sfn-state-machine-enable-cmk-encryption";
export { awsSfnStateMachineEnableLogging } from "./aws-sfn-state-machine-enable-logging";
export { awsSfnStateMachineEnableXrayTracing } from "./aws-sfn-state-machine-enable-xray-tracing";
