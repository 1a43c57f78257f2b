import { expect } from 'chai';
import { ALL_STATUSES, TRANSITIONS, type ActionType, type AppStatus } from '../../src/catalog/index.ts';
import { createHarness, expectErrorBody, ORIGIN, type Harness } from '../backend/harness.ts';
import { appRecord, mila, petr, putBakeryIn, signIn, zipOf } from './catalog-fixtures.ts';

/** How each move of the status table is made through the routes, and by whom. */
const MOVES: Record<ActionType, { who: 'partner' | 'moderator'; method: string; path: string; body?: unknown; zip?: true }> = {
  'upload-build': { who: 'partner', method: 'POST', path: '/catalog/apps/bakery/builds', zip: true },
  'send-to-moderation': { who: 'partner', method: 'POST', path: '/catalog/apps/bakery/send-to-moderation' },
  approve: { who: 'moderator', method: 'POST', path: '/moderation/apps/bakery/approve' },
  reject: { who: 'moderator', method: 'POST', path: '/moderation/apps/bakery/reject', body: { reason: 'Ignores the design system' } },
  publish: { who: 'partner', method: 'POST', path: '/catalog/apps/bakery/publish' },
  activate: { who: 'partner', method: 'POST', path: '/catalog/apps/bakery/activate' },
  'start-testing': { who: 'partner', method: 'POST', path: '/catalog/apps/bakery/start-testing' },
  deactivate: { who: 'partner', method: 'POST', path: '/catalog/apps/bakery/deactivate' },
  'change-offer': { who: 'partner', method: 'PUT', path: '/catalog/apps/bakery/offer', body: { documentId: 'bakery-offer-2', title: 'New terms', text: 'Delivery costs less.' } },
  'clear-licence': { who: 'partner', method: 'DELETE', path: '/catalog/apps/bakery/licence' },
};

/**
 * What the table says for a move made by its route's role: the status it leads to, or the code
 * the route answers. Read from the table's rows, not from the lookup under test.
 */
function expected(action: ActionType, from: AppStatus, reviewed: boolean): { to: AppStatus } | { code: string } {
  const rows = TRANSITIONS.filter((t) => t.action === action && t.from === from && t.role === MOVES[action].who);
  const row = rows.find((t) => t.review === 'any' || (t.review === 'reviewed') === reviewed);
  if (row) return { to: row.to };
  if (rows.length > 0 && !reviewed) return { code: 'REVIEW_REQUIRED' };
  return { code: 'TRANSITION_FORBIDDEN' };
}

describe('catalog routes: every move of the status table, allowed and forbidden', () => {
  let h: Harness;
  let tokens: { partner: string; moderator: string };
  beforeEach(async () => {
    h = await createHarness();
    tokens = { partner: (await signIn(h, petr.phone)).token, moderator: (await signIn(h, mila.phone)).token };
  });

  async function move(action: ActionType): Promise<Response> {
    const route = MOVES[action];
    const token = tokens[route.who];
    if (!route.zip) return h.request(route.method, route.path, { token, ...(route.body === undefined ? {} : { body: route.body }) });
    const zip = zipOf();
    return h.app.fetch(
      new Request(`${ORIGIN}/api${route.path}?fileName=bakery-2.zip&size=${zip.length}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip' },
        body: zip as Uint8Array<ArrayBuffer>,
      }),
    );
  }

  for (const action of Object.keys(MOVES) as ActionType[]) {
    for (const from of ALL_STATUSES) {
      for (const reviewed of [false, true]) {
        const outcome = expected(action, from, reviewed);
        const label = `${action} from ${from} ${reviewed ? 'after' : 'before'} the first review → ${'to' in outcome ? outcome.to : outcome.code}`;
        it(label, async () => {
          const before = await putBakeryIn(h, from, reviewed);
          const response = await move(action);
          if ('to' in outcome) {
            expect(response.status, await response.clone().text()).to.be.oneOf([200, 201]);
            const { app } = (await response.json()) as { app: { status: AppStatus } };
            expect(app.status).to.equal(outcome.to);
            expect((await appRecord(h, 'bakery'))!.status).to.equal(outcome.to);
          } else {
            const error = await expectErrorBody(response, 409, outcome.code);
            expect(error.details).to.deep.include({ action, status: from });
            expect(await appRecord(h, 'bakery')).to.deep.equal(before);
          }
        });
      }
    }
  }

  it('needs a build before sending to moderation, and a licence for any status but Inactive', async () => {
    await putBakeryIn(h, 'inactive', false, { builds: [] });
    const noBuild = await expectErrorBody(await move('send-to-moderation'), 409, 'PRECONDITION_FAILED');
    expect(noBuild.details).to.deep.equal({ action: 'send-to-moderation', reason: 'no-build' });
    await putBakeryIn(h, 'inactive', true, { licence: null });
    const noLicence = await expectErrorBody(await move('activate'), 409, 'PRECONDITION_FAILED');
    expect(noLicence.details).to.deep.equal({ action: 'activate', reason: 'no-licence' });
  });

  it('walks the whole lifecycle: upload, send, reject with a reason, upload again, approve, publish, switch, new build back to moderation', async () => {
    const { catalog: partner } = await signIn(h, petr.phone);
    const { catalog: moderator } = await signIn(h, mila.phone);
    await putBakeryIn(h, 'inactive', false, { builds: [], liveBuildId: null });
    expect((await partner.partner.uploadBuild('bakery', 'bakery-1.zip', zipOf())).app.status).to.equal('inactive');
    expect((await partner.partner.sendToModeration('bakery')).app.status).to.equal('on-moderation');
    const rejected = (await moderator.moderator.reject('bakery', '  Buttons ignore the kit  ')).app;
    expect(rejected).to.include({ status: 'inactive', rejectionReason: 'Buttons ignore the kit', hasPassedReview: false });
    await partner.partner.uploadBuild('bakery', 'bakery-2.zip', zipOf({ 'index.html': 'v2' }));
    await partner.partner.sendToModeration('bakery');
    const approved = (await moderator.moderator.approve('bakery')).app;
    expect(approved).to.include({ status: 'ready-to-publish', hasPassedReview: true, rejectionReason: null });
    expect(approved.liveBuildId).to.equal(approved.builds.at(-1)!.id);
    expect((await partner.partner.publish('bakery')).app.status).to.equal('active');
    expect((await partner.partner.startTesting('bakery')).app.status).to.equal('testing');
    expect((await partner.partner.deactivate('bakery')).app.status).to.equal('inactive');
    expect((await partner.partner.activate('bakery')).app.status).to.equal('active');
    // A new build sends the app back to moderation; the approved build stays live meanwhile.
    const resubmitted = (await partner.partner.uploadBuild('bakery', 'bakery-3.zip', zipOf({ 'index.html': 'v3' }))).app;
    expect(resubmitted.status).to.equal('on-moderation');
    expect(resubmitted.liveBuildId).to.equal(approved.liveBuildId);
    // So does an offer change after the first review, and users accept the new version.
    await moderator.moderator.approve('bakery');
    await partner.partner.publish('bakery');
    const offered = (await partner.partner.changeOffer('bakery', { documentId: 'bakery-offer-2', title: 'Terms 2', text: 'New terms.' })).app;
    expect(offered.status).to.equal('on-moderation');
    expect(offered.offer).to.include({ version: 2, title: 'Terms 2', text: 'New terms.' });
    const offer = (await (await h.request('GET', '/apps/bakery/offer')).json()) as { version: number; text: string };
    expect(offer).to.include({ version: 2, text: 'New terms.' });
  });

  it('a partner-key offer change is the same move: after the first review it sends the app to moderation', async () => {
    const response = await h.request('PUT', '/partner/apps/bakery/offer', { token: 'pk_demo_bakery', body: { title: 'New terms', text: 'Changed.' } });
    expect(response.status).to.equal(200);
    expect((await appRecord(h, 'bakery'))!).to.deep.include({ status: 'on-moderation' });
    expect((await appRecord(h, 'bakery'))!.offer).to.include({ version: 2, documentId: 'bakery-offer-2', text: 'Changed.' });
  });
});
