/**
 * The host's public keys for the bakery's backend while the demo runs it inside the shop's frame:
 * the demo host's JWKS route lives in the host's page (msw), out of reach of a fetch from the
 * apps' origin, so the frame asks that page for it (demo/backend/host-keys-relay.ts). A bakery
 * backend on a server fetches the JWKS URL instead (`jwksUrl`).
 */
import type { JSONWebKeySet } from 'jose';
import { HOST_KEYS_REQUEST, type HostKeysAnswer } from '../../../backend/host-keys-relay.ts';

const PATIENCE_MS = 5000;

/** Asks the host page at `hostOrigin` (this frame's parent) for its key set. */
export function hostKeysFromParent(hostOrigin: string, host: Window = window.parent): () => Promise<JSONWebKeySet> {
  return () =>
    new Promise<JSONWebKeySet>((resolve, reject) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => {
        channel.port1.close();
        reject(new Error(`the host at ${hostOrigin} did not answer for its keys in ${PATIENCE_MS / 1000} s`));
      }, PATIENCE_MS);
      channel.port1.onmessage = ({ data }: MessageEvent<HostKeysAnswer>) => {
        clearTimeout(timer);
        channel.port1.close();
        if ('jwks' in data) resolve(data.jwks as JSONWebKeySet);
        else reject(new Error(data.error));
      };
      host.postMessage({ type: HOST_KEYS_REQUEST }, hostOrigin, [channel.port2]);
    });
}
