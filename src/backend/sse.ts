/** A server-sent-events parser (the WHATWG `text/event-stream` rules), fed text as it arrives. */

export interface SseMessage {
  /** The `event` field; `message` when absent. */
  event: string;
  data: string;
  /** The `id` field of this message, if it had one. */
  id?: string;
}

export interface SseParser {
  /** Parses a chunk of text and returns the messages it completed. Comments are counted, not returned. */
  push(text: string): SseMessage[];
  /** Comment lines (such as heartbeats) seen so far. */
  readonly comments: number;
}

/** Refuse a line this long: a stream that never ends its lines must not grow the heap. */
export const MAX_SSE_LINE = 256 * 1024;

export class SseLineTooLongError extends Error {
  override name = 'SseLineTooLongError';
  constructor() {
    super(`A server-sent-events line is over ${MAX_SSE_LINE} characters`);
  }
}

export function createSseParser(maxLine = MAX_SSE_LINE): SseParser {
  let buffer = '';
  let skipLeadingLf = false;
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let comments = 0;

  const dispatch = (out: SseMessage[]) => {
    if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), ...(id === undefined ? {} : { id }) });
    event = '';
    data = [];
    id = undefined;
  };

  const line = (text: string, out: SseMessage[]) => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) {
      comments++;
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    // `retry` and unknown fields are ignored: the client keeps its own backoff.
  };

  return {
    push(text) {
      const out: SseMessage[] = [];
      buffer += text;
      let start = 0;
      for (let index = 0; index < buffer.length; index++) {
        const char = buffer[index];
        if (char === '\n' && skipLeadingLf && index === start) {
          start = index + 1;
          skipLeadingLf = false;
          continue;
        }
        skipLeadingLf = false;
        if (char !== '\n' && char !== '\r') continue;
        line(buffer.slice(start, index), out);
        skipLeadingLf = char === '\r';
        start = index + 1;
      }
      buffer = buffer.slice(start);
      if (buffer.length > maxLine) throw new SseLineTooLongError();
      return out;
    },
    get comments() {
      return comments;
    },
  };
}
