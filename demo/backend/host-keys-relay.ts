/**
 * The host's public keys (its JWKS) for partner backends that the demo runs inside a mini-app's
 * frame, such as the shop's order route. On a server a partner backend fetches
 * `/api/.well-known/jwks.json` over HTTP; in the demo that route exists only in the host's page
 * (msw), and a frame on the apps' origin is not a client the host's worker controls, so its fetch
 * reaches the static file server and gets a 404. The frame asks the host's page instead, with a
 * message carrying a port; the page answers the public key set and nothing else.
 */

/** The message a frame posts to the host's window, with one `MessagePort` for the answer. */
export const HOST_KEYS_REQUEST = 'miniapps-demo:host-keys';

/** What the host answers on the port: the key set, or why there is none. */
export type HostKeysAnswer = { jwks: { keys: unknown[] } } | { error: string };

const JWKS_PATH = '/api/.well-known/jwks.json';

/** Answers every `HOST_KEYS_REQUEST` posted to `target` with the backend's JWKS; returns the stop function. */
export function serveHostKeys(backend: { fetch(request: Request): Promise<Response> }, target: Window = window): () => void {
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type !== HOST_KEYS_REQUEST) return;
    const [port] = event.ports;
    if (!port) return;
    void (async () => {
      let answer: HostKeysAnswer;
      try {
        const response = await backend.fetch(new Request(new URL(JWKS_PATH, target.location.origin)));
        answer = response.ok ? { jwks: (await response.json()) as { keys: unknown[] } } : { error: `${JWKS_PATH} answered HTTP ${response.status}` };
      } catch (error) {
        answer = { error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(answer);
      port.close();
    })();
  };
  target.addEventListener('message', onMessage);
  return () => target.removeEventListener('message', onMessage);
}
