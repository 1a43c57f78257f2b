import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { hostDialogHandlers } from '../../src/host/index.ts';
import { clickInFrame, FIXTURE_URL, fixtureLoaded, openFixture, runInFrame, type OpenedApp } from '../helpers/frames.ts';

// Files in the sandbox, across two origins: the host page on localhost, the app on 127.0.0.1.
// The browser's own file chooser and downloads are observed through Playwright's page events
// (test/fixtures/browser-commands-plugin.mjs), so these tests see what Chromium really does.

interface Download {
  suggestedFilename: string;
  url: string;
  base64?: string;
  failure?: string;
}

const command = <R = unknown>(name: string, payload?: unknown) => executeServerCommand<R, unknown>(name, payload);

const CSV = 'id,name\n1,Ann\n2,Бо\n';
const bytesOf = (text: string) => [...new TextEncoder().encode(text)];
const base64Of = (text: string) => btoa(String.fromCharCode(...bytesOf(text)));
const textOf = (base64: string) => new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));

/** A real click at `at` inside the app's frame, repeated until it has landed. */
const clickIn = (opened: { host: { iframe?: HTMLIFrameElement } } | HTMLIFrameElement, at: { x: number; y: number }) =>
  clickInFrame(opened instanceof HTMLIFrameElement ? opened : opened.host.iframe!, at);

describe('files in the sandboxed frame', () => {
  let opened: OpenedApp;
  beforeEach(async () => {
    opened = await openFixture({
      app: { id: 'files', name: 'Files', url: FIXTURE_URL, capabilities: ['files'] },
      handlers: hostDialogHandlers(),
    });
    await opened.run('connect');
  });
  afterEach(() => opened.dispose());

  it('lets the user pick a file through <input type=file> and the app reads its name, type, size and bytes', async () => {
    const at = await opened.run<{ x: number; y: number }>('fileInput');
    await command('arm-file-chooser', { files: [{ name: 'orders.csv', mimeType: 'text/csv', base64: base64Of(CSV) }] });
    await clickIn(opened, at);
    const chooser = await command<{ frameUrl: string; multiple: boolean }>('take-file-chooser');
    expect(chooser.frameUrl.startsWith(FIXTURE_URL)).to.equal(true);
    expect(chooser.multiple).to.equal(false);
    expect(await opened.run('picked')).to.deep.equal({ name: 'orders.csv', type: 'text/csv', size: bytesOf(CSV).length, bytes: bytesOf(CSV) });
  });

  it('downloads a file the app made from a blob URL with the download attribute, on a click in the frame', async () => {
    const at = await opened.run<{ x: number; y: number; href: string }>('downloadLink', { name: 'report.csv', text: CSV, type: 'text/csv' });
    await command('arm-download');
    await clickIn(opened, at);
    const download = await command<Download>('take-download');
    expect(download.failure).to.equal(undefined);
    expect(download.suggestedFilename).to.equal('report.csv');
    expect(download.url).to.equal(at.href);
    expect(download.url.startsWith(`blob:${new URL(FIXTURE_URL).origin}/`)).to.equal(true);
    expect(textOf(download.base64!)).to.equal(CSV);
  });

  it('downloads when the app clicks the link from script, with no user gesture', async () => {
    await command('arm-download');
    const at = await opened.run<{ href: string }>('downloadLink', { name: 'auto.txt', text: 'auto', click: true });
    const download = await command<Download>('take-download');
    expect(download.suggestedFilename).to.equal('auto.txt');
    expect(download.url).to.equal(at.href);
  });

  for (const as of ['blob', 'arraybuffer'] as const) {
    it(`round-trips a picked file through the host's files.download as ${as === 'blob' ? 'a Blob' : 'an ArrayBuffer'}`, async () => {
      const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
      const at = await opened.run<{ x: number; y: number }>('fileInput');
      await command('arm-file-chooser', { files: [{ name: 'scan.bin', mimeType: 'application/octet-stream', base64: btoa(String.fromCharCode(...bytes)) }] });
      await clickIn(opened, at);
      await command('take-file-chooser');
      await command('arm-download');
      const calls: Array<{ method: string; outcome: string }> = [];
      opened.host.addEventListener('call', (event) => calls.push(event.detail));
      expect(await opened.run('downloadPicked', { as, name: `copy-${as}.bin` })).to.equal(undefined);
      const download = await command<Download>('take-download');
      expect(download.failure).to.equal(undefined);
      expect(download.suggestedFilename).to.equal(`copy-${as}.bin`);
      // The host page made the link: the blob URL is the host's, not the app's.
      expect(download.url.startsWith(`blob:${location.origin}/`)).to.equal(true);
      expect([...Uint8Array.from(atob(download.base64!), (c) => c.charCodeAt(0))]).to.deep.equal([...bytes]);
      expect(calls.map(({ method, outcome }) => [method, outcome])).to.deep.equal([['files.download', 'ok']]);
    });
  }

  it('refuses data over 50 MiB before downloading anything', async () => {
    const huge = new Blob([new Uint8Array(50 * 2 ** 20 + 1)]);
    const outcome = await opened.run('api', { path: 'files.download', args: [{ data: huge, name: 'huge.bin' }] }).then(
      () => 'downloaded',
      (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
    );
    expect(outcome).to.match(/^INVALID_ARGUMENT: .*At most 50 MiB/);
  });

  it('refuses the download in a frame sandboxed without allow-downloads (the control)', async () => {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    iframe.style.cssText = 'width:300px;height:200px';
    const loaded = fixtureLoaded(() => iframe.contentWindow);
    iframe.src = FIXTURE_URL;
    document.body.append(iframe);
    try {
      await loaded;
      const at = await runInFrame<{ x: number; y: number }>(iframe.contentWindow!, 'downloadLink', { name: 'blocked.txt', text: 'no' });
      await command('arm-console', { text: 'allow-downloads' });
      await clickIn(iframe, at);
      const message = await command<{ type: string; text: string }>('take-console');
      expect(message.text).to.include('Download is disallowed');
    } finally {
      iframe.remove();
    }
  });
});
