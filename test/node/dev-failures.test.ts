import { expect } from 'chai';
import { HostError, type CallContext, type MethodHandlers } from '../../src/host/index.ts';
import { failureModesOf, INJECTED, withFailures, type FailureSettings } from '../../src/devhost/page/failures.ts';

const context = (signal = new AbortController().signal): CallContext => ({ appId: 'dev-app', appName: 'Dev app', launchId: 'launch-1', signal });

async function failure(call: () => unknown): Promise<HostError> {
  try {
    await call();
  } catch (error) {
    expect(error).to.be.instanceOf(HostError);
    return error as HostError;
  }
  throw new Error('the call did not fail');
}

describe('miniapps dev: injected host failures', () => {
  const online: MethodHandlers = {
    'user.get': () => ({ profile: { id: 'user-anna', name: 'Anna', phone: '+79990000001' }, launchToken: 'online' }),
    'payments.pay': () => ({ status: 'succeeded', paymentId: 'p-1', receipt: 'r' }),
  };
  const offline: MethodHandlers = {
    'user.get': () => {
      throw new HostError('INTERNAL', 'The host could not issue a launch token');
    },
  };
  const declinePayment = () => ({ status: 'failed' as const, paymentId: 'p-2', receipt: 'r2', failureReason: 'declined' });
  let settings: FailureSettings;
  const handlers = () => withFailures({ online, offline, declinePayment }, () => settings);

  beforeEach(() => (settings = { modes: {}, timeoutMs: 50 }));

  it('passes calls to the working host while nothing is injected', async () => {
    expect(await handlers()['user.get']!(undefined, context())).to.include({ launchToken: 'online' });
  });

  it('reads the settings on every call, so a switch needs no relaunch', async () => {
    const served = handlers();
    settings.modes['user.get'] = 'rate-limited';
    const error = await failure(() => served['user.get']!(undefined, context()));
    expect(error.code).to.equal('RATE_LIMITED');
    expect(error.message).to.include(INJECTED);
    settings.modes = {};
    expect(await served['user.get']!(undefined, context())).to.include({ launchToken: 'online' });
  });

  it('times out after the chosen delay with the host’s TIMEOUT', async () => {
    settings.modes['payments.pay'] = 'timeout';
    const started = Date.now();
    const error = await failure(() => handlers()['payments.pay']!({ orderId: 'o', amount: 1, currency: 'RUB', description: 'x' }, context()));
    expect(error.code).to.equal('TIMEOUT');
    expect(error.message).to.match(/did not answer payments\.pay within 0\.05 s/);
    expect(Date.now() - started).to.be.at.least(45);
  });

  it('answers offline calls with the handlers of an unreachable backend', async () => {
    settings.modes['user.get'] = 'offline';
    expect((await failure(() => handlers()['user.get']!(undefined, context()))).code).to.equal('INTERNAL');
  });

  it('declines a payment through the bank’s decline, and offers the decline for payments.pay only', async () => {
    settings.modes['payments.pay'] = 'declined';
    expect(await handlers()['payments.pay']!({ orderId: 'o', amount: 1, currency: 'RUB', description: 'x' }, context())).to.include({ status: 'failed', failureReason: 'declined' });
    expect(failureModesOf('payments.pay')).to.include('declined');
    expect(failureModesOf('user.get')).to.deep.equal(['none', 'timeout', 'rate-limited', 'offline']);
  });

  it('serves no method neither host has, and answers UNSUPPORTED when the chosen one lacks it', async () => {
    settings.modes['user.get'] = 'offline';
    const served = withFailures({ online: {}, offline: {}, declinePayment }, () => settings);
    expect(served['user.get']).to.equal(undefined);
    const onlyOnline = withFailures({ online, offline: {}, declinePayment }, () => settings);
    expect((await failure(() => onlyOnline['user.get']!(undefined, context()))).code).to.equal('UNSUPPORTED');
  });
});
