import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan', 'atan2']);

// Grafana's own variables, replaced by what Grafana would send for a 5m view.
export function withGrafanaVariables(expr, namespace = '.*') {
  return expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$__interval', '15s')
    .replaceAll('$__range', '5m')
    .replaceAll('$namespace', namespace);
}

// The metric (and recording rule) names an expression reads: what is left once
// strings, label matchers, ranges, grouping clauses, numbers and function calls are gone.
export function metricNames(expr) {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+-?\w+/g, ' ')
    .replace(/(?<![\w:])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w:])/gi, ' ');
  const names = new Set();
  for (const match of bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const rest = bare.slice(match.index + match[0].length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return names;
}

export function ruleGroups(file) {
  return parse(readFileSync(file, 'utf8')).groups;
}

export function rules(files) {
  return files.flatMap((file) => ruleGroups(file).flatMap((g) => g.rules.map((rule) => ({ file, group: g.name, ...rule }))));
}

export function dashboardPanels(dashboard) {
  return dashboard.panels.flatMap((p) => (p.type === 'row' ? p.panels ?? [] : [p]));
}

export function dashboardExpressions(dashboard) {
  return dashboardPanels(dashboard).flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
}

// Names in a /q/metrics scrape: every sample line starts with one.
export function scrapedNames(text) {
  const names = new Set();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_:][A-Za-z0-9_:]*)[{\s]/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}
