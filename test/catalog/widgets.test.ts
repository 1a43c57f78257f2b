import { expect } from 'chai';
import {
  ALL_STATUSES,
  AppNotPlaceableError,
  NotAllowedError,
  UnknownWidgetScreenError,
  UnknownWidgetStateError,
  ValidationFailedError,
  WIDGET_SCREENS,
  acceptOffer,
  appList,
  applyAction,
  canSeeApp,
  needsOfferAcceptance,
  placeWidget,
  setWidgetState,
  visibleWidgets,
} from '../../src/catalog/index.ts';
import { T0, appIn, partner } from './fixtures.ts';

const tester = { isTester: true };
const user = { isTester: false };

describe('catalog: visibility and widgets', () => {
  it('shows an Active app to everyone, a Testing app to testers only, the others to nobody', () => {
    const seen = ALL_STATUSES.map((status) => [status, canSeeApp({ status }, user), canSeeApp({ status }, tester)]);
    expect(seen).to.deep.equal([
      ['inactive', false, false],
      ['on-moderation', false, false],
      ['ready-to-publish', false, false],
      ['testing', false, true],
      ['active', true, true],
    ]);
  });

  it('places widgets on Main, Home, Showcase and Services, only for Active and Testing apps', () => {
    expect(WIDGET_SCREENS).to.deep.equal(['main', 'home', 'showcase', 'services']);
    for (const status of ALL_STATUSES) {
      const app = appIn(status, true);
      const place = () => placeWidget(app, { id: 'w-1', screen: 'home' }, partner, T0);
      if (status === 'active' || status === 'testing') expect(place()).to.include({ appId: 'app-1', screen: 'home', state: 'draft' });
      else expect(place).to.throw(AppNotPlaceableError);
    }
  });

  it('refuses at run time a screen other than the four, whatever the caller’s types said', () => {
    const app = appIn('active', true);
    for (const screen of ['profile', 'Main', '', null, 3]) {
      let thrown: unknown;
      try {
        placeWidget(app, { id: 'w-1', screen: screen as never }, partner, T0);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(screen)).to.be.instanceOf(ValidationFailedError);
      const [error] = (thrown as ValidationFailedError).errors;
      expect(error).to.be.instanceOf(UnknownWidgetScreenError);
      expect(error).to.include({ field: 'screen', code: 'ERR_WIDGET_SCREEN_UNKNOWN', value: screen });
    }
    // The screen is checked before the status: a bad request is reported as such even for an Inactive app.
    expect(() => placeWidget(appIn('inactive', true), { id: 'w-1', screen: 'nowhere' as never }, partner, T0)).to.throw(ValidationFailedError);
  });

  it('refuses at run time a widget state other than draft and published', () => {
    const app = appIn('active', true);
    const draft = placeWidget(app, { id: 'w-1', screen: 'main' }, partner, T0);
    for (const state of ['hidden', 'Published', '', undefined]) {
      let thrown: unknown;
      try {
        setWidgetState(draft, app, state as never, partner, T0 + 1);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(state)).to.be.instanceOf(ValidationFailedError);
      expect((thrown as ValidationFailedError).errors[0]).to.be.instanceOf(UnknownWidgetStateError).and.include({ field: 'state', value: state });
    }
  });

  it('refuses to change a widget through another app', () => {
    const app = appIn('active', true);
    const draft = placeWidget(app, { id: 'w-1', screen: 'main' }, partner, T0);
    expect(() => setWidgetState(draft, { ...app, id: 'app-2' }, 'published', partner, T0 + 1)).to.throw(NotAllowedError);
  });

  it('hides a draft widget and shows it again when published', () => {
    const app = appIn('active', true);
    const draft = placeWidget(app, { id: 'w-1', screen: 'main' }, partner, T0);
    expect(visibleWidgets([draft], [app], 'main', user)).to.deep.equal([]);
    const published = setWidgetState(draft, app, 'published', partner, T0 + 1);
    expect(visibleWidgets([published], [app], 'main', user)).to.deep.equal([published]);
    expect(visibleWidgets([published], [app], 'home', user)).to.deep.equal([]);
    const hidden = setWidgetState(published, app, 'draft', partner, T0 + 2);
    expect(visibleWidgets([hidden], [app], 'main', user)).to.deep.equal([]);
  });

  it('asks per app whether the viewer is its tester, when testers are marked per app', () => {
    const beta = { ...appIn('testing', true), id: 'beta' };
    const other = { ...appIn('testing', true), id: 'other' };
    const widgets = [beta, other].map((app) => setWidgetState(placeWidget(app, { id: `w-${app.id}`, screen: 'main' }, partner, T0), app, 'published', partner, T0));
    const seen = visibleWidgets(widgets, [beta, other], 'main', (app) => ({ isTester: app.id === 'beta' }));
    expect(seen.map((w) => w.appId)).to.deep.equal(['beta']);
  });

  it('hides a published widget from non-testers while its app is Testing, and from all once it leaves Active', () => {
    const testing = appIn('testing', true);
    const widget = setWidgetState(placeWidget(testing, { id: 'w-1', screen: 'showcase' }, partner, T0), testing, 'published', partner, T0);
    expect(visibleWidgets([widget], [testing], 'showcase', tester)).to.have.length(1);
    expect(visibleWidgets([widget], [testing], 'showcase', user)).to.have.length(0);
    const onModeration = applyAction(testing, { type: 'upload-build', build: { id: 'b-9', fileName: 'a.zip', sizeBytes: 9 } }, partner, T0 + 1);
    expect(visibleWidgets([widget], [onModeration], 'showcase', tester)).to.have.length(0);
  });
});

describe('catalog: the app list', () => {
  it('orders by last update, newest first, ties broken by id whatever the input order', () => {
    const apps = [
      { ...appIn('active', true), id: 'b', updatedAt: T0 + 5 },
      { ...appIn('inactive', false), id: 'c', updatedAt: T0 + 9 },
      { ...appIn('testing', true), id: 'a', updatedAt: T0 + 5 },
    ];
    const rows = appList(apps);
    expect(rows.map((r) => r.id)).to.deep.equal(['c', 'a', 'b']);
    expect(appList([...apps].reverse()).map((r) => r.id)).to.deep.equal(['c', 'a', 'b']);
    expect(Object.keys(rows[0]!)).to.deep.equal(['id', 'name', 'status', 'category', 'updatedAt']);
  });
});

describe('catalog: offer acceptance', () => {
  it('asks a user to accept the offer first, and again after it changes', () => {
    const app = appIn('inactive', false);
    expect(needsOfferAcceptance(app, 'user-1', [])).to.equal(true);
    const accepted = [acceptOffer(app, 'user-1', T0)];
    expect(needsOfferAcceptance(app, 'user-1', accepted)).to.equal(false);
    expect(needsOfferAcceptance(app, 'user-2', accepted)).to.equal(true);
    const changed = applyAction(app, { type: 'change-offer', offer: { documentId: 'o-2', title: 'Offer 2', url: 'https://x.example/2' } }, partner, T0 + 1);
    expect(needsOfferAcceptance(changed, 'user-1', accepted)).to.equal(true);
  });

  it('sends an app back to moderation when the offer changes after the first review', () => {
    const changed = applyAction(appIn('active', true), { type: 'change-offer', offer: { documentId: 'o-2', title: 'Offer 2', url: 'https://x.example/2' } }, partner, T0 + 1);
    expect(changed).to.include({ status: 'on-moderation' });
    expect(changed.offer.version).to.equal(2);
  });
});
