import { expect } from 'chai';
import {
  ALL_CATEGORIES,
  CATEGORY_LABELS,
  InvalidCharactersError,
  LicenceNotOwnedError,
  LicenceTakenError,
  PlacementRulesNotAcceptedError,
  RequiredFieldError,
  SurroundingSpacesError,
  TooLongError,
  TooShortError,
  UnknownCategoryError,
  ValidationFailedError,
  assertValidRegistration,
  codePointLength,
  validateRegistration,
} from '../../src/catalog/index.ts';
import type { CatalogFieldError, RegistrationInput } from '../../src/catalog/index.ts';
import { context, validInput } from './fixtures.ts';

function errorsOf(input: RegistrationInput, ctx = context): CatalogFieldError[] {
  const result = validateRegistration(input, ctx);
  return result.ok ? [] : result.errors;
}

function codesFor(input: RegistrationInput, field: string): string[] {
  return errorsOf(input).filter((e) => e.field === field).map((e) => e.code);
}

const text = (length: number, char = 'a') => char.repeat(length);

describe('catalog: registration validation', () => {
  it('accepts a complete registration and returns it with a known category', () => {
    const result = validateRegistration(validInput(), context);
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.value.category).to.equal('food-and-drinks');
  });

  for (const [field, min, max] of [['name', 5, 128], ['description', 5, 500]] as const) {
    describe(`${field}: ${min}–${max} characters`, () => {
      it(`refuses ${min - 1} characters as too short`, () => {
        const errors = errorsOf(validInput({ [field]: text(min - 1) }));
        expect(errors).to.have.length(1);
        expect(errors[0]).to.be.instanceOf(TooShortError);
        expect(errors[0]).to.include({ field, code: 'ERR_FIELD_TOO_SHORT', min, actual: min - 1 });
      });
      it(`accepts exactly ${min} characters`, () => {
        expect(errorsOf(validInput({ [field]: text(min) }))).to.deep.equal([]);
      });
      it(`accepts exactly ${max} characters`, () => {
        expect(errorsOf(validInput({ [field]: text(max) }))).to.deep.equal([]);
      });
      it(`refuses ${max + 1} characters as too long`, () => {
        const errors = errorsOf(validInput({ [field]: text(max + 1) }));
        expect(errors).to.have.length(1);
        expect(errors[0]).to.be.instanceOf(TooLongError);
        expect(errors[0]).to.include({ field, code: 'ERR_FIELD_TOO_LONG', max, actual: max + 1 });
      });
      it('reports an empty value as required, not as too short', () => {
        expect(codesFor(validInput({ [field]: '' }), field)).to.deep.equal(['ERR_FIELD_REQUIRED']);
      });
      it(`counts code points: ${max} letters outside the BMP pass, ${max + 1} do not`, () => {
        // "𝔸" is one code point but two UTF-16 units; it is a letter (\p{L}).
        expect('𝔸'.length).to.equal(2);
        expect(errorsOf(validInput({ [field]: text(max, '𝔸') }))).to.deep.equal([]);
        expect(codesFor(validInput({ [field]: text(max + 1, '𝔸') }), field)).to.deep.equal(['ERR_FIELD_TOO_LONG']);
      });
      it('counts a letter typed with a combining mark once (NFC)', () => {
        const decomposed = 'и\u0306'.repeat(min); // й as и + combining breve
        expect(codePointLength(decomposed)).to.equal(min * 2);
        expect(errorsOf(validInput({ [field]: decomposed }))).to.deep.equal([]);
        const result = validateRegistration(validInput({ [field]: decomposed }), context);
        if (result.ok) expect(result.value[field]).to.equal('й'.repeat(min));
      });
    });
  }

  describe('allowed characters', () => {
    const accepted: Record<string, string> = {
      Cyrillic: 'Доставка пиццы',
      'Latin with accents': 'Crème brûlée café',
      Greek: 'Καφές και τσάι',
      Arabic: 'توصيل الطعام',
      Chinese: '外卖送餐服务',
      'Devanagari with vowel signs': 'खाना डिलीवरी',
      digits: 'Shop 24 7 and 365',
      hyphens: 'Kids-club Mini-market',
    };
    it('accepts a combining mark right after a letter', () => {
      expect(errorsOf(validInput({ name: 'Cafe\u0301 Paris' }))).to.deep.equal([]);
    });
    for (const [label, value] of Object.entries(accepted)) {
      it(`accepts ${label}: "${value}"`, () => {
        expect(errorsOf(validInput({ name: value, description: value }))).to.deep.equal([]);
      });
    }

    const refused: Record<string, string> = {
      'a full stop': '.',
      'a comma': ',',
      'an exclamation mark': '!',
      'a question mark': '?',
      'an apostrophe': "'",
      'a quotation mark': '"',
      'a colon': ':',
      'parentheses': '(',
      'an ampersand': '&',
      'an at sign': '@',
      'a hash': '#',
      'a slash': '/',
      'an underscore': '_',
      'a plus': '+',
      'an equals sign': '=',
      'a currency symbol': '₽',
      'a degree sign': '°',
      'a copyright sign': '©',
      'an en dash': '–',
      'an emoji': '🍕',
      'an emoji with a joiner': '👩‍🍳',
      'a newline': '\n',
      'a carriage return': '\r',
      'a tab': '\t',
      'a no-break space': '\u00a0',
      'a zero-width space': '\u200b',
      'a superscript digit': '²',
      'a fraction': '½',
      'a lone combining mark': '\u0301',
    };
    for (const [label, char] of Object.entries(refused)) {
      it(`refuses ${label} in name and description, naming the character`, () => {
        // After a hyphen, so that a combining mark has no letter to attach to.
        const errors = errorsOf(validInput({ name: `Pizza-${char}place`, description: `Best-${char}pizza` }));
        const invalid = errors.filter((e) => e instanceof InvalidCharactersError) as InvalidCharactersError[];
        expect(invalid.map((e) => e.field)).to.deep.equal(['name', 'description']);
        // Characters are reported per code point: an emoji sequence shows its first one.
        for (const e of invalid) expect(e.characters).to.include([...char][0]);
      });
    }
  });

  describe('emoji that Unicode files as letters or marks', () => {
    it('refuses "ℹ️" (U+2139 U+FE0F) right after a letter, naming both code points', () => {
      for (const name of ['Infoℹ️ desk', 'Info ℹ️ desk', 'ℹ️ Info desk']) {
        const invalid = errorsOf(validInput({ name })).filter((e) => e instanceof InvalidCharactersError) as InvalidCharactersError[];
        expect(invalid.map((e) => e.field), name).to.deep.equal(['name']);
        expect(invalid[0]!.characters).to.deep.equal(['\u2139', '\uFE0F']);
      }
    });
    it('refuses U+2139 without the emoji selector: it is a pictograph as well as a letter', () => {
      const invalid = errorsOf(validInput({ description: 'Ask the \u2139 desk' })).filter((e) => e instanceof InvalidCharactersError) as InvalidCharactersError[];
      expect(invalid[0]!.characters).to.deep.equal(['\u2139']);
    });
    it('refuses the presentation selectors after an ordinary letter', () => {
      for (const selector of ['\uFE0F', '\uFE0E']) {
        const invalid = errorsOf(validInput({ name: `Pizza${selector} Express` })).filter((e) => e instanceof InvalidCharactersError) as InvalidCharactersError[];
        expect(invalid[0]!.characters).to.deep.equal([selector]);
      }
    });
    it('still accepts letters with their combining marks, and digits', () => {
      for (const name of ['Кафе Йошкар-Ола', 'Cafe\u0301 Noir 24', 'नमस्ते दुकान', 'ร้านกาแฟ']) {
        expect(errorsOf(validInput({ name })), name).to.deep.equal([]);
      }
    });
  });

  it('refuses leading and trailing spaces instead of trimming them', () => {
    expect(errorsOf(validInput({ name: ' Pizza Express' }))[0]).to.be.instanceOf(SurroundingSpacesError);
    expect(codesFor(validInput({ description: 'Order pizza ' }), 'description')).to.deep.equal(['ERR_FIELD_SURROUNDING_SPACES']);
  });

  it('accepts each of the 15 categories and refuses anything else', () => {
    expect(ALL_CATEGORIES).to.have.length(15);
    expect(Object.values(CATEGORY_LABELS)).to.deep.equal([
      'Lifestyle', 'Food & drinks', 'Entertainment', 'Business', 'Communication', 'Travel', 'Transport',
      'Real estate', 'Education', 'Events', 'Tools', 'Bill payments', 'Social', 'Games', 'Other',
    ]);
    for (const category of ALL_CATEGORIES) expect(errorsOf(validInput({ category }))).to.deep.equal([]);
    const [error] = errorsOf(validInput({ category: 'Food & drinks' }));
    expect(error).to.be.instanceOf(UnknownCategoryError);
    expect(codesFor(validInput({ category: '' }), 'category')).to.deep.equal(['ERR_FIELD_REQUIRED']);
  });

  it('refuses a licence the organisation did not buy', () => {
    const [error] = errorsOf(validInput({ licence: 'dmapp9' }));
    expect(error).to.be.instanceOf(LicenceNotOwnedError);
    expect(error).to.include({ field: 'licence', code: 'ERR_LICENCE_NOT_OWNED' });
  });

  it('refuses a licence attached to another app, but not the app’s own', () => {
    const holders = new Map([['dmapp6', 'app-9']]);
    const [error] = errorsOf(validInput(), { ...context, licenceHolders: holders });
    expect(error).to.be.instanceOf(LicenceTakenError);
    expect(error).to.include({ holderAppId: 'app-9' });
    expect(validateRegistration(validInput(), { ...context, licenceHolders: holders, appId: 'app-9' }).ok).to.equal(true);
  });

  it('requires the public offer document', () => {
    expect(codesFor(validInput({ offer: null }), 'offer')).to.deep.equal(['ERR_FIELD_REQUIRED']);
    expect(errorsOf(validInput({ offer: { documentId: 'o', title: ' ', url: '' } })).map((e) => e.field)).to.deep.equal(['offer.title', 'offer.url']);
  });

  it('requires the placement rules to be accepted on every creation', () => {
    const [error] = errorsOf(validInput({ placementRulesAccepted: false }));
    expect(error).to.be.instanceOf(PlacementRulesNotAcceptedError);
    expect(error!.field).to.equal('placementRulesAccepted');
  });

  it('requires payee and bank account only when the app takes payments', () => {
    expect(errorsOf(validInput({ takesPayments: false }))).to.deep.equal([]);
    expect(errorsOf(validInput({ takesPayments: true })).map((e) => e.field)).to.deep.equal(['payee', 'bankAccount']);
    const partial = validInput({ takesPayments: true, payee: { legalName: 'LLC Pizza', taxId: '' }, bankAccount: { accountNumber: ' ', bankId: '044525225' } });
    expect(errorsOf(partial).map((e) => e.field)).to.deep.equal(['payee.taxId', 'bankAccount.accountNumber']);
    const full = validInput({ takesPayments: true, payee: { legalName: 'LLC Pizza', taxId: '7701234567' }, bankAccount: { accountNumber: '40702810900000000001', bankId: '044525225' } });
    expect(errorsOf(full)).to.deep.equal([]);
  });

  it('reports every error at once, each naming its field', () => {
    const errors = errorsOf({
      licence: '',
      name: 'Pi!',
      description: '',
      category: 'Pizza',
      offer: null,
      takesPayments: true,
      payee: null,
      bankAccount: null,
      placementRulesAccepted: false,
    });
    expect(errors.map((e) => [e.field, e.code])).to.deep.equal([
      ['licence', 'ERR_FIELD_REQUIRED'],
      ['name', 'ERR_FIELD_TOO_SHORT'],
      ['name', 'ERR_FIELD_INVALID_CHARACTERS'],
      ['description', 'ERR_FIELD_REQUIRED'],
      ['category', 'ERR_UNKNOWN_CATEGORY'],
      ['offer', 'ERR_FIELD_REQUIRED'],
      ['payee', 'ERR_FIELD_REQUIRED'],
      ['bankAccount', 'ERR_FIELD_REQUIRED'],
      ['placementRulesAccepted', 'ERR_PLACEMENT_RULES_NOT_ACCEPTED'],
    ]);
    expect(errors[0]).to.be.instanceOf(RequiredFieldError);
  });

  it('throws ValidationFailedError carrying all errors from the asserting variant', () => {
    expect(() => assertValidRegistration(validInput({ name: '', description: '' }), context))
      .to.throw(ValidationFailedError)
      .with.property('errors')
      .that.has.length(2);
  });
});
