import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SRC_DEPLOY = join(REPO, 'src-deploy');
export const OVERLAYS = ['dev', 'prod'];
export const overlayDir = (name) => join(SRC_DEPLOY, 'overlays', name);
export const GENERATED_WORKLOAD = join(SRC_DEPLOY, 'base', 'generated', 'kubernetes.yml');
export const GENERATED_PROMETHEUS_RULE = join(SRC_DEPLOY, 'base', 'generated', 'prometheus-rule.yaml');
export const QUARKUS_WORKLOAD = join(REPO, 'voyager-gateway', 'target', 'kubernetes', 'kubernetes.yml');
export const GATEWAY_PROPERTIES = join(REPO, 'voyager-gateway', 'src', 'main', 'resources', 'application.properties');
export const GATEWAY_SCRAPE = join(REPO, 'voyager-gateway', 'target', 'q-metrics.txt');
export const RULES_DIR = join(REPO, 'observability', 'prometheus');
export const ARGO_ROLLOUTS_CONFIG = join(SRC_DEPLOY, 'argo-rollouts', 'argo-rollouts-config.yaml');
