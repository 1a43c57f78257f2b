/**
 * The payments domain: ISO 4217 currencies, amounts in minor units, the `payments.pay` request,
 * the payment status machine, the idempotency rule, and the facts a receipt states. Pure: no DOM,
 * no I/O, no storage; time and ids are passed in.
 */
export * from './errors.ts';
export * from './currencies.ts';
export * from './amount.ts';
export * from './pay-request.ts';
export * from './status-machine.ts';
export * from './payment.ts';
export * from './idempotency.ts';
export * from './bridge-types.ts';
