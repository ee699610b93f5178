import { readQuotedString } from './quotedString';

describe('readQuotedString', () => {
  it('reads the three quotes, Go escapes, and where the string ends', () => {
    expect(readQuotedString('a="x\\"y"', 2)).toEqual({ value: 'x"y', end: 8 });
    expect(readQuotedString("'\\x41\\u00e9\\101\\n'", 0)).toEqual({
      value: 'AéA\n',
      end: 18,
    });
    expect(readQuotedString('`a\\n`', 0)).toEqual({ value: 'a\\n', end: 5 });
  });

  it('says what is wrong and where', () => {
    expect(readQuotedString('x', 0)).toEqual({
      error: 'expected a quoted value',
      at: 0,
    });
    expect(readQuotedString('"abc', 0)).toEqual({
      error: 'unterminated string',
      at: 4,
    });
    expect(readQuotedString('"a\nb"', 0)).toEqual({
      error: 'unterminated string',
      at: 2,
    });
    expect(readQuotedString('"\\q"', 0)).toEqual({
      error: 'invalid escape sequence',
      at: 1,
    });
  });
});
