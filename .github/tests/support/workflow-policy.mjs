// Supply-chain and least-privilege rules for GitHub Actions workflows. Each check
// returns a list of human-readable violations; an empty list means compliant.

const USES_LINE = /^\s*(?:-\s+)?uses:\s*["']?([^"'\s#]+)["']?\s*(?:#\s*(.*))?$/;
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^v\d+\.\d+\.\d+\b/;
const DOCKER_BY_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/** Every `uses:` with its line number and trailing comment. */
export function usesReferences(source) {
  return source.split('\n').flatMap((line, index) => {
    const match = USES_LINE.exec(line);
    return match ? [{ ref: match[1], comment: match[2]?.trim() ?? '', line: index + 1 }] : [];
  });
}

export function unpinnedActions(file, source) {
  return usesReferences(source).flatMap(({ ref, comment, line }) => {
    if (ref.startsWith('./')) return [];
    if (ref.startsWith('docker://')) {
      return DOCKER_BY_DIGEST.test(ref) ? [] : [`${file}:${line} ${ref} is a container not pinned by digest`];
    }
    if (!PINNED.test(ref)) return [`${file}:${line} ${ref} is not pinned to a 40-hex commit SHA`];
    if (!VERSION_COMMENT.test(comment)) return [`${file}:${line} ${ref} lacks a '# vX.Y.Z' comment naming its release`];
    return [];
  });
}

/** The same action must resolve to one commit across all workflows. */
export function inconsistentPins(workflows) {
  const shaByAction = new Map();
  const violations = [];
  for (const { file, source } of workflows) {
    for (const { ref, line } of usesReferences(source)) {
      if (!PINNED.test(ref)) continue;
      const [action, sha] = ref.split('@');
      const seen = shaByAction.get(action);
      if (!seen) shaByAction.set(action, { sha, where: `${file}:${line}` });
      else if (seen.sha !== sha) violations.push(`${file}:${line} pins ${action} to ${sha}, ${seen.where} to ${seen.sha}`);
    }
  }
  return violations;
}

function isWrite(permissions) {
  if (permissions === 'write-all') return true;
  if (permissions && typeof permissions === 'object') return Object.values(permissions).includes('write');
  return false;
}

export function permissionViolations(file, doc) {
  const violations = [];
  if (!('permissions' in doc)) violations.push(`${file}: no top-level permissions (set {} or read-only)`);
  else if (isWrite(doc.permissions)) violations.push(`${file}: top-level permissions grant write; grant it per job`);
  for (const [id, job] of Object.entries(doc.jobs ?? {})) {
    if (!job || !('permissions' in job)) violations.push(`${file}: job ${id} declares no permissions`);
  }
  return violations;
}

/** id-token: write only where a job (or the workflow it calls) assumes a cloud role. */
export function idTokenViolations(file, doc) {
  return Object.entries(doc.jobs ?? {}).flatMap(([id, job]) => {
    if (job?.permissions?.['id-token'] !== 'write') return [];
    const assumesRole = (job.steps ?? []).some(
      (step) => String(step.uses ?? '').startsWith('aws-actions/configure-aws-credentials@') && step.with?.['role-to-assume'],
    );
    return assumesRole ? [] : [`${file}: job ${id} gets id-token: write but assumes no role`];
  });
}

const LONG_LIVED_KEYS = /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/;
const SECRET_REF = /\$\{\{\s*secrets\.([A-Za-z0-9_]+)/g;

/** No static cloud keys; any secret other than GITHUB_TOKEN only in a job bound to an environment. */
export function secretViolations(file, doc) {
  return Object.entries(doc.jobs ?? {}).flatMap(([id, job]) => {
    const text = JSON.stringify(job);
    const violations = [];
    if (LONG_LIVED_KEYS.test(text)) violations.push(`${file}: job ${id} uses long-lived AWS keys; use OIDC (role-to-assume)`);
    const names = [...text.matchAll(SECRET_REF)].map((m) => m[1]).filter((n) => n !== 'GITHUB_TOKEN');
    if (names.length && !job.environment) {
      violations.push(`${file}: job ${id} reads secrets ${names.join(', ')} outside a GitHub environment`);
    }
    return violations;
  });
}

/** Protected branches change only through pull requests: pushes go to a new branch. */
export function directPushes(file, source) {
  return source.split('\n').flatMap((line, index) => {
    const push = /\bgit\s+push\b(.*)$/.exec(line);
    if (!push) return [];
    const target = push[1];
    const ok = /^\s+origin\s+"\$branch"\s*$/.test(target);
    return ok ? [] : [`${file}:${index + 1} pushes '${target.trim()}'; push only the pull request's own "$branch"`];
  });
}

/** The steps of all jobs whose `run` contains the command as a whole line. */
export function stepsRunning(doc, command) {
  return Object.entries(doc.jobs ?? {}).flatMap(([jobId, job]) =>
    (job?.steps ?? [])
      .filter((step) => String(step.run ?? '').split('\n').some((l) => l.trim() === command))
      .map((step) => ({ jobId, job, step })),
  );
}
