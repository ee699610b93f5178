import { isDatabaseUnavailable } from './databaseUnavailable';

const withCode = (code: string, message = 'x') =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    ],
    [
      'a server shutting down',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    [
      'a server starting up',
      withCode('57P03', 'the database system is starting up'),
    ],
    ['a connection exception (class 08)', withCode('08006')],
    [
      'a connection the server closed',
      new Error('Connection terminated unexpectedly'),
    ],
    [
      'a pool that found no connection',
      new Error(
        'Knex: Timeout acquiring a connection. The pool is probably full.',
      ),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a failing statement',
      withCode('42P01', 'relation "ops_slo_status" does not exist'),
    ],
    ['a NUL in text', withCode('22021')],
    [
      'a fetch to another server that is down',
      new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }),
    ],
    [
      'a plain bug',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    ],
    ['no error at all', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
