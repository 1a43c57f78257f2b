import { expect } from 'chai';
import fc from 'fast-check';
import { EMPTY_ROUND_ROBIN, branchForCity, routeToPersonalManager, takeTurn } from '../../src/chat/index.ts';
import type { Geography, RoundRobinState } from '../../src/chat/index.ts';

const geography: Geography = {
  cityRegion: { Kazan: 'volga', Samara: 'volga', Omsk: 'siberia', Tver: 'centre' },
  regionBranch: { volga: 'branch-volga', siberia: 'branch-siberia' },
  branchManagers: { 'branch-volga': ['m1', 'm2', 'm3'], 'branch-siberia': [] },
};

describe('chat: routing to a personal manager', () => {
  it('finds the branch by city → region → branch, or says why not', () => {
    expect(branchForCity(geography, 'Kazan')).to.deep.equal({ branchId: 'branch-volga' });
    expect(branchForCity(geography, 'Tver')).to.deep.equal({ reason: 'no-branch' });
    expect(branchForCity(geography, 'Paris')).to.deep.equal({ reason: 'unknown-city' });
    expect(branchForCity(geography, undefined)).to.deep.equal({ reason: 'no-city' });
    expect(branchForCity(geography, 'constructor')).to.deep.equal({ reason: 'unknown-city' });
  });

  it('hands new clients to the branch’s managers in turn', () => {
    let queue: RoundRobinState = EMPTY_ROUND_ROBIN;
    const taken: string[] = [];
    for (let i = 0; i < 5; i++) {
      const route = routeToPersonalManager({ city: i % 2 ? 'Kazan' : 'Samara' }, undefined, geography, queue);
      if (route.kind !== 'next-in-queue') throw new Error(`unexpected ${route.kind}`);
      taken.push(route.managerId);
      queue = route.queue;
    }
    expect(taken).to.deep.equal(['m1', 'm2', 'm3', 'm1', 'm2']);
  });

  it('keeps a client’s personal manager without moving the queue', () => {
    const route = routeToPersonalManager({ city: 'Kazan' }, 'm3', geography, EMPTY_ROUND_ROBIN);
    expect(route).to.deep.equal({ kind: 'personal-manager', branchId: 'branch-volga', managerId: 'm3', queue: EMPTY_ROUND_ROBIN });
  });

  it('gives a new manager in turn when the personal one left the branch or cannot serve', () => {
    expect(routeToPersonalManager({ city: 'Kazan' }, 'gone', geography, EMPTY_ROUND_ROBIN)).to.include({ kind: 'next-in-queue', managerId: 'm1' });
    expect(routeToPersonalManager({ city: 'Kazan' }, 'm1', geography, EMPTY_ROUND_ROBIN, (id) => id !== 'm1')).to.include({ kind: 'next-in-queue', managerId: 'm2' });
  });

  it('skips managers who cannot serve the client and reports when nobody can', () => {
    expect(takeTurn(EMPTY_ROUND_ROBIN, 'b', ['m1', 'm2', 'm3'], (id) => id === 'm3')).to.deep.equal({ managerId: 'm3', queue: { nextIndex: { b: 0 } } });
    expect(takeTurn(EMPTY_ROUND_ROBIN, 'b', ['m1'], () => false)).to.equal(null);
    expect(routeToPersonalManager({ city: 'Omsk' }, undefined, geography, EMPTY_ROUND_ROBIN)).to.include({ kind: 'unrouted', reason: 'no-manager' });
  });

  it('gives each manager exactly one turn in every round, branches independent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.constantFrom('a', 'b'), { maxLength: 30 }),
        (managers, rounds, otherBranchTurns) => {
          let queue: RoundRobinState = EMPTY_ROUND_ROBIN;
          const counts = new Map<string, number>();
          const interleaved = [...otherBranchTurns];
          for (let i = 0; i < rounds * managers.length; i++) {
            // Turns taken in another branch must not disturb this one.
            if (interleaved.shift() === 'b') queue = takeTurn(queue, 'other', ['x', 'y'])!.queue;
            const turn = takeTurn(queue, 'main', managers)!;
            counts.set(turn.managerId, (counts.get(turn.managerId) ?? 0) + 1);
            queue = turn.queue;
          }
          for (const m of managers) expect(counts.get(m), m).to.equal(rounds);
        },
      ),
    );
  });
});
