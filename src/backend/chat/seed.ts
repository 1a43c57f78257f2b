import type { ChatSettings } from '../../chat/index.ts';
import type { StoreTransaction } from '../store.ts';
import { ChatCollection, type ChatSettingsRecord } from './records.ts';

const HALF_AN_HOUR = 30 * 60 * 1000;

/** Chat settings of the seed apps: the bakery's shop questions, and the utilities' service desk. */
export const SEED_CHAT_SETTINGS: readonly { appId: string; settings: ChatSettings }[] = [
  {
    appId: 'bakery',
    settings: {
      welcomeTitle: 'Corner Bakery',
      welcomeText: 'Hello! We answer within a few minutes.',
      responsible: { departmentId: 'dept-support', employeeIds: [] },
      finishTexts: { resolved: 'Glad we could help. Enjoy your bread!', noAnswer: 'We did not hear back, so we closed the chat. Write any time.' },
      restartTimeoutMs: HALF_AN_HOUR,
      bot: {
        enabled: true,
        greetingEmployeeId: 'staff-olga',
        callToChooseTopic: 'What is your question about?',
        tags: [
          { id: 'order', text: 'My order', autoReply: 'Tell us the order number and what went wrong.', rules: [{ objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [] }] },
          { id: 'delivery', text: 'Delivery', autoReply: 'Our courier team will answer shortly.', rules: [{ objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [], strategy: 'round-robin' }] },
        ],
      },
    },
  },
  {
    appId: 'utilities',
    settings: {
      welcomeTitle: 'Service desk',
      welcomeText: 'Report a problem or ask about your bills.',
      responsible: { departmentId: 'dept-support', employeeIds: [] },
      finishTexts: { resolved: 'Your request is resolved.', noAnswer: 'We closed the request as you did not answer.' },
      restartTimeoutMs: HALF_AN_HOUR,
      bot: {
        enabled: true,
        greetingEmployeeId: 'staff-olga',
        callToChooseTopic: 'Choose a topic',
        tags: [
          {
            id: 'repair',
            text: 'Repairs',
            autoReply: 'Describe what is broken; a photo helps.',
            rules: [
              { objectIds: ['block-river'], departmentId: 'dept-maintenance', employeeIds: ['staff-pavel'] },
              { objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [] },
            ],
          },
          { id: 'bills', text: 'Bills', autoReply: 'Which month is the bill for?', rules: [{ objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [], strategy: 'round-robin' }] },
        ],
      },
    },
  },
];

/** Writes the seed apps' chat settings the store lacks; settings edited since are kept. */
export async function seedChat(tx: StoreTransaction, now: number): Promise<void> {
  for (const { appId, settings } of SEED_CHAT_SETTINGS) {
    if (await tx.get(ChatCollection.SETTINGS, appId)) continue;
    await tx.put(ChatCollection.SETTINGS, appId, { appId, settings: structuredClone(settings) as ChatSettings, geography: null, updatedAt: now } satisfies ChatSettingsRecord);
  }
}
