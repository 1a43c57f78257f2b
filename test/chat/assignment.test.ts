import { expect } from 'chai';
import fc from 'fast-check';
import { assignDefault, assignForTag, hasAccess, isWithin, objectPath, pickAtRandom } from '../../src/chat/index.ts';
import type { Assignment, BotTag, ChatSettings, Directory, Employee, ObjectNode } from '../../src/chat/index.ts';
import { client, directory, fixedRandom, settings } from './fixtures.ts';

const repairTag = settings().bot.tags[0]!;
const billsTag = settings().bot.tags[1]!;

describe('chat: the object tree', () => {
  it('walks from a building to its block and group', () => {
    expect(objectPath(directory.objects, 'n-a-2')).to.deep.equal(['n-a-2', 'n-a', 'north']);
    expect(isWithin(directory.objects, 'n-a-2', 'north')).to.equal(true);
    expect(isWithin(directory.objects, 'n-a-2', 'n-b')).to.equal(false);
  });

  it('gives access to everything below an object the employee has', () => {
    const boris = directory.employees.find((e) => e.id === 'boris')!;
    expect(hasAccess(directory.objects, boris, 'n-a-1')).to.equal(true);
    expect(hasAccess(directory.objects, boris, 'n-b-1')).to.equal(false);
    expect(hasAccess(directory.objects, boris, null)).to.equal(false);
  });

  it('stops on a cycle in a malformed tree', () => {
    const loop: ObjectNode[] = [{ id: 'a', kind: 'block', parentId: 'b' }, { id: 'b', kind: 'block', parentId: 'a' }];
    expect(objectPath(loop, 'a')).to.deep.equal(['a', 'b']);
  });
});

describe('chat: assignment by tag rules', () => {
  it('picks at random among the listed employees who have access to the client’s object', () => {
    // n-a-1 matches the first rule; of Boris and Vera only Boris has access to block n-a.
    for (const r of [0, 0.5, 0.999]) {
      expect(assignForTag(repairTag, settings(), client('n-a-1'), directory, fixedRandom(r))).to.deep.equal({
        kind: 'employee', departmentId: 'repairs', employeeId: 'boris', via: 'tag-rule', fallback: null,
      });
    }
  });

  it('uses the random source to choose among several qualified employees', () => {
    const twoWithAccess: Directory = { ...directory, employees: [...directory.employees, { id: 'zoya', name: 'Zoya', departmentId: 'repairs', objectIds: ['north'] }] };
    const tag: BotTag = { ...repairTag, rules: [{ objectIds: ['n-a'], departmentId: 'repairs', employeeIds: ['boris', 'zoya'] }] };
    const pick = (r: number) => assignForTag(tag, settings(), client('n-a-1'), twoWithAccess, fixedRandom(r));
    expect(pick(0)).to.include({ employeeId: 'boris' });
    expect(pick(0.99)).to.include({ employeeId: 'zoya' });
  });

  it('with no employee listed, takes anyone in the department with access', () => {
    // s-a-1 matches the second rule (no employees): only Gleb of Repairs has access to the south.
    expect(assignForTag(repairTag, settings(), client('s-a-1'), directory, fixedRandom(0))).to.include({ employeeId: 'gleb', via: 'tag-rule' });
  });

  it('falls back to the department when no listed employee has access', () => {
    // The rule lists only Boris, who has no access to block n-b; Vera of the same department has.
    const tag: BotTag = { ...repairTag, rules: [{ objectIds: ['n-b'], departmentId: 'repairs', employeeIds: ['boris'] }] };
    expect(assignForTag(tag, settings(), client('n-b-1'), directory, fixedRandom(0))).to.include({ employeeId: 'vera' });
  });

  it('falls back to the default responsible when no rule matches the client’s object', () => {
    expect(assignForTag(billsTag, settings(), client('n-a-1'), directory, fixedRandom(0))).to.deep.equal({
      kind: 'employee', departmentId: 'support', employeeId: 'anna', via: 'default-responsible', fallback: 'no-matching-rule',
    });
  });

  it('falls back to the default responsible when nobody in the rule’s department has access', () => {
    const tag: BotTag = { ...repairTag, rules: [{ objectIds: ['n-a'], departmentId: 'billing', employeeIds: [] }] };
    expect(assignForTag(tag, settings(), client('n-a-1'), directory, fixedRandom(0))).to.include({
      departmentId: 'support', employeeId: 'anna', fallback: 'nobody-with-access',
    });
  });

  it('leaves the dialog with the department, never with an employee without access, when nobody qualifies', () => {
    const s = settings({ responsible: { departmentId: 'billing', employeeIds: ['dina'] } });
    expect(assignDefault(s, client('n-a-1'), directory, fixedRandom(0))).to.deep.equal({
      kind: 'department', departmentId: 'billing', via: 'default-responsible', fallback: null,
    });
    expect(assignForTag(repairTag, s, client(null), directory, fixedRandom(0))).to.deep.equal({
      kind: 'department', departmentId: 'billing', via: 'default-responsible', fallback: 'no-matching-rule',
    });
  });

  it('pickAtRandom stays in range whatever the source returns', () => {
    expect(pickAtRandom([], fixedRandom(0.5))).to.equal(undefined);
    expect(pickAtRandom(['a', 'b'], fixedRandom(1))).to.equal('b');
    expect(pickAtRandom(['a', 'b'], fixedRandom(-1))).to.equal('a');
  });
});

// Random directories: a tree of groups → blocks → buildings, employees with random access.
const directoryArb: fc.Arbitrary<Directory> = fc
  .record({
    blocksPerGroup: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    buildingsPerBlock: fc.integer({ min: 1, max: 3 }),
    employees: fc.array(fc.record({ department: fc.nat(2), access: fc.array(fc.nat(40), { maxLength: 3 }) }), { maxLength: 10 }),
  })
  .map(({ blocksPerGroup, buildingsPerBlock, employees }) => {
    const objects: ObjectNode[] = [];
    blocksPerGroup.forEach((blocks, g) => {
      objects.push({ id: `g${g}`, kind: 'project-group', parentId: null });
      for (let b = 0; b < blocks; b++) {
        objects.push({ id: `g${g}b${b}`, kind: 'block', parentId: `g${g}` });
        for (let h = 0; h < buildingsPerBlock; h++) objects.push({ id: `g${g}b${b}h${h}`, kind: 'building', parentId: `g${g}b${b}` });
      }
    });
    const staff: Employee[] = employees.map((e, i) => ({
      id: `e${i}`, name: `E${i}`, departmentId: `d${e.department}`, objectIds: e.access.map((a) => objects[a % objects.length]!.id),
    }));
    return { objects, departments: [0, 1, 2].map((d) => ({ id: `d${d}`, name: `D${d}` })), employees: staff };
  });

describe('chat: properties of assignment', () => {
  it('for any settings and client, a chosen employee has access to the client’s object and belongs to the deciding department', () => {
    fc.assert(
      fc.property(
        directoryArb.chain((dir) => {
          const objectId = fc.constantFrom(...dir.objects.map((o) => o.id));
          const employeeId = fc.constantFrom('nobody', ...dir.employees.map((e) => e.id));
          const rule = fc.record({ objectIds: fc.array(objectId, { minLength: 1, maxLength: 3 }), departmentId: fc.constantFrom('d0', 'd1', 'd2'), employeeIds: fc.array(employeeId, { maxLength: 3 }) });
          return fc.record({
            dir: fc.constant(dir),
            rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
            responsible: fc.record({ departmentId: fc.constantFrom('d0', 'd1', 'd2'), employeeIds: fc.array(employeeId, { maxLength: 3 }) }),
            clientObject: fc.option(fc.constantFrom(...dir.objects.filter((o) => o.kind === 'building').map((o) => o.id)), { nil: null }),
            random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          });
        }),
        ({ dir, rules, responsible, clientObject, random }) => {
          const s: ChatSettings = settings({ responsible }, { tags: [{ id: 't', text: 'T', autoReply: 'R', rules }] });
          const result: Assignment = assignForTag(s.bot.tags[0]!, s, client(clientObject), dir, () => random);
          const matched = rules.find((r) => clientObject !== null && r.objectIds.some((id) => isWithin(dir.objects, clientObject, id)));
          const decidingDepartment = result.via === 'tag-rule' ? matched?.departmentId : responsible.departmentId;
          expect(result.departmentId).to.equal(decidingDepartment);
          if (result.kind === 'employee') {
            const employee = dir.employees.find((e) => e.id === result.employeeId)!;
            expect(employee.departmentId).to.equal(result.departmentId);
            expect(hasAccess(dir.objects, employee, clientObject)).to.equal(true);
          } else {
            // Nobody was chosen only because nobody in the department could be.
            expect(dir.employees.some((e) => e.departmentId === result.departmentId && hasAccess(dir.objects, e, clientObject))).to.equal(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
