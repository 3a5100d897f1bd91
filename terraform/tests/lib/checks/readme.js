'use strict';
// Module READMEs document exactly the inputs and outputs the module declares.

const fs = require('node:fs');
const path = require('node:path');
const { CheckResult } = require('./result');
const { label } = require('../config');
const { documentedNames, documentedSection, renderTables } = require('../readme');

function moduleReadmesDocumentEveryInputAndOutput(ws) {
  const result = new CheckResult();
  for (const config of Object.values(ws.modules)) {
    result.examined();
    const where = `${label(config)}/README.md`;
    const file = path.join(config.dir, 'README.md');
    if (!fs.existsSync(file)) { result.fail(where, 'is missing'); continue; }
    const section = documentedSection(fs.readFileSync(file, 'utf8'));
    if (!section) { result.fail(where, 'has no generated inputs/outputs section (run npm run docs in terraform/tests)'); continue; }
    const compare = (heading, declared) => {
      const documented = documentedNames(section, heading);
      for (const name of declared.filter((n) => !documented.includes(n))) result.fail(where, `${heading}: ${name} is declared but not documented`);
      for (const name of documented.filter((n) => !declared.includes(n))) result.fail(where, `${heading}: ${name} is documented but not declared`);
    };
    compare('Inputs', Object.keys(config.variables));
    compare('Outputs', Object.keys(config.outputs));
    // Types, defaults and descriptions drift too: the section must be exactly what the code says.
    result.require(section === renderTables(config), where, 'tables differ from variables.tf/outputs.tf in a type, default or description (run npm run docs in terraform/tests)');
  }
  return result;
}

module.exports = { moduleReadmesDocumentEveryInputAndOutput };
