import { createMemoryStore } from '../../src/backend/index.ts';
import { storeContract } from '../backend/store-contract.ts';

storeContract('memory', async (schema) => createMemoryStore(schema));
