/// <reference types="node" />
/**
 * `miniapps/node`: the host backend as a Node server (`miniapps serve` runs it), and its parts for
 * hosts that assemble their own: the SQL store on PGlite or PostgreSQL, the LISTEN/NOTIFY bus and
 * the server's signing keys.
 */
export * from './config.ts';
export * from './http-edge.ts';
export * from './log.ts';
export * from './pglite-engine.ts';
export * from './postgres-bus.ts';
export * from './postgres-engine.ts';
export * from './server.ts';
export * from './server-keys.ts';
export * from '../backend/sql/engine.ts';
export * from '../backend/sql/migrations.ts';
export * from '../backend/sql/sql-store.ts';
