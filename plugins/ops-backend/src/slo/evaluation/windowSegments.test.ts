import { splitWindow } from './windowSegments';

const d = (s: string) => new Date(s);

describe('splitWindow', () => {
  it('splits a rolling 30-day window into head, stored days and tail', () => {
    const s = splitWindow(d('2026-10-24T10:30:00Z'), d('2026-11-23T10:30:00Z'));
    expect(s.head).toEqual({
      start: d('2026-10-24T10:30:00Z'),
      end: d('2026-10-25T00:00:00Z'),
    });
    expect(s.days[0]).toBe('2026-10-25');
    expect(s.days[s.days.length - 1]).toBe('2026-11-22');
    expect(s.days).toHaveLength(29);
    expect(s.tail).toEqual({
      start: d('2026-11-23T00:00:00Z'),
      end: d('2026-11-23T10:30:00Z'),
    });
  });

  it('keeps yesterday live until it has settled', () => {
    const s = splitWindow(d('2026-11-01T00:00:00Z'), d('2026-11-23T00:02:00Z'));
    expect(s.head).toBeUndefined();
    expect(s.days[s.days.length - 1]).toBe('2026-11-21');
    expect(s.tail).toEqual({
      start: d('2026-11-22T00:00:00Z'),
      end: d('2026-11-23T00:02:00Z'),
    });
  });

  it('measures a window within one day live', () => {
    expect(
      splitWindow(d('2026-11-23T01:00:00Z'), d('2026-11-23T07:00:00Z')),
    ).toEqual({
      days: [],
      head: {
        start: d('2026-11-23T01:00:00Z'),
        end: d('2026-11-23T07:00:00Z'),
      },
    });
  });

  it('covers the window exactly: segments add up to its length', () => {
    const start = d('2026-10-01T13:17:00Z');
    const end = d('2026-11-23T08:44:00Z');
    const s = splitWindow(start, end);
    const ms = (r?: { start: Date; end: Date }) =>
      r ? r.end.getTime() - r.start.getTime() : 0;
    expect(ms(s.head) + s.days.length * 86_400_000 + ms(s.tail)).toBe(
      end.getTime() - start.getTime(),
    );
  });
});
