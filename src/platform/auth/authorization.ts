/**
 * What a client may do, in the Autorisaties API's model: per component a set of scopes,
 * restricted for zaken/documenten/besluiten to one zaaktype / informatieobjecttype /
 * besluittype and, for zaken and documenten, a maximum vertrouwelijkheidaanduiding.
 * `heeftAlleAutorisaties` grants everything.
 */
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../http/schema.ts';

export type ComponentCode = 'ac' | 'nrc' | 'zrc' | 'ztc' | 'drc' | 'brc';

export interface Autorisatie {
  component: ComponentCode;
  scopes: string[];
  zaaktype?: string;
  informatieobjecttype?: string;
  besluittype?: string;
  maxVertrouwelijkheidaanduiding?: Vertrouwelijkheidaanduiding;
}

export interface Rights {
  heeftAlleAutorisaties: boolean;
  autorisaties: Autorisatie[];
}

/**
 * One grant usable as an SQL filter: rows of `type` up to `maxVertrouwelijkheidaanduiding`.
 * `type` is the zaaktype/informatieobjecttype/besluittype URL.
 */
export interface Grant {
  type: string | undefined;
  maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | undefined;
}

export const NO_RIGHTS: Rights = { heeftAlleAutorisaties: false, autorisaties: [] };

export function vertrouwelijkheidRank(value: Vertrouwelijkheidaanduiding): number {
  return VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(value);
}

export class Authorization {
  readonly clientId: string;
  readonly userId: string;
  readonly userRepresentation: string;
  readonly rights: Rights;

  constructor(init: { clientId: string; userId?: string; userRepresentation?: string; rights: Rights }) {
    this.clientId = init.clientId;
    this.userId = init.userId ?? '';
    this.userRepresentation = init.userRepresentation ?? '';
    this.rights = init.rights;
  }

  /** Whether any autorisatie on `component` carries `scope` (regardless of its type restriction). */
  hasScope(component: ComponentCode, scope: string): boolean {
    if (this.rights.heeftAlleAutorisaties) return true;
    return this.rights.autorisaties.some((a) => a.component === component && a.scopes.includes(scope));
  }

  /**
   * The grants for `scope` on `component`, for filtering a list in SQL; `'all'` when the
   * client is not restricted. An empty list means: nothing.
   */
  grants(component: ComponentCode, scope: string): 'all' | Grant[] {
    if (this.rights.heeftAlleAutorisaties) return 'all';
    return this.rights.autorisaties
      .filter((a) => a.component === component && a.scopes.includes(scope))
      .map((a) => ({
        type: a.zaaktype ?? a.informatieobjecttype ?? a.besluittype,
        maxVertrouwelijkheidaanduiding: a.maxVertrouwelijkheidaanduiding,
      }));
  }

  /** Whether `scope` is granted for one object of `type` with the given vertrouwelijkheid. */
  allows(component: ComponentCode, scope: string, object: { type?: string; vertrouwelijkheidaanduiding?: Vertrouwelijkheidaanduiding }): boolean {
    const grants = this.grants(component, scope);
    if (grants === 'all') return true;
    return grants.some(
      (g) =>
        (g.type === undefined || g.type === object.type) &&
        (g.maxVertrouwelijkheidaanduiding === undefined ||
          object.vertrouwelijkheidaanduiding === undefined ||
          vertrouwelijkheidRank(object.vertrouwelijkheidaanduiding) <= vertrouwelijkheidRank(g.maxVertrouwelijkheidaanduiding)),
    );
  }
}
