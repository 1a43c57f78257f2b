/**
 * Sending an attachment's bytes with progress and a way to cancel. XMLHttpRequest reports upload
 * progress in browsers (and through msw's worker); where it is missing, or a custom `fetch` is
 * given (tests, servers), fetch sends the body and progress goes from 0 to 1 at the end.
 */
import { BackendError } from './errors.ts';

export interface UploadRequest {
  url: string;
  token: string;
  body: Blob;
  signal: AbortSignal;
  /** 0…1 as the bytes go. */
  onProgress(fraction: number): void;
}

export type Uploader = (request: UploadRequest) => Promise<void>;

function failure(status: number, text: string): BackendError {
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string; details?: unknown } };
    return new BackendError(error.code, error.message, error.details, status);
  } catch {
    return new BackendError('NETWORK', `Unexpected answer to the upload (HTTP ${status})`, undefined, status);
  }
}

export function fetchUploader(send: (request: Request) => Promise<Response> = (request) => fetch(request)): Uploader {
  return async ({ url, token, body, signal, onProgress }) => {
    onProgress(0);
    let response: Response;
    try {
      response = await send(new Request(url, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body, signal, credentials: 'omit' }));
    } catch (error) {
      if (signal.aborted) throw new BackendError('CANCELLED', 'The upload was cancelled', undefined, 0);
      throw new BackendError('NETWORK', 'The backend cannot be reached', { cause: String(error) }, 0);
    }
    if (!response.ok) throw failure(response.status, await response.text());
    await response.body?.cancel();
    onProgress(1);
  };
}

export const xhrUploader: Uploader = ({ url, token, body, signal, onProgress }) =>
  new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new BackendError('NETWORK', 'The backend cannot be reached', undefined, 0));
    xhr.onabort = () => reject(new BackendError('CANCELLED', 'The upload was cancelled', undefined, 0));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    onProgress(0);
    xhr.send(body);
  });

/** XMLHttpRequest where it exists and no custom fetch is used, fetch otherwise. */
export function defaultUploader(customFetch?: (request: Request) => Promise<Response>): Uploader {
  return customFetch || typeof XMLHttpRequest === 'undefined' ? fetchUploader(customFetch) : xhrUploader;
}
