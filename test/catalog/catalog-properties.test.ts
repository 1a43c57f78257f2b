import { expect } from 'chai';
import fc from 'fast-check';
import {
  CatalogError,
  TRANSITIONS,
  addLicence,
  applyAction,
  applyToCatalog,
  attachLicence,
  clearLicence,
  registerApp,
} from '../../src/catalog/index.ts';
import type { Actor, AppAction, AppRecord, CatalogState } from '../../src/catalog/index.ts';
import { T0, appIn, deepFreeze, moderator, partner, validInput } from './fixtures.ts';

const actionArb: fc.Arbitrary<AppAction> = fc.oneof(
  fc.record({ type: fc.constant('upload-build' as const), build: fc.record({ id: fc.uuid(), fileName: fc.constant('app.zip'), sizeBytes: fc.integer({ min: 1, max: 1e6 }) }) }),
  fc.constantFrom<AppAction>(
    { type: 'send-to-moderation' }, { type: 'approve' }, { type: 'publish' }, { type: 'activate' },
    { type: 'start-testing' }, { type: 'deactivate' }, { type: 'clear-licence' },
  ),
  fc.record({ type: fc.constant('reject' as const), reason: fc.constantFrom('', 'Broken layout') }),
  fc.record({ type: fc.constant('change-offer' as const), offer: fc.record({ documentId: fc.uuid(), title: fc.constant('Offer'), url: fc.constant('https://x.example/o') }) }),
);
const actorArb: fc.Arbitrary<Actor> = fc.constantFrom(partner, moderator);

describe('catalog: properties of the status machine', () => {
  it('no sequence of actions reaches a status the table does not allow, and records are never mutated', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, actorArb), { maxLength: 40 }), (steps) => {
        let app: AppRecord = deepFreeze(appIn('inactive', false, { builds: [] }));
        let now = T0;
        for (const [action, actor] of steps) {
          now += 1000;
          let next: AppRecord;
          try {
            next = deepFreeze(applyAction(app, action, actor, now));
          } catch (error) {
            // A refusal is always one of ours, never a crash, and leaves the app as it was.
            expect(error).to.be.instanceOf(CatalogError);
            continue;
          }
          const allowed = TRANSITIONS.some((t) =>
            t.action === action.type && t.from === app.status && t.role === actor.role && t.to === next.status &&
            (t.review === 'any' || (t.review === 'reviewed') === app.hasPassedReview));
          expect(allowed, `${actor.role} ${action.type} ${app.status} → ${next.status}`).to.equal(true);
          // Before any passed review an app never gets past moderation.
          if (!next.hasPassedReview) expect(['inactive', 'on-moderation']).to.include(next.status);
          // Only an Inactive app may be without a licence.
          if (next.licence === null) expect(next.status).to.equal('inactive');
          // A passed review is never forgotten; the live build is always an approved one.
          if (app.hasPassedReview) expect(next.hasPassedReview).to.equal(true);
          if (next.liveBuildId !== null) expect(next.builds.find((b) => b.id === next.liveBuildId)?.review).to.equal('approved');
          expect(next.updatedAt).to.equal(now);
          app = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('catalog: properties of licences', () => {
  const orgs = ['org-1', 'org-2'];
  const licenceNames = ['dmapp1', 'dmapp2', 'dmapp3', 'dmapp4'];
  const staff = (organisationId: string): Actor => ({ userId: `staff-${organisationId}`, role: 'partner', organisationId });

  type Op =
    | { kind: 'register'; org: number; licence: number }
    | { kind: 'attach'; app: number; licence: number; org: number }
    | { kind: 'clear'; app: number }
    | { kind: 'activate'; app: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('register' as const), org: fc.nat(1), licence: fc.nat(3) }),
    fc.record({ kind: fc.constant('attach' as const), app: fc.nat(5), licence: fc.nat(3), org: fc.nat(1) }),
    fc.record({ kind: fc.constant('clear' as const), app: fc.nat(5) }),
    fc.record({ kind: fc.constant('activate' as const), app: fc.nat(5) }),
  );

  it('a licence never ends up on two apps, nor on an app of another organisation', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        let state: CatalogState = { licences: [], apps: [] };
        // dmapp1, dmapp2 belong to org-1; dmapp3, dmapp4 to org-2.
        licenceNames.forEach((name, i) => {
          state = addLicence(state, { name, organisationId: orgs[i < 2 ? 0 : 1]! }, moderator, T0);
        });
        let now = T0;
        for (const op of ops) {
          now += 1;
          const app = 'app' in op ? state.apps[op.app % Math.max(1, state.apps.length)] : undefined;
          try {
            if (op.kind === 'register') {
              const org = orgs[op.org]!;
              state = registerApp(state, validInput({ licence: licenceNames[op.licence]! }), { appId: `app-${state.apps.length}`, organisationId: org }, staff(org), now).state;
            } else if (op.kind === 'attach' && app) {
              state = attachLicence(state, app.id, licenceNames[op.licence]!, staff(orgs[op.org]!), now);
            } else if (op.kind === 'clear' && app) {
              state = clearLicence(state, app.id, staff(app.organisationId), now);
            } else if (op.kind === 'activate' && app) {
              state = applyToCatalog(state, app.id, { type: 'activate' }, staff(app.organisationId), now);
            }
          } catch (error) {
            expect(error).to.be.instanceOf(CatalogError);
          }
          const held = state.apps.map((a) => a.licence).filter((l): l is string => l !== null);
          expect(new Set(held).size, `licences held: ${held.join(', ')}`).to.equal(held.length);
          for (const a of state.apps) {
            if (a.licence === null) {
              expect(a.status).to.equal('inactive');
              continue;
            }
            const licence = state.licences.find((l) => l.name === a.licence);
            expect(licence?.organisationId).to.equal(a.organisationId);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
