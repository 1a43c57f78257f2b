import { expect } from 'chai';
import {
  ACTION_TYPES,
  NotAllowedError,
  ALL_ROLES,
  ALL_STATUSES,
  PreconditionFailedError,
  ReviewRequiredError,
  RoleForbiddenError,
  StatusTransitionError,
  TRANSITIONS,
  TransitionForbiddenError,
  ValidationFailedError,
  applyAction,
} from '../../src/catalog/index.ts';
import type { ActionType, AppAction, AppStatus, Role } from '../../src/catalog/index.ts';
import { T0, appIn, deepFreeze, moderator, otherPartner, partner } from './fixtures.ts';

/*
 * The SPEC's status rules written out independently of the code's table, one allowed move per
 * line: "role action from review → to". review: before (no passed review yet), after, any.
 */
const ALLOWED = `
partner upload-build inactive before → inactive
partner upload-build on-moderation any → on-moderation
partner upload-build inactive after → on-moderation
partner upload-build ready-to-publish after → on-moderation
partner upload-build testing after → on-moderation
partner upload-build active after → on-moderation
partner send-to-moderation inactive before → on-moderation
moderator approve on-moderation any → ready-to-publish
moderator reject on-moderation any → inactive
partner publish ready-to-publish after → active
partner activate inactive after → active
partner activate testing after → active
partner start-testing inactive after → testing
partner start-testing ready-to-publish after → testing
partner start-testing active after → testing
partner deactivate ready-to-publish after → inactive
partner deactivate testing after → inactive
partner deactivate active after → inactive
partner change-offer inactive before → inactive
partner change-offer on-moderation any → on-moderation
partner change-offer inactive after → on-moderation
partner change-offer ready-to-publish after → on-moderation
partner change-offer testing after → on-moderation
partner change-offer active after → on-moderation
partner clear-licence inactive any → inactive
partner clear-licence on-moderation any → inactive
partner clear-licence ready-to-publish any → inactive
partner clear-licence testing any → inactive
partner clear-licence active any → inactive
`
  .trim()
  .split('\n')
  .map((line) => {
    const [role, action, from, review, , to] = line.split(' ') as [Role, ActionType, AppStatus, 'before' | 'after' | 'any', string, AppStatus];
    return { role, action, from, review, to };
  });

function expectedMove(action: ActionType, from: AppStatus, role: Role, reviewed: boolean) {
  const fromHere = ALLOWED.filter((m) => m.action === action && m.from === from);
  const forRole = fromHere.filter((m) => m.role === role);
  const match = forRole.find((m) => m.review === 'any' || (m.review === 'after') === reviewed);
  if (match) return match.to;
  if (fromHere.length === 0) return TransitionForbiddenError;
  if (forRole.length === 0) return RoleForbiddenError;
  return reviewed ? TransitionForbiddenError : ReviewRequiredError;
}

function actionOf(type: ActionType): AppAction {
  switch (type) {
    case 'upload-build':
      return { type, build: { id: 'build-2', fileName: 'app-v2.zip', sizeBytes: 2048 } };
    case 'reject':
      return { type, reason: 'The app ignores the design system' };
    case 'change-offer':
      return { type, offer: { documentId: 'offer-2', title: 'Public offer v2', url: 'https://partner.example/offer-2.pdf' } };
    default:
      return { type } as AppAction;
  }
}

const actorOf = (role: Role) => (role === 'partner' ? partner : moderator);

describe('catalog: the status transition table', () => {
  it('holds exactly the moves the SPEC allows', () => {
    const code = TRANSITIONS.map((t) => `${t.role} ${t.action} ${t.from} ${t.review} → ${t.to}`).sort();
    const spec = ALLOWED.map((m) => `${m.role} ${m.action} ${m.from} ${m.review === 'before' ? 'not-reviewed' : m.review === 'after' ? 'reviewed' : 'any'} → ${m.to}`).sort();
    expect(code).to.deep.equal(spec);
  });

  // Every action × every status × every role × both review states.
  for (const action of ACTION_TYPES) {
    for (const from of ALL_STATUSES) {
      for (const role of ALL_ROLES) {
        for (const reviewed of [false, true]) {
          const expected = expectedMove(action, from, role, reviewed);
          const when = reviewed ? 'after a passed review' : 'before any passed review';
          const title = typeof expected === 'string'
            ? `${role}: ${action} from ${from} ${when} → ${expected}`
            : `${role}: ${action} from ${from} ${when} is refused with ${expected.name}`;
          it(title, () => {
            const app = deepFreeze(appIn(from, reviewed));
            if (typeof expected === 'string') {
              const next = applyAction(app, actionOf(action), actorOf(role), T0 + 1000);
              expect(next.status).to.equal(expected);
              expect(next.updatedAt).to.equal(T0 + 1000);
            } else {
              let thrown: unknown;
              try {
                applyAction(app, actionOf(action), actorOf(role), T0 + 1000);
              } catch (error) {
                thrown = error;
              }
              expect(thrown).to.be.instanceOf(expected);
              expect(thrown).to.be.instanceOf(StatusTransitionError);
              expect(thrown).to.include({ action, from, role, code: expected.code });
            }
          });
        }
      }
    }
  }
});

describe('catalog: action effects and preconditions', () => {
  it('goes from registration to Active by upload → send → approve → publish', () => {
    let app = deepFreeze(appIn('inactive', false, { builds: [] }));
    app = deepFreeze(applyAction(app, actionOf('upload-build'), partner, T0 + 1));
    expect(app.status).to.equal('inactive');
    app = deepFreeze(applyAction(app, { type: 'send-to-moderation' }, partner, T0 + 2));
    expect(app.builds[0]!.review).to.equal('on-moderation');
    app = deepFreeze(applyAction(app, { type: 'approve' }, moderator, T0 + 3));
    expect(app).to.include({ status: 'ready-to-publish', hasPassedReview: true, liveBuildId: 'build-2' });
    app = applyAction(app, { type: 'publish' }, partner, T0 + 4);
    expect(app).to.include({ status: 'active', updatedAt: T0 + 4 });
  });

  it('refuses to send to moderation without a build', () => {
    expect(() => applyAction(appIn('inactive', false, { builds: [] }), { type: 'send-to-moderation' }, partner, T0))
      .to.throw(PreconditionFailedError).with.property('reason', 'no-build');
  });

  it('requires a non-empty rejection reason and keeps it trimmed', () => {
    const app = appIn('on-moderation', false);
    for (const reason of ['', '   ']) {
      expect(() => applyAction(app, { type: 'reject', reason }, moderator, T0)).to.throw(ValidationFailedError);
    }
    const rejected = applyAction(app, { type: 'reject', reason: '  Broken layout ' }, moderator, T0);
    expect(rejected).to.include({ status: 'inactive', rejectionReason: 'Broken layout', hasPassedReview: false });
  });

  it('sends an Active app back to moderation on a new build and keeps the live build until approval', () => {
    const active = appIn('active', true);
    const resubmitted = applyAction(active, actionOf('upload-build'), partner, T0 + 5);
    expect(resubmitted).to.include({ status: 'on-moderation', liveBuildId: 'build-1' });
    const rejected = applyAction(resubmitted, { type: 'reject', reason: 'Crashes on start' }, moderator, T0 + 6);
    expect(rejected).to.include({ status: 'inactive', liveBuildId: 'build-1', hasPassedReview: true });
    expect(rejected.builds.map((b) => b.review)).to.deep.equal(['approved', 'rejected']);
  });

  it('bumps the offer version on every change', () => {
    const app = applyAction(appIn('inactive', false), actionOf('change-offer'), partner, T0);
    expect(app.offer).to.include({ version: 2, documentId: 'offer-2' });
    expect(app.status).to.equal('inactive');
  });

  it('refuses to leave Inactive without a licence', () => {
    expect(() => applyAction(appIn('inactive', true, { licence: null }), { type: 'activate' }, partner, T0))
      .to.throw(PreconditionFailedError).with.property('reason', 'no-licence');
  });

  it('refuses partner staff of another organisation', () => {
    expect(() => applyAction(appIn('inactive', true), { type: 'activate' }, otherPartner, T0))
      .to.throw(NotAllowedError);
  });

  it('refuses a build that is not a .zip, has no size or repeats an id, naming each field', () => {
    const app = appIn('inactive', false);
    let thrown: unknown;
    try {
      applyAction(app, { type: 'upload-build', build: { id: 'build-1', fileName: 'app.tar', sizeBytes: 0 } }, partner, T0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ValidationFailedError);
    expect((thrown as ValidationFailedError).errors.map((e) => e.field)).to.deep.equal(['build.id', 'build.fileName', 'build.sizeBytes']);
  });
});
