// Mocha's spec output, plus the counts written to a JSON file for scripts/test.mjs.
const Mocha = require('mocha');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const outFile = process.env.MOCHA_SUMMARY_FILE || '.test-results/node.json';
    runner.once('end', () => {
      const { passes = 0, failures = 0, pending = 0 } = this.stats;
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}
module.exports = SummaryReporter;
