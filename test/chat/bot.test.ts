import { expect } from 'chai';
import fc from 'fast-check';
import { BOT_TRANSITIONS, IDLE, botReducer, conversationFor, hasAccess } from '../../src/chat/index.ts';
import type { BotDeps, BotEvent, BotResult, BotState, ChatSettings } from '../../src/chat/index.ts';
import { client, directory, fixedRandom, settings } from './fixtures.ts';

const T0 = 1_700_000_000_000;
const MINUTE = 60 * 1000;

function deps(now: number, s: ChatSettings = settings(), objectId: string | null = 'n-a-1'): BotDeps {
  return { settings: s, directory, client: client(objectId), random: fixedRandom(0), now };
}

/** Runs events one minute apart and returns every step. */
function run(events: BotEvent[], s: ChatSettings = settings(), objectId: string | null = 'n-a-1', start: BotState = IDLE): BotResult[] {
  const steps: BotResult[] = [];
  let state = start;
  events.forEach((event, i) => {
    const step = botReducer(state, event, deps(T0 + i * MINUTE, s, objectId));
    steps.push(step);
    state = step.state;
  });
  return steps;
}

const kinds = (step: BotResult) => step.outgoing.map((o) => o.kind);

describe('chat: the bot', () => {
  it('greets as the configured employee, then calls to choose a topic with the tags', () => {
    const [opened] = run([{ type: 'client-opened' }]);
    expect(opened!.state.kind).to.equal('choosing-topic');
    expect(opened!.outgoing).to.deep.equal([
      { kind: 'greeting', employeeId: 'anna', title: 'Hello!', text: 'We are here to help.' },
      { kind: 'choose-topic', text: 'Choose a topic', tags: [{ id: 'repair', text: 'Repairs' }, { id: 'bills', text: 'Bills' }] },
    ]);
  });

  it('on a tag sends its auto-reply, assigns by the tag’s rules and says who took over', () => {
    const [, chose] = run([{ type: 'client-opened' }, { type: 'client-chose-tag', tagId: 'repair' }]);
    expect(chose!.outgoing).to.deep.equal([
      { kind: 'auto-reply', tagId: 'repair', text: 'Tell us what is broken.' },
      { kind: 'taken-over', departmentId: 'repairs', employeeId: 'boris' },
    ]);
    expect(chose!.assignment).to.include({ via: 'tag-rule', employeeId: 'boris' });
    expect(chose!.state.kind).to.equal('with-person');
  });

  it('hands free text instead of a tag to the default responsible', () => {
    const [, typed] = run([{ type: 'client-opened' }, { type: 'client-sent-text', text: 'My tap leaks' }]);
    expect(typed!.outgoing).to.deep.equal([{ kind: 'taken-over', departmentId: 'support', employeeId: 'anna' }]);
    expect(typed!.assignment).to.include({ via: 'default-responsible' });
  });

  it('with the bot off, greets from the basic settings and gives the client to the default responsible', () => {
    const off = settings({}, { enabled: false });
    const [opened, typed] = run([{ type: 'client-opened' }, { type: 'client-sent-text', text: 'Hi' }], off);
    expect(opened!.outgoing).to.deep.equal([{ kind: 'greeting', employeeId: null, title: 'Hello!', text: 'We are here to help.' }]);
    expect(opened!.state.kind).to.equal('waiting-for-client');
    expect(typed!.assignment).to.include({ via: 'default-responsible', departmentId: 'support' });
  });

  it('treats a bot switched on with no tags as off', () => {
    const [opened] = run([{ type: 'client-opened' }], settings({}, { tags: [] }));
    expect(kinds(opened!)).to.deep.equal(['greeting']);
  });

  it('stays silent once a person has taken over', () => {
    const steps = run([
      { type: 'client-opened' },
      { type: 'client-chose-tag', tagId: 'repair' },
      { type: 'client-chose-tag', tagId: 'bills' },
      { type: 'client-sent-text', text: 'Hello?' },
      { type: 'client-opened' },
      { type: 'staff-sent-message', employeeId: 'boris' },
    ]);
    for (const step of steps.slice(2)) {
      expect(step.outgoing).to.deep.equal([]);
      expect(step.state.kind).to.equal('with-person');
    }
  });

  it('lets an employee who writes during the bot’s dialog take it over', () => {
    const [, wrote] = run([{ type: 'client-opened' }, { type: 'staff-sent-message', employeeId: 'gleb' }]);
    expect(wrote!.outgoing).to.deep.equal([{ kind: 'taken-over', departmentId: 'repairs', employeeId: 'gleb' }]);
  });

  it('refuses a manual assignment to an employee without access to the client’s object', () => {
    const [, , refused, accepted] = run([
      { type: 'client-opened' },
      { type: 'client-sent-text', text: 'Hi' },
      { type: 'staff-assigned', departmentId: 'billing', employeeId: 'dina' },
      { type: 'staff-assigned', departmentId: 'repairs', employeeId: 'boris' },
    ]);
    expect(refused!.outgoing).to.deep.equal([]);
    expect(accepted!.assignment).to.include({ employeeId: 'boris', via: 'staff' });
  });

  for (const [outcome, text] of [['resolved', 'Glad we could help.'], ['no-answer', 'We did not hear back from you.']] as const) {
    it(`ends with "${outcome}", sending its configured text; the next visit starts over`, () => {
      const steps = run([{ type: 'client-opened' }, { type: 'client-sent-text', text: 'Hi' }, { type: 'staff-ended', outcome }, { type: 'client-opened' }]);
      expect(steps[2]!.outgoing).to.deep.equal([{ kind: 'closing', outcome, text }]);
      expect(steps[2]!).to.include({ ended: outcome });
      expect(steps[2]!.state).to.deep.equal(IDLE);
      expect(kinds(steps[3]!)).to.deep.equal(['greeting', 'choose-topic']);
    });
  }

  it('ends an unanswered dialog after the restart timeout; the next visit starts over', () => {
    const s = settings({ restartTimeoutMs: 30 * MINUTE });
    const opened = botReducer(IDLE, { type: 'client-opened' }, deps(T0, s));
    const justBefore = botReducer(opened.state, { type: 'client-opened' }, deps(T0 + 30 * MINUTE - 1, s));
    expect(justBefore.outgoing).to.deep.equal([]);
    expect(justBefore.ended).to.equal(null);
    const after = botReducer(opened.state, { type: 'client-opened' }, deps(T0 + 30 * MINUTE, s));
    expect(after.ended).to.equal('timeout');
    expect(kinds(after)).to.deep.equal(['greeting', 'choose-topic']);
    const tick = botReducer(opened.state, { type: 'tick' }, deps(T0 + 31 * MINUTE, s));
    expect(tick).to.deep.include({ state: IDLE, ended: 'timeout', outgoing: [] });
  });

  it('does not time out a dialog in which the client answered last', () => {
    const s = settings({ restartTimeoutMs: 30 * MINUTE });
    const [, typed] = run([{ type: 'client-opened' }, { type: 'client-sent-text', text: 'Hi' }], s);
    const later = botReducer(typed!.state, { type: 'tick' }, deps(T0 + 5 * 60 * MINUTE, s));
    expect(later.state.kind).to.equal('with-person');
    // Staff answer; the client stays silent past the timeout: the dialog ends by itself.
    const answered = botReducer(typed!.state, { type: 'staff-sent-message', employeeId: 'anna' }, deps(T0 + 6 * 60 * MINUTE, s));
    const silent = botReducer(answered.state, { type: 'tick' }, deps(T0 + 6 * 60 * MINUTE + 30 * MINUTE, s));
    expect(silent).to.include({ ended: 'timeout' });
  });

  it('keeps one conversation per client and app across visits', () => {
    const first = conversationFor([], 'client-1', 'pizza', 'c-1', T0);
    expect(first.created).to.equal(true);
    const again = conversationFor([first.conversation], 'client-1', 'pizza', 'c-2', T0 + 1);
    expect(again).to.deep.equal({ conversation: first.conversation, created: false });
    expect(conversationFor([first.conversation], 'client-1', 'taxi', 'c-3', T0).created).to.equal(true);
  });
});

const eventArb: fc.Arbitrary<BotEvent> = fc.oneof(
  fc.constant<BotEvent>({ type: 'client-opened' }),
  fc.constantFrom('repair', 'bills', 'unknown').map<BotEvent>((tagId) => ({ type: 'client-chose-tag', tagId })),
  fc.constant<BotEvent>({ type: 'client-sent-text', text: 'hi' }),
  fc.constantFrom('anna', 'boris', 'ghost').map<BotEvent>((employeeId) => ({ type: 'staff-sent-message', employeeId })),
  fc.record({ departmentId: fc.constantFrom('support', 'repairs', 'nowhere'), employeeId: fc.constantFrom(null, 'anna', 'boris', 'dina') }).map<BotEvent>((a) => ({ type: 'staff-assigned', ...a })),
  fc.constantFrom('resolved', 'no-answer').map<BotEvent>((outcome) => ({ type: 'staff-ended', outcome: outcome as 'resolved' | 'no-answer' })),
  fc.constant<BotEvent>({ type: 'tick' }),
);

function documented(from: BotState['kind'], event: string, to: BotState['kind'], emits: string[]): boolean {
  return BOT_TRANSITIONS.some((t) =>
    t.from.includes(from) && t.event === event && (t.to === 'same' ? to === from : t.to === to) &&
    JSON.stringify(t.emits) === JSON.stringify(emits));
}

describe('chat: properties of the bot', () => {
  it('takes only documented steps, is silent with a person, and never assigns an employee without access', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 40 * MINUTE })), { maxLength: 30 }),
        fc.boolean(),
        fc.constantFrom('n-a-1', 'n-b-1', 's-a-1', null),
        (steps, botOn, objectId) => {
          const s = settings({ restartTimeoutMs: 30 * MINUTE }, { enabled: botOn });
          let state: BotState = IDLE;
          let now = T0;
          for (const [event, gap] of steps) {
            now += gap;
            const d = { ...deps(now, s, objectId), random: () => (now % 1000) / 1000 };
            const step = botReducer(state, event, d);
            let from = state.kind;
            if (step.ended === 'timeout') {
              expect(documented(from, 'restart-timeout', 'idle', []), `${from} timeout`).to.equal(true);
              from = 'idle';
            }
            expect(documented(from, event.type, step.state.kind, step.outgoing.map((o) => o.kind)), `${from} ${event.type} → ${step.state.kind} ${kinds(step).join(',')}`).to.equal(true);
            if (from === 'with-person' && step.state.kind === 'with-person') {
              expect(step.outgoing.filter((o) => o.kind !== 'taken-over')).to.deep.equal([]);
            }
            const assignment = step.assignment;
            if (assignment?.kind === 'employee') {
              const employee = directory.employees.find((e) => e.id === assignment.employeeId)!;
              // The staff member who writes picks themselves; every other assignment checks access.
              if (event.type !== 'staff-sent-message') expect(hasAccess(directory.objects, employee, objectId)).to.equal(true);
              expect(employee.departmentId).to.equal(assignment.departmentId);
            }
            state = step.state;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
