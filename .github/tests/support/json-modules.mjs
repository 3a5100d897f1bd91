// @actions/workflow-parser ships GitHub's workflow schema as a JSON file that it
// imports without an import attribute (it is built for bundlers). Node refuses such
// an import, so this hook serves those JSON files as plain ES modules.
import { register } from 'node:module';

register('./json-modules-hook.mjs', import.meta.url);
