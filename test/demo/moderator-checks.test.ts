import { expect, waitUntil } from '@open-wc/testing';
import { SEED_USERS } from '../../src/backend/seed.ts';
import { CallLog } from '../../src/host/index.ts';
import type { CheckId, CheckResult } from '../../demo/moderator/review-checks.ts';
import { ReviewRun } from '../../demo/moderator/review-run.ts';
import { ReviewSandbox } from '../../demo/moderator/review-sandbox.ts';
import { openSubmission } from '../../demo/moderator/submission.ts';
import { APP_ORIGIN } from '../helpers/frames.ts';
import { packSample, type SampleOptions } from '../fixtures/review/sample.ts';

/**
 * The automatic checks of a review, each broken on purpose by one sample: the build is unpacked
 * here, served by the review service worker on the apps' origin and opened in a real host.
 */
describe('moderator page: the checks report', function () {
  this.timeout(60000);
  let sandbox: ReviewSandbox;
  const runs: ReviewRun[] = [];

  before(() => {
    sandbox = new ReviewSandbox(APP_ORIGIN);
  });
  after(() => sandbox.dispose());
  afterEach(async () => {
    for (const run of runs.splice(0)) await run.close();
    document.querySelectorAll('.review-container').forEach((element) => element.remove());
  });

  async function review(options: SampleOptions, budgetMs = 3000): Promise<{ run: ReviewRun; report: Map<CheckId, CheckResult> }> {
    const container = document.createElement('div');
    container.className = 'review-container';
    container.style.cssText = 'width:360px;height:480px';
    document.body.append(container);
    const submission = openSubmission(await packSample(options));
    const run = new ReviewRun({
      sandbox,
      source: { kind: 'zip', submission },
      appId: 'review-sample',
      appName: 'Review sample',
      user: SEED_USERS[0]!,
      container,
      callLog: new CallLog(),
      budgetMs,
    });
    runs.push(run);
    await run.start();
    await waitUntil(() => run.state === 'audited' || run.state === 'failed', `the review did not finish (${run.state} ${run.error})`, { timeout: 20000 });
    // Reports from inside the page may trail the audit by a task.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { run, report: new Map(run.report().map((check) => [check.id, check])) };
  }

  const failing = (report: Map<CheckId, CheckResult>) => [...report.values()].filter((check) => check.status !== 'pass').map((check) => check.id);

  it('passes every check for a clean sample, with its bridge calls in the log', async () => {
    const { run, report } = await review({});
    expect(failing(report), `${run.state} ${run.error} ${JSON.stringify([...report.values()])}`).to.deep.equal([]);
    expect(run.calls.map((call) => call.method)).to.include.members(['user.get', 'app.ready']);
    expect(report.get('kit')!.summary).to.contain('100% of 2');
    expect(report.get('ready')!.summary).to.match(/^Ready in \d+ ms \(budget 3000 ms\)$/);
  });

  it('fails the time to ready over the budget', async () => {
    const { report } = await review({ slowReadyMs: 1200 }, 800);
    expect(failing(report)).to.deep.equal(['ready']);
    expect(report.get('ready')!.summary).to.contain('over the budget of 800 ms');
  });

  it('fails a capability used but not declared', async () => {
    const { run, report } = await review({ undeclaredCapability: true });
    expect(failing(report), JSON.stringify(run.calls)).to.deep.equal(['capabilities']);
    expect(report.get('capabilities')!.summary).to.equal('Uses undeclared capabilities: push');
    expect(run.calls.find((call) => call.method === 'push.send')?.errorCode).to.equal('PERMISSION_DENIED');
  });

  it('fails a console error', async () => {
    const { report } = await review({ consoleError: true });
    expect(failing(report)).to.deep.equal(['console']);
    expect(report.get('console')!.details).to.deep.equal(['sample: the order list failed to load']);
  });

  it('fails an uncaught exception', async () => {
    const { report } = await review({ uncaughtException: true });
    expect(failing(report)).to.deep.equal(['exceptions']);
    expect(report.get('exceptions')!.details[0]).to.contain('sample: nobody caught this');
  });

  it('fails a request to another origin, seen by the service worker', async () => {
    const url = `${location.origin}/test/fixtures/review/sample.ts?tracking`;
    const { report } = await review({ crossOriginUrl: url });
    expect(failing(report)).to.deep.equal(['network']);
    expect(report.get('network')!.details[0]).to.contain(url).and.to.contain('service worker');
  });

  it('fails an axe violation inside the app', async () => {
    const { report } = await review({ axeViolation: true });
    expect(failing(report)).to.deep.equal(['axe']);
    expect(report.get('axe')!.details[0]).to.match(/^image-alt/);
  });

  it('fails when most buttons are not kit components', async () => {
    const { report } = await review({ nativeButtons: true });
    expect(failing(report)).to.deep.equal(['kit']);
    expect(report.get('kit')!.summary).to.contain('40% of 5');
    expect(report.get('kit')!.details[0]).to.equal('Not kit: button, button, button');
  });

  it('fails a missing manifest field', async () => {
    const { report } = await review({ dropManifestField: 'category' });
    expect(failing(report)).to.deep.equal(['manifest']);
    expect(report.get('manifest')!.summary).to.equal('Missing manifest fields: category');
  });

  it('fails an icon that is not an image', async () => {
    const { report } = await review({ iconNotImage: true });
    expect(failing(report)).to.deep.equal(['icon']);
    expect(report.get('icon')!.details[0]).to.equal('icon.png does not start with the PNG signature');
  });
});
