import { expect } from 'chai';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { demoBuild, launchChromium, residentContext, type DemoBuild, shownCode } from './demo-walk-build.ts';

/*
 * The demo's production build walked as a resident would, in one browser profile (so one demo
 * database): she signs in with the code the demo shows, opens the shop from a Main widget, accepts
 * its offer, pays on the host's sheet and the simulated bank, the bakery's own route verifies the
 * receipt, she asks for a push and taps it; then she opens the service desk, its chat, picks a
 * topic, and the employee the bot names answers from the operator console in a second tab.
 */

/** Signs in from the sign-in screen: the phone typed as people type it, then the code shown. */
async function signIn(page: Page, phone: string | RegExp): Promise<void> {
  if (typeof phone === 'string') await page.getByRole('textbox', { name: 'Phone number' }).fill(phone);
  else await page.getByRole('button', { name: phone }).click();
  await page.getByRole('button', { name: 'Get code' }).click();
  await page.getByRole('textbox', { name: 'One-time code' }).fill(await shownCode(page));
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** From the shell's Settings: English. */
async function speakEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
}

describe('the demo walked by a resident: sign in, shop, pay, push, chat with the operator', function () {
  this.timeout(110_000);
  let demo: DemoBuild;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async function () {
    this.timeout(90_000);
    [demo, browser] = await Promise.all([demoBuild(), launchChromium()]);
  });
  after(() => browser?.close());
  beforeEach(async () => {
    context = await residentContext(browser);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`resident tab: ${error.message}`));
  });
  afterEach(async function () {
    // What the resident saw when a step failed, to read beside the error.
    if (this.currentTest?.state === 'failed') console.log(`The resident's tab at ${page.url()}:\n${await page.locator('body').ariaSnapshot().catch(String)}`);
    await context?.close();
  });

  it('pays at the shop with a receipt its backend accepts, taps the push, and gets the operator’s answer in the chat', async () => {
    await page.goto(demo.hostUrl);
    await speakEnglish(page);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('main', { name: 'Main' }).getByRole('button', { name: 'Sign in' }).click();
    await signIn(page, '8 999 000-00-01');
    await page.getByRole('heading', { name: 'Good day, Anna' }).waitFor();

    // The shop from its Main widget: the host asks for its offer first, over the app being opened.
    await page.getByRole('main', { name: 'Main' }).getByRole('button', { name: /^Corner Bakery/ }).click();
    const offer = page.getByRole('dialog', { name: 'Corner Bakery: terms of sale' });
    await offer.waitFor();
    // (The offer's text is slotted into the dialog: found from the page, not under the dialog's element.)
    await page.getByText(/^Orders are baked to order/).waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    await offer.waitFor({ state: 'hidden' });
    const shop: FrameLocator = page.frameLocator('miniapp-frame iframe');
    await shop.getByRole('heading', { name: 'Corner Bakery', level: 1 }).waitFor();
    await shop.getByRole('button', { name: /^Croissant/ }).click();
    await shop.getByRole('button', { name: /^Croissant/ }).click();
    await shop.getByRole('button', { name: /^Rye bread/ }).click();

    // Pay: the host's own sheet with the payee, then the simulated bank page.
    await shop.getByRole('button', { name: 'Pay RUB 310.00' }).click();
    const sheet = page.getByRole('dialog', { name: /Corner Bakery asks you to pay/ });
    await sheet.waitFor();
    await sheet.getByText('Corner Bakery LLC').waitFor();
    await sheet.getByRole('button', { name: 'Pay RUB 310.00' }).click();
    const bank = page.getByRole('dialog', { name: /^Demo Bank/ });
    await bank.getByRole('button', { name: 'Pay', exact: true }).click();
    await bank.waitFor({ state: 'hidden' });

    // The bakery's backend verified the host's signed receipt: the order is paid, not merely "paid on the page".
    await shop.getByRole('status').getByText('Paid. The bakery has confirmed your order.').waitFor();
    const order = shop.locator('ma-cell[data-order]').first();
    const orderId = await order.getAttribute('data-order');
    expect(await order.locator('ma-badge[data-status]').textContent()).to.contain('Paid');
    expect(await shop.getByRole('alert').count(), 'no error in the shop').to.equal(0);

    // A push to herself, as a banner over the running shop; a tap shows the order it names.
    await shop.getByRole('button', { name: 'Notify me when it ships' }).click();
    const banner = page.getByRole('button', { name: new RegExp(`^Corner Bakery Your order is on its way Order ${orderId}`) });
    await banner.click();
    await banner.waitFor({ state: 'hidden' });
    await shop.locator(`ma-cell[data-order="${orderId}"]`).getByText('opened from a notification').waitFor();

    // The service desk from Home, its offer, its chat: the bot greets and offers topics.
    await page.getByRole('button', { name: 'Close' }).click();
    // Home first lists the demo's own widgets, then the catalog's in the same rows: a tap while they swap
    // opens another app, so the walk taps once the catalog has answered.
    const catalogAnswered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/widgets/home');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await catalogAnswered;
    await page.getByRole('main', { name: 'Home' }).getByRole('button', { name: /^Service desk/ }).click();
    await page.getByRole('dialog', { name: 'Service desk: terms of use' }).waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    const desk = page.frameLocator('miniapp-frame iframe');
    await desk.getByRole('button', { name: 'Chat with us' }).click();
    const chat = page.getByRole('dialog', { name: 'Chat: Service desk' });
    const feed = chat.getByRole('feed');
    await feed.getByText('What is it about?').waitFor();
    await chat.getByRole('group', { name: 'Topics' }).getByRole('button', { name: 'Repairs' }).click();
    await feed.getByText('Describe what is broken; a photo helps.').waitFor();
    const takenOver = await feed.getByText(/took over the conversation/).textContent();
    const employee = /^\s*(.+?) took over the conversation/.exec(takenOver ?? '')?.[1];
    expect(employee, `who took over, in “${takenOver}”`).to.be.a('string');

    // The employee the bot named signs in in a second tab (the same profile, so the same demo) and answers.
    const operator = await context.newPage();
    operator.on('pageerror', (error) => errors.push(`operator tab: ${error.message}`));
    await operator.setViewportSize({ width: 1280, height: 900 });
    await operator.goto(`${demo.hostUrl}#/settings`);
    await operator.getByRole('button', { name: 'Sign out' }).click();
    await operator.getByRole('button', { name: 'Sign in' }).click();
    await signIn(operator, new RegExp(`^${employee}`));
    await operator.getByRole('heading', { name: `Good day, ${employee!.split(' ')[0]}` }).waitFor();
    await operator.getByRole('button', { name: 'Settings' }).click();
    await operator.getByRole('link', { name: /^operator\b/i }).click();
    await operator.getByRole('row', { name: /Anna Petrova Service desk/ }).filter({ hasText: 'Open' }).getByRole('link').click();
    const card = operator.getByRole('region', { name: 'Chat card' });
    // The card names as responsible the employee the client was told about.
    await card.getByText(new RegExp(`^${employee} \\(`)).waitFor();
    const conversation = operator.getByRole('region', { name: 'Conversation' });
    await conversation.getByText('Describe what is broken; a photo helps.').waitFor();
    await conversation.getByRole('textbox', { name: 'Message' }).fill('A plumber comes at three today.');
    await conversation.getByRole('button', { name: 'Send' }).click();

    // Live, in the resident's open chat.
    await feed.getByText('A plumber comes at three today.').waitFor({ timeout: 15_000 });
    await feed.getByRole('article').last().getByText(employee!).waitFor();
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
