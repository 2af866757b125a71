import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseGeometry } from '../../../src/platform/geo/geojson.ts';
import { ProblemError } from '../../../src/platform/http/problem.ts';

const square = [[4.9, 52.37], [4.91, 52.37], [4.91, 52.38], [4.9, 52.38], [4.9, 52.37]];

/** The one invalid param a rejected geometry gets. */
function rejection(value: unknown, name = 'zaakgeometrie') {
  try {
    parseGeometry(value, name);
  } catch (error) {
    assert.ok(error instanceof ProblemError);
    const problem = error.toProblem();
    assert.equal(problem.status, 400);
    assert.equal(problem.invalidParams?.length, 1);
    return problem.invalidParams[0]!;
  }
  assert.fail(`accepted ${JSON.stringify(value)}`);
}

function assertRejected(value: unknown, reason: RegExp, name = 'zaakgeometrie') {
  const param = rejection(value, name);
  assert.equal(param.name, name);
  assert.equal(param.code, 'invalid');
  assert.match(param.reason, reason);
}

describe('parseGeometry', () => {
  it('accepts every GeoJSON geometry type and keeps only type and coordinates', () => {
    const valid = [
      { type: 'Point', coordinates: [4.9, 52.37] },
      { type: 'MultiPoint', coordinates: [[4.9, 52.37], [-180, -90]] },
      { type: 'LineString', coordinates: [[4.9, 52.37], [4.9, 52.37], [4.91, 52.37]] },
      { type: 'MultiLineString', coordinates: [[[4.9, 52.37], [4.91, 52.37]], [[4.9, 52.38], [4.91, 52.38]]] },
      { type: 'Polygon', coordinates: [square, [[4.902, 52.372], [4.904, 52.372], [4.904, 52.374], [4.902, 52.372]]] },
      { type: 'MultiPolygon', coordinates: [[square], [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4.9, 52.37] }, { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [square] }] }] },
    ];
    for (const geometry of valid) assert.deepEqual(parseGeometry({ ...geometry, bbox: [0, 0, 1, 1] }, 'zaakgeometrie'), geometry);
  });

  it('accepts rings that touch each other in a point, and a hole against the exterior ring', () => {
    const holeTouchingShell = [[4.9, 52.375], [4.905, 52.374], [4.905, 52.376], [4.9, 52.375]];
    assert.doesNotThrow(() => parseGeometry({ type: 'Polygon', coordinates: [square, holeTouchingShell] }, 'zaakgeometrie'));
  });

  it('rejects what is not a geometry', () => {
    assertRejected('POINT(4.9 52.37)', /verwacht een object/);
    assertRejected({ type: 'Feature', geometry: { type: 'Point', coordinates: [4.9, 52.37] } }, /\(type\): `type` moet een van Point, .*GeometryCollection zijn/);
    assertRejected({ type: 'Circle', coordinates: [4.9, 52.37] }, /`type` moet een van/);
    assertRejected({ type: 'Point' }, /\(coordinates\): een positie is \[lengtegraad, breedtegraad\]/);
  });

  it('rejects positions that are not two numbers in WGS84 range', () => {
    assertRejected({ type: 'Point', coordinates: [4.9, 52.37, 3] }, /precies twee getallen/);
    assertRejected({ type: 'Point', coordinates: ['4.9', 52.37] }, /precies twee getallen/);
    assertRejected({ type: 'Point', coordinates: [155000, 463000] }, /lengtegraad 155000 ligt niet tussen -180 en 180/);
    assertRejected({ type: 'MultiPoint', coordinates: [[4.9, 52.37], [4.9, 91]] }, /\(coordinates\[1\]\): breedtegraad 91 ligt niet tussen -90 en 90/);
  });

  it('rejects empty geometries and lines without length', () => {
    assertRejected({ type: 'MultiPoint', coordinates: [] }, /ten minste één positie/);
    assertRejected({ type: 'GeometryCollection', geometries: [] }, /\(geometries\): een GeometryCollection bevat een niet-lege lijst/);
    assertRejected({ type: 'LineString', coordinates: [[4.9, 52.37]] }, /twee verschillende posities/);
    assertRejected({ type: 'MultiLineString', coordinates: [[[4.9, 52.37], [4.91, 52.37]], [[4.9, 52.37], [4.9, 52.37]]] }, /\(coordinates\[1\]\): een lijn heeft ten minste twee verschillende posities/);
    assertRejected({ type: 'Polygon', coordinates: [] }, /ten minste één ring/);
  });

  it('rejects rings that are open, too short or without area', () => {
    assertRejected({ type: 'Polygon', coordinates: [square.slice(0, 4)] }, /\(coordinates\[0\]\): een ring is gesloten/);
    assertRejected({ type: 'Polygon', coordinates: [[[4.9, 52.37], [4.91, 52.37], [4.9, 52.37]]] }, /ten minste vier posities/);
    assertRejected({ type: 'Polygon', coordinates: [[[4.9, 52.37], [4.91, 52.37], [4.91, 52.37], [4.9, 52.37]]] }, /omsluit geen oppervlak/);
  });

  it('rejects rings that cross or touch themselves, and spikes', () => {
    const bowTie = [[4.9, 52.37], [4.91, 52.38], [4.91, 52.37], [4.9, 52.38], [4.9, 52.37]];
    assertRejected({ type: 'Polygon', coordinates: [bowTie] }, /\(coordinates\[0\]\): de ring snijdt of raakt zichzelf/);
    const spike = [[4.9, 52.37], [4.91, 52.37], [4.92, 52.37], [4.91, 52.37], [4.91, 52.38], [4.9, 52.37]];
    assertRejected({ type: 'Polygon', coordinates: [spike] }, /snijdt of raakt zichzelf/);
    const touchingItself = [[4.9, 52.37], [4.92, 52.37], [4.91, 52.38], [4.91, 52.37], [4.905, 52.38], [4.9, 52.37]];
    assertRejected({ type: 'Polygon', coordinates: [touchingItself] }, /snijdt of raakt zichzelf/);
  });

  it('rejects holes that cross the exterior ring or lie outside it', () => {
    const crossing = [[4.905, 52.375], [4.92, 52.375], [4.92, 52.376], [4.905, 52.375]];
    assertRejected({ type: 'Polygon', coordinates: [square, crossing] }, /ring 0 en ring 1 snijden elkaar/);
    const sharingAnEdge = [[4.9, 52.37], [4.905, 52.375], [4.9, 52.375], [4.9, 52.37]];
    assertRejected({ type: 'Polygon', coordinates: [square, sharingAnEdge] }, /ring 0 en ring 1 snijden elkaar/);
    const outside = [[5, 53], [5.01, 53], [5.01, 53.01], [5, 53]];
    assertRejected({ type: 'MultiPolygon', coordinates: [[square, outside]] }, /\(coordinates\[0\]\[1\]\): een binnenring \(gat\) moet binnen de buitenring liggen/);
  });

  it('names the member of a collection and the field of the search', () => {
    const param = rejection({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4.9, 52.37] }, { type: 'LineString', coordinates: [[4.9, 52.37]] }] }, 'zaakgeometrie.within');
    assert.equal(param.name, 'zaakgeometrie.within');
    assert.match(param.reason, /^Ongeldige GeoJSON-geometrie \(geometries\[1\]\.coordinates\): een lijn heeft ten minste twee verschillende posities/);
  });
});
