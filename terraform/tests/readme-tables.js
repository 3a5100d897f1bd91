'use strict';
// Regenerates the Inputs/Outputs tables of every module README: node readme-tables.js --write
// Without --write it only lists the READMEs that are out of date.

const fs = require('node:fs');
const path = require('node:path');
const { loadWorkspace } = require('./lib/config');
const { renderTables, replaceSection } = require('./lib/readme');

(async () => {
  const write = process.argv.includes('--write');
  const ws = await loadWorkspace(path.join(__dirname, '..'));
  let stale = 0;
  for (const config of Object.values(ws.modules)) {
    const file = path.join(config.dir, 'README.md');
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# ${config.name}\n`;
    const next = replaceSection(current, renderTables(config));
    if (next === current) continue;
    stale += 1;
    if (write) fs.writeFileSync(file, next);
    console.log(`${write ? 'updated' : 'out of date'}: ${path.relative(process.cwd(), file)}`);
  }
  process.exitCode = !write && stale ? 1 : 0;
})();
