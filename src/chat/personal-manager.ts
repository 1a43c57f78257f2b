/*
 * Routing to a personal manager, an alternative to tag rules: the client's city gives a region,
 * the region a branch, and within the branch managers take new clients in turn (a queue, not
 * at random). A client keeps the manager they got while that manager still serves the branch.
 */

/** City → region → branch → the branch's managers (in queue order). */
export interface Geography {
  cityRegion: Readonly<Record<string, string>>;
  regionBranch: Readonly<Record<string, string>>;
  branchManagers: Readonly<Record<string, readonly string[]>>;
}

/** Where each branch's queue stands: the index of the manager whose turn is next. */
export interface RoundRobinState {
  readonly nextIndex: Readonly<Record<string, number>>;
}

export const EMPTY_ROUND_ROBIN: RoundRobinState = { nextIndex: {} };

/** May this manager serve this client (e.g. has access to the client's object)? Defaults to yes. */
export type CanServe = (managerId: string) => boolean;

export type PersonalManagerRoute =
  | { kind: 'personal-manager'; branchId: string; managerId: string; queue: RoundRobinState }
  | { kind: 'next-in-queue'; branchId: string; managerId: string; queue: RoundRobinState }
  | { kind: 'unrouted'; reason: 'no-city' | 'unknown-city' | 'no-branch' | 'no-manager'; queue: RoundRobinState };

/** The branch serving a city, or why there is none. */
export function branchForCity(geography: Geography, city: string | undefined): { branchId: string } | { reason: 'no-city' | 'unknown-city' | 'no-branch' } {
  if (city === undefined || city.trim() === '') return { reason: 'no-city' };
  const region = Object.hasOwn(geography.cityRegion, city) ? geography.cityRegion[city] : undefined;
  if (region === undefined) return { reason: 'unknown-city' };
  const branchId = Object.hasOwn(geography.regionBranch, region) ? geography.regionBranch[region] : undefined;
  return branchId === undefined ? { reason: 'no-branch' } : { branchId };
}

/**
 * Takes the next manager of a branch's queue, skipping those who cannot serve this client, and
 * returns the advanced queue. Null when nobody in the branch can serve.
 */
export function takeTurn(
  queue: RoundRobinState,
  branchId: string,
  managers: readonly string[],
  canServe: CanServe = () => true,
): { managerId: string; queue: RoundRobinState } | null {
  const start = queue.nextIndex[branchId] ?? 0;
  for (let step = 0; step < managers.length; step++) {
    const index = (start + step) % managers.length;
    const managerId = managers[index]!;
    if (canServe(managerId)) {
      return { managerId, queue: { nextIndex: { ...queue.nextIndex, [branchId]: (index + 1) % managers.length } } };
    }
  }
  return null;
}

/**
 * Routes a client by city: their personal manager if they have one who still serves the
 * branch, otherwise the next manager in the branch's queue (the caller records them as the
 * client's personal manager).
 */
export function routeToPersonalManager(
  client: { city?: string },
  currentManagerId: string | undefined,
  geography: Geography,
  queue: RoundRobinState,
  canServe: CanServe = () => true,
): PersonalManagerRoute {
  const branch = branchForCity(geography, client.city);
  if ('reason' in branch) return { kind: 'unrouted', reason: branch.reason, queue };
  const managers = geography.branchManagers[branch.branchId] ?? [];
  if (currentManagerId !== undefined && managers.includes(currentManagerId) && canServe(currentManagerId)) {
    return { kind: 'personal-manager', branchId: branch.branchId, managerId: currentManagerId, queue };
  }
  const turn = takeTurn(queue, branch.branchId, managers, canServe);
  if (!turn) return { kind: 'unrouted', reason: 'no-manager', queue };
  return { kind: 'next-in-queue', branchId: branch.branchId, managerId: turn.managerId, queue: turn.queue };
}
