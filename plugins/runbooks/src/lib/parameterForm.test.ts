import { fieldProblem, formUiSchema } from './parameterForm';

const schema = {
  type: 'object',
  properties: {
    password: { type: 'string', format: 'password' },
    ticket: {
      type: 'object',
      properties: {
        id: { type: 'string', title: 'Ticket id' },
        key: { type: 'string', writeOnly: true },
      },
    },
    tokens: { type: 'array', items: { type: 'string', format: 'password' } },
    auth: {
      oneOf: [
        {
          type: 'object',
          properties: { pin: { type: 'string', format: 'password' } },
        },
        { type: 'object', properties: { user: { type: 'string' } } },
      ],
    },
    reason: { type: 'string' },
  },
};

describe('formUiSchema', () => {
  it('shows every secret as a password field and keeps the action uiSchema', () => {
    expect(
      formUiSchema(schema, {
        reason: { 'ui:widget': 'textarea' },
        password: { 'ui:help': 'from the vault' },
      }),
    ).toEqual({
      'ui:submitButtonOptions': { norender: true },
      password: { 'ui:widget': 'password', 'ui:help': 'from the vault' },
      ticket: { key: { 'ui:widget': 'password' } },
      tokens: { items: { 'ui:widget': 'password' } },
      auth: { pin: { 'ui:widget': 'password' } },
      reason: { 'ui:widget': 'textarea' },
    });
  });
});

describe('fieldProblem', () => {
  it('names the field by its title, else its name', () => {
    expect(
      fieldProblem(schema, {
        name: 'required',
        property: '.ticket.id',
        params: { missingProperty: 'id' },
        stack: '',
      }),
    ).toEqual({ code: 'required', field: 'Ticket id' });
    expect(
      fieldProblem(schema, {
        name: 'format',
        property: '.tokens.0',
        params: { format: 'uri' },
        stack: '',
      }),
    ).toEqual({ code: 'format', field: '0', limit: 'uri' });
    expect(
      fieldProblem(schema, { name: 'const', property: '.reason', stack: '' }),
    ).toBeUndefined();
  });
});
