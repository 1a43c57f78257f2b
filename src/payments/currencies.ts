import { PaymentError, PaymentErrorCode, describeValue } from './errors.ts';

/*
 * ISO 4217, List One (current currency and funds codes), as in force in 2026: alphabetic code →
 * [numeric code, minor-unit exponent]. Codes withdrawn recently are not here (see WITHDRAWN_CODES).
 * Update this table with each ISO 4217 amendment; the tests check its shape and known edges.
 */

/** Currencies in circulation: the only codes a payment may use. */
const PAYABLE = {
  AED: [784, 2], AFN: [971, 2], ALL: [8, 2], AMD: [51, 2], AOA: [973, 2], ARS: [32, 2], AUD: [36, 2], AWG: [533, 2],
  AZN: [944, 2], BAM: [977, 2], BBD: [52, 2], BDT: [50, 2], BHD: [48, 3], BIF: [108, 0], BMD: [60, 2], BND: [96, 2],
  BOB: [68, 2], BRL: [986, 2], BSD: [44, 2], BTN: [64, 2], BWP: [72, 2], BYN: [933, 2], BZD: [84, 2], CAD: [124, 2],
  CDF: [976, 2], CHF: [756, 2], CLP: [152, 0], CNY: [156, 2], COP: [170, 2], CRC: [188, 2], CUP: [192, 2], CVE: [132, 2],
  CZK: [203, 2], DJF: [262, 0], DKK: [208, 2], DOP: [214, 2], DZD: [12, 2], EGP: [818, 2], ERN: [232, 2], ETB: [230, 2],
  EUR: [978, 2], FJD: [242, 2], FKP: [238, 2], GBP: [826, 2], GEL: [981, 2], GHS: [936, 2], GIP: [292, 2], GMD: [270, 2],
  GNF: [324, 0], GTQ: [320, 2], GYD: [328, 2], HKD: [344, 2], HNL: [340, 2], HTG: [332, 2], HUF: [348, 2], IDR: [360, 2],
  ILS: [376, 2], INR: [356, 2], IQD: [368, 3], IRR: [364, 2], ISK: [352, 0], JMD: [388, 2], JOD: [400, 3], JPY: [392, 0],
  KES: [404, 2], KGS: [417, 2], KHR: [116, 2], KMF: [174, 0], KPW: [408, 2], KRW: [410, 0], KWD: [414, 3], KYD: [136, 2],
  KZT: [398, 2], LAK: [418, 2], LBP: [422, 2], LKR: [144, 2], LRD: [430, 2], LSL: [426, 2], LYD: [434, 3], MAD: [504, 2],
  MDL: [498, 2], MGA: [969, 2], MKD: [807, 2], MMK: [104, 2], MNT: [496, 2], MOP: [446, 2], MRU: [929, 2], MUR: [480, 2],
  MVR: [462, 2], MWK: [454, 2], MXN: [484, 2], MYR: [458, 2], MZN: [943, 2], NAD: [516, 2], NGN: [566, 2], NIO: [558, 2],
  NOK: [578, 2], NPR: [524, 2], NZD: [554, 2], OMR: [512, 3], PAB: [590, 2], PEN: [604, 2], PGK: [598, 2], PHP: [608, 2],
  PKR: [586, 2], PLN: [985, 2], PYG: [600, 0], QAR: [634, 2], RON: [946, 2], RSD: [941, 2], RUB: [643, 2], RWF: [646, 0],
  SAR: [682, 2], SBD: [90, 2], SCR: [690, 2], SDG: [938, 2], SEK: [752, 2], SGD: [702, 2], SHP: [654, 2], SLE: [925, 2],
  SOS: [706, 2], SRD: [968, 2], SSP: [728, 2], STN: [930, 2], SVC: [222, 2], SYP: [760, 2], SZL: [748, 2], THB: [764, 2],
  TJS: [972, 2], TMT: [934, 2], TND: [788, 3], TOP: [776, 2], TRY: [949, 2], TTD: [780, 2], TWD: [901, 2], TZS: [834, 2],
  UAH: [980, 2], UGX: [800, 0], USD: [840, 2], UYU: [858, 2], UZS: [860, 2], VED: [926, 2], VES: [928, 2], VND: [704, 0],
  VUV: [548, 0], WST: [882, 2], XAF: [950, 0], XCD: [951, 2], XCG: [532, 2], XOF: [952, 0], XPF: [953, 0], YER: [886, 2],
  ZAR: [710, 2], ZMW: [967, 2], ZWG: [924, 2],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * Funds codes (indexed units of account, same-day / next-day dollars, WIR money …): listed in
 * ISO 4217, but not what a shopper pays in, so a payment refuses them.
 */
const FUNDS = {
  BOV: [984, 2], CHE: [947, 2], CHW: [948, 2], CLF: [990, 4], COU: [970, 2], MXV: [979, 2], USN: [997, 2], UYI: [940, 0],
  UYW: [927, 4],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * Codes with no minor unit ("N.A." in ISO 4217): precious metals, bond-market and settlement units,
 * SDR, the testing code XTS and "no currency" XXX. Not money a payment can move. XAF, XOF, XPF, XCD
 * and XCG begin with X too, but they are real currencies (in PAYABLE).
 */
const NOT_MONEY = {
  XAG: 961, XAU: 959, XBA: 955, XBB: 956, XBC: 957, XBD: 958, XDR: 960, XPD: 964,
  XPT: 962, XSU: 994, XTS: 963, XUA: 965, XXX: 999,
} as const satisfies Record<string, number>;

/** Recently withdrawn codes and what replaced them, so a refusal can say what to use instead. */
export const WITHDRAWN_CODES: Readonly<Record<string, string>> = Object.freeze({
  ANG: 'XCG', BGN: 'EUR', BYR: 'BYN', CUC: 'CUP', HRK: 'EUR', LTL: 'EUR', LVL: 'EUR', MRO: 'MRU',
  SLL: 'SLE', STD: 'STN', VEF: 'VES', ZWL: 'ZWG',
});

export type PayableCurrencyCode = keyof typeof PAYABLE;

/** What a payment may be taken in (`payable`), or why not (`fund`, `not-money`). */
export type CurrencyKind = 'payable' | 'fund' | 'not-money';

export interface CurrencyInfo {
  /** The alphabetic code, e.g. `RUB`. */
  readonly code: string;
  /** The numeric code, e.g. 643 (acquiring APIs often use it). */
  readonly numeric: number;
  /** Digits after the decimal point: 2 for RUB (kopecks), 0 for JPY, 3 for KWD; null when ISO lists none. */
  readonly exponent: number | null;
  readonly kind: CurrencyKind;
}

/** A currency a payment may be taken in. */
export interface PayableCurrency extends CurrencyInfo {
  readonly code: PayableCurrencyCode;
  readonly exponent: number;
  readonly kind: 'payable';
}

const entries: CurrencyInfo[] = [
  ...Object.entries(PAYABLE).map(([code, [numeric, exponent]]) => ({ code, numeric, exponent, kind: 'payable' as const })),
  ...Object.entries(FUNDS).map(([code, [numeric, exponent]]) => ({ code, numeric, exponent, kind: 'fund' as const })),
  ...Object.entries(NOT_MONEY).map(([code, numeric]) => ({ code, numeric, exponent: null, kind: 'not-money' as const })),
];

/** Every code of ISO 4217 List One, alphabetically. */
export const ISO_4217: ReadonlyMap<string, CurrencyInfo> = new Map(
  entries.sort((a, b) => (a.code < b.code ? -1 : 1)).map((info) => [info.code, Object.freeze(info)]),
);

/** The codes a payment may use, alphabetically. */
export const PAYABLE_CURRENCY_CODES: readonly PayableCurrencyCode[] = Object.freeze((Object.keys(PAYABLE) as PayableCurrencyCode[]).sort());

/** The ISO 4217 entry of a code, or undefined. Exact match only: codes are upper case. */
export function currencyInfo(code: string): CurrencyInfo | undefined {
  return ISO_4217.get(code);
}

/**
 * Checks that `currency` is a currency a payment may be taken in and returns its entry; otherwise
 * throws UNKNOWN_CURRENCY (not an ISO 4217 code, lower case, withdrawn) or CURRENCY_NOT_PAYABLE
 * (a funds code, or a unit that is not money).
 */
export function validateCurrency(currency: unknown, field = 'currency'): PayableCurrency {
  if (typeof currency !== 'string') {
    throw new PaymentError(PaymentErrorCode.UNKNOWN_CURRENCY, `${field} must be an ISO 4217 code, got ${describeValue(currency)}`, field);
  }
  const info = ISO_4217.get(currency);
  if (!info) {
    const replacement = Object.hasOwn(WITHDRAWN_CODES, currency) ? WITHDRAWN_CODES[currency] : undefined;
    const upper = currency.length === 3 ? ISO_4217.get(currency.toUpperCase()) : undefined;
    const hint = replacement ? ` (withdrawn; use ${replacement})` : upper ? ` (codes are upper case: ${upper.code})` : '';
    throw new PaymentError(PaymentErrorCode.UNKNOWN_CURRENCY, `${describeValue(currency)} is not an ISO 4217 currency code${hint}`, field);
  }
  if (info.kind !== 'payable') {
    const what = info.kind === 'fund' ? 'a funds code' : 'not a currency';
    throw new PaymentError(PaymentErrorCode.CURRENCY_NOT_PAYABLE, `${info.code} is ${what}: payments are taken in currencies only`, field);
  }
  return info as PayableCurrency;
}
