import { expect } from '@open-wc/testing';
import { billLine, billTotal, parseReading, ReadingError, TARIFFS } from '../../demo/apps/utility-calculator/bill.ts';
import { MiniAppHost } from '../../src/host/index.ts';
import { APP_ORIGIN, nextEvent } from '../helpers/frames.ts';

const PATH = '/demo/apps/utility-calculator/index.html';

describe('utility calculator: the arithmetic', () => {
  it('reads readings with a comma or a point and spaces, in thousandths', () => {
    expect(parseReading('1 234,5')).to.equal(1_234_500);
    expect(parseReading('0.007')).to.equal(7);
    expect(parseReading('42')).to.equal(42_000);
  });

  for (const [text, reason] of [['', 'empty'], ['abc', 'not-a-number'], ['-3', 'negative'], ['1.2345', 'too-precise'], ['123456789', 'too-large'], ['1,2,3', 'not-a-number']] as const) {
    it(`refuses “${text}” as ${reason}`, () => {
      const error = (() => {
        try {
          parseReading(text);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).to.be.instanceOf(ReadingError);
      expect((error as ReadingError).reason).to.equal(reason);
    });
  }

  it('bills consumption times tariff in whole kopecks, and refuses a reading below the previous one', () => {
    const hot = TARIFFS.find((tariff) => tariff.id === 'hot-water')!;
    expect(billLine(hot, 10_000, 13_500)).to.include({ consumption: 3_500, cost: Math.round((3_500 * hot.price) / 1000) });
    expect(() => billLine(hot, 2_000, 1_000)).to.throw(ReadingError, /below the previous/);
    expect(billTotal([billLine(hot, 0, 1_000), billLine(hot, 0, 2_000)])).to.equal(3 * hot.price);
  });
});

/** The page on this origin, in a bare frame with a launch fragment: its document can be read and typed into. */
async function openPage(launch: { theme?: { scheme: 'light' | 'dark' }; locale?: string }): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:400px;height:800px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${PATH}#miniapp=${encodeURIComponent(JSON.stringify(launch))}`;
  document.body.append(frame);
  await loaded;
  const page = frame.contentDocument!;
  const element = page.querySelector('utility-calculator') as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
  for (let tries = 0; !element?.shadowRoot && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  await element!.updateComplete;
  return frame;
}

/** axe-core run inside the frame's own window (it checks the document it is loaded in). */
export async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const view = frame.contentWindow as Window & { axe?: { run(context: Node): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } };
  if (!view.axe) {
    const script = frame.contentDocument!.createElement('script');
    const loaded = new Promise((resolve, reject) => Object.assign(script, { onload: resolve, onerror: reject }));
    script.src = '/node_modules/axe-core/axe.min.js';
    frame.contentDocument!.head.append(script);
    await loaded;
  }
  const result = await view.axe!.run(frame.contentDocument!);
  return result.violations.map((violation) => `${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

const calculator = (frame: HTMLIFrameElement) => frame.contentDocument!.querySelector('utility-calculator')! as HTMLElement & { updateComplete: Promise<boolean> };

async function type(frame: HTMLIFrameElement, name: string, value: string): Promise<void> {
  const input = calculator(frame).shadowRoot!.querySelector<HTMLElement & { value: string }>(`ma-input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await calculator(frame).updateComplete;
}

describe('utility calculator: the page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('computes the bill from readings, in Russian when the launch says ru, without loading the SDK', async () => {
    const frame = await openPage({ theme: { scheme: 'light' }, locale: 'ru' });
    const page = frame.contentDocument!;
    expect(page.documentElement.lang).to.equal('ru');
    expect(page.querySelector('main')).to.not.equal(null);
    const root = calculator(frame).shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal('Калькулятор ЖКУ');
    await type(frame, 'cold-water-previous', '100,5');
    await type(frame, 'cold-water-current', '103');
    await type(frame, 'electricity-day-previous', '1000');
    await type(frame, 'electricity-day-current', '1150');
    const total = root.querySelector('[data-total] strong')!.textContent!.replace(/\s/g, '');
    // 2.5 m³ × 52,68 ₽ + 150 kWh × 7,65 ₽ = 131,70 + 1147,50
    expect(total).to.equal('1279,20₽');
    expect(root.querySelectorAll('[data-line]').length).to.equal(2);
    const scripts = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(scripts.filter((name) => name.includes('/src/sdk/')), 'SDK modules loaded').to.deep.equal([]);
  });

  it('marks a reading below the previous one and bills nothing for it', async () => {
    const frame = await openPage({ locale: 'en' });
    await type(frame, 'hot-water-previous', '20');
    await type(frame, 'hot-water-current', '19');
    const root = calculator(frame).shadowRoot!;
    expect(root.querySelector<HTMLElement & { error: string }>('ma-input[name="hot-water-current"]')!.error).to.equal('Below the previous reading');
    expect(root.querySelector('[data-total] strong')!.textContent).to.contain('0.00');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`paints ${scheme} from the launch fragment and has no axe violations`, async () => {
      const frame = await openPage({ theme: { scheme }, locale: 'en' });
      const page = frame.contentDocument!;
      expect(page.documentElement.getAttribute('data-ma-scheme')).to.equal(scheme);
      const background = getComputedStyle(page.body).backgroundColor;
      const [red] = background.match(/\d+/g)!.map(Number);
      expect(scheme === 'dark' ? red! < 80 : red! > 200, background).to.equal(true);
      expect(await axeViolations(frame)).to.deep.equal([]);
    });
  }
});

describe('utility calculator under a host, on another site', () => {
  it('is ready on load and never sends a bridge hello', async () => {
    const hellos: unknown[] = [];
    const listen = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === 'miniapp:hello') hellos.push(event.data);
    };
    addEventListener('message', listen);
    const container = document.createElement('div');
    container.style.cssText = 'width:360px;height:480px';
    document.body.append(container);
    const host = new MiniAppHost({
      app: { id: 'utility-calculator', name: 'Utility calculator', url: `${APP_ORIGIN}${PATH}`, capabilities: [], readiness: 'load' },
      container,
      closeGraceMs: 0,
      theme: { scheme: 'dark' },
    });
    try {
      const ready = nextEvent(host, 'ready');
      host.open();
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hellos).to.deep.equal([]);
      expect(host.state).to.equal('ready');
    } finally {
      removeEventListener('message', listen);
      await host.close();
      container.remove();
    }
  });
});
