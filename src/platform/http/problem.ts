/**
 * ZGW-style problem details (RFC 7807 as the ZGW standards profile it): every error answer
 * carries `type`, `code`, `title`, `status`, `detail`, `instance`, and for validation errors
 * `invalidParams` listing each field with a machine-readable code.
 */
import { randomUUID } from 'node:crypto';

export interface InvalidParam {
  /** The field, dotted for nested ones (`autorisaties.0.zaaktype`), or `nonFieldErrors`. */
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type: string;
  code: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  invalidParams?: InvalidParam[];
}

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly invalidParams?: InvalidParam[];
  readonly headers: Record<string, string>;

  constructor(init: { status: number; code: string; title: string; detail?: string; invalidParams?: InvalidParam[]; headers?: Record<string, string> }) {
    super(init.detail ?? init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? init.title;
    this.invalidParams = init.invalidParams;
    this.headers = init.headers ?? {};
  }

  toProblem(): Problem {
    const problem: Problem = {
      type: `urn:opengrond:fouten:${TYPE_BY_STATUS[this.status] ?? 'Error'}`,
      code: this.code,
      title: this.title,
      status: this.status,
      detail: this.detail,
      instance: `urn:uuid:${randomUUID()}`,
    };
    if (this.invalidParams) problem.invalidParams = this.invalidParams;
    return problem;
  }
}

/** Names follow the exception classes ZGW implementations expose in their `type` URIs. */
const TYPE_BY_STATUS: Record<number, string> = {
  400: 'ValidationError',
  401: 'NotAuthenticated',
  403: 'PermissionDenied',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'Throttled',
  500: 'APIException',
  503: 'ServiceUnavailable',
};

/** 400 with field errors: the answer to every rule a request breaks. */
export function validationError(invalidParams: InvalidParam[], detail = 'De gegevens zijn niet geldig.'): ProblemError {
  return new ProblemError({ status: 400, code: 'invalid', title: 'Invalid input.', detail, invalidParams });
}

/** 400 for one field; `name` `nonFieldErrors` for a rule over several fields. */
export function invalidParam(name: string, code: string, reason: string): ProblemError {
  return validationError([{ name, code, reason }]);
}

export const notFound = (detail = 'Niet gevonden.') => new ProblemError({ status: 404, code: 'not_found', title: 'Niet gevonden.', detail });

export const notAuthenticated = (detail = 'Authenticatiegegevens zijn niet opgegeven.') =>
  new ProblemError({ status: 401, code: 'not_authenticated', title: 'Authenticatiegegevens zijn niet opgegeven.', detail });

export const authenticationFailed = (detail: string) =>
  new ProblemError({ status: 401, code: 'authentication_failed', title: 'Ongeldige authenticatiegegevens.', detail });

export const permissionDenied = (detail = 'Je hebt geen toestemming om deze actie uit te voeren.') =>
  new ProblemError({ status: 403, code: 'permission_denied', title: 'Je hebt geen toestemming om deze actie uit te voeren.', detail });
