/**
 * Errors in the BRP API's own problem format (Haal Centraal, not ZGW): `type` an RFC 7231
 * section, `code` such as paramsValidation, `instance` the request path, and for 400 the
 * invalidParams with `code`, `name`, `reason`.
 */
export interface BrpInvalidParam {
  code: string;
  name: string;
  reason: string;
}

export class BrpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: BrpInvalidParam[],
  ) {
    super(title);
  }

  body(instance: string): Record<string, unknown> {
    return {
      type: TYPES[this.status] ?? 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.1',
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      instance,
      code: this.code,
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
    };
  }
}

const TYPES: Record<number, string> = {
  400: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1',
  401: 'https://datatracker.ietf.org/doc/html/rfc7235#section-3.1',
  403: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3',
  404: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4',
  406: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6',
  415: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.13',
  500: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.1',
  502: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.3',
  503: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.4',
};

export function paramsValidation(invalidParams: BrpInvalidParam[]): BrpProblem {
  const names = [...new Set(invalidParams.map((p) => p.name))].join(', ');
  return new BrpProblem(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', `De foutieve parameter(s) zijn: ${names}.`, invalidParams);
}

export const forbidden = (detail: string) => new BrpProblem(403, 'authorization', 'U bent niet geautoriseerd voor deze operatie.', detail);
/** A field outside the application's authorisation (the standard's code and title). */
export const unauthorizedField = (detail: string) => new BrpProblem(403, 'unauthorizedField', 'U bent niet geautoriseerd voor één of meerdere opgegeven field waarden.', detail);
export const unauthenticated = (detail: string) => new BrpProblem(401, 'authentication', 'Niet correct geauthenticeerd.', detail);
