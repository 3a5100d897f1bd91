// Metric names used in a PromQL expression, and metric names present in a Prometheus text exposition.

const NOT_METRICS = new Set([
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset',
  'inf', 'nan',
]);

/** Substitutes Argo's {{args.name}} placeholders so the expression is plain PromQL. */
export const withArgs = (query, value = 'x') => query.replace(/\{\{\s*args\.[\w-]+\s*\}\}/g, value);

export function metricNamesInQuery(query) {
  const plain = withArgs(query)
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""') // string literals
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges and subqueries
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const names = new Set();
  for (const match of plain.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const rest = plain.slice(match.index + match[0].length);
    if (/^\s*\(/.test(rest)) continue; // a function or aggregation
    if (NOT_METRICS.has(match[0].toLowerCase())) continue;
    if (/\d$/.test(plain.slice(0, match.index))) continue; // a unit suffix such as 30s or 1e3
    names.add(match[0]);
  }
  return names;
}

export function metricNamesInExposition(text) {
  const names = new Set();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(line);
    if (match) names.add(match[0]);
  }
  return names;
}

/** Each `metric{label...}` selector of an expression, with the label names it matches on. */
export function selectorsInQuery(query) {
  const plain = withArgs(query);
  const selectors = [];
  for (const match of plain.matchAll(/([A-Za-z_:][A-Za-z0-9_:]*)\s*\{([^}]*)\}/g)) {
    const labels = [...match[2].matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map((m) => m[1]);
    selectors.push({ name: match[1], labels });
  }
  return selectors;
}

/** Label names seen on each series name of a Prometheus text exposition. */
export function labelsInExposition(text) {
  const labels = new Map();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_:][A-Za-z0-9_:]*)\{([^}]*)\}/.exec(line);
    if (!match) continue;
    if (!labels.has(match[1])) labels.set(match[1], new Set());
    for (const label of match[2].matchAll(/([A-Za-z_][A-Za-z0-9_]*)="/g)) labels.get(match[1]).add(label[1]);
  }
  return labels;
}
