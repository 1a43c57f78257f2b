import { expect } from 'chai';
import {
  currencyInfo,
  ISO_4217,
  PAYABLE_CURRENCY_CODES,
  PaymentErrorCode,
  validateCurrency,
  WITHDRAWN_CODES,
} from '../../src/payments/index.ts';
import { expectPaymentError } from './helpers.ts';

// Written out independently of the table: the currencies in circulation with no minor unit and
// with three decimals. Every other payable currency has two.
const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' ');
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND'.split(' ');
const FUNDS = 'BOV CHE CHW CLF COU MXV USN UYI UYW'.split(' ');
const NOT_MONEY = 'XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX'.split(' ');

describe('payments: ISO 4217 currencies', () => {
  it('knows the exponent of each currency: RUB 2, JPY 0, KWD 3 …', () => {
    expect(validateCurrency('RUB')).to.deep.equal({ code: 'RUB', numeric: 643, exponent: 2, kind: 'payable' });
    expect(validateCurrency('JPY')).to.include({ numeric: 392, exponent: 0 });
    expect(validateCurrency('KWD')).to.include({ numeric: 414, exponent: 3 });
    expect(validateCurrency('USD')).to.include({ numeric: 840, exponent: 2 });
    expect(validateCurrency('EUR')).to.include({ numeric: 978, exponent: 2 });
    for (const code of PAYABLE_CURRENCY_CODES) {
      const expected = ZERO_DECIMALS.includes(code) ? 0 : THREE_DECIMALS.includes(code) ? 3 : 2;
      expect(validateCurrency(code).exponent, code).to.equal(expected);
    }
  });

  it('lists every current currency, including the newest (XCG, ZWG, SLE, VED), and no withdrawn one', () => {
    expect(PAYABLE_CURRENCY_CODES).to.have.length(155);
    for (const code of ['XCG', 'ZWG', 'SLE', 'VED', 'VES', 'MRU', 'STN', 'BYN', 'XAF', 'XOF', 'XPF', 'XCD']) {
      expect(PAYABLE_CURRENCY_CODES, code).to.include(code);
    }
    for (const [withdrawn, replacement] of Object.entries(WITHDRAWN_CODES)) {
      expect(currencyInfo(withdrawn), withdrawn).to.equal(undefined);
      expect(currencyInfo(replacement)?.kind, replacement).to.equal('payable');
    }
  });

  it('holds the whole of List One: currencies, funds codes and units that are not money, each once', () => {
    const codes = [...ISO_4217.keys()];
    expect(codes).to.have.length(155 + FUNDS.length + NOT_MONEY.length);
    expect(codes).to.deep.equal([...codes].sort());
    const numerics = [...ISO_4217.values()].map((info) => info.numeric);
    expect(new Set(numerics).size, 'numeric codes are unique').to.equal(numerics.length);
    for (const info of ISO_4217.values()) {
      expect(info.code).to.match(/^[A-Z]{3}$/);
      expect(info.numeric).to.be.within(1, 999);
      if (info.kind === 'not-money') expect(info.exponent, info.code).to.equal(null);
      else expect([0, 2, 3, 4], info.code).to.include(info.exponent);
    }
    expect(FUNDS.map((code) => currencyInfo(code)?.kind)).to.deep.equal(FUNDS.map(() => 'fund'));
    expect(NOT_MONEY.map((code) => currencyInfo(code)?.kind)).to.deep.equal(NOT_MONEY.map(() => 'not-money'));
    expect(currencyInfo('CLF')?.exponent).to.equal(4);
    expect(currencyInfo('UYI')?.exponent).to.equal(0);
  });

  for (const code of FUNDS) {
    it(`refuses the funds code ${code} as CURRENCY_NOT_PAYABLE`, () => {
      expectPaymentError(() => validateCurrency(code), PaymentErrorCode.CURRENCY_NOT_PAYABLE, 'currency');
    });
  }

  for (const code of NOT_MONEY) {
    it(`refuses ${code}, which is not money, as CURRENCY_NOT_PAYABLE`, () => {
      expectPaymentError(() => validateCurrency(code), PaymentErrorCode.CURRENCY_NOT_PAYABLE, 'currency');
    });
  }

  it('refuses a lowercase code as UNKNOWN_CURRENCY, saying how it is spelt', () => {
    const error = expectPaymentError(() => validateCurrency('rub'), PaymentErrorCode.UNKNOWN_CURRENCY, 'currency');
    expect(error.message).to.include('RUB');
    expectPaymentError(() => validateCurrency('Rub'), PaymentErrorCode.UNKNOWN_CURRENCY);
  });

  it('refuses a withdrawn code as UNKNOWN_CURRENCY, naming its replacement', () => {
    expect(expectPaymentError(() => validateCurrency('ANG'), PaymentErrorCode.UNKNOWN_CURRENCY).message).to.include('XCG');
    expect(expectPaymentError(() => validateCurrency('HRK'), PaymentErrorCode.UNKNOWN_CURRENCY).message).to.include('EUR');
  });

  for (const value of ['', 'RU', 'RUBL', 'ABC', ' RUB', 'RUB ', 'toString', '__proto__', 643, null, undefined, {}, ['RUB']]) {
    it(`refuses ${JSON.stringify(value) ?? 'undefined'} as UNKNOWN_CURRENCY`, () => {
      expectPaymentError(() => validateCurrency(value), PaymentErrorCode.UNKNOWN_CURRENCY, 'currency');
    });
  }

  it('keeps a refusal of a huge string short', () => {
    const error = expectPaymentError(() => validateCurrency('R'.repeat(100_000)), PaymentErrorCode.UNKNOWN_CURRENCY);
    expect(error.message.length).to.be.below(120);
  });
});
