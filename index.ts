/**
 * MediConnect: reads the stack's configuration, creates one explicit provider per cloud, builds the platform and
 * exports its outputs. Nothing else happens here.
 */
import { loadPlatformConfig } from "./stacks/config";
import { createProviders } from "./stacks/providers";
import { buildPlatform } from "./stacks/composition";

const config = loadPlatformConfig();
const outputs = buildPlatform(config, createProviders(config));

export = outputs;
