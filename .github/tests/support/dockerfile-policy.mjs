// hadolint-style rules for the gateway images (hadolint itself is not installable
// here): pinned bases, a non-root numeric USER, nothing secret baked into a layer.
import { DockerfileParser } from 'dockerfile-ast';

const DIGEST = /@sha256:[0-9a-f]{64}$/;
const ALLOWED_BASES = [/^gcr\.io\/distroless\//, /^registry\.access\.redhat\.com\/ubi\d+\/ubi-micro[:@]/];
const SECRET_NAME = /secret|passw|token|api_?key|private|credential|access_?key/i;
const SECRET_FILE = /(^|\/)(\.env|\.npmrc|\.netrc|\.git-credentials|id_[a-z0-9]+|credentials|secrets?)(\/|$)|\.(pem|key|p12|pfx|jks|keystore)$/i;

export function dockerfileViolations(name, content) {
  const dockerfile = DockerfileParser.parse(content);
  const instructions = dockerfile.getInstructions();
  const violations = [];
  const stages = new Set();

  for (const from of dockerfile.getFROMs()) {
    const image = from.getImage();
    if (!stages.has(image)) {
      if (!DIGEST.test(image)) violations.push(`${name}: base ${image} is not pinned by sha256 digest (DL3006/DL3007)`);
      if (!ALLOWED_BASES.some((re) => re.test(image))) violations.push(`${name}: base ${image} is neither distroless nor UBI micro`);
    }
    if (from.getBuildStage()) stages.add(from.getBuildStage());
  }

  const lastFrom = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
  const users = instructions.slice(lastFrom).filter((i) => i.getKeyword() === 'USER');
  const user = users.at(-1)?.getArgumentsContent()?.trim();
  if (!user) violations.push(`${name}: the final stage sets no USER, so it runs as root (DL3002)`);
  else if (!/^[1-9]\d*(:\d+)?$/.test(user)) violations.push(`${name}: USER ${user} must be a numeric non-root UID so runAsNonRoot can verify it`);

  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArgumentsContent() ?? '';
    if (keyword === 'ADD') violations.push(`${name}: ADD ${args}; use COPY (DL3020), and never fetch URLs into a layer`);
    if (keyword === 'ARG' || keyword === 'ENV') {
      const names = args.split(/\s+/).map((a) => a.split('=')[0]).filter(Boolean);
      for (const variable of names.filter((n) => SECRET_NAME.test(n))) {
        violations.push(`${name}: ${keyword} ${variable} would store a secret in the image or its history`);
      }
    }
    if (keyword === 'COPY') {
      const sources = args.split(/\s+/).slice(0, -1);
      for (const source of sources.filter((s) => SECRET_FILE.test(s))) {
        violations.push(`${name}: COPY ${source} would put a secret file into a layer`);
      }
    }
    if ((keyword === 'ENTRYPOINT' || keyword === 'CMD') && !args.trim().startsWith('[')) {
      violations.push(`${name}: ${keyword} must use JSON (exec) form so signals reach the process (DL3025)`);
    }
  }
  return violations;
}

/** A `<Dockerfile>.dockerignore` that starts by excluding everything keeps stray files out of the context. */
export function contextViolations(name, dockerignore) {
  if (dockerignore === undefined) return [`${name}: no ${name}.dockerignore limiting the build context`];
  const rules = dockerignore.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (rules[0] !== '*') return [`${name}.dockerignore must start with '*' and then allow only the build output`];
  const allowed = rules.slice(1).filter((r) => r.startsWith('!'));
  return allowed.every((r) => r.startsWith('!target/')) && allowed.length
    ? []
    : [`${name}.dockerignore may only re-include paths under target/`];
}
