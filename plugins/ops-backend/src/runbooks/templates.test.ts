import {
  interpolateBody,
  interpolateHeader,
  interpolateQuery,
} from './templates';

describe('runbook action templates', () => {
  const parameters = { reason: 'a/b "c"', nodes: 3, dry: false };

  it('inserts JSON values as values, and as text inside longer strings', () => {
    expect(
      interpolateBody(
        {
          nodes: '${parameters.nodes}',
          dry: '${parameters.dry}',
          argString: '-reason ${parameters.reason} -nodes ${parameters.nodes}',
          list: ['${parameters.reason}'],
          '${parameters.nodes}': 'keys stay',
        },
        parameters,
      ),
    ).toEqual({
      nodes: 3,
      dry: false,
      argString: '-reason a/b "c" -nodes 3',
      list: ['a/b "c"'],
      '${parameters.nodes}': 'keys stay',
    });
  });

  it('names a parameter a template uses but that was not given', () => {
    expect(() => interpolateBody('${parameters.missing}', {})).toThrow(
      'parameters.missing is required: request.body uses ${parameters.missing}',
    );
  });

  it('refuses header values that would split the header', () => {
    expect(() =>
      interpolateHeader('X-Reason', '${parameters.r}', {
        r: 'a\r\nHost: evil',
      }),
    ).toThrow('request.headers.X-Reason must not contain line breaks');
  });

  it('escapes selector labels and string parameters in queries', () => {
    const selector = [
      { name: 'service', op: '=' as const, value: 'we"ird\\' },
      { name: 'env', op: '=~' as const, value: 'prod|stg' },
    ];
    expect(
      interpolateQuery(
        'up{${selector}} or up{service="${labels.service}",x="${parameters.reason}"} > ${parameters.nodes}',
        parameters,
        selector,
      ),
    ).toBe(
      'up{service="we\\"ird\\\\",env=~"prod|stg"} or up{service="we\\"ird\\\\",x="a/b \\"c\\""} > 3',
    );
    expect(() =>
      interpolateQuery('up{x="${labels.env}"}', {}, selector),
    ).toThrow(
      'query uses ${labels.env}, but the entity\'s alert selector has no env="..." matcher',
    );
  });
});
