export { gcpVertexAiEndpointMissingCmek } from "./gcp-vertex-aiendpoint-missing-cmek";
