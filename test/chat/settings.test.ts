import { expect } from 'chai';
import {
  BotWithoutTagsError,
  ChatValidationError,
  CHAT_SETTINGS_LIMITS,
  MissingValueError,
  TextTooLongError,
  TooManyItemsError,
  assertValidChatSettings,
  chatTextLength,
  isBotActive,
  validateChatSettings,
} from '../../src/chat/index.ts';
import type { BotTag, ChatSettings } from '../../src/chat/index.ts';
import { directory, settings } from './fixtures.ts';

const fieldsAndCodes = (s: ChatSettings) => validateChatSettings(s, directory).map((e) => [e.field, e.code]);
const tag = (i: number, text = `Topic ${i}`): BotTag => ({ id: `t${i}`, text, autoReply: 'We will answer soon.', rules: [{ objectIds: ['north'], departmentId: 'support', employeeIds: [] }] });

describe('chat: settings validation', () => {
  it('accepts the sample settings', () => {
    expect(validateChatSettings(settings(), directory)).to.deep.equal([]);
    expect(isBotActive(settings())).to.equal(true);
  });

  const limits: [string, (text: string) => ChatSettings, number][] = [
    ['welcomeTitle', (t) => settings({ welcomeTitle: t }), 30],
    ['welcomeText', (t) => settings({ welcomeText: t }), 100],
    ['finishTexts.resolved', (t) => settings({ finishTexts: { resolved: t, noAnswer: 'Bye' } }), 255],
    ['finishTexts.noAnswer', (t) => settings({ finishTexts: { resolved: 'Bye', noAnswer: t } }), 255],
    ['bot.tags[0].text', (t) => settings({}, { tags: [tag(0, t)] }), 30],
  ];
  for (const [field, make, max] of limits) {
    it(`${field}: accepts ${max} characters, refuses ${max + 1}`, () => {
      expect(fieldsAndCodes(make('x'.repeat(max)))).to.deep.equal([]);
      const errors = validateChatSettings(make('x'.repeat(max + 1)), directory);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.be.instanceOf(TextTooLongError);
      expect(errors[0]).to.include({ field, max, actual: max + 1, code: 'ERR_FIELD_TOO_LONG' });
    });
    it(`${field}: counts code points, so ${max} emoji pass`, () => {
      expect(chatTextLength('😀'.repeat(max))).to.equal(max);
      expect(fieldsAndCodes(make('😀'.repeat(max)))).to.deep.equal([]);
    });
    it(`${field}: refuses an empty or blank text`, () => {
      for (const blank of ['', '   ']) {
        expect(fieldsAndCodes(make(blank))).to.deep.equal([[field, 'ERR_FIELD_REQUIRED']]);
      }
    });
  }

  it('accepts 10 tags and refuses 11', () => {
    expect(CHAT_SETTINGS_LIMITS.tags).to.equal(10);
    const ten = Array.from({ length: 10 }, (_, i) => tag(i));
    expect(fieldsAndCodes(settings({}, { tags: ten }))).to.deep.equal([]);
    const errors = validateChatSettings(settings({}, { tags: [...ten, tag(10)] }), directory);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(TooManyItemsError);
    expect(errors[0]).to.include({ field: 'bot.tags', max: 10, actual: 11 });
  });

  it('refuses the bot switched on with no tag, naming bot.tags; off with no tag is fine', () => {
    const errors = validateChatSettings(settings({}, { tags: [] }), directory);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(BotWithoutTagsError);
    expect(errors[0]!.field).to.equal('bot.tags');
    expect(validateChatSettings(settings({}, { enabled: false, tags: [] }), directory)).to.deep.equal([]);
    expect(isBotActive(settings({}, { enabled: false }))).to.equal(false);
  });

  it('requires the responsible department', () => {
    const errors = validateChatSettings(settings({ responsible: { departmentId: '', employeeIds: [] } }), directory);
    expect(errors[0]).to.be.instanceOf(MissingValueError);
    expect(errors.map((e) => e.field)).to.deep.equal(['responsible.departmentId']);
  });

  it('requires each tag to have an auto-reply and at least one rule, and tags to be distinct', () => {
    const broken: BotTag = { id: 't1', text: 'repairs ', autoReply: '', rules: [] };
    expect(fieldsAndCodes(settings({}, { tags: [settings().bot.tags[0]!, broken] }))).to.deep.equal([
      ['bot.tags[1].text', 'ERR_TAG_DUPLICATE'],
      ['bot.tags[1].autoReply', 'ERR_FIELD_REQUIRED'],
      ['bot.tags[1].rules', 'ERR_FIELD_REQUIRED'],
    ]);
  });

  it('checks ids against the directory: departments, employees of the department, objects', () => {
    const s = settings({ responsible: { departmentId: 'support', employeeIds: ['boris', 'nobody'] } }, {
      greetingEmployeeId: 'ghost',
      tags: [{ ...tag(0), rules: [{ objectIds: ['mars'], departmentId: 'sales', employeeIds: [] }] }],
    });
    expect(fieldsAndCodes(s)).to.deep.equal([
      ['responsible.employeeIds[0]', 'ERR_FIELD_INVALID'],
      ['responsible.employeeIds[1]', 'ERR_UNKNOWN_REFERENCE'],
      ['bot.greetingEmployeeId', 'ERR_UNKNOWN_REFERENCE'],
      ['bot.tags[0].rules[0].objectIds[0]', 'ERR_UNKNOWN_REFERENCE'],
      ['bot.tags[0].rules[0].departmentId', 'ERR_UNKNOWN_REFERENCE'],
    ]);
  });

  it('reports every error at once and throws them together from the asserting variant', () => {
    const s: ChatSettings = {
      welcomeTitle: 'x'.repeat(31),
      welcomeText: 'x'.repeat(101),
      responsible: { departmentId: '', employeeIds: [] },
      finishTexts: { resolved: 'x'.repeat(256), noAnswer: '' },
      restartTimeoutMs: 0,
      bot: { enabled: true, greetingEmployeeId: null, callToChooseTopic: '', tags: [] },
    };
    const expected = [
      ['welcomeTitle', 'ERR_FIELD_TOO_LONG'],
      ['welcomeText', 'ERR_FIELD_TOO_LONG'],
      ['responsible.departmentId', 'ERR_FIELD_REQUIRED'],
      ['finishTexts.resolved', 'ERR_FIELD_TOO_LONG'],
      ['finishTexts.noAnswer', 'ERR_FIELD_REQUIRED'],
      ['restartTimeoutMs', 'ERR_FIELD_INVALID'],
      ['bot.tags', 'ERR_BOT_WITHOUT_TAGS'],
      ['bot.greetingEmployeeId', 'ERR_FIELD_REQUIRED'],
      ['bot.callToChooseTopic', 'ERR_FIELD_REQUIRED'],
    ];
    expect(validateChatSettings(s).map((e) => [e.field, e.code])).to.deep.equal(expected);
    expect(() => assertValidChatSettings(s)).to.throw(ChatValidationError).with.property('errors').that.has.length(expected.length);
  });
});
