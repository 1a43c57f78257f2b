/* global customElements */
// Opens a built app of the packaging check in Chromium and checks that the kit element its bundle
// defines upgrades and renders (its static properties and compiled class fields work in a browser).
//   node in-chromium.mjs <dist folder> <tag> <css selector inside its shadow root>
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const [folder, tag, selector] = process.argv.slice(2);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((request, response) => {
  const path = join(folder, normalize(new URL(request.url, 'http://localhost').pathname).replace(/^\/$/, '/index.html'));
  if (!path.startsWith(folder) || !existsSync(path)) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const rendered = await page.evaluate(async ([tag, selector]) => {
    await customElements.whenDefined(tag);
    const element = document.body.appendChild(document.createElement(tag));
    await element.updateComplete;
    return Boolean(element.shadowRoot?.querySelector(selector));
  }, [tag, selector]);
  if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  if (!rendered) throw new Error(`<${tag}> did not render ${selector} in its shadow root`);
  console.log(`<${tag}> upgraded and rendered in Chromium`);
} finally {
  await browser.close();
  server.close();
}
