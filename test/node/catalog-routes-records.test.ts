import { expect } from 'chai';
import { unzipSync, strFromU8 } from 'fflate';
import { Collection, MAX_BUILD_BYTES, type AppRecord, type CatalogClient } from '../../src/backend/index.ts';
import { createHarness, expectBackendError, expectErrorBody, ORIGIN, type Harness } from '../backend/harness.ts';
import { anna, appRecord, ivan, maria, mila, petr, putBakeryIn, signIn, validRegistration, zipOf, type SignedIn } from './catalog-fixtures.ts';

describe('catalog routes: records, licences, lists, test tokens, widgets and builds', () => {
  let h: Harness;
  let partner: SignedIn;
  let moderator: SignedIn;
  let p: CatalogClient['partner'];
  beforeEach(async () => {
    h = await createHarness();
    partner = await signIn(h, petr.phone);
    moderator = await signIn(h, mila.phone);
    p = partner.catalog.partner;
  });

  describe('registration', () => {
    it('registers an Inactive app with the placement rules accepted, offer version 1, no build', async () => {
      const { app } = await p.registerApp(validRegistration);
      expect(app).to.include({ organisationId: 'org-bakery', status: 'inactive', licence: 'dmapp9', name: 'Bakery delivery', hasPassedReview: false, liveBuildId: null });
      expect(app.offer).to.include({ version: 1, documentId: 'delivery-offer-1' });
      expect(app.builds).to.deep.equal([]);
      expect(await appRecord(h, app.id)).to.include({ partnerKeyHash: null });
      expect(app).not.to.have.property('partnerKeyHash');
    });

    it('lists every field error at once, with the domain’s reason and facts, and stores nothing', async () => {
      const before = (await h.store.list(Collection.APPS)).length;
      const error = await expectBackendError(
        p.registerApp({ ...validRegistration, licence: 'dmapp6', name: 'Infoℹ️ desk', description: 'ok', category: 'pizza', placementRulesAccepted: false }),
        'INVALID_REQUEST',
        400,
      );
      const issues = (error.details as { issues: { path: string; reason: string; [fact: string]: unknown }[] }).issues;
      expect(issues.map((i) => [i.path, i.reason])).to.deep.equal([
        ['licence', 'ERR_LICENCE_TAKEN'],
        ['name', 'ERR_FIELD_INVALID_CHARACTERS'],
        ['description', 'ERR_FIELD_TOO_SHORT'],
        ['category', 'ERR_UNKNOWN_CATEGORY'],
        ['placementRulesAccepted', 'ERR_PLACEMENT_RULES_NOT_ACCEPTED'],
      ]);
      expect(issues[0]).to.include({ holderAppId: 'bakery', licence: 'dmapp6' });
      expect(issues[1]!.characters).to.deep.equal(['\u2139', '\uFE0F']);
      expect(issues[2]).to.include({ min: 5, actual: 2 });
      expect((await h.store.list(Collection.APPS)).length).to.equal(before);
    });

    it('refuses a malformed body at the edge, naming the field', async () => {
      const error = await expectErrorBody(await h.request('POST', '/catalog/apps', { token: partner.token, body: { ...validRegistration, takesPayments: 'yes' } }), 400, 'INVALID_REQUEST');
      expect((error.details as { issues: { path: string }[] }).issues[0]!.path).to.equal('takesPayments');
    });

    it('edits the details under the same rules without moving the status', async () => {
      const { app } = await p.editApp('bakery', { description: 'Bread and cakes for the whole building' });
      expect(app).to.include({ status: 'active', description: 'Bread and cakes for the whole building' });
      const error = await expectBackendError(p.editApp('bakery', { name: 'Bake & Co' }), 'INVALID_REQUEST', 400);
      expect((error.details as { issues: { reason: string }[] }).issues[0]!.reason).to.equal('ERR_FIELD_INVALID_CHARACTERS');
    });
  });

  describe('licences', () => {
    it('holds a licence on at most one app: attaching a taken one is refused, clearing it frees it and makes the app Inactive', async () => {
      const error = await expectBackendError(p.attachLicence('bakery-beta', 'dmapp6'), 'INVALID_REQUEST', 400);
      expect((error.details as { issues: unknown[] }).issues[0]).to.include({ path: 'licence', reason: 'ERR_LICENCE_TAKEN', holderAppId: 'bakery' });
      const cleared = (await p.clearLicence('bakery')).app;
      expect(cleared).to.include({ licence: null, status: 'inactive' });
      expect((await p.attachLicence('bakery-beta', 'dmapp6')).app.licence).to.equal('dmapp6');
      const licences = (await p.listLicences()).licences;
      expect(licences.find((l) => l.name === 'dmapp6')).to.include({ appId: 'bakery-beta' });
      expect(licences.find((l) => l.name === 'dmapp7')).to.include({ appId: null });
    });

    it('lets only one of two concurrent attaches of a free licence win', async () => {
      const results = await Promise.allSettled([p.attachLicence('bakery', 'dmapp9'), p.attachLicence('bakery-beta', 'dmapp9')]);
      expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).to.include({ code: 'INVALID_REQUEST' });
      const holders = (await h.store.list<AppRecord>(Collection.APPS)).filter(({ value }) => value.licence === 'dmapp9');
      expect(holders).to.have.length(1);
    });

    it('is a unique field of the store: a second app with the same licence cannot even be written', async () => {
      const beta = (await appRecord(h, 'bakery-beta'))!;
      let caught: unknown;
      try {
        await h.store.put(Collection.APPS, 'bakery-beta', { ...beta, licence: 'dmapp6' });
      } catch (error) {
        caught = error;
      }
      expect((caught as Error).name).to.equal('StoreConstraintError');
      expect((await appRecord(h, 'bakery-beta'))!.licence).to.equal('dmapp7');
    });

    it('moderators add licences named like dmapp6 for a known organisation, each once', async () => {
      const m = moderator.catalog.moderator;
      expect((await m.addLicence({ name: 'dmapp30', organisationId: 'org-bakery' })).licence).to.include({ name: 'dmapp30', appId: null });
      const duplicate = await expectBackendError(m.addLicence({ name: 'dmapp30', organisationId: 'org-city' }), 'INVALID_REQUEST', 400);
      expect((duplicate.details as { issues: { reason: string }[] }).issues[0]!.reason).to.equal('ERR_LICENCE_DUPLICATE');
      const badName = await expectBackendError(m.addLicence({ name: 'DM-30', organisationId: 'org-bakery' }), 'INVALID_REQUEST', 400);
      expect((badName.details as { issues: { reason: string }[] }).issues[0]!.reason).to.equal('ERR_LICENCE_NAME_INVALID');
      await expectBackendError(m.addLicence({ name: 'dmapp31', organisationId: 'org-ghost' }), 'UNKNOWN_ORGANISATION', 400);
      expect((await p.listLicences()).licences.map((l) => l.name)).to.include('dmapp30');
    });
  });

  describe('the app list', () => {
    it('is ordered by last update with name, status, category and updated date', async () => {
      h.clock.advance(1000);
      await p.editApp('bakery-beta', { description: 'The next version for its testers' });
      h.clock.advance(1000);
      await p.startTesting('bakery');
      const { apps } = await p.listApps();
      expect(apps.map((a) => a.id)).to.deep.equal(['bakery', 'bakery-beta', 'bakery-loyalty']);
      expect(apps[0]).to.deep.equal({ id: 'bakery', name: 'Corner Bakery', status: 'testing', category: 'food-and-drinks', updatedAt: new Date(h.clock.now()).toISOString() });
      const moderation = (await moderator.catalog.moderator.listApps({ status: 'on-moderation' })).apps;
      expect(moderation).to.deep.equal([{ id: 'bakery-loyalty', name: 'Bakery loyalty card', status: 'on-moderation', category: 'lifestyle', updatedAt: moderation[0]!.updatedAt, organisationId: 'org-bakery' }]);
    });
  });

  describe('test tokens', () => {
    it('are issued only after moderation passed', async () => {
      const error = await expectBackendError(p.issueTestToken('bakery-loyalty', { userId: ivan.id }), 'REVIEW_REQUIRED', 409);
      expect(error.details).to.deep.include({ action: 'issue-test-token' });
      const viaKey = await expectErrorBody(await h.request('POST', '/partner/apps/bakery-loyalty/test-tokens', { token: 'pk_demo_bakery_loyalty', body: { userId: ivan.id } }), 409, 'REVIEW_REQUIRED');
      expect(viaKey.message).to.match(/moderation/);
      expect(await h.store.list(Collection.LAUNCH_TOKENS)).to.deep.equal([]);
    });

    it('live 24 hours, one live token per user and app, for the chosen premises', async () => {
      const first = await p.issueTestToken('bakery', { userId: ivan.id, premisesId: 'premises-rs-7' });
      expect(first.profile.premises).to.deep.equal({ id: 'premises-rs-7', title: 'Flat 7' });
      expect(Date.parse(first.expiresAt) - h.clock.now()).to.equal(24 * 60 * 60 * 1000);
      const second = await p.issueTestToken('bakery', { userId: ivan.id });
      expect(second.revoked).to.equal(first.jti);
      const status = (await (await h.request('GET', `/tokens/${first.jti}`)).json()) as { status: string; test: boolean };
      expect(status).to.include({ status: 'revoked', test: true });
      await expectBackendError(p.issueTestToken('bakery', { userId: 'user-ghost' }), 'UNKNOWN_USER', 400);
      await expectBackendError(p.issueTestToken('bakery', { userId: ivan.id, premisesId: 'premises-sp-12' }), 'UNKNOWN_PREMISES', 400);
    });
  });

  describe('widgets', () => {
    it('are placed as drafts on the four screens only, for Active and Testing apps only', async () => {
      const { widget } = await p.placeWidget('bakery', 'services');
      expect(widget).to.include({ appId: 'bakery', screen: 'services', state: 'draft' });
      const screen = await expectErrorBody(await h.request('POST', '/catalog/apps/bakery/widgets', { token: partner.token, body: { screen: 'profile' } }), 400, 'INVALID_REQUEST');
      expect(screen.details).to.deep.include({ issues: [{ path: 'screen', message: 'screen: "profile" is not a widget screen (main, home, showcase, services)', reason: 'ERR_WIDGET_SCREEN_UNKNOWN', value: 'profile' }] });
      const notPlaceable = await expectBackendError(p.placeWidget('bakery-loyalty', 'main'), 'APP_NOT_PLACEABLE', 409);
      expect(notPlaceable.details).to.deep.include({ status: 'on-moderation' });
      await putBakeryIn(h, 'ready-to-publish', true);
      await expectBackendError(p.placeWidget('bakery', 'main'), 'APP_NOT_PLACEABLE', 409);
    });

    it('switch between draft and published at any time, and refuse any other state', async () => {
      const { widget } = await p.placeWidget('bakery', 'home');
      expect((await p.setWidgetState('bakery', widget.id, 'published')).widget.state).to.equal('published');
      expect((await p.setWidgetState('bakery', widget.id, 'draft')).widget.state).to.equal('draft');
      const bad = await expectErrorBody(await h.request('PUT', `/catalog/apps/bakery/widgets/${widget.id}/state`, { token: partner.token, body: { state: 'hidden' } }), 400, 'INVALID_REQUEST');
      expect((bad.details as { issues: { reason: string }[] }).issues[0]!.reason).to.equal('ERR_WIDGET_STATE_UNKNOWN');
      await expectBackendError(p.setWidgetState('bakery', 'widget-ghost', 'published'), 'WIDGET_NOT_FOUND', 404);
      // A widget is reached through its own app only.
      await expectBackendError(p.setWidgetState('bakery-beta', widget.id, 'published'), 'WIDGET_NOT_FOUND', 404);
      await p.removeWidget('bakery', widget.id);
      expect((await p.listWidgets('bakery')).widgets.map((w) => w.id)).to.deep.equal(['widget-bakery-main', 'widget-bakery-showcase']);
    });

    it('show a resident the published widgets of a screen: Active apps for everyone, Testing ones for their testers', async () => {
      const annaSees = await (await signIn(h, anna.phone)).catalog.widgets('main');
      expect(annaSees.widgets).to.deep.equal([{ id: 'widget-bakery-main', screen: 'main', app: { id: 'bakery', name: 'Corner Bakery', category: 'food-and-drinks' }, testing: false }]);
      const ivanClient = (await signIn(h, ivan.phone)).catalog;
      // In the order they were placed (here at one time, so by id).
      expect((await ivanClient.widgets('main')).widgets.map((w) => [w.app.id, w.testing])).to.deep.equal([['bakery-beta', true], ['bakery', false]]);
      // Drafts show to nobody; an app that leaves Active takes its widgets with it.
      expect((await ivanClient.widgets('home')).widgets.map((w) => w.id)).to.deep.equal(['widget-calculator-home', 'widget-fitness-home', 'widget-service-desk-home']);
      await p.deactivate('bakery');
      expect((await ivanClient.widgets('main')).widgets.map((w) => w.app.id)).to.deep.equal(['bakery-beta']);
      // A tester unmarked sees the Testing app no more; a new tester sees it.
      await p.removeTester('bakery-beta', ivan.id);
      await p.addTester('bakery-beta', maria.id);
      expect((await ivanClient.widgets('main')).widgets).to.deep.equal([]);
      expect((await (await signIn(h, maria.phone)).catalog.widgets('main')).widgets.map((w) => w.app.id)).to.deep.equal(['bakery-beta']);
      await expectBackendError(p.addTester('bakery-beta', 'user-ghost'), 'UNKNOWN_USER', 400);
      await expectErrorBody(await h.request('GET', '/widgets/profile', { token: partner.token }), 400, 'INVALID_REQUEST');
      await expectErrorBody(await h.request('GET', '/widgets/main'), 401, 'UNAUTHORIZED');
    });
  });

  describe('builds', () => {
    const upload = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
      h.app.fetch(
        new Request(`${ORIGIN}/api${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${partner.token}`, 'Content-Type': 'application/zip', ...headers },
          body,
          // A stream body needs it in Node.
          duplex: 'half',
        } as RequestInit),
      );

    it('keeps the uploaded .zip with its size and SHA-256, and gives it to the moderator as uploaded', async () => {
      const zip = zipOf({ 'index.html': '<title>Loyalty v2</title>' });
      const { app } = await p.uploadBuild('bakery-loyalty', 'loyalty-2.zip', zip);
      const build = app.builds.at(-1)!;
      expect(build).to.include({ fileName: 'loyalty-2.zip', sizeBytes: zip.length, review: 'on-moderation' });
      expect(build.sha256).to.match(/^[0-9a-f]{64}$/);
      const downloaded = await moderator.catalog.moderator.downloadBuild('bakery-loyalty', build.id);
      expect(strFromU8(unzipSync(new Uint8Array(await downloaded.arrayBuffer()))['index.html']!)).to.equal('<title>Loyalty v2</title>');
      const response = await h.request('GET', `/moderation/apps/bakery-loyalty/builds/${build.id}/bundle`, { token: moderator.token });
      expect(response.headers.get('Content-Type')).to.equal('application/zip');
      expect(response.headers.get('Content-Disposition')).to.equal('attachment; filename="loyalty-2.zip"');
      expect(response.headers.get('X-Build-SHA256')).to.equal(build.sha256);
      await expectBackendError(moderator.catalog.moderator.downloadBuild('bakery-loyalty', 'build-ghost'), 'BUILD_NOT_FOUND', 404);
    });

    it('refuses a body over the limit before reading it, by its declared size or Content-Length', async () => {
      let pulled = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      });
      const declared = await upload(`/catalog/apps/bakery/builds?fileName=big.zip&size=${MAX_BUILD_BYTES + 1}`, endless, {});
      const error = await expectErrorBody(declared, 413, 'PAYLOAD_TOO_LARGE');
      expect(error.details).to.deep.equal({ maxBytes: 20 * 1024 * 1024 });
      expect(pulled).to.be.at.most(1);
      await expectErrorBody(await upload('/catalog/apps/bakery/builds?fileName=big.zip&size=10', 'x'.repeat(10), { 'Content-Length': String(MAX_BUILD_BYTES + 1) }), 413, 'PAYLOAD_TOO_LARGE');
      expect((await appRecord(h, 'bakery'))!.builds).to.have.length(1);
    });

    it('refuses a body that is not the declared size, not a zip, or not named .zip; keeps nothing', async () => {
      const zip = zipOf();
      const longer = await expectErrorBody(await upload(`/catalog/apps/bakery/builds?fileName=a.zip&size=${zip.length - 1}`, zip as Uint8Array<ArrayBuffer>), 400, 'INVALID_REQUEST');
      expect(longer.details).to.deep.include({ issues: [{ path: 'size', message: longer.message, reason: 'size-mismatch' }] });
      await expectErrorBody(await upload(`/catalog/apps/bakery/builds?fileName=a.zip&size=${zip.length + 1}`, zip as Uint8Array<ArrayBuffer>), 400, 'INVALID_REQUEST');
      const notZip = await expectErrorBody(await upload('/catalog/apps/bakery/builds?fileName=a.zip&size=5', 'hello'), 400, 'INVALID_REQUEST');
      expect((notZip.details as { issues: { reason: string }[] }).issues[0]!.reason).to.equal('not-a-zip');
      const named = await expectErrorBody(await upload(`/catalog/apps/bakery/builds?fileName=a.tar&size=${zip.length}`, zip as Uint8Array<ArrayBuffer>), 400, 'INVALID_REQUEST');
      expect((named.details as { issues: { path: string; reason: string }[] }).issues[0]).to.include({ path: 'build.fileName', reason: 'ERR_BUILD_INVALID' });
      const noSize = await expectErrorBody(await upload('/catalog/apps/bakery/builds?fileName=a.zip', zip as Uint8Array<ArrayBuffer>), 400, 'INVALID_REQUEST');
      expect((noSize.details as { issues: { path: string }[] }).issues[0]!.path).to.equal('size');
      expect((await appRecord(h, 'bakery'))!.builds).to.have.length(1);
    });
  });
});
