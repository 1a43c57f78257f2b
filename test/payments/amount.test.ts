import { expect } from 'chai';
import fc from 'fast-check';
import { formatMinorUnits, MAX_PAYMENT_AMOUNT, PaymentErrorCode, validateAmount } from '../../src/payments/index.ts';
import { expectPaymentError } from './helpers.ts';

describe('payments: amounts in minor units', () => {
  it('accepts 1 and the bound, a 12-digit amount', () => {
    expect(validateAmount(1)).to.equal(1);
    expect(MAX_PAYMENT_AMOUNT).to.equal(999_999_999_999);
    expect(validateAmount(MAX_PAYMENT_AMOUNT)).to.equal(MAX_PAYMENT_AMOUNT);
  });

  it('refuses one more than the bound as AMOUNT_TOO_LARGE', () => {
    expectPaymentError(() => validateAmount(MAX_PAYMENT_AMOUNT + 1), PaymentErrorCode.AMOUNT_TOO_LARGE, 'amount');
    expectPaymentError(() => validateAmount(Number.MAX_SAFE_INTEGER), PaymentErrorCode.AMOUNT_TOO_LARGE);
    expectPaymentError(() => validateAmount(1e300), PaymentErrorCode.AMOUNT_TOO_LARGE);
  });

  for (const [label, value] of [
    ['zero', 0],
    ['minus zero', -0],
    ['a negative amount', -100],
    ['a fractional amount', 10.5],
    ['a tiny fraction', 1e-9],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['minus Infinity', -Infinity],
    ['a numeric string', '100'],
    ['a decimal string', '1250.50'],
    ['a bigint', 100n],
    ['null', null],
    ['undefined', undefined],
    ['a boxed number', Object(100)],
  ] as const) {
    it(`refuses ${label} as INVALID_AMOUNT`, () => {
      expectPaymentError(() => validateAmount(value), PaymentErrorCode.INVALID_AMOUNT, 'amount');
    });
  }

  it('accepts every integer from 1 to the bound, and refuses every non-integer', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_PAYMENT_AMOUNT }), (amount) => validateAmount(amount) === amount));
    fc.assert(
      fc.property(fc.double({ noDefaultInfinity: false }).filter((value) => !Number.isInteger(value)), (value) => {
        expectPaymentError(() => validateAmount(value), PaymentErrorCode.INVALID_AMOUNT);
      }),
    );
  });

  it('formats minor units as an exact decimal of the currency', () => {
    expect(formatMinorUnits(125_050, 2)).to.equal('1250.50');
    expect(formatMinorUnits(5, 2)).to.equal('0.05');
    expect(formatMinorUnits(1_250, 0)).to.equal('1250');
    expect(formatMinorUnits(1, 3)).to.equal('0.001');
    expect(formatMinorUnits(MAX_PAYMENT_AMOUNT, 2)).to.equal('9999999999.99');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PAYMENT_AMOUNT }), fc.constantFrom(0, 2, 3, 4), (amount, exponent) => {
        const text = formatMinorUnits(amount, exponent);
        expect(text.replace('.', '').replace(/^0+/, '')).to.equal(String(amount));
        expect(text.split('.')[1]?.length ?? 0).to.equal(exponent);
      }),
    );
  });
});
