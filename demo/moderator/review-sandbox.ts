/**
 * The moderator page's end of the review sandbox: a hidden frame on the mini-apps' origin
 * (demo/review/sw-host.html) whose service worker serves a submission's unpacked files, and
 * reports what its pages do.
 */
import type { ReviewFile, ReviewHostMessage, ReviewObservation, ReviewPageMessage } from '../review/protocol.ts';

type AuditObservation = Extract<ReviewObservation, { kind: 'audit' }>;
type Listener = (observation: ReviewObservation) => void;

/**
 * axe-core's own source, to run inside a reviewed page. A bundler that wraps the package as
 * CommonJS gives it as `source`; served as a plain script it sets only `window.axe`, and the file
 * is read from the package folder instead. A production build minifies that wrapper, so it takes
 * the shipped file as text (axe-raw.ts).
 */
export async function axeSource(): Promise<string> {
  if ((import.meta as { env?: { PROD?: boolean } }).env?.PROD) return (await import('./axe-raw.ts')).default;
  const module = (await import('axe-core')) as { default?: { source?: string } };
  if (typeof module.default?.source === 'string') return module.default.source;
  const response = await fetch('/node_modules/axe-core/axe.min.js');
  if (!response.ok) throw new Error(`axe-core could not be read (HTTP ${response.status})`);
  return response.text();
}

export class ReviewSandbox {
  readonly appsOrigin: string;
  readonly ready: Promise<string>;
  readonly #frame: HTMLIFrameElement;
  readonly #pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #listeners = new Map<string, Set<Listener>>();
  #axe: Promise<string> | undefined;
  #next = 0;

  constructor(appsOrigin: string, container: HTMLElement = document.body) {
    this.appsOrigin = appsOrigin;
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.title = 'Review sandbox';
    frame.setAttribute('aria-hidden', 'true');
    frame.src = `${appsOrigin}/demo/review/sw-host.html?host=${encodeURIComponent(location.origin)}`;
    this.#frame = frame;
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The review sandbox on ${appsOrigin} did not start`)), 15000);
      this.#pending.set('host-ready', {
        resolve: (scope) => {
          clearTimeout(timer);
          resolve(scope as string);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    addEventListener('message', this.#onMessage);
    container.append(frame);
  }

  /** Puts a submission's files where the sandbox serves them; resolves with the base URL of the build. */
  async load(submissionId: string, files: ReviewFile[]): Promise<string> {
    await this.ready;
    this.#axe ??= axeSource();
    const axe = await this.#axe;
    const requestId = this.#id();
    const copies = files.map((file) => ({ path: file.path, bytes: file.bytes.slice(0) }));
    return (await this.#request(requestId, { type: 'load', requestId, submissionId, files: copies, tools: { axe } }, copies.map((file) => file.bytes))) as string;
  }

  /** Asks the submission's open page for its axe run and its count of kit components. */
  async audit(submissionId: string, timeoutMs = 15000): Promise<AuditObservation> {
    await this.ready;
    const requestId = this.#id();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error('The reviewed page did not answer the audit'));
      }, timeoutMs);
      const stop = this.subscribe(submissionId, (observation) => {
        if (observation.kind !== 'audit' || observation.requestId !== requestId) return;
        clearTimeout(timer);
        stop();
        resolve(observation);
      });
      this.#post({ type: 'audit', requestId, submissionId });
    });
  }

  subscribe(submissionId: string, listener: Listener): () => void {
    if (!this.#listeners.has(submissionId)) this.#listeners.set(submissionId, new Set());
    this.#listeners.get(submissionId)!.add(listener);
    return () => this.#listeners.get(submissionId)?.delete(listener);
  }

  drop(submissionId: string): void {
    this.#listeners.delete(submissionId);
    void this.ready.then(() => this.#post({ type: 'drop', submissionId }), () => undefined);
  }

  dispose(): void {
    removeEventListener('message', this.#onMessage);
    this.#frame.remove();
    for (const { reject } of this.#pending.values()) reject(new Error('The review sandbox was closed'));
    this.#pending.clear();
  }

  #id(): string {
    return `review-${++this.#next}`;
  }

  #post(message: ReviewPageMessage, transfer: Transferable[] = []): void {
    this.#frame.contentWindow?.postMessage(message, this.appsOrigin, transfer);
  }

  #request(requestId: string, message: ReviewPageMessage, transfer: Transferable[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, { resolve, reject });
      this.#post(message, transfer);
    });
  }

  readonly #onMessage = (event: MessageEvent<ReviewHostMessage>) => {
    if (event.source !== this.#frame.contentWindow || event.origin !== this.appsOrigin) return;
    const message = event.data;
    if (message.type === 'host-ready') this.#settle('host-ready', message.scope);
    else if (message.type === 'loaded') this.#settle(message.requestId, message.baseUrl);
    else if (message.type === 'failed') {
      const key = message.requestId ?? 'host-ready';
      this.#pending.get(key)?.reject(new Error(message.message));
      this.#pending.delete(key);
    } else if (message.type === 'review-observation') {
      for (const listener of this.#listeners.get(message.submissionId) ?? []) listener(message.observation);
    }
  };

  #settle(key: string, value: unknown): void {
    this.#pending.get(key)?.resolve(value);
    this.#pending.delete(key);
  }
}
