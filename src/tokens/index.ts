export * from './token-error.ts';
export * from './keys.ts';
export * from './jwt.ts';
export * from './launch-token.ts';
export * from './receipt.ts';
