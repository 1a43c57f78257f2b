import type { AppRecord } from './app-record.ts';

/** Who is looking at the host's screens. Testers are marked on the host side. */
export interface Viewer {
  isTester: boolean;
}

/** Everyone sees an Active app, only testers see a Testing one, nobody sees the others. */
export function canSeeApp(app: Pick<AppRecord, 'status'>, viewer: Viewer): boolean {
  if (app.status === 'active') return true;
  if (app.status === 'testing') return viewer.isTester;
  return false;
}

/** Only Active and Testing apps can be chosen for a widget. */
export function isPlaceable(app: Pick<AppRecord, 'status'>): boolean {
  return app.status === 'active' || app.status === 'testing';
}
