import { readPointer, scalarText } from './jsonPointer';

describe('readPointer', () => {
  const doc = {
    execution: { id: 42, 'a/b': 'x', '~t': 'y' },
    list: ['p', 'q'],
  };

  it('reads values by RFC 6901 pointers', () => {
    expect(readPointer(doc, '/execution/id')).toBe(42);
    expect(readPointer(doc, '/execution/a~1b')).toBe('x');
    expect(readPointer(doc, '/execution/~0t')).toBe('y');
    expect(readPointer(doc, '/list/1')).toBe('q');
    expect(readPointer(doc, '')).toBe(doc);
  });

  it('answers undefined where there is nothing', () => {
    expect(readPointer(doc, '/execution/missing')).toBeUndefined();
    expect(readPointer(doc, '/list/01')).toBeUndefined();
    expect(readPointer(doc, '/list/x')).toBeUndefined();
    expect(readPointer(doc, '/execution/id/deeper')).toBeUndefined();
    expect(readPointer(doc, 'execution')).toBeUndefined();
    expect(readPointer(doc, '/toString')).toBeUndefined();
  });

  it('turns scalars into text, not objects', () => {
    expect(scalarText(42)).toBe('42');
    expect(scalarText(true)).toBe('true');
    expect(scalarText({ a: 1 })).toBeUndefined();
    expect(scalarText(null)).toBeUndefined();
  });
});
