import { expect } from 'chai';
import {
  InvalidCharactersError,
  LicenceTakenError,
  NotAllowedError,
  RequiredFieldError,
  UnknownCategoryError,
  ValidationFailedError,
  attachLicenceTo,
  checkOffer,
  editAppDetails,
} from '../../src/catalog/index.ts';
import { T0, appIn, context, moderator, otherPartner, partner } from './fixtures.ts';

function failure(run: () => unknown): ValidationFailedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error('expected a ValidationFailedError');
}

describe('catalog: editing an app after registration', () => {
  it('changes the given fields only, keeps the status, and carries the caller’s own fields over', () => {
    const app = { ...appIn('active', true), partnerKeyHash: 'kept' };
    const edited = editAppDetails(app, { name: 'Pizza Palace', category: 'lifestyle' }, partner, T0 + 5);
    expect(edited).to.include({ name: 'Pizza Palace', category: 'lifestyle', description: app.description, status: 'active', updatedAt: T0 + 5, partnerKeyHash: 'kept' });
    expect(app.name).to.equal('Pizza Express');
  });

  it('checks the fields under the registration rules, every problem at once', () => {
    const error = failure(() => editAppDetails(appIn('inactive', false), { name: 'Pi!', description: '', category: 'Pizza' }, partner, T0));
    expect(error.errors.map((e) => e.field)).to.deep.equal(['name', 'name', 'description', 'category']);
    expect(error.errors[1]).to.be.instanceOf(InvalidCharactersError);
    expect(error.errors[2]).to.be.instanceOf(RequiredFieldError);
    expect(error.errors[3]).to.be.instanceOf(UnknownCategoryError);
  });

  it('asks for a payee and account when payments are turned on, and drops them when turned off', () => {
    const app = appIn('inactive', false);
    expect(failure(() => editAppDetails(app, { takesPayments: true }, partner, T0)).errors.map((e) => e.field)).to.deep.equal(['payee', 'bankAccount']);
    const paying = editAppDetails(app, { takesPayments: true, payee: { legalName: 'LLC Pizza', taxId: '7701' }, bankAccount: { accountNumber: '4070', bankId: '0445' } }, partner, T0);
    expect(paying.payee).to.deep.equal({ legalName: 'LLC Pizza', taxId: '7701' });
    const free = editAppDetails(paying, { takesPayments: false }, partner, T0);
    expect(free).to.include({ takesPayments: false, payee: null, bankAccount: null });
  });

  it('lets only the app’s own partner staff edit it', () => {
    expect(() => editAppDetails(appIn('active', true), { name: 'Pizza Palace' }, otherPartner, T0)).to.throw(NotAllowedError);
    expect(() => editAppDetails(appIn('active', true), { name: 'Pizza Palace' }, moderator, T0)).to.throw(NotAllowedError);
  });
});

describe('catalog: attaching a licence to one app', () => {
  it('attaches an owned, free licence and refuses one another app holds', () => {
    const app = appIn('inactive', false, { licence: null });
    expect(attachLicenceTo(app, 'dmapp7', context, partner, T0 + 1)).to.include({ licence: 'dmapp7', updatedAt: T0 + 1 });
    const taken = failure(() => attachLicenceTo(app, 'dmapp7', { ...context, licenceHolders: new Map([['dmapp7', 'app-9']]) }, partner, T0));
    expect(taken.errors[0]).to.be.instanceOf(LicenceTakenError).and.include({ holderAppId: 'app-9' });
    // The app's own licence is not "taken" by itself.
    expect(attachLicenceTo(appIn('inactive', false), 'dmapp6', { ...context, licenceHolders: new Map([['dmapp6', 'app-1']]) }, partner, T0).licence).to.equal('dmapp6');
    expect(() => attachLicenceTo(app, 'dmapp7', context, otherPartner, T0)).to.throw(NotAllowedError);
  });
});

describe('catalog: the offer document', () => {
  it('needs its address or its text; whichever is given must not be blank', () => {
    expect(checkOffer('offer', { documentId: 'o', title: 'Terms', url: 'https://x.example/o' })).to.deep.equal([]);
    expect(checkOffer('offer', { documentId: 'o', title: 'Terms', text: 'Orders are final.' })).to.deep.equal([]);
    expect(checkOffer('offer', { documentId: 'o', title: 'Terms' }).map((e) => e.field)).to.deep.equal(['offer.url']);
    expect(checkOffer('offer', { documentId: 'o', title: 'Terms', text: ' ' }).map((e) => e.field)).to.deep.equal(['offer.text']);
    expect(checkOffer('offer', { documentId: 'o', title: 'Terms', url: '', text: 'Orders are final.' }).map((e) => e.field)).to.deep.equal(['offer.url']);
  });
});
