import { expect } from 'chai';
import {
  InvalidLicenceNameError,
  NotAllowedError,
  ValidationFailedError,
  addLicence,
  attachLicence,
  clearLicence,
  licenceHolders,
  registerApp,
} from '../../src/catalog/index.ts';
import type { CatalogState } from '../../src/catalog/index.ts';
import { ORG, T0, appIn, moderator, partner, validInput } from './fixtures.ts';

function catalogWithLicences(): CatalogState {
  let state: CatalogState = { licences: [], apps: [] };
  for (const name of ['dmapp6', 'dmapp7']) state = addLicence(state, { name, organisationId: ORG }, moderator, T0);
  return state;
}

describe('catalog: licences', () => {
  it('only moderators add licences, named like dmapp6, each once', () => {
    const state = catalogWithLicences();
    expect(state.licences.map((l) => l.name)).to.deep.equal(['dmapp6', 'dmapp7']);
    expect(() => addLicence(state, { name: 'dmapp8', organisationId: ORG }, partner, T0)).to.throw(NotAllowedError);
    for (const name of ['DMAPP8', 'dmapp', 'dm app8', 'dmapp08']) {
      let thrown: unknown;
      try {
        addLicence(state, { name, organisationId: ORG }, moderator, T0);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as ValidationFailedError).errors[0], name).to.be.instanceOf(InvalidLicenceNameError);
    }
    expect(() => addLicence(state, { name: 'dmapp6', organisationId: ORG }, moderator, T0))
      .to.throw(ValidationFailedError).with.nested.property('errors[0].code', 'ERR_LICENCE_DUPLICATE');
  });

  it('registers an app with a free licence and refuses the same licence for a second app', () => {
    const first = registerApp(catalogWithLicences(), validInput(), { appId: 'app-1', organisationId: ORG }, partner, T0);
    expect(first.app).to.include({ status: 'inactive', licence: 'dmapp6', hasPassedReview: false });
    expect(first.app.offer.version).to.equal(1);
    expect(() => registerApp(first.state, validInput({ name: 'Second app' }), { appId: 'app-2', organisationId: ORG }, partner, T0))
      .to.throw(ValidationFailedError).with.nested.property('errors[0].code', 'ERR_LICENCE_TAKEN');
  });

  it('frees a licence on clearing, which sets the app Inactive, so another app can take it', () => {
    let state = catalogWithLicences();
    state = { ...state, apps: [appIn('active', true), { ...appIn('inactive', true), id: 'app-2', licence: 'dmapp7' }] };
    state = clearLicence(state, 'app-1', partner, T0 + 1);
    expect(state.apps[0]).to.include({ licence: null, status: 'inactive', updatedAt: T0 + 1 });
    state = attachLicence(state, 'app-2', 'dmapp6', partner, T0 + 2);
    expect([...licenceHolders(state.apps)]).to.deep.equal([['dmapp6', 'app-2']]);
    expect(state.apps[1]!.status).to.equal('inactive');
  });

  it('refuses to attach a licence held by another app', () => {
    const state = { ...catalogWithLicences(), apps: [appIn('active', true), { ...appIn('inactive', true), id: 'app-2', licence: null }] };
    expect(() => attachLicence(state, 'app-2', 'dmapp6', partner, T0)).to.throw(ValidationFailedError).with.nested.property('errors[0].holderAppId', 'app-1');
  });
});
