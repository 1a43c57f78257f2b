import { expect } from 'chai';
import fc from 'fast-check';
import { ErrorCode } from '../../src/protocol/index.ts';
import {
  DESCRIPTION_MAX_LENGTH,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  ORDER_ID_MAX_LENGTH,
  PaymentError,
  PaymentErrorCode,
  validatePayRequest,
} from '../../src/payments/index.ts';
import { expectPaymentError } from './helpers.ts';

const request = { orderId: 'order-42', amount: 125_050, currency: 'RUB', description: 'Two loaves and a pie' };
const refuse = (change: Record<string, unknown>, code: PaymentErrorCode, field: string) =>
  expectPaymentError(() => validatePayRequest({ ...request, ...change }), code, field);

describe('payments: the payments.pay request', () => {
  it('accepts a valid request and returns a clean copy with only the known fields', () => {
    const input = { ...request, idempotencyKey: '6f1c2b9e-8a0d-4c37-9f59-1d2e3a4b5c6d', extra: { huge: 'x'.repeat(1000) } };
    const valid = validatePayRequest(input);
    expect(valid).to.deep.equal({ ...request, idempotencyKey: input.idempotencyKey });
    expect(valid).to.not.equal(input);
    expect(validatePayRequest(request)).to.not.have.property('idempotencyKey');
  });

  for (const value of [null, undefined, 'order-42', 42, [request]]) {
    it(`refuses ${JSON.stringify(value) ?? 'undefined'} as a request with INVALID_REQUEST`, () => {
      expectPaymentError(() => validatePayRequest(value), PaymentErrorCode.INVALID_REQUEST);
    });
  }

  describe('orderId', () => {
    it(`accepts ${ORDER_ID_MAX_LENGTH} characters of letters, digits and . _ : -, refuses ${ORDER_ID_MAX_LENGTH + 1}`, () => {
      expect(ORDER_ID_MAX_LENGTH).to.equal(128);
      expect(validatePayRequest({ ...request, orderId: 'a'.repeat(128) }).orderId).to.have.length(128);
      expect(validatePayRequest({ ...request, orderId: 'Shop_1.order:2024-07' }).orderId).to.equal('Shop_1.order:2024-07');
      refuse({ orderId: 'a'.repeat(129) }, PaymentErrorCode.INVALID_REQUEST, 'orderId');
    });

    for (const value of ['', 'order 42', 'order/42', 'order#42', 'заказ-42', 'order\n42', '<script>', 42, null, undefined]) {
      it(`refuses ${JSON.stringify(value) ?? 'undefined'}`, () => {
        refuse({ orderId: value }, PaymentErrorCode.INVALID_REQUEST, 'orderId');
      });
    }
  });

  describe('description', () => {
    it(`accepts ${DESCRIPTION_MAX_LENGTH} characters counted as code points (emoji too), refuses ${DESCRIPTION_MAX_LENGTH + 1}`, () => {
      expect(DESCRIPTION_MAX_LENGTH).to.equal(255);
      expect(validatePayRequest({ ...request, description: 'd'.repeat(255) }).description).to.have.length(255);
      expect(validatePayRequest({ ...request, description: '🥐'.repeat(255) }).description).to.have.length(510);
      expect(validatePayRequest({ ...request, description: 'Хлеб и пирог — 2 шт.' }).description).to.equal('Хлеб и пирог — 2 шт.');
      refuse({ description: 'd'.repeat(256) }, PaymentErrorCode.INVALID_REQUEST, 'description');
      refuse({ description: '🥐'.repeat(256) }, PaymentErrorCode.INVALID_REQUEST, 'description');
      refuse({ description: 'd'.repeat(1_000_000) }, PaymentErrorCode.INVALID_REQUEST, 'description');
    });

    for (const [label, value] of [
      ['an empty text', ''],
      ['a blank text', '   '],
      ['a line break', 'Bread\nand pie'],
      ['a tab', 'Bread\tpie'],
      ['a NUL', 'Bread\u0000'],
      ['a line separator', 'Bread\u2028pie'],
      ['a right-to-left override', 'Pay \u202E001 RUB'],
      ['a directional isolate', 'Pay \u2066x\u2069'],
      ['a number', 42],
      ['nothing', undefined],
    ] as const) {
      it(`refuses ${label}`, () => {
        refuse({ description: value }, PaymentErrorCode.INVALID_REQUEST, 'description');
      });
    }
  });

  describe('idempotencyKey', () => {
    it(`accepts a UUID and up to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters, refuses ${IDEMPOTENCY_KEY_MAX_LENGTH + 1}`, () => {
      expect(IDEMPOTENCY_KEY_MAX_LENGTH).to.equal(128);
      expect(validatePayRequest({ ...request, idempotencyKey: 'k'.repeat(128) }).idempotencyKey).to.have.length(128);
      refuse({ idempotencyKey: 'k'.repeat(129) }, PaymentErrorCode.INVALID_REQUEST, 'idempotencyKey');
    });

    for (const value of ['', 'key with spaces', 'key/1', 'ключ', 42, null]) {
      it(`refuses ${JSON.stringify(value)}`, () => {
        refuse({ idempotencyKey: value }, PaymentErrorCode.INVALID_REQUEST, 'idempotencyKey');
      });
    }
  });

  it('passes amount and currency refusals on with their field', () => {
    refuse({ amount: 0 }, PaymentErrorCode.INVALID_AMOUNT, 'amount');
    refuse({ amount: 1250.5 }, PaymentErrorCode.INVALID_AMOUNT, 'amount');
    refuse({ amount: '125050' }, PaymentErrorCode.INVALID_AMOUNT, 'amount');
    refuse({ amount: 1e13 }, PaymentErrorCode.AMOUNT_TOO_LARGE, 'amount');
    refuse({ currency: 'rub' }, PaymentErrorCode.UNKNOWN_CURRENCY, 'currency');
    refuse({ currency: 'XTS' }, PaymentErrorCode.CURRENCY_NOT_PAYABLE, 'currency');
  });

  it('crosses the bridge as INVALID_ARGUMENT with the reason and the field', () => {
    const error = refuse({ orderId: '' }, PaymentErrorCode.INVALID_REQUEST, 'orderId');
    expect(error.toBridgeError()).to.deep.equal({
      code: ErrorCode.INVALID_ARGUMENT,
      message: error.message,
      details: { reason: 'INVALID_REQUEST', field: 'orderId' },
    });
  });

  it('answers any input with a clean request or a PaymentError, never anything else', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(undefined), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(fc.record({ orderId: field, amount: field, currency: fc.oneof(field, fc.constantFrom('RUB', 'JPY', 'KWD')), description: field, idempotencyKey: field }, { requiredKeys: [] }), (input) => {
        try {
          const valid = validatePayRequest(input);
          expect(Object.keys(valid).every((key) => key in input)).to.equal(true);
        } catch (error) {
          expect(error).to.be.instanceOf(PaymentError);
        }
      }),
    );
  });
});
