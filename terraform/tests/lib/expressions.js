'use strict';
// Terraform expressions: parsed by the real HCL2 parser (through @cdktf/hcl2json), then walked for
// references or evaluated with the subset of Terraform's functions the configuration uses.

const hcl = require('@cdktf/hcl2json');

const HEREDOC = '__VOYAGER_EXPR__';
const astCache = new Map();

function isTemplate(text) {
  return typeof text === 'string' && (text.includes('${') || text.includes('%{'));
}

// hcl2json returns every non-literal value as template source text. A heredoc keeps any quotes in
// its literal parts intact, so the text parses back exactly as written.
async function parseTemplate(text) {
  if (!astCache.has(text)) {
    const ast = await hcl.getExpressionAst('expression.tf', `<<${HEREDOC}\n${text}\n${HEREDOC}\n`);
    astCache.set(text, { ast, source: `<<${HEREDOC}\n${text}\n${HEREDOC}\n` });
  }
  return astCache.get(text);
}

function parsed(text) {
  const entry = astCache.get(text);
  if (!entry) throw new Error(`expression was not parsed at load time: ${text}`);
  return entry;
}

async function parseAllTemplates(value) {
  const texts = [];
  walkValues(value, [], (v) => { if (isTemplate(v)) texts.push(v); });
  for (const t of texts) await parseTemplate(t);
}

function walkValues(value, path, visit) {
  if (Array.isArray(value)) value.forEach((v, i) => walkValues(v, [...path, i], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkValues(v, [...path, k], visit);
  else visit(value, path);
}

// ------------------------------------------------------------------ references

const META_ROOTS = new Set(['var', 'local', 'module', 'data', 'each', 'count', 'path', 'terraform', 'self']);

/** Every traversal in an expression text: { root, parts } where parts are attribute names and index keys. */
function traversalsIn(text) {
  if (!isTemplate(text)) return [];
  const found = [];
  walkAst(parsed(text).ast, new Set(), (node, bound) => {
    if (node.type !== 'scopeTraversal') return;
    const parts = node.meta.traversal.map(segmentValue);
    if (!bound.has(parts[0])) found.push({ root: parts[0], parts: parts.slice(1), text: node.meta.fullAccessor });
  });
  return found;
}

/**
 * Traversals whose value can flow into the result: index keys, conditions and the collection of a
 * for expression whose body ignores its elements only select, so they are left out.
 */
function valueTraversalsIn(text) {
  if (!isTemplate(text)) return [];
  const found = [];
  const visit = (node, bound) => {
    if (!node) return false;
    const c = node.children || [];
    switch (node.type) {
      case 'scopeTraversal': {
        const parts = node.meta.traversal.map(segmentValue);
        if (bound.has(parts[0])) return true;
        found.push({ root: parts[0], parts: parts.slice(1), text: node.meta.fullAccessor });
        return false;
      }
      case 'index': return visit(c[0], bound);
      case 'splat': return visit(c[0], bound);
      case 'conditional': return [visit(c[1], bound), visit(c[2], bound)].some(Boolean);
      case 'for': {
        const inner = new Set(bound);
        if (node.meta.keyVar) inner.add(node.meta.keyVar);
        if (node.meta.valVar) inner.add(node.meta.valVar);
        const valueIndex = node.meta.openRangeValue === '{' ? 2 : 1;
        const usesElement = visit(c[valueIndex], inner);
        if (usesElement) visit(c[0], bound);
        return false;
      }
      default: return c.map((child) => visit(child, bound)).some(Boolean);
    }
  };
  visit(parsed(text).ast, new Set());
  return found;
}

/**
 * Full attribute paths, including what follows a computed index or a splat:
 * aws_nat_gateway.this[local.zone].id -> { root: 'aws_nat_gateway', parts: ['this', INDEX, 'id'] }.
 */
const INDEX = Symbol('index');

function attributePathsIn(text) {
  if (!isTemplate(text)) return [];
  const found = [];
  const pathOf = (node, bound) => {
    if (node.type === 'scopeTraversal') {
      const parts = node.meta.traversal.map((t) => (t.type === 'indexTraversal' ? INDEX : t.segment));
      return bound.has(parts[0]) ? null : parts;
    }
    if (node.type === 'index' || node.type === 'splat') {
      const base = pathOf(node.children[0], bound);
      walk(node.children[1], bound);
      return base && [...base, INDEX, ...(node.type === 'splat' ? tail(node.children[1]) : [])];
    }
    if (node.type === 'relativeTraversal') {
      const base = pathOf(node.children[0], bound);
      return base && [...base, ...tail(node)];
    }
    walk(node, bound);
    return null;
  };
  const tail = (rel) => (rel.type === 'relativeTraversal' ? rel.meta.traversal.map((t) => (t.type === 'indexTraversal' ? INDEX : t.segment)) : []);
  const walk = (node, bound) => {
    if (!node) return;
    if (['scopeTraversal', 'index', 'splat', 'relativeTraversal'].includes(node.type)) {
      const parts = pathOf(node, bound);
      if (parts) found.push({ root: parts[0], parts: parts.slice(1), text: node.meta.value || node.meta.fullAccessor });
      return;
    }
    if (node.type === 'for') {
      const inner = new Set(bound);
      if (node.meta.keyVar) inner.add(node.meta.keyVar);
      if (node.meta.valVar) inner.add(node.meta.valVar);
      node.children.forEach((child, i) => walk(child, i === 0 ? bound : inner));
      return;
    }
    for (const child of node.children || []) walk(child, bound);
  };
  walk(parsed(text).ast, new Set());
  return found;
}

function walkAst(node, bound, visit) {
  if (!node) return;
  visit(node, bound);
  if (node.type === 'for') {
    const inner = new Set(bound);
    if (node.meta.keyVar) inner.add(node.meta.keyVar);
    if (node.meta.valVar) inner.add(node.meta.valVar);
    node.children.forEach((child, i) => walkAst(child, i === 0 ? bound : inner, visit));
    return;
  }
  for (const child of node.children || []) walkAst(child, bound, visit);
}

function segmentValue(segment) {
  if (segment.type === 'indexTraversal') {
    try { return JSON.parse(segment.segment); } catch { return segment.segment; }
  }
  return segment.segment;
}

/** All references of a whole block body, flattened. */
function referencesOf(value) {
  const refs = [];
  walkValues(value, [], (v, path) => { for (const t of traversalsIn(v)) refs.push({ ...t, path }); });
  return refs;
}

// ------------------------------------------------------------------ evaluation

/** A value Terraform only knows after apply; `ref` names what it comes from. */
class Unknown {
  constructor(description, ref = null) { this.description = description; this.ref = ref; }
  toString() { return `<${this.description}>`; }
}

/** Reference to a resource or data source, possibly indexed and with attributes. */
function resourceRef(kind, type, name) {
  return new Unknown(kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`, { kind, type, name, key: undefined, attributes: [] });
}

function extendRef(unknown, step) {
  if (!unknown.ref) return new Unknown(`${unknown.description}${step.key !== undefined ? `[${JSON.stringify(step.key)}]` : `.${step.attribute}`}`);
  const ref = { ...unknown.ref, attributes: [...unknown.ref.attributes] };
  let description = unknown.description;
  if (step.key !== undefined && ref.key === undefined && ref.attributes.length === 0) {
    ref.key = step.key; description += `[${JSON.stringify(step.key)}]`;
  } else if (step.key !== undefined) {
    ref.attributes.push(step.key); description += `[${JSON.stringify(step.key)}]`;
  } else {
    ref.attributes.push(step.attribute); description += `.${step.attribute}`;
  }
  return new Unknown(description, ref);
}

const isUnknown = (v) => v instanceof Unknown;
const anyUnknown = (values) => values.some((v) => isUnknown(v) || (Array.isArray(v) && anyUnknown(v)));

class EvaluationError extends Error {}

/**
 * Evaluates a value from the hcl2json tree (literal, template text, array or object) in a scope:
 * { vars, locals (name -> raw value), each, count, moduleOutput(name, output), resource(type, name) }.
 */
function evaluate(value, scope) {
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]));
  if (!isTemplate(value)) return value;
  const { ast, source } = parsed(value);
  return evalRoot(ast, { ...scope, source, bound: scope.bound || {} });
}

// The heredoc wrapper adds a final newline: drop it, and let a lone interpolation keep its type.
function evalRoot(ast, ctx) {
  const children = ast.type === 'template' ? ast.children : [ast];
  const last = children[children.length - 1];
  if (last && last.type === 'literalValue' && last.meta.value === '\n') {
    const rest = children.slice(0, -1);
    if (rest.length === 1 && rest[0].type !== 'literalValue') return evalNode(rest[0], ctx);
    return concatTemplate(rest.map((c) => evalNode(c, ctx)));
  }
  const text = concatTemplate(children.map((c) => evalNode(c, ctx)));
  return typeof text === 'string' ? text.replace(/\n$/, '') : text;
}

function concatTemplate(parts) {
  return parts.map((p) => (isUnknown(p) ? p.toString() : typeof p === 'string' ? p : JSON.stringify(p))).join('');
}

function evalNode(node, ctx) {
  const c = node.children || [];
  switch (node.type) {
    case 'literalValue': return literal(node.meta);
    case 'template': {
      if (c.length === 1 && c[0].type !== 'literalValue') return evalNode(c[0], ctx);
      // Literal parts come back as written; a quoted string's escapes still need decoding.
      const quoted = String(node.meta.value || '').startsWith('"');
      return concatTemplate(c.map((x) => (quoted && x.type === 'literalValue' ? unescapeQuoted(x.meta.value) : evalNode(x, ctx))));
    }
    case 'templateWrap': return evalNode(c[0], ctx);
    case 'tuple': return c.map((x) => evalNode(x, ctx));
    case 'object': return evalObject(node, ctx);
    case 'scopeTraversal': return evalTraversal(node, ctx);
    case 'relativeTraversal': return node.meta.traversal.reduce((v, s) => step(v, segmentValue(s), s.type), evalNode(c[0], ctx));
    case 'index': return step(evalNode(c[0], ctx), evalNode(c[1], ctx), 'indexTraversal');
    case 'splat': return evalSplat(node, ctx);
    case 'function': return callFunction(node, ctx);
    case 'conditional': {
      const test = evalNode(c[0], ctx);
      if (isUnknown(test)) return new Unknown(`conditional on ${test.description}`);
      return evalNode(test ? c[1] : c[2], ctx);
    }
    case 'binaryOp': return binary(node.meta.operator, evalNode(c[0], ctx), evalNode(c[1], ctx));
    case 'unaryOp': {
      const v = evalNode(c[0], ctx);
      if (isUnknown(v)) return v;
      return node.meta.operator === 'logicalNot' ? !v : -v;
    }
    case 'for': return evalFor(node, ctx);
    case '': if (c.length === 1) return evalNode(c[0], ctx); break;
    default: break;
  }
  throw new EvaluationError(`cannot evaluate ${node.type || 'expression'}: ${node.meta && node.meta.value}`);
}

const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescapeQuoted(text) {
  return String(text)
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|["\\nrt])/g, (_, e) => (e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : ESCAPES[e]))
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function literal(meta) {
  if (meta.type === 'number') return Number(meta.value);
  if (meta.type === 'bool') return meta.value === 'true';
  if (meta.type === 'string') return meta.value;
  return null;
}

function evalObject(node, ctx) {
  const out = {};
  for (let i = 0; i < node.children.length; i += 2) {
    const keyNode = node.children[i];
    const key = keyNode.type === '' && keyNode.children.length === 0
      ? ctx.source.slice(keyNode.range.start.byte, keyNode.range.end.byte)
      : evalNode(keyNode, ctx);
    // An object with a key known only after apply is itself unknown, as in Terraform.
    if (isUnknown(key)) return new Unknown(`object keyed by ${key.description}`);
    out[key] = evalNode(node.children[i + 1], ctx);
  }
  return out;
}

function evalTraversal(node, ctx) {
  const [first, ...rest] = node.meta.traversal;
  const root = first.segment;
  let value;
  let remaining = rest;
  if (Object.prototype.hasOwnProperty.call(ctx.bound, root)) value = ctx.bound[root];
  else if (root === 'var') { value = lookupVar(ctx, rest[0].segment); remaining = rest.slice(1); }
  else if (root === 'local') { value = lookupLocal(ctx, rest[0].segment); remaining = rest.slice(1); }
  else if (root === 'each') {
    if (!ctx.each) throw new EvaluationError('each used outside for_each');
    value = ctx.each;
  } else if (root === 'count') value = { index: ctx.count };
  else if (root === 'module') {
    value = ctx.moduleOutput ? ctx.moduleOutput(rest[0].segment, rest[1] && rest[1].segment) : new Unknown(`module.${rest[0].segment}.${rest[1] && rest[1].segment}`);
    remaining = rest.slice(2);
  } else if (root === 'data') { value = resourceRef('data', rest[0].segment, rest[1].segment); remaining = rest.slice(2); }
  else if (root === 'path' || root === 'terraform' || root === 'self') return new Unknown(node.meta.fullAccessor);
  else { value = resourceRef('resource', root, rest[0].segment); remaining = rest.slice(1); }
  return remaining.reduce((v, s) => step(v, segmentValue(s), s.type), value);
}

function lookupVar(ctx, name) {
  if (!ctx.vars || !Object.prototype.hasOwnProperty.call(ctx.vars, name)) return new Unknown(`var.${name}`);
  return ctx.vars[name];
}

function lookupLocal(ctx, name) {
  if (!ctx.locals || !Object.prototype.hasOwnProperty.call(ctx.locals, name)) throw new EvaluationError(`local.${name} is not declared`);
  ctx.localCache = ctx.localCache || new Map();
  if (!ctx.localCache.has(name)) {
    ctx.localCache.set(name, evaluate(ctx.locals[name], { ...ctx, bound: {}, each: undefined, localCache: ctx.localCache }));
  }
  return ctx.localCache.get(name);
}

function step(value, key, kind) {
  if (isUnknown(value)) return extendRef(value, kind === 'indexTraversal' ? { key } : { attribute: key });
  if (isUnknown(key)) return new Unknown(`index by ${key.description}`);
  if (value === null || value === undefined) throw new EvaluationError(`cannot read ${key} of null`);
  if (Array.isArray(value)) {
    if (typeof key !== 'number' || key >= value.length) throw new EvaluationError(`index ${key} out of range`);
    return value[key];
  }
  if (!Object.prototype.hasOwnProperty.call(value, key)) throw new EvaluationError(`no attribute or key ${JSON.stringify(key)}`);
  return value[key];
}

function evalSplat(node, ctx) {
  const source = evalNode(node.children[0], ctx);
  const each = node.children[1];
  const apply = (item) => each.meta.traversal.reduce((v, s) => step(v, segmentValue(s), s.type), item);
  if (isUnknown(source)) return apply(extendRef(source, { key: '*' }));
  return (Array.isArray(source) ? source : [source]).map(apply);
}

function evalFor(node, ctx) {
  const m = node.meta;
  let i = 1;
  const keyNode = m.openRangeValue === '{' ? node.children[i++] : null;
  const valueNode = node.children[i++];
  const condNode = m.conditionalExpression ? node.children[i++] : null;
  let collection = evalNode(node.children[0], ctx);
  // The instance keys of a resource with for_each are known at plan time even though its attributes are not.
  if (isUnknown(collection) && ctx.resourceInstances && collection.ref && collection.ref.key === undefined && collection.ref.attributes.length === 0) {
    collection = ctx.resourceInstances(collection.ref) || collection;
  }
  if (isUnknown(collection)) return new Unknown(`for over ${collection.description}`);
  const entries = Array.isArray(collection) ? collection.map((v, k) => [k, v]) : Object.entries(collection);
  const result = keyNode ? {} : [];
  for (const [k, v] of entries) {
    const bound = { ...ctx.bound };
    if (m.keyVar) bound[m.keyVar] = k;
    bound[m.valVar] = v;
    const inner = { ...ctx, bound };
    if (condNode && !evalNode(condNode, inner)) continue;
    if (keyNode) {
      const key = evalNode(keyNode, inner);
      if (isUnknown(key)) return new Unknown(`object keyed by ${key.description}`);
      result[key] = evalNode(valueNode, inner);
    } else result.push(evalNode(valueNode, inner));
  }
  return result;
}

function binary(op, a, b) {
  if (op === 'logicalAnd' && a === false) return false;
  if (op === 'logicalOr' && a === true) return true;
  if (isUnknown(a) || isUnknown(b)) return new Unknown(`${op} of unknown values`);
  switch (op) {
    case 'equal': return JSON.stringify(a) === JSON.stringify(b);
    case 'notEqual': return JSON.stringify(a) !== JSON.stringify(b);
    case 'lessThan': return a < b;
    case 'lessThanOrEqual': return a <= b;
    case 'greaterThan': return a > b;
    case 'greaterThanOrEqual': return a >= b;
    case 'logicalAnd': return a && b;
    case 'logicalOr': return a || b;
    case 'add': return a + b;
    case 'subtract': return a - b;
    case 'multiply': return a * b;
    case 'divide': return a / b;
    case 'modulo': return a % b;
    default: throw new EvaluationError(`operator ${op}`);
  }
}

// ------------------------------------------------------------------ functions

function callFunction(node, ctx) {
  const name = node.meta.name;
  if (name === 'can') {
    try { return !isUnknown(evalNode(node.children[0], ctx)); } catch (e) { if (e instanceof EvaluationError) return false; throw e; }
  }
  if (name === 'try') {
    for (const child of node.children) {
      try { return evalNode(child, ctx); } catch (e) { if (!(e instanceof EvaluationError)) throw e; }
    }
    throw new EvaluationError('no try() argument succeeded');
  }
  const fn = FUNCTIONS[name];
  if (!fn) throw new EvaluationError(`function ${name} is not supported by the evaluator`);
  const args = node.children.map((c) => evalNode(c, ctx));
  if (anyUnknown(args) && !TOLERATES_UNKNOWN.has(name)) return new Unknown(`${name}(${describeUnknown(args)})`);
  return fn(...args);
}

function describeUnknown(values) {
  for (const v of values) {
    if (isUnknown(v)) return v.description;
    if (Array.isArray(v)) { const inner = describeUnknown(v); if (inner) return inner; }
  }
  return '';
}

const TOLERATES_UNKNOWN = new Set(['length', 'concat', 'merge', 'tolist', 'toset', 'jsonencode', 'zipmap', 'slice', 'compact', 'keys']);

function ipv4ToInt(ip) {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new EvaluationError(`not an IPv4 address: ${ip}`);
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}
const intToIpv4 = (n) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

function parseCidr(cidr) {
  const m = /^([0-9.]+)\/([0-9]{1,2})$/.exec(String(cidr));
  if (!m || Number(m[2]) > 32) throw new EvaluationError(`not an IPv4 CIDR: ${cidr}`);
  const bits = Number(m[2]);
  const size = 2 ** (32 - bits);
  return { base: Math.floor(ipv4ToInt(m[1]) / size) * size, bits, size };
}

function toSet(list) {
  return [...new Set(list)].sort();
}

const FUNCTIONS = {
  length: (v) => (isUnknown(v) ? new Unknown(`length(${v.description})`) : typeof v === 'string' ? v.length : Array.isArray(v) ? v.length : Object.keys(v).length),
  zipmap: (keys, values) => (isUnknown(keys) ? new Unknown('zipmap') : Object.fromEntries(keys.map((k, i) => [k, values[i]]))),
  slice: (list, start, end) => (isUnknown(list) ? new Unknown('slice') : list.slice(start, end)),
  concat: (...lists) => (lists.some(isUnknown) ? new Unknown('concat') : lists.flat(0).reduce((a, l) => a.concat(l), [])),
  merge: (...maps) => (maps.some(isUnknown) ? new Unknown('merge') : Object.assign({}, ...maps)),
  tolist: (v) => v,
  toset: (v) => (isUnknown(v) ? v : toSet(v)),
  tomap: (v) => v,
  tostring: (v) => String(v),
  tonumber: (v) => { const n = Number(v); if (Number.isNaN(n)) throw new EvaluationError(`not a number: ${v}`); return n; },
  distinct: (list) => [...new Set(list.map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x)),
  contains: (list, v) => list.some((x) => JSON.stringify(x) === JSON.stringify(v)),
  keys: (map) => (isUnknown(map) ? new Unknown('keys') : Object.keys(map).sort()),
  values: (map) => Object.keys(map).sort().map((k) => map[k]),
  alltrue: (list) => list.every((x) => x === true),
  anytrue: (list) => list.some((x) => x === true),
  compact: (list) => (isUnknown(list) ? list : list.filter((x) => x !== '' && x !== null)),
  flatten: (list) => list.flat(Infinity),
  split: (sep, s) => s.split(sep),
  join: (sep, list) => list.join(sep),
  lower: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  replace: (s, search, repl) => s.split(search).join(repl),
  startswith: (s, p) => s.startsWith(p),
  endswith: (s, p) => s.endsWith(p),
  regex: (pattern, s) => {
    const m = new RegExp(pattern).exec(s);
    if (!m) throw new EvaluationError(`regex ${pattern} does not match ${s}`);
    return m.length > 1 ? m.slice(1) : m[0];
  },
  lookup: (map, key, fallback) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : fallback),
  element: (list, i) => list[i % list.length],
  min: (...n) => Math.min(...n),
  max: (...n) => Math.max(...n),
  coalesce: (...v) => v.find((x) => x !== null && x !== ''),
  jsonencode: (v) => JSON.stringify(v, (k, x) => (isUnknown(x) ? x.toString() : x)),
  cidrnetmask: (cidr) => intToIpv4(2 ** 32 - parseCidr(cidr).size),
  cidrhost: (cidr, n) => { const c = parseCidr(cidr); if (n >= c.size) throw new EvaluationError('host number out of range'); return intToIpv4(c.base + n); },
  cidrsubnet: (cidr, newbits, num) => {
    const c = parseCidr(cidr);
    const bits = c.bits + newbits;
    if (bits > 32 || num >= 2 ** newbits) throw new EvaluationError('cidrsubnet out of range');
    return `${intToIpv4(c.base + num * 2 ** (32 - bits))}/${bits}`;
  },
};

module.exports = {
  META_ROOTS,
  EvaluationError,
  INDEX,
  Unknown,
  attributePathsIn,
  evaluate,
  isTemplate,
  isUnknown,
  parseAllTemplates,
  parseCidr,
  referencesOf,
  traversalsIn,
  valueTraversalsIn,
  walkValues,
};
