// Turns a failed submit into what a form shows: a message next to the field the
// server named (error.field), or one message for the whole form.
import { ApiError } from '../api';

export interface FormProblem {
  field?: string;
  message: string;
}

export function problemFrom(error: unknown): FormProblem {
  if (error instanceof ApiError) return error.field ? { field: error.field, message: error.message } : { message: error.message };
  console.error(error);
  return { message: 'Something unexpected went wrong. Please try again.' };
}

/** The message to show next to `field`, if the problem is about it. */
export function errorFor(problem: FormProblem | null, field: string): string | undefined {
  return problem?.field === field ? problem.message : undefined;
}

/** The message for the whole form: any problem not about one of the form's own fields. */
export function formError(problem: FormProblem | null, fields: readonly string[]): string | undefined {
  if (!problem) return undefined;
  return problem.field && fields.includes(problem.field) ? undefined : problem.message;
}
