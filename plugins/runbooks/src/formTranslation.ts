import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The messages of the action runner's parameters form (react-jsonschema-form)
 * beyond {@link runbooksTranslationRef}'s `execution.field.*`: a ref of its
 * own, so that they load with the form and not with the entity page.
 * Japanese (`./translations/form.ja`) loads on demand.
 *
 * @public
 */
export const runbooksFormTranslationRef = createTranslationRef({
  id: 'plugin.runbooks.form',
  messages: {
    field: {
      format: '{{field}} must be a valid {{limit}}.',
      oneOf: '{{field}} must match exactly one of its options.',
      minItems: '{{field}} needs at least {{limit}} items.',
    },
    button: {
      addItem: 'Add Item',
      remove: 'Remove',
      moveUp: 'Move up',
      moveDown: 'Move down',
      copy: 'Copy',
    },
    label: { yes: 'Yes', no: 'No' },
  },
  translations: {
    ja: () => import('./translations/form.ja'),
  },
});
