/** A pod spec that meets the restricted profile, and ways to break it. */
export const podControls = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32; GDPR Art. 25)";

export const restrictedContainer = (name = "app", extra: Record<string, unknown> = {}) => ({
  name,
  image: "europe-west3-docker.pkg.dev/mediconnect-prod-eu/apps/fhir-gateway@sha256:0123",
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
  },
  resources: {
    limits: { cpu: "500m", memory: "256Mi" },
    requests: { cpu: "100m", memory: "128Mi" },
  },
  ...extra,
});

export const restrictedPod = (extra: Record<string, unknown> = {}) => ({
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 10001,
    seccompProfile: { type: "RuntimeDefault" },
  },
  containers: [restrictedContainer()],
  volumes: [{ name: "tmp", emptyDir: {} }],
  ...extra,
});

/** A container that breaks every container rule. */
export const rootContainer = {
  name: "legacy",
  image: "nginx:1.27",
  securityContext: {
    privileged: true,
    runAsUser: 0,
    capabilities: { add: ["SYS_ADMIN"] },
    seccompProfile: { type: "Unconfined" },
  },
};

export const rootContainerFindings = [
  "Container legacy is privileged; set securityContext.privileged: false.",
  "Container legacy allows privilege escalation; set securityContext.allowPrivilegeEscalation: false.",
  "Container legacy may run as root; set runAsNonRoot: true on the pod or container securityContext.",
  "Container legacy runs as user 0 (root); set a non-zero runAsUser.",
  "Container legacy has a writable root filesystem; set securityContext.readOnlyRootFilesystem: true.",
  'Container legacy does not drop ALL capabilities; set securityContext.capabilities.drop: ["ALL"].',
  "Container legacy adds capabilities SYS_ADMIN; only NET_BIND_SERVICE may be added.",
  "Container legacy has seccompProfile Unconfined; set seccompProfile.type: RuntimeDefault on the pod or container.",
  "Container legacy sets no cpu or memory limit; set resources.limits.cpu and resources.limits.memory.",
].map((m) => `${m} ${podControls}`);
