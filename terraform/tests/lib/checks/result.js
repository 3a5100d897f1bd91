'use strict';
// Every check returns what it looked at and what it found wrong, so a test can tell "clean" from
// "looked at nothing".

class CheckResult {
  constructor() { this.checked = 0; this.violations = []; }
  examined(n = 1) { this.checked += n; }
  fail(where, message) { this.violations.push(`${where}: ${message}`); }
  require(condition, where, message) { if (!condition) this.fail(where, message); }
}

module.exports = { CheckResult };
