/**
 * The benchmark municipality's catalogi, made through the Catalogi API of an Open Grond built
 * in this process, as a beheerder would: 3 catalogi, per catalogus one informatieobjecttype,
 * and 200 zaaktypen in all, each with 3 statustypen, 2 roltypen, 2 resultaattypen (afgehandeld,
 * a Selectielijst klasse) and its informatieobjecttype, published. Going through the API (not
 * SQL) keeps the catalogue exactly as the Catalogi code stores it; it is ~2,000 requests.
 */
import { SignJWT } from 'jose';
import { buildOpenGrond } from '../../src/server.ts';
import { loadReferentielijsten } from '../../src/components/referentielijsten/store.ts';
import type { Vertrouwelijkheidaanduiding } from '../../src/platform/http/schema.ts';

export const BENCH_ADMIN = { clientId: 'bench-admin', secret: 'bench-admin-secret-0123456789abcdef' };
export const BRONORGANISATIE = '002220647';
const CATALOGI = ['BNCHA', 'BNCHB', 'BNCHC'];

export interface BenchZaaktype {
  /** Its path, as the Zaken API stores it. */
  path: string;
  identificatie: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  /** Paths of Ontvangen, In behandeling, Afgehandeld (the eindstatus). */
  statustypen: [string, string, string];
  roltypen: { path: string; omschrijving: string; omschrijvingGeneriek: string }[];
  resultaattypen: { path: string; archiefnominatie: string | null; archiefactietermijn: string | null; brondatumArchiefprocedure: { afleidingswijze: string } | null }[];
  informatieobjecttype: { path: string; vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding };
}

/** The vertrouwelijkheid a zaaktype gives its zaken by default: mostly open or internal. */
function zaaktypeVertrouwelijkheid(index: number): Vertrouwelijkheidaanduiding {
  const spread: Vertrouwelijkheidaanduiding[] = ['openbaar', 'openbaar', 'openbaar', 'beperkt_openbaar', 'beperkt_openbaar', 'intern', 'intern', 'zaakvertrouwelijk', 'zaakvertrouwelijk', 'vertrouwelijk'];
  return spread[(index * 7) % spread.length]!;
}

export async function createCatalogi(databaseUrl: string, zaaktypen: number): Promise<BenchZaaktype[]> {
  const og = await buildOpenGrond({ database: { kind: 'postgres', url: databaseUrl }, clients: [{ ...BENCH_ADMIN, label: 'Benchmark admin', heeftAlleAutorisaties: true }], notificaties: { delivery: false } });
  try {
    const base = await og.app.listen({ port: 0, host: '127.0.0.1' });
    const token = await new SignJWT({ client_id: BENCH_ADMIN.clientId, user_id: 'bench', user_representation: 'Benchmark' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(BENCH_ADMIN.clientId)
      .setIssuedAt()
      .sign(new TextEncoder().encode(BENCH_ADMIN.secret));
    const post = async (path: string, body?: unknown): Promise<Record<string, any>> => {
      const response = await fetch(path.startsWith('http') ? path : `${base}/catalogi/api/v1${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${text}`);
      return JSON.parse(text);
    };
    const pathOf = (url: string) => new URL(url).pathname;

    const store = loadReferentielijsten();
    const ref = `${base}/referentielijsten/api/v1`;
    const vernietigen = store.resultaten.find((r) => r.procestermijn === 'nihil' && r.waardering === 'vernietigen' && r.bewaartermijn === 'P10Y')!;
    const bewaren = store.resultaten.find((r) => r.procesType === vernietigen.procesType && r.waardering === 'blijvend_bewaren') ?? vernietigen;
    const omschrijving = store.resultaattypeomschrijvingen[0]!;

    const result: BenchZaaktype[] = [];
    for (const [c, domein] of CATALOGI.entries()) {
      const catalogus = await post('/catalogussen', { domein, rsin: BRONORGANISATIE, contactpersoonBeheerNaam: 'Benchmark' });
      const iotVertrouwelijkheid: Vertrouwelijkheidaanduiding = c === 2 ? 'zaakvertrouwelijk' : 'intern';
      const iot = await post('/informatieobjecttypen', {
        catalogus: catalogus.url, omschrijving: `Document ${domein}`, vertrouwelijkheidaanduiding: iotVertrouwelijkheid, beginGeldigheid: '2015-01-01',
        informatieobjectcategorie: 'document', besluittypen: [], zaaktypen: [],
      });
      await post(`${iot.url}/publish`);
      // The zaaktypen are dealt over the catalogi: 0, 3, 6, … in the first.
      for (let i = c; i < zaaktypen; i += CATALOGI.length) {
        const identificatie = `ZT-${String(i + 1).padStart(3, '0')}`;
        const vertrouwelijkheidaanduiding = zaaktypeVertrouwelijkheid(i);
        const zaaktype = await post('/zaaktypen', {
          identificatie, omschrijving: `Zaaktype ${i + 1}`, vertrouwelijkheidaanduiding, doel: 'dienstverlening', aanleiding: 'aanvraag',
          indicatieInternOfExtern: 'extern', handelingInitiator: 'aanvragen', onderwerp: `Onderwerp ${i + 1}`, handelingBehandelaar: 'behandelen',
          doorlooptijd: 'P8W', opschortingEnAanhoudingMogelijk: false, verlengingMogelijk: false, publicatieIndicatie: false, productenOfDiensten: [],
          selectielijstProcestype: `${ref}/procestypen/${vernietigen.procesType}`, referentieproces: { naam: 'proces' }, catalogus: catalogus.url,
          besluittypen: [], gerelateerdeZaaktypen: [], deelzaaktypen: [], beginGeldigheid: '2015-01-01', versiedatum: '2015-01-01',
        });
        const statustypen = [];
        for (const [v, naam] of ['Ontvangen', 'In behandeling', 'Afgehandeld'].entries()) {
          statustypen.push(pathOf((await post('/statustypen', { omschrijving: naam, zaaktype: zaaktype.url, volgnummer: v + 1 })).url));
        }
        const roltypen = [];
        for (const [naam, generiek] of [['Aanvrager', 'initiator'], ['Behandelaar', 'behandelaar']] as const) {
          roltypen.push({ path: pathOf((await post('/roltypen', { zaaktype: zaaktype.url, omschrijving: naam, omschrijvingGeneriek: generiek })).url), omschrijving: naam, omschrijvingGeneriek: generiek });
        }
        const resultaattypen = [];
        for (const [naam, klasse] of [['Toegekend', vernietigen], ['Geweigerd', bewaren]] as const) {
          const rt = await post('/resultaattypen', {
            zaaktype: zaaktype.url, omschrijving: naam, resultaattypeomschrijving: `${ref}/resultaattypeomschrijvingen/${omschrijving.uuid}`,
            selectielijstklasse: `${ref}/resultaten/${klasse.uuid}`,
            brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', procestermijn: null, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '' },
          });
          resultaattypen.push({ path: pathOf(rt.url), archiefnominatie: rt.archiefnominatie ?? null, archiefactietermijn: rt.archiefactietermijn ?? null, brondatumArchiefprocedure: rt.brondatumArchiefprocedure ?? null });
        }
        await post('/zaaktype-informatieobjecttypen', { zaaktype: zaaktype.url, informatieobjecttype: iot.omschrijving, volgnummer: 1, richting: 'inkomend' });
        await post(`${zaaktype.url}/publish`);
        result.push({
          path: pathOf(zaaktype.url), identificatie, vertrouwelijkheidaanduiding,
          statustypen: statustypen as [string, string, string], roltypen, resultaattypen,
          informatieobjecttype: { path: pathOf(iot.url), vertrouwelijkheidaanduiding: iotVertrouwelijkheid },
        });
      }
    }
    return result.sort((a, b) => a.identificatie.localeCompare(b.identificatie));
  } finally {
    await og.close();
  }
}
