// The project's test command: lint, typecheck, the Node tests, the Chromium tests and the packaging
// check (scripts/pack-check.mjs), then one closing line "N passed, N failed" computed from what
// each runner reported. Exits non-zero if anything failed. Extra arguments are passed to
// web-test-runner (e.g. a file glob).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { startThrowawayPostgres } from './postgres-cluster.mjs';

const resultsDir = '.test-results';
rmSync(resultsDir, { recursive: true, force: true });

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readCounts(file) {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const haveChromium = ensureChromium();

// The SQL store and server tests run on PostgreSQL too: a throwaway cluster unless one is named.
// When none can start, those tests fail with the reason (they never skip).
let postgres;
if (!process.env.MINIAPPS_TEST_DATABASE_URL) {
  try {
    postgres = await startThrowawayPostgres();
    process.env.MINIAPPS_TEST_DATABASE_URL = postgres.url;
    process.once('exit', () => postgres.stop());
    process.once('SIGINT', () => process.exit(130));
  } catch (error) {
    console.log(`PostgreSQL for the tests: ${error.message}`);
  }
}
const bin = (name) => `node_modules/.bin/${name}`;

for (const [name, command, args] of [
  ['lint', bin('eslint'), ['.']],
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
]) {
  console.log(`\n== ${name}`);
  const code = await run(command, args);
  if (code === 0) totals.passed++;
  else {
    totals.failed++;
    console.log(`${name} failed (exit ${code})`);
  }
}

for (const [name, command, args, file] of [
  ['node tests', bin('mocha'), ['--reporter', './scripts/mocha-summary-reporter.cjs'], `${resultsDir}/node.json`],
  ['browser tests', bin('web-test-runner'), process.argv.slice(2), `${resultsDir}/browser.json`],
  // Builds, packs and installs the tarball into fresh apps outside the repository.
  ['packaging check', process.execPath, ['scripts/pack-check.mjs'], `${resultsDir}/package.json`],
]) {
  console.log(`\n== ${name}`);
  if (name === 'browser tests' && !haveChromium) {
    totals.failed++;
    continue;
  }
  const code = await run(command, args);
  const counts = readCounts(file);
  if (!counts) {
    console.log(`${name}: the runner reported no results (exit ${code})`);
    totals.failed++;
    continue;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed + (counts.fileErrors ?? 0);
  totals.skipped += counts.skipped;
  if (code !== 0 && counts.failed === 0 && !counts.fileErrors) {
    console.log(`${name}: the runner exited ${code} with no failed test`);
    totals.failed++;
  }
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 ? 0 : 1);
