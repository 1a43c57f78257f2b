import { expect } from 'chai';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { BILLS, EVENT_CATEGORIES, EVENTS, MARKET_CATEGORIES, SERVICES } from '../../demo/shell/host-data.ts';
import { collectErrors, launchChromium, serveDemoBuild, signIn, type ServedDemo } from './demo-browser.ts';

/*
 * Every screen of the demo's production build, in Russian and English, light and dark, on a phone
 * and on a desktop: axe finds nothing, nothing is logged as an error, and a screenshot of each is
 * written to SCREENSHOTS (default /tmp/demo-screens) for a person to look at.
 */

const SCREENSHOTS = process.env.SCREENSHOTS ?? '/tmp/demo-screens';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Each language in each scheme once, and each of those on a phone and on a desktop (pairwise, to stay quick). */
const WALKS = [
  { locale: 'ru', scheme: 'light', viewport: PHONE, device: 'phone' },
  { locale: 'ru', scheme: 'dark', viewport: DESKTOP, device: 'desktop' },
  { locale: 'en', scheme: 'light', viewport: DESKTOP, device: 'desktop' },
  { locale: 'en', scheme: 'dark', viewport: PHONE, device: 'phone' },
] as const;

/** A sample for each page parameter of the shell's registry; a new parameter without one fails the walk. */
const SAMPLE_PARAMS: Record<string, Record<string, string>> = {
  bill: { id: BILLS[0]!.id },
  service: { id: SERVICES[0]!.id },
  event: { id: EVENTS[0]!.id },
  'event-category': { id: EVENT_CATEGORIES[0]!.id },
  'marketplace-category': { id: MARKET_CATEGORIES[0]!.id },
  operator: {},
};
/** Pages walked on their own (sign-in steps, the app chrome) or as a staff member. */
const WALKED_APART = new Set(['sign-in', 'app', 'partner', 'moderator', 'operator']);

const RESIDENT = '+79990000001';
const PARTNER = '+79990000201';
const MODERATOR = '+79990000301';
const OPERATOR = '+79990000103';

interface AxeApi {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

interface RegistryPage {
  id: string;
  path: string;
  role: string;
}

/** The hash for a registry path with its parameters filled in (optional ones left out when absent). */
function hashOf(page: RegistryPage): string {
  const params = SAMPLE_PARAMS[page.id] ?? {};
  const segments = page.path.split('/').filter(Boolean).flatMap((segment) => {
    if (!segment.startsWith(':')) return [segment];
    const name = segment.slice(1).replace(/\?$/, '');
    if (params[name] !== undefined) return [encodeURIComponent(params[name])];
    if (segment.endsWith('?')) return [];
    throw new Error(`The registry's page “${page.id}” (${page.path}) has a parameter “${name}” with no sample in SAMPLE_PARAMS`);
  });
  return `#/${segments.join('/')}`;
}

/** Formats axe's violations as one line per node: rule, impact, target, and what to fix. */
function formatViolations(results: AxeResults): string {
  return results.violations
    .flatMap((violation) =>
      violation.nodes.map((node) => `  [${violation.id}, ${violation.impact}] ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}\n    ${node.html.slice(0, 200)}`),
    )
    .join('\n');
}

describe('the demo\'s screens, ru and en, light and dark, phone and desktop: axe, console, screenshots', function () {
  this.timeout(170_000);
  let demo: ServedDemo;
  let browser: Browser;

  before(async () => {
    [demo, browser] = await Promise.all([serveDemoBuild(), launchChromium()]);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  for (const walk of WALKS) {
    const name = `${walk.locale}-${walk.scheme}-${walk.device}`;
    describe(name, () => {
      let context: BrowserContext;
      let page: Page;
      let errors: string[];
      const failures: string[] = [];
      const visited: string[] = [];

      before(async () => {
        context = await browser.newContext({ viewport: walk.viewport, colorScheme: walk.scheme, locale: walk.locale === 'ru' ? 'ru-RU' : 'en-US', reducedMotion: 'reduce' });
        await context.addInitScript(({ locale, origin }) => {
          if (location.origin === origin && !localStorage.getItem('miniapps-demo-locale')) localStorage.setItem('miniapps-demo-locale', locale);
        }, { locale: walk.locale, origin: new URL(demo.hostUrl).origin });
        page = await context.newPage();
        page.setDefaultTimeout(10_000);
        errors = collectErrors(page);
        await page.goto(`${demo.hostUrl}#/screen/main`);
        await settle();
      });

      after(() => context?.close());

      /** Waits for the screen to have focus placed and nothing loading, and for transitions to end. */
      async function settle(frame: Page | Frame = page, { spinners = true } = {}): Promise<void> {
        await frame.waitForFunction((checkSpinners) => {
          // Every element, through open shadow roots (no named helpers: the page runs this as given).
          const elements: Element[] = [];
          const roots: (Document | ShadowRoot)[] = [document];
          while (roots.length) {
            for (const element of roots.pop()!.querySelectorAll('*')) {
              elements.push(element);
              if (element.shadowRoot) roots.push(element.shadowRoot);
            }
          }
          const loading = checkSpinners && elements.some((element) => (element.localName === 'ma-spinner' || element.getAttribute('aria-busy') === 'true') && element.checkVisibility());
          const shell = document.querySelector('demo-shell');
          const focusPlaced = !shell || shell.shadowRoot?.activeElement != null;
          return !loading && focusPlaced;
        }, spinners, { timeout: 15_000 });
        await frame.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined))));
      }

      /** axe on the page (and on a mini-app's frame), console errors, a screenshot. */
      async function check(screen: string, frames: Frame[] = []): Promise<void> {
        visited.push(screen);
        const file = join(SCREENSHOTS, `${name}--${screen}.png`);
        await page.screenshot({ path: file });
        for (const target of [page.mainFrame(), ...frames]) {
          if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate((source) => (0, eval)(source), axeSource);
          const results = (await target.evaluate(() => (window as unknown as { axe: AxeApi }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResults;
          if (results.violations.length) failures.push(`${screen}${target === page.mainFrame() ? '' : ` (frame ${target.url()})`}: ${results.violations.length} rule(s)\n${formatViolations(results)}`);
        }
        if (errors.length) failures.push(`${screen}: console/page errors\n  ${errors.splice(0).join('\n  ')}`);
      }

      /** Fails the test with what this test's checks found, and starts the next one afresh. */
      function expectNothingFound(): void {
        const found = failures.splice(0);
        expect(found, `\n${found.join('\n\n')}`).to.deep.equal([]);
      }

      async function visit(hash: string, screen: string): Promise<void> {
        await page.evaluate((target) => (location.hash = target), hash);
        await page.waitForFunction((target) => location.hash === target, hash);
        await settle();
        await check(screen);
      }

      it('signs in by phone and code, screen by screen', async () => {
        await check('main-guest');
        await visit('#/sign-in', 'sign-in-phone');
        await page.locator('demo-sign-in ma-input[name=phone] input').fill(RESIDENT);
        await page.locator('demo-sign-in ma-button[data-action=get-code]').click();
        await page.locator('demo-sign-in ma-input[name=code]').waitFor();
        await settle();
        await check('sign-in-code');
        const code = await page.locator('demo-sign-in .sms .code').textContent();
        await page.locator('demo-sign-in ma-input[name=code] input').fill(code!.trim());
        await page.locator('demo-sign-in ma-button[data-action=sign-in]').click();
        await page.locator('demo-sign-in').waitFor({ state: 'detached' });
        await page.waitForFunction(() => location.hash === '#/screen/main');
        expectNothingFound();
      });

      it('shows every resident page of the shell\'s registry', async () => {
        const registry = await page.evaluate(() => (document.querySelector('demo-shell') as unknown as { pages: RegistryPage[] }).pages.map(({ id, path, role }) => ({ id, path, role })));
        expect(registry.map((entry) => entry.id)).to.include.members(['main', 'home', 'showcase', 'services', 'bills', 'notifications', 'settings']);
        // A push first, so the notification list has a row to show.
        const sent = await page.evaluate(async () => {
          const response = await fetch('/api/apps/bakery/push', {
            method: 'POST',
            headers: { Authorization: `Bearer ${localStorage.getItem('miniapps-demo-session')}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ title: 'Заказ 42 в пути · Order 42 is on its way', body: 'Курьер будет через 20 минут · The courier is 20 minutes away', route: '/orders/42' }),
          });
          return response.status;
        });
        expect(sent).to.equal(200);
        // The host's banner for it, then dismissed, so it covers none of the screens after.
        await page.locator('.ma-push-banner').waitFor();
        await settle();
        await check('push-banner');
        await page.locator('.ma-push-banner .ma-push-dismiss').click();
        await page.locator('.ma-push-banner').waitFor({ state: 'detached' });
        for (const entry of registry.filter((candidate) => !WALKED_APART.has(candidate.id))) await visit(hashOf(entry), entry.id);
        expectNothingFound();
      });

      it('opens an app: its offer, its chrome, the ⋯ menu and About with the offer', async () => {
        await page.evaluate(() => (location.hash = '#/app/bakery'));
        await page.locator('demo-offer-dialog ma-modal-page[open]').waitFor();
        // The app's "opening" spinner stays behind the offer until it is accepted.
        await settle(page, { spinners: false });
        await check('app-offer');
        await page.locator('demo-offer-dialog ma-button[part=accept]').click();
        const frame = page.frameLocator('miniapp-frame iframe');
        await frame.locator('h1').first().waitFor();
        await settle();
        const appFrame = page.frames().find((candidate) => candidate.url().startsWith(demo.appsOrigin));
        await settle(appFrame);
        await check('app-open', appFrame ? [appFrame] : []);
        await page.locator('ma-icon-button[data-action=app-menu]').click();
        const about = page.locator('ma-action-sheet.app-menu').getByRole('button', { name: walk.locale === 'ru' ? 'О приложении' : 'About' });
        await about.waitFor();
        await settle();
        await check('app-menu');
        await about.click();
        await page.locator('ma-modal-page.about .offer-text').waitFor();
        await settle();
        await check('app-about');
        expectNothingFound();
      });

      for (const [role, phone, hashes] of [
        ['partner', PARTNER, ['#/partner']],
        ['moderator', MODERATOR, ['#/moderator']],
        ['operator', OPERATOR, ['#/operator', '#/operator/notifications']],
      ] as const) {
        it(`shows the ${role}'s pages to a signed-in ${role}`, async () => {
          // Signed out, the staff page offers sign-in, which comes back to it.
          await page.evaluate(([first]) => {
            localStorage.removeItem('miniapps-demo-session');
            location.hash = first!;
          }, hashes);
          await page.reload();
          await settle();
          await page.locator('main ma-placeholder ma-button').click();
          await signIn(page, phone);
          await page.waitForFunction((first) => location.hash === first, hashes[0]);
          await settle();
          await check(hashes[0].slice(2));
          for (const hash of hashes.slice(1)) await visit(hash, hash.slice(2).replaceAll('/', '-'));
          expectNothingFound();
        });
      }

      it('logged no errors in between', () => {
        expect(errors, errors.join('\n')).to.deep.equal([]);
        expect(visited.length).to.be.greaterThan(20);
      });
    });
  }
});
