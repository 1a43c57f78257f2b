import { expect } from 'chai';
import { SEED_APPS, SEED_LICENCES, SEED_WIDGETS } from '../../src/backend/index.ts';
import { isPlaceable, validateRegistration } from '../../src/catalog/index.ts';

describe('catalog seed: records the catalog itself would accept', () => {
  for (const app of SEED_APPS) {
    it(`${app.id} passes the registration rules with its organisation's licence`, () => {
      const licences = SEED_LICENCES.filter((l) => l.organisationId === app.organisationId).map((l) => l.name);
      const result = validateRegistration(
        { ...app, licence: app.licence ?? '', offer: app.offer, takesPayments: app.payee !== undefined, payee: app.payee ?? null, bankAccount: app.bankAccount ?? null, placementRulesAccepted: true },
        { organisationLicences: licences, licenceHolders: new Map() },
      );
      expect(result.ok, result.ok ? '' : result.errors.map((e) => e.message).join('; ')).to.equal(true);
    });
  }

  it('gives each licence to at most one app, and places widgets of Active or Testing apps only', () => {
    const held = SEED_APPS.map((app) => app.licence).filter((l) => l !== null);
    expect(new Set(held).size).to.equal(held.length);
    for (const widget of SEED_WIDGETS) expect(isPlaceable(SEED_APPS.find((app) => app.id === widget.appId)!), widget.id).to.equal(true);
    expect(SEED_APPS.map((app) => app.status)).to.include.members(['active', 'testing', 'on-moderation', 'inactive']);
  });
});
