/* global Element, Node, structuredClone */
// Runs in every test page before the test framework. web-test-runner sends a failed test's
// `expected` and `actual` to the runner through structuredClone; a DOM node or a function there
// (chai's `expect(document.activeElement).to.equal(button)`) makes that throw, the results are
// never sent, and the file hangs until the runner's timeout with its failure unreported. So
// every failure's values are made cloneable the moment mocha records it: a value that cannot be
// cloned is replaced by a short description of it.
(() => {
  const describe = (value) => {
    if (typeof Element !== 'undefined' && value instanceof Element) {
      const html = value.outerHTML;
      return `[${value.constructor.name}] ${html.length > 200 ? `${html.slice(0, 200)}…` : html}`;
    }
    if (typeof Node !== 'undefined' && value instanceof Node) return `[${value.constructor.name}] ${String(value.nodeName)}`;
    try {
      return `[${Object.prototype.toString.call(value).slice(8, -1)}] ${String(value).slice(0, 200)}`;
    } catch {
      return `[${typeof value}]`;
    }
  };
  const makeReportable = (error) => {
    if (!error || typeof error !== 'object') return;
    for (const key of ['expected', 'actual']) {
      if (!(key in error)) continue;
      try {
        structuredClone(error[key]);
      } catch {
        try {
          error[key] = describe(error[key]);
        } catch {
          delete error[key];
        }
      }
    }
  };
  let runner;
  Object.defineProperty(window, '__WTR_MOCHA_RUNNER__', {
    configurable: true,
    get: () => runner,
    set(value) {
      runner = value;
      runner?.on?.('fail', (_test, error) => makeReportable(error));
    },
  });
})();
