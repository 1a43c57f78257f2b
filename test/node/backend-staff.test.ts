import { expect } from 'chai';
import { Collection, loadDirectory, Permission, resolveStaff, SEED_STAFF, SEED_USERS, staffSeesObject, type StaffRecord } from '../../src/backend/index.ts';
import { resolveContext } from '../../src/backend/context.ts';
import { createHarness, expectBackendError, expectErrorBody, type Harness } from '../backend/harness.ts';

const olga = SEED_STAFF.find((s) => s.id === 'staff-olga')!;
const nina = SEED_STAFF.find((s) => s.id === 'staff-nina')!;
const anna = SEED_USERS[0]!;

describe('backend: staff sign in by phone and are checked per permission', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('a staff member signs in by code and reads their profile with permissions and objects', async () => {
    const client = h.client();
    await client.signInAs(olga.phone);
    const { staff } = await client.staffMe();
    expect(staff).to.deep.include({ id: olga.id, name: olga.name, departmentId: 'dept-support', organisationId: null });
    expect(staff.permissions).to.deep.equal([Permission.CHATS_VIEW, Permission.CHATS_SEND]);
    expect(staff.objectIds).to.deep.equal(['block-north']);
    expect(staff).not.to.have.property('userId');
  });

  it('a resident is not staff: FORBIDDEN; no session: UNAUTHORIZED', async () => {
    const client = h.client();
    await expectBackendError(client.staffMe(), 'UNAUTHORIZED', 401);
    await client.signInAs(anna.phone);
    await expectBackendError(client.staffMe(), 'FORBIDDEN', 403);
    await expectErrorBody(await h.request('GET', '/staff/me', { token: 'not-a-session' }), 401, 'UNAUTHORIZED');
  });

  it('resolveStaff names every missing permission', async () => {
    const client = h.client();
    await client.signInAs(nina.phone);
    const ctx = resolveContext({ store: h.store, clock: h.clock, random: { bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) }, keys: h.keys, issuer: 'x', codeSender: async () => {} });
    const error = await expectBackendError(resolveStaff(ctx, `Bearer ${client.session.token}`, Permission.CHATS_VIEW, Permission.CHATS_SEND, Permission.CHATS_ADMIN), 'FORBIDDEN');
    expect(error.details).to.deep.equal({ missing: [Permission.CHATS_SEND, Permission.CHATS_ADMIN] });
    const ok = await resolveStaff(ctx, `Bearer ${client.session.token}`, Permission.CHATS_VIEW);
    expect(ok.staff.id).to.equal(nina.id);
  });

  it('object access covers everything below the object, and nothing for an employee without objects', async () => {
    const directory = await loadDirectory(h.store);
    const staff = (id: string) => h.store.get<StaffRecord>(Collection.STAFF, id).then((s) => s!);
    const [o, p, a, n] = await Promise.all(['staff-olga', 'staff-pavel', 'staff-alexei', 'staff-nina'].map(staff));
    expect(staffSeesObject(directory, o!, 'object-sunny-park')).to.equal(true);
    expect(staffSeesObject(directory, o!, 'object-riverside')).to.equal(false);
    expect(staffSeesObject(directory, p!, 'object-riverside')).to.equal(true);
    expect(staffSeesObject(directory, a!, 'object-riverside')).to.equal(true);
    expect(staffSeesObject(directory, a!, null)).to.equal(false);
    expect(staffSeesObject(directory, n!, 'object-sunny-park')).to.equal(false);
    // Only chat staff with a department are employees the chat routes to.
    expect(directory.employees.map((e) => e.id)).to.have.members(['staff-olga', 'staff-pavel', 'staff-alexei', 'staff-nina']);
  });

  it('one user is at most one staff member (unique userId)', async () => {
    const clash = { ...(await h.store.get<StaffRecord>(Collection.STAFF, olga.id))!, id: 'staff-copy' };
    let caught: unknown;
    try {
      await h.store.put(Collection.STAFF, 'staff-copy', clash);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).name).to.equal('StoreConstraintError');
  });
});
