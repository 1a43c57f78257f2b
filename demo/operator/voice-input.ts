/**
 * Voice input over the Web Speech API where the browser has it (`SpeechRecognition`, or Chromium's
 * prefixed `webkitSpeechRecognition`); the console hides the button where it has neither.
 */

/** The part of a recognition result the console reads. */
export interface SpeechResultEvent {
  resultIndex: number;
  results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal?: boolean }>;
}

/** The part of `SpeechRecognition` the console uses. */
export interface SpeechRecognitionLike {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: SpeechResultEvent) => void) | null;
  onerror: ((event: { error: string; message?: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

export type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

/** The browser's speech recognition, or null where there is none. */
export function detectSpeechRecognition(scope: object = globalThis): SpeechRecognitionConstructor | null {
  const found = (scope as { SpeechRecognition?: unknown }).SpeechRecognition ?? (scope as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
  return typeof found === 'function' ? (found as SpeechRecognitionConstructor) : null;
}

export interface VoiceSession {
  stop(): void;
}

/**
 * Listens once: each final phrase goes to `onText`; `onEnd` runs when recognition stops (by
 * itself, by `stop()`, or after an error, which `onError` reports first).
 */
export function listen(
  Recognition: SpeechRecognitionConstructor,
  lang: string,
  handlers: { onText(text: string): void; onError(error: string): void; onEnd(): void },
): VoiceSession {
  const recognition = new Recognition();
  recognition.lang = lang;
  recognition.interimResults = false;
  recognition.continuous = false;
  recognition.onresult = (event) => {
    for (let index = event.resultIndex; index < event.results.length; index++) {
      const result = event.results[index]!;
      if (result.isFinal === false) continue;
      const text = result[0]?.transcript.trim();
      if (text) handlers.onText(text);
    }
  };
  recognition.onerror = (event) => handlers.onError(event.message || event.error);
  recognition.onend = () => handlers.onEnd();
  try {
    recognition.start();
  } catch (error) {
    handlers.onError(String((error as Error).message ?? error));
    handlers.onEnd();
  }
  return { stop: () => recognition.stop() };
}
