/**
 * One problem with a document: `path` names the field in the form a person
 * reads (`spec.objectives[0].target`), `message` is a full sentence that
 * starts with that path.
 *
 * @public
 */
export type OpsValidationError = {
  path: string;
  message: string;
};

/** @public */
export type OpsValidationResult =
  | { valid: true }
  | { valid: false; errors: OpsValidationError[] };
