import { gcpProjectsIamAuditConfigEnableDataAccessLogs } from "../../../../policies/gcp/projects";
import { checkResource, unknown } from "../../harness";

const type = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
const ids = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)";
const all = [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }, { logType: "ADMIN_READ" }];
const check = (props: Record<string, unknown>) =>
  checkResource(gcpProjectsIamAuditConfigEnableDataAccessLogs, {
    type,
    props: { project: "p", service: "allServices", ...props },
  });

describe("gcp-projects-iamauditconfig-enable-data-access-logs", () => {
  it("passes all three log types for allServices", async () => {
    expect(await check({ auditLogConfigs: all })).toEqual({ violations: [], indeterminate: false });
  });
  it("passes all three log types for one service", async () => {
    expect(
      (await check({ service: "storage.googleapis.com", auditLogConfigs: all })).violations,
    ).toEqual([]);
  });
  it("fails missing log types, naming what was found", async () => {
    expect((await check({ auditLogConfigs: [{ logType: "ADMIN_READ" }] })).violations).toEqual([
      `auditLogConfigs for service "allServices" do not log DATA_READ, DATA_WRITE (found: ADMIN_READ); add a config for each of DATA_READ, DATA_WRITE and ADMIN_READ. ${ids}`,
    ]);
  });
  it("fails exempted members", async () => {
    const auditLogConfigs = [
      {
        logType: "DATA_READ",
        exemptedMembers: ["user:admin@example.org", "serviceAccount:etl@p.iam.gserviceaccount.com"],
      },
      { logType: "DATA_WRITE", exemptedMembers: [] },
      { logType: "ADMIN_READ" },
    ];
    expect((await check({ auditLogConfigs })).violations).toEqual([
      `auditLogConfigs[0] (DATA_READ) exempts user:admin@example.org, serviceAccount:etl@p.iam.gserviceaccount.com; remove exemptedMembers so every identity's access is logged. ${ids}`,
    ]);
  });
  it("fails when auditLogConfigs are absent", async () => {
    expect((await check({})).violations).toEqual([
      `auditLogConfigs for service "allServices" do not log DATA_READ, DATA_WRITE, ADMIN_READ (found: none); add a config for each of DATA_READ, DATA_WRITE and ADMIN_READ. ${ids}`,
    ]);
  });
  it("is indeterminate when a log type is unknown", async () => {
    expect(
      await check({ auditLogConfigs: [{ logType: "DATA_READ" }, { logType: unknown }] }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
