import { expect } from 'chai';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startDevHost, type DevHost } from '../../src/devhost/server.ts';
import { verifyLaunchToken, verifyReceipt } from '../../src/server/index.ts';
import { devHostPage, serveSampleApp, type ServedApp } from '../devhost/servers.ts';

/*
 * `miniapps dev` in real Chromium: the dev host on http://localhost:<port> opens a sample app that
 * uses the SDK, served by a second server on http://127.0.0.1:<another port> (another site).
 */

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('miniapps dev in Chromium: a separately served app inside the dev host', function () {
  this.timeout(60_000);
  let app: ServedApp;
  let host: DevHost;
  let browser: Browser;
  let page: Page;
  let frame: FrameLocator;

  before(async () => {
    app = await serveSampleApp();
    host = await startDevHost({ appUrl: app.url, appId: 'bakery-next', appName: 'Sample bakery', port: 0, pageDir: await devHostPage() });
    browser = await chromium.launch({
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
    });
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    // A relaunched app keeps its old frame (hidden) for its closing grace: the newest frame is the app.
    frame = page.frameLocator('devhost-app iframe >> nth=-1');
    await page.locator('devhost-app .state.ready').waitFor();
  });

  afterEach(() => page?.close());

  /** Clicks a button in the app and reads what it wrote to `output#id`. */
  async function inApp(button: string, output: string): Promise<Record<string, unknown>> {
    await frame.locator(`#${output}`).evaluate((element) => delete (element as HTMLElement).dataset.done);
    await frame.locator(`#${button}`).click();
    await frame.locator(`#${output}[data-done]`).waitFor({ state: 'attached' });
    return JSON.parse((await frame.locator(`#${output}`).textContent()) ?? 'null') as Record<string, unknown>;
  }

  const choose = (name: string, value: string) => page.locator(`devhost-controls select[name="${name}"]`).selectOption(value);

  it('runs the app on its own origin, cross-site from the host', async () => {
    const src = await page.locator('devhost-app iframe').getAttribute('src');
    expect(await page.locator('devhost-app iframe').count()).to.equal(1);
    expect(new URL(src!).origin).to.equal(new URL(app.url).origin);
    expect(new URL(host.url).origin).not.to.equal(new URL(app.url).origin);
    expect(await page.locator('devhost-app iframe').getAttribute('sandbox')).to.include('allow-scripts').and.not.include('allow-top-navigation');
    expect(app.requests).to.include('/main.js');
  });

  it('gives the app the mock user and a test launch token the served JWKS verifies', async () => {
    const { profile, launchToken } = (await inApp('who', 'user')) as { profile: Record<string, unknown>; launchToken: string };
    expect(profile).to.deep.include({ id: 'user-anna', name: 'Anna Petrova', phone: '+79990000001' });
    const claims = await verifyLaunchToken(launchToken, { jwksUrl: host.jwksUrl, issuer: 'miniapps-host', audience: 'bakery-next' });
    expect(claims).to.include({ sub: 'user-anna', test: true });
  });

  it('injects a declined payment: the app gets the typed failed result with a receipt its backend can verify', async () => {
    await choose('failure-payments.pay', 'declined');
    const result = (await inApp('pay', 'result')) as { status: string; failureReason: string; paymentId: string; receipt: string };
    expect(result).to.include({ status: 'failed', failureReason: 'declined' });
    const receipt = await verifyReceipt(result.receipt, { jwksUrl: host.jwksUrl, issuer: 'miniapps-host', audience: 'bakery-next' });
    expect(receipt).to.include({ paymentId: result.paymentId, status: 'failed', amount: 12500, currency: 'RUB' });
    const entry = page.locator('devhost-log li[data-method="payments.pay"]');
    await entry.waitFor();
    expect(await entry.getAttribute('data-outcome')).to.equal('ok');
    expect(await page.locator('.ma-payment-sheet').count()).to.equal(0);
  });

  it('with nothing injected, pays through the host’s payment sheet and the simulated bank', async () => {
    await frame.locator('#pay').click();
    await page.locator('.ma-payment-sheet button.primary').click();
    await page.locator('.ma-bank-page button', { hasText: /^Pay$/ }).click();
    await frame.locator('#result[data-done]').waitFor({ state: 'attached' });
    const result = JSON.parse((await frame.locator('#result').textContent())!) as { status: string; receipt: string };
    expect(result.status).to.equal('succeeded');
    expect(await verifyReceipt(result.receipt, { jwksUrl: host.jwksUrl, issuer: 'miniapps-host', audience: 'bakery-next' })).to.include({ status: 'succeeded' });
  });

  it('injects RATE_LIMITED: the app gets a MiniAppError and the log highlights the call as injected', async () => {
    await choose('failure-user.get', 'rate-limited');
    expect(await inApp('who', 'user')).to.include({ error: 'RATE_LIMITED' });
    const entry = page.locator('devhost-log li.error[data-method="user.get"]');
    await entry.waitFor();
    expect(await entry.getAttribute('data-code')).to.equal('RATE_LIMITED');
    expect(await entry.locator('.injected').textContent()).to.equal('injected');
  });

  it('injects a timeout after the chosen delay', async () => {
    await choose('timeout-ms', '1000');
    await choose('failure-payments.pay', 'timeout');
    const started = Date.now();
    expect(await inApp('pay', 'result')).to.include({ error: 'TIMEOUT' });
    expect(Date.now() - started).to.be.within(900, 10_000);
  });

  it('injects offline: the host’s backend is unreachable and the real handler answers INTERNAL', async () => {
    await choose('failure-payments.pay', 'offline');
    expect(await inApp('pay', 'result')).to.include({ error: 'INTERNAL' });
    await choose('failure-payments.pay', 'none');
    await choose('failure-user.get', 'offline');
    expect(await inApp('who', 'user')).to.include({ error: 'INTERNAL' });
  });

  it('relaunches as another user at the chosen premises', async () => {
    const firstSrc = await page.locator('devhost-app iframe').getAttribute('src');
    await choose('user', 'user-ivan');
    await page.locator('devhost-app .state.ready').waitFor();
    await choose('premises', 'premises-rs-7');
    await page.locator('devhost-app .state.ready').waitFor();
    await frame.locator('#launch-params[data-done]').waitFor({ state: 'attached' });
    expect(await page.locator('devhost-app iframe').last().getAttribute('src')).not.to.equal(firstSrc);
    const { profile } = (await inApp('who', 'user')) as { profile: { id: string; premises: { id: string } } };
    expect(profile.id).to.equal('user-ivan');
    expect(profile.premises.id).to.equal('premises-rs-7');
  });

  it('switches a capability off: the app is refused with PERMISSION_DENIED', async () => {
    await page.locator('devhost-controls input[name="capability"][value="payments"]').uncheck();
    await page.locator('devhost-app .state.ready').waitFor();
    await frame.locator('#launch-params[data-done]').waitFor({ state: 'attached' });
    expect(await inApp('pay', 'result')).to.include({ error: 'PERMISSION_DENIED' });
  });

  it('sends theme and viewport changes to the running app, and the locale and safe area at launch', async () => {
    await choose('scheme', 'dark');
    await frame.locator('#theme[data-done]').waitFor({ state: 'attached' });
    expect(JSON.parse((await frame.locator('#theme').textContent())!)).to.include({ scheme: 'dark' });

    await choose('viewport', '1');
    await frame.locator('#viewport[data-done]').waitFor({ state: 'attached' });
    const layout = JSON.parse((await frame.locator('#viewport').textContent())!) as { viewport: { width: number; height: number } };
    expect(layout.viewport).to.include({ width: 360, height: 640 });

    await choose('locale', 'ru');
    await page.locator('devhost-app .state.ready').waitFor();
    await choose('safe-area', '1');
    await page.locator('devhost-app .state.ready').waitFor();
    await frame.locator('#launch-params[data-done]').waitFor({ state: 'attached' });
    const launch = JSON.parse((await frame.locator('#launch-params').textContent())!) as { locale: string; theme: { scheme: string }; contentSafeArea: Record<string, number> };
    expect(launch.locale).to.equal('ru');
    expect(launch.theme.scheme).to.equal('dark');
    expect(launch.contentSafeArea).to.include({ top: 47, bottom: 34 });
  });

  it('filters the log and exports it as JSON', async () => {
    await choose('failure-user.get', 'rate-limited');
    await inApp('who', 'user');
    await page.locator('devhost-log input[type="checkbox"]').check();
    const methods = await page.locator('devhost-log li').evaluateAll((items) => items.map((item) => item.getAttribute('data-method')));
    expect(methods).to.deep.equal(['user.get']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('devhost-log button.export').click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { entries: Array<{ method: string; outcome: string; errorCode: string }> };
    expect(exported.entries).to.have.length(1);
    expect(exported.entries[0]).to.include({ method: 'user.get', outcome: 'error', errorCode: 'RATE_LIMITED' });
  });
});
