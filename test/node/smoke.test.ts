import { expect } from 'chai';
describe('node smoke', () => { it('runs', () => { expect(1 + 1).to.equal(2); }); });
