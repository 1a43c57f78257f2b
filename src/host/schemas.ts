import * as v from 'valibot';
import { HOST_SCREENS, LIMITS, type HostScreen, type MethodName } from '../protocol/index.ts';
import { cut, MAX_MESSAGE } from './bounded.ts';

/**
 * Text of at most `max` characters (code points, as a reader counts them). The UTF-16 length is
 * checked first, so a huge string is refused without being split.
 */
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max * 2, `At most ${max} characters`),
    v.check((value) => [...value].length <= max, `At most ${max} characters`),
    v.check((value) => !CONTROL.test(value), 'No control characters'),
  );
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const filled = (max: number) => v.pipe(text(max), v.check((value) => value.trim() !== '', 'Must not be blank'));

/** An id an app chooses: 1–128 of `A–Z a–z 0–9 . _ : -`, safe in logs, URLs and store keys. */
const safeId = v.pipe(v.string(), v.maxLength(128, 'At most 128 characters'), v.regex(/^[A-Za-z0-9._:-]+$/, 'Only letters, digits and . _ : -'));

const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'At most 2,048 characters'),
  v.check((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'An absolute http(s) URL'),
);

/** A route inside the app: starts with `/`, at most 512 characters, no control characters. */
const route = v.pipe(text(512), v.startsWith('/', 'A route starts with /'));
const anchor = v.pipe(text(128), v.regex(/^[^\s#]*$/, 'An anchor has no spaces or #'));

const fileName = v.pipe(filled(255), v.regex(/^[^/\\:*?"<>|]+$/, 'A file name without / \\ : * ? " < > |'), v.check((name) => name !== '.' && name !== '..', 'Not . or ..'));

const SCREENS = Object.keys(HOST_SCREENS) as [HostScreen, ...HostScreen[]];
const enabled = v.strictObject({ enabled: v.boolean() });
const storageKey = v.pipe(v.string(), v.minLength(1, 'A key is not empty'), v.maxLength(LIMITS.storage.keyLength, `A key has at most ${LIMITS.storage.keyLength} characters`));
const storageKeys = v.strictObject({ keys: v.pipe(v.array(storageKey), v.minLength(1), v.maxLength(100, 'At most 100 keys at a time')) });

/** The JSON size of `data` in UTF-8 bytes, stopping early once over `max`. */
function jsonBytesAtMost(data: unknown, max: number): boolean {
  let json: string;
  try {
    json = JSON.stringify(data);
  } catch {
    return false;
  }
  return json.length <= max && new TextEncoder().encode(json).length <= max;
}

const popupButton = v.strictObject({
  id: filled(LIMITS.popup.buttonText),
  text: filled(LIMITS.popup.buttonText),
  type: v.optional(v.picklist(['default', 'cancel', 'destructive'])),
});

/**
 * The argument schema of every bridge method. The port answers only methods listed here, and
 * each argument is checked before any handler runs: no extra keys, bounded strings.
 */
export const METHOD_SCHEMAS: { readonly [M in MethodName]: v.GenericSchema } = {
  'app.ready': v.undefined(),
  'app.close': v.optional(v.strictObject({ reason: v.optional(v.pipe(v.string(), v.maxLength(200))) })),
  'app.setClosingConfirmation': enabled,
  'app.setBackHandling': enabled,
  'app.backResult': v.strictObject({ id: v.pipe(v.number(), v.safeInteger()), handled: v.boolean() }),
  'user.get': v.undefined(),
  'user.requestPhone': v.undefined(),
  'payments.pay': v.strictObject({
    orderId: safeId,
    amount: v.pipe(v.number(), v.safeInteger('Minor units: a whole number'), v.minValue(1, 'A positive amount')),
    currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'An ISO 4217 code in upper case')),
    description: filled(255),
    idempotencyKey: v.optional(safeId),
  }),
  'payments.status': v.strictObject({ paymentId: safeId }),
  'push.send': v.strictObject({
    title: filled(LIMITS.push.title),
    body: text(LIMITS.push.body),
    route: v.optional(route),
    anchor: v.optional(anchor),
    data: v.optional(
      v.pipe(
        // Not v.record: it would take an array and hand the checks an object copy of it.
        v.custom<Record<string, unknown>>((data) => typeof data === 'object' && data !== null && !Array.isArray(data), 'data is an object'),
        v.check((data) => jsonBytesAtMost(data, LIMITS.push.dataBytes), `data must be JSON of at most ${LIMITS.push.dataBytes} bytes`),
      ),
    ),
    id: v.optional(safeId),
  }),
  'navigation.open': v.pipe(
    v.strictObject({ screen: v.picklist(SCREENS, 'A host screen'), id: v.optional(safeId) }),
    v.check((link) => HOST_SCREENS[link.screen].id === (link.id !== undefined), 'An id is needed by exactly the screens that show one thing'),
  ),
  'navigation.openLink': v.strictObject({ url: httpUrl }),
  'chat.open': v.undefined(),
  'popup.show': v.strictObject({
    title: v.optional(text(LIMITS.popup.title)),
    message: filled(LIMITS.popup.message),
    buttons: v.optional(
      v.pipe(
        v.array(popupButton),
        v.minLength(1, 'At least one button'),
        v.maxLength(LIMITS.popup.buttons, `At most ${LIMITS.popup.buttons} buttons`),
        v.check((buttons) => new Set(buttons.map((button) => button.id)).size === buttons.length, 'Button ids must differ'),
      ),
    ),
  }),
  'popup.prompt': v.strictObject({
    title: v.optional(text(LIMITS.popup.title)),
    message: filled(LIMITS.popup.message),
    placeholder: v.optional(text(128)),
    maxLength: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(LIMITS.popup.promptLength))),
  }),
  'share.share': v.pipe(
    v.strictObject({ text: v.optional(filled(4096)), url: v.optional(httpUrl) }),
    v.check((share) => share.text !== undefined || share.url !== undefined, 'Share a text, a url or both'),
  ),
  'clipboard.write': v.strictObject({ text: v.pipe(v.string(), v.maxLength(65_536, 'At most 65,536 characters')) }),
  'storage.get': storageKeys,
  'storage.set': v.strictObject({
    key: storageKey,
    value: v.pipe(v.string(), v.maxLength(LIMITS.storage.valueLength, `A value has at most ${LIMITS.storage.valueLength} characters`)),
  }),
  'storage.remove': storageKeys,
  'storage.keys': v.undefined(),
  'haptics.impact': v.strictObject({ style: v.picklist(['light', 'medium', 'heavy', 'success', 'warning', 'error', 'selection']) }),
  'files.download': v.union([
    v.strictObject({ url: httpUrl, name: v.optional(fileName) }),
    v.strictObject({
      data: v.union([
        v.pipe(v.blob(), v.maxSize(50 * 2 ** 20, 'At most 50 MiB')),
        v.pipe(v.instance(ArrayBuffer), v.check((buffer) => buffer.byteLength <= 50 * 2 ** 20, 'At most 50 MiB')),
        v.pipe(v.string(), v.maxLength(50 * 2 ** 20, 'At most 50 MiB')),
      ]),
      name: fileName,
      type: v.optional(v.pipe(v.string(), v.maxLength(127), v.regex(/^[\w.+-]+\/[\w.+-]+$/, 'A media type such as text/csv'))),
    }),
  ]),
};

export function isKnownMethod(name: string): name is MethodName {
  return Object.hasOwn(METHOD_SCHEMAS, name);
}

const MAX_ISSUES = 5;

/** The methods whose schema is exactly "no argument". */
const NO_ARGUMENTS = new Set((Object.keys(METHOD_SCHEMAS) as MethodName[]).filter((method) => METHOD_SCHEMAS[method].type === 'undefined'));

/**
 * Checks `params` against the method's schema; returns a readable problem, or undefined if valid.
 * The schema's messages may quote what the app sent (a key, a value), so each is a bounded copy.
 */
export function checkParams(method: MethodName, params: unknown): { message: string; issues: string[] } | undefined {
  // The common call with no arguments needs no schema run.
  if (params === undefined && NO_ARGUMENTS.has(method)) return undefined;
  // abortPipeEarly: a string that is too long is not also split or scanned by the checks after it.
  const result = v.safeParse(METHOD_SCHEMAS[method], params, { abortPipeEarly: true });
  if (result.success) return undefined;
  const issues = result.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path?.map((item) => cut(String(item.key), 40)).join('.');
    return cut(path ? `${path}: ${issue.message}` : issue.message, 160);
  });
  if (result.issues.length > MAX_ISSUES) issues.push(`and ${result.issues.length - MAX_ISSUES} more`);
  return { message: cut(`Invalid arguments for ${method}: ${issues.join('; ')}`, MAX_MESSAGE), issues };
}
