import type Form from '@rjsf/core';
import MuiForm from '@rjsf/mui';
import {
  englishStringTranslator,
  RJSFSchema,
  RJSFValidationError,
  TranslatableString,
} from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  OpsJsonObject,
  PARAMETER_FORMATS,
  RunbookAction,
} from '@unyo/plugin-ops-common';
import { forwardRef, useMemo } from 'react';
import { fieldProblem, formUiSchema } from '../../../lib/parameterForm';
import { runbooksFormTranslationRef } from '../../../formTranslation';
import { runbooksTranslationRef } from '../../../translation';

// The formats the ops backend checks, with the same definitions
// (PARAMETER_FORMATS), so the form refuses what the backend would.
const validator = customizeValidator({ customFormats: PARAMETER_FORMATS });

// The form's own words that runbook forms show; the rest stay the library's
// English.
const FORM_STRINGS = {
  [TranslatableString.AddItemButton]: 'button.addItem',
  [TranslatableString.RemoveButton]: 'button.remove',
  [TranslatableString.MoveUpButton]: 'button.moveUp',
  [TranslatableString.MoveDownButton]: 'button.moveDown',
  [TranslatableString.CopyButton]: 'button.copy',
  [TranslatableString.YesLabel]: 'label.yes',
  [TranslatableString.NoLabel]: 'label.no',
} as const;

/**
 * The action's parameters as a react-jsonschema-form (MUI theme): the whole
 * JSON schema and the action's uiSchema. The dialog submits it through the
 * ref (`validateForm()`), so it renders no button of its own.
 */
export const ParametersForm = forwardRef<
  Form,
  {
    action: RunbookAction;
    formData: OpsJsonObject | undefined;
    /** After a first Run: errors shown as the values change. */
    liveValidate: boolean;
    onChange: (formData: OpsJsonObject | undefined) => void;
    onSubmit: () => void;
  }
>(function RjsfParametersForm(props, ref) {
  const { action, formData, liveValidate, onChange, onSubmit } = props;
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { t: tForm } = useTranslationRef(runbooksFormTranslationRef);
  const schema = action.parameters as RJSFSchema;
  const uiSchema = useMemo(
    () => formUiSchema(action.parameters, action.uiSchema),
    [action.parameters, action.uiSchema],
  );
  const transformErrors = (errors: RJSFValidationError[]) =>
    errors.map(error => {
      const problem = fieldProblem(schema, error);
      if (!problem) return error;
      const options = { field: problem.field, limit: problem.limit ?? '' };
      const message =
        problem.code === 'format' ||
        problem.code === 'oneOf' ||
        problem.code === 'minItems'
          ? tForm(`field.${problem.code}`, options)
          : t(`execution.field.${problem.code}`, options);
      return { ...error, message, stack: message };
    });
  const translateString = (text: TranslatableString, params?: string[]) => {
    const key = FORM_STRINGS[text as keyof typeof FORM_STRINGS];
    return key ? tForm(key) : englishStringTranslator(text, params);
  };
  return (
    <MuiForm
      ref={ref}
      schema={schema}
      uiSchema={uiSchema}
      validator={validator}
      formData={formData}
      onChange={e => onChange(e.formData)}
      // Enter in a field: the same path as the Run button.
      onSubmit={() => onSubmit()}
      transformErrors={transformErrors}
      translateString={translateString}
      // The errors are shown at their fields; without onError rjsf logs them.
      onError={() => {}}
      liveValidate={liveValidate}
      showErrorList={false}
      noHtml5Validate
      // Field ids unique per action, should two runners ever share a page.
      idPrefix={`parameters-${action.id}`}
    />
  );
});
