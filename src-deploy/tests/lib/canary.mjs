// Reading the canary design back out of the rendered Rollout and AnalysisTemplates.

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };

export function seconds(duration) {
  if (typeof duration === 'number') return duration;
  const match = /^(\d+)([smh])$/.exec(duration);
  if (!match) throw new Error(`unsupported duration ${duration}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/** The stages of a canary: each setWeight with the pause and the analysis steps that follow it. */
export function stages(rollout) {
  const result = [];
  for (const step of rollout.spec.strategy.canary.steps) {
    if (step.setWeight !== undefined) {
      result.push({ weight: step.setWeight, pauses: [], analyses: [] });
    } else if (result.length === 0) {
      throw new Error(`step before the first setWeight: ${JSON.stringify(step)}`);
    } else if (step.pause) {
      result.at(-1).pauses.push(step.pause.duration);
    } else if (step.analysis) {
      result.at(-1).analyses.push(step.analysis);
    } else {
      throw new Error(`unexpected step ${JSON.stringify(step)}`);
    }
  }
  return result;
}

/** The value an AnalysisRun gets for each template arg: from the Rollout, else the template's default. */
export function resolvedArgs(template, rolloutArgs = []) {
  const values = {};
  for (const arg of template.spec.args ?? []) {
    const given = rolloutArgs.find((a) => a.name === arg.name);
    values[arg.name] = given ? (given.value ?? given.valueFrom) : arg.value;
  }
  return values;
}

export function templateNamed(objects, name) {
  const template = objects.find((o) => o.kind === 'AnalysisTemplate' && o.metadata.name === name);
  if (!template) throw new Error(`the Rollout refers to AnalysisTemplate ${name}, which is not rendered`);
  return template;
}
