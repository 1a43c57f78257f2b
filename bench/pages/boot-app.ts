// Boot benchmark: a mini-app that says ready as soon as it runs. By default it uses the SDK's
// `ready()`, which does not wait for the handshake (the launch parameters are in the fragment, so
// an app can paint before it); `?await-connect` waits for `connect()` first, as a reference.
import { connect, ready } from '../../src/sdk/index.ts';

if (location.search.includes('await-connect')) void connect().then((app) => app.ready());
else void ready();
