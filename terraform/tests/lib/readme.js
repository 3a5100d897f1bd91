'use strict';
// Input and output tables of a module README, generated from variables.tf and outputs.tf.

const BEGIN = '<!-- BEGIN_TF_DOCS -->';
const END = '<!-- END_TF_DOCS -->';

const cell = (text) => String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').trim();

// Multi-line object types read best on one line with their attributes separated by commas.
function typeOf(variable) {
  const lines = String(variable.body.type || 'any').replace(/^\$\{([\s\S]*)\}$/, '$1').split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return lines.reduce((text, line) => (/[({]$/.test(text) || /^[)}]/.test(line) ? `${text} ${line}` : `${text}, ${line}`));
}

function renderTables(config) {
  const inputs = Object.entries(config.variables).sort(([a], [b]) => a.localeCompare(b)).map(([name, v]) => {
    const required = !('default' in v.body);
    const fallback = required ? 'n/a' : `\`${JSON.stringify(v.body.default)}\``;
    return `| ${name} | \`${typeOf(v)}\` | ${fallback} | ${required ? 'yes' : 'no'} | ${cell(v.body.description || '')} |`;
  });
  const outputs = Object.entries(config.outputs).sort(([a], [b]) => a.localeCompare(b))
    .map(([name, o]) => `| ${name} | ${cell(o.body.description || '')} |`);
  return [
    BEGIN,
    '## Inputs',
    '',
    '| Name | Type | Default | Required | Description |',
    '|------|------|---------|:--------:|-------------|',
    ...inputs,
    '',
    '## Outputs',
    '',
    '| Name | Description |',
    '|------|-------------|',
    ...outputs,
    END,
  ].join('\n');
}

/** The marked section of a README, or null. */
function documentedSection(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  return start >= 0 && end > start ? readme.slice(start, end + END.length) : null;
}

/** Names in the first column of the Inputs and Outputs tables of a README section. */
function documentedNames(section, heading) {
  const part = section.split(/^## /m).find((p) => p.startsWith(heading)) || '';
  return part.split('\n').filter((l) => /^\| [a-z0-9_]+ \|/.test(l)).map((l) => l.split('|')[1].trim());
}

function replaceSection(readme, tables) {
  const current = documentedSection(readme);
  return current ? readme.replace(current, tables) : `${readme.trimEnd()}\n\n${tables}\n`;
}

module.exports = { documentedNames, documentedSection, renderTables, replaceSection };
