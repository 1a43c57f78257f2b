// Boot benchmark: a mini-app that connects and says ready as soon as it runs.
import { connect } from '../../src/sdk/index.ts';

void connect().then((app) => app.ready());
