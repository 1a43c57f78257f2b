import type { ChatClient, ChatSettings, Directory } from '../../src/chat/index.ts';

/*
 * Group of projects "north" → blocks "n-a" (buildings n-a-1, n-a-2) and "n-b" (n-b-1);
 * group "south" → block "s-a" (s-a-1).
 */
export const directory: Directory = {
  objects: [
    { id: 'north', kind: 'project-group', parentId: null },
    { id: 'n-a', kind: 'block', parentId: 'north' },
    { id: 'n-a-1', kind: 'building', parentId: 'n-a' },
    { id: 'n-a-2', kind: 'building', parentId: 'n-a' },
    { id: 'n-b', kind: 'block', parentId: 'north' },
    { id: 'n-b-1', kind: 'building', parentId: 'n-b' },
    { id: 'south', kind: 'project-group', parentId: null },
    { id: 's-a', kind: 'block', parentId: 'south' },
    { id: 's-a-1', kind: 'building', parentId: 's-a' },
  ],
  departments: [
    { id: 'support', name: 'Support' },
    { id: 'repairs', name: 'Repairs' },
    { id: 'billing', name: 'Billing' },
  ],
  employees: [
    { id: 'anna', name: 'Anna', departmentId: 'support', objectIds: ['north', 'south'] },
    { id: 'boris', name: 'Boris', departmentId: 'repairs', objectIds: ['n-a'] },
    { id: 'vera', name: 'Vera', departmentId: 'repairs', objectIds: ['n-b-1'] },
    { id: 'gleb', name: 'Gleb', departmentId: 'repairs', objectIds: ['south'] },
    { id: 'dina', name: 'Dina', departmentId: 'billing', objectIds: ['s-a-1'] },
  ],
};

export const client = (objectId: string | null): ChatClient => ({ id: 'client-1', name: 'Ivan', objectId });

export function settings(overrides: Partial<ChatSettings> = {}, bot: Partial<ChatSettings['bot']> = {}): ChatSettings {
  return {
    welcomeTitle: 'Hello!',
    welcomeText: 'We are here to help.',
    responsible: { departmentId: 'support', employeeIds: [] },
    finishTexts: { resolved: 'Glad we could help.', noAnswer: 'We did not hear back from you.' },
    restartTimeoutMs: 30 * 60 * 1000,
    ...overrides,
    bot: {
      enabled: true,
      greetingEmployeeId: 'anna',
      callToChooseTopic: 'Choose a topic',
      tags: [
        {
          id: 'repair',
          text: 'Repairs',
          autoReply: 'Tell us what is broken.',
          rules: [
            { objectIds: ['n-a'], departmentId: 'repairs', employeeIds: ['boris', 'vera'] },
            { objectIds: ['north', 'south'], departmentId: 'repairs', employeeIds: [] },
          ],
        },
        { id: 'bills', text: 'Bills', autoReply: 'Billing will answer.', rules: [{ objectIds: ['south'], departmentId: 'billing', employeeIds: [] }] },
      ],
      ...bot,
    },
  };
}

/** A random source that always returns the same value. */
export const fixedRandom = (value: number) => () => value;
