import { expect } from '@open-wc/testing';

describe('smoke', () => {
  it('runs in chromium on localhost', () => {
    expect(location.hostname).to.equal('localhost');
  });
});
