// Fails on purpose, with DOM nodes and a function as the values of its failures: the harness test
// (test/node/test-harness.test.ts) checks the runner reports these failures instead of hanging.
import { expect } from '@open-wc/testing';

describe('failures whose values cannot be cloned', () => {
  it('compares two buttons', () => {
    const one = document.createElement('button');
    one.textContent = 'one';
    expect(document.body, 'focus').to.equal(one);
  });

  it('compares a function', () => {
    expect(() => 1).to.equal(() => 2);
  });

  it('passes beside them', () => {
    expect(1 + 1).to.equal(2);
  });
});
