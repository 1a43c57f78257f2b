import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { run as pack } from '../../src/cli/pack.ts';
import { demoBuild, launchChromium, type DemoBuild, shownCode } from './demo-walk-build.ts';

/*
 * The demo's production build walked by staff, in one browser profile (one demo database): a
 * partner builds a small app with the SDK and the kit, packs it with `miniapps pack`, registers it
 * in the cabinet, uploads the zip and sends it to moderation; the moderator runs it, sees its
 * bridge calls and approves; the partner starts testing and places a widget on Main, which the
 * tester sees and another resident does not; the partner publishes, and everyone sees it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const APP_NAME = 'Meter notes';

/** A partner's app as an author writes it: a page with the kit's button that greets the user through the SDK. */
async function buildAndPack(work: string): Promise<string> {
  const source = join(work, 'meter-notes');
  mkdirSync(join(source, 'public'), { recursive: true });
  writeFileSync(
    join(source, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${APP_NAME}</title></head>
<body><main><h1>${APP_NAME}</h1><p id="greeting">Connecting…</p><ma-button id="note">Add a reading</ma-button></main><script type="module" src="./main.ts"></script></body></html>`,
  );
  writeFileSync(
    join(source, 'main.ts'),
    `import { connect } from '${join(root, 'src/sdk/index.ts')}';
import '${join(root, 'ui-kit/components/button/button.ts')}';
const app = await connect();
const { profile } = await app.user.get();
document.querySelector('#greeting')!.textContent = 'Hello, ' + profile.name;
await app.ready();
`,
  );
  writeFileSync(
    join(source, 'public/miniapp.json'),
    JSON.stringify({ id: 'meter-notes', name: APP_NAME, version: '1.0.0', entry: 'index.html', capabilities: ['user'], category: 'tools', icon: 'icon.svg' }),
  );
  writeFileSync(join(source, 'public/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="6" fill="#2d81e0"/></svg>');
  const { build } = await import('vite');
  const dist = join(work, 'dist');
  await build({ root: source, base: './', configFile: false, logLevel: 'error', build: { outDir: dist, emptyOutDir: true, target: 'es2022' } });
  const zip = join(work, 'meter-notes-1.0.0.zip');
  expect(await pack([dist, '-o', zip, '--quiet']), 'miniapps pack').to.equal(0);
  return zip;
}

/** Signs in from the sign-in screen with a demo account: its row fills the phone, the code is the one the demo shows. */
async function signInAs(page: Page, account: RegExp): Promise<void> {
  await page.getByRole('button', { name: account }).click();
  await page.getByRole('button', { name: 'Get code' }).click();
  await page.getByRole('textbox', { name: 'One-time code' }).fill(await shownCode(page));
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in, the shell goes back in its history to where sign-in was asked for: let it get there.
  await page.waitForURL((url) => !url.hash.startsWith('#/sign-in'));
  await page.getByRole('heading', { name: /^(Settings|Main)$/, level: 1 }).waitFor();
}

/** Signs out whoever is signed in, signs in `account` and opens the page of `role` with the role switcher. */
async function becomeStaff(page: Page, account: RegExp, role: 'partner' | 'moderator'): Promise<void> {
  // Settings: from a tab screen its header button, from a staff page the header's Back.
  await page.getByRole('button', { name: 'Settings', exact: true }).or(page.getByRole('button', { name: 'Back', exact: true })).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signInAs(page, account);
  // Signed in, the shell goes back to where sign-in was asked for: Settings, or Main after a sign-out.
  await page.getByRole('heading', { name: /^(Settings|Main)$/, level: 1 }).waitFor({ timeout: 15_000 });
  if (await page.getByRole('heading', { name: 'Main', level: 1 }).isVisible()) await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^${role}\\b`, 'i') }).click();
}

/** Signs in `account` as a resident, opens Main and answers the names of the apps its widget rows show, once the catalog has answered. */
async function mainWidgetsOf(page: Page, account: RegExp, firstName: string): Promise<string[]> {
  await page.getByRole('button', { name: 'Settings', exact: true }).or(page.getByRole('button', { name: 'Back', exact: true })).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signInAs(page, account);
  await page.goto(new URL('#/screen/main', page.url()).href);
  await page.getByRole('heading', { name: `Good day, ${firstName}` }).waitFor();
  // A fresh load of Main, so the rows read are those drawn from the catalog's answer for this resident.
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/widgets/main');
  await page.reload();
  await answered;
  // What the catalog lists for this resident (asked again with the page's session: a response
  // served by the worker may lose its body to DevTools), then the rows until every one is drawn.
  const { widgets } = (await page.evaluate(async () => {
    // Until the page's msw worker answers it (right after a reload it may not control the page yet).
    for (let tries = 0; ; tries++) {
      const response = await fetch('/api/widgets/main', { headers: { Authorization: `Bearer ${localStorage.getItem('miniapps-demo-session')}` } });
      if (response.ok || tries === 50) return response.json();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })) as { widgets: { app: { name: string } }[] };
  const listed = widgets.map((widget) => widget.app.name);
  const rows = page.getByRole('main', { name: 'Main' }).locator('ma-cell[data-app-id]');
  // A row's own text is the app's name (its avatar and badge are elements of their own).
  const drawn = () => rows.evaluateAll((cells) => cells.map((cell) => [...cell.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim()));
  for (const started = Date.now(); ; await page.waitForTimeout(50)) {
    const names = await drawn();
    if (listed.every((name) => names.includes(name))) return names;
    if (Date.now() - started > 5_000) expect.fail(`Main draws ${names.join(', ')}; the catalog lists ${listed.join(', ')}`);
  }
}

describe('the demo walked by staff: a partner’s build through moderation to a widget', function () {
  this.timeout(120_000);
  let demo: DemoBuild;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  let zip: string;
  const errors: string[] = [];

  before(async function () {
    this.timeout(90_000);
    work = mkdtempSync(join(tmpdir(), 'demo-walk-partner-'));
    [demo, browser, zip] = await Promise.all([demoBuild(), launchChromium(), buildAndPack(work)]);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });
  // One profile for the whole walk (its demo database), so the second step goes on from the first.
  before(async () => {
    // Staff work at a desk: a wide window.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.stack ?? error.message}`));
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(`The page at ${page.url()}:\n${await page.locator('body').ariaSnapshot().catch(String)}`);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('a partner registers the app, uploads the packed build and sends it; the moderator runs it, sees its calls and approves', async () => {
    await page.goto(demo.hostUrl);
    await page.getByRole('button', { name: 'Настройки' }).click();
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await becomeStaff(page, /^Petr Baker/, 'partner');

    // Register: every field the catalog requires, the placement rules accepted.
    await page.getByRole('button', { name: 'Register a mini-app' }).click();
    const licence = page.getByRole('combobox', { name: 'Licence' });
    // The licences come from the backend a moment after the form opens.
    await licence.locator('option:not([disabled])').first().waitFor({ state: 'attached' });
    const free = (await licence.locator('option:not([disabled])').allTextContents()).map((text) => text.trim());
    expect(free, 'a free licence').to.not.deep.equal([]);
    await licence.selectOption({ label: free[0]! });
    await page.getByRole('textbox', { name: 'Name' }).fill(APP_NAME);
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Tools' });
    await page.getByRole('textbox', { name: 'Description' }).fill('Notes on your meter readings');
    await page.getByRole('textbox', { name: 'Public offer: title' }).fill('Terms of use');
    await page.getByRole('textbox', { name: 'Public offer: document number' }).fill('MN-1');
    await page.getByRole('textbox', { name: 'Public offer: address' }).fill('https://example.com/meter-notes/terms');
    await page.getByRole('checkbox', { name: 'I accept the placement rules' }).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const listed = page.getByRole('button', { name: new RegExp(`^${APP_NAME} Tools · updated .* Inactive$`) });
    await listed.waitFor();

    // Upload the zip `miniapps pack` wrote, and send it.
    await page.getByRole('tab', { name: 'Placement and updates' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload a build (.zip)' }).click();
    await (await chooser).setFiles(zip);
    await page.getByText('meter-notes-1.0.0.zip').first().waitFor();
    await page.getByRole('button', { name: 'Send to moderation' }).click();
    await page.getByRole('button', { name: new RegExp(`^${APP_NAME} Tools · updated .* On moderation$`) }).waitFor();

    // The moderator runs it from the zip, sees its calls through the bridge, and approves.
    await becomeStaff(page, /^Mila Moderova/, 'moderator');
    await page.getByRole('button', { name: new RegExp(`^${APP_NAME}`) }).click();
    await page.getByRole('button', { name: /^Open the build|^Run/ }).click();
    const reviewed = page.frameLocator('iframe').first();
    await reviewed.getByText('Hello, ').waitFor();
    await page.getByText('user.get').first().waitFor();
    await page.getByText('app.ready').first().waitFor();
    // The automatic checks the moderator reads beside the app, the accessibility audit among them.
    await page.getByText('No axe violations').waitFor();
    await page.getByText('Uses only declared capabilities').waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Ready to publish').first().waitFor();

  });

  it('the partner starts testing with a widget on Main, listed for the tester only, then publishes it for everyone', async () => {
    // The partner starts testing and places a widget on Main.
    await becomeStaff(page, /^Petr Baker/, 'partner');
    await page.getByRole('button', { name: new RegExp(`^${APP_NAME}`) }).click();
    await page.getByRole('button', { name: 'Start testing' }).click();
    await page.getByRole('button', { name: new RegExp(`^${APP_NAME} Tools · updated .* Testing$`) }).waitFor();
    await page.getByRole('tab', { name: 'Placement and updates' }).click();
    await page.getByRole('combobox', { name: 'Resident' }).selectOption({ label: 'Ivan Sidorov' });
    await page.getByRole('button', { name: 'Add a tester' }).click();
    await page.getByText('Ivan Sidorov is a tester').waitFor();
    await page.locator('[data-screen=main] [data-action=place-widget]').click();
    await page.locator('[data-screen=main] [data-action=publish-widget]').click();
    await page.locator('[data-screen=main] [data-action=draft-widget]').waitFor();

    // Testing: listed for the tester, not for another resident.
    expect(await mainWidgetsOf(page, /^Ivan Sidorov/, 'Ivan')).to.include(APP_NAME);
    const annas = await mainWidgetsOf(page, /^Anna Petrova/, 'Anna');
    expect(annas).to.include('Corner Bakery');
    expect(annas).to.not.include(APP_NAME);

    // Published: everyone.
    await becomeStaff(page, /^Petr Baker/, 'partner');
    await page.getByRole('button', { name: new RegExp(`^${APP_NAME}`) }).click();
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^${APP_NAME} Tools · updated .* Active$`) }).waitFor();
    expect(await mainWidgetsOf(page, /^Maria Kuznetsova/, 'Maria')).to.include(APP_NAME);
  });
});
