// The mini-app side of the bridge benchmark, served on the second origin. `?mode=` picks the
// candidate: `raw` (a bare MessagePort echo), `ours` (the SDK), `ours-solo` (the SDK with calls
// made in one task not coalesced, as calls from separate tasks are), `comlink-window` (comlink over
// window.postMessage), `comlink-port` (comlink over a MessagePort). The bench page drives it over
// a separate control port, so commands never share the measured channel.
import { wrap, windowEndpoint, type Remote } from 'comlink';
import { connect } from '../../src/sdk/index.ts';

type Caller = () => Promise<unknown>;
const mode = new URLSearchParams(location.search).get('mode');

async function setUp(port: MessagePort | undefined): Promise<{ call: Caller }> {
  if (mode === 'ours' || mode === 'ours-solo') {
    const app = await connect({ coalesce: mode === 'ours' });
    await app.ready();
    return { call: () => app.user.get() };
  }
  if (mode === 'raw') {
    // The same wire tuples our bridge uses, answered by a bare echo-style responder on the host.
    const pending = new Map<number, (value: unknown) => void>();
    let nextId = 0;
    port!.onmessage = ({ data }) => {
      const resolve = pending.get(data[0]);
      pending.delete(data[0]);
      resolve?.(data[2]);
    };
    return {
      call: () =>
        new Promise((resolve) => {
          pending.set(++nextId, resolve);
          port!.postMessage([nextId, 'user.get', undefined]);
        }),
    };
  }
  const api = (mode === 'comlink-port' ? wrap(port!) : wrap(windowEndpoint(parent, self, '*'))) as Remote<{ getUser(): unknown }>;
  return { call: () => api.getUser() };
}

async function latency(call: Caller, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await call();
  return (performance.now() - started) / n;
}

async function throughput(call: Caller, n: number): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: n }, call));
  return n / ((performance.now() - started) / 1000);
}

addEventListener('message', async (event) => {
  if (event.source !== parent || event.data?.bench !== 'control') return;
  const control = event.ports[0]!;
  const candidate = await setUp(event.ports[1]);
  control.onmessage = async ({ data }) => {
    const value = data.kind === 'latency' ? await latency(candidate.call, data.n) : await throughput(candidate.call, data.n);
    control.postMessage({ id: data.id, value });
  };
  control.postMessage({ ready: true });
});
parent.postMessage({ bench: 'loaded', mode }, '*');
