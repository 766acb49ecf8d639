// POST /api/inventory on the reference plant: a realistic asset register export matched by id, IP
// and name, new assets placed by IP and subnet, applied through a merge import; broken files
// refused with every row problem at its line (one at line 9,000), the graph unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportSite } from '../server/site/export-site.js';
import { useApp } from './helpers/app.js';
import { loadSite, snapshot } from './helpers/db.js';

const plant = () => parseYaml(readFileSync(new URL('../fixtures/reference-plant.yaml', import.meta.url), 'utf8'));
const ctx = useApp(plant);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url), 'utf8');
const mapping = () => parseYaml(fixture('reference-plant-mapping.yaml'));

async function post(csv: string, extra: object = {}) {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/inventory', payload: { csv, mapping: mapping(), ...extra } });
  return { status: res.statusCode, body: res.json() };
}

const NEW_ASSETS = [
  { line: 6, asset: { id: 'control-room-operator-station-4', name: 'Control-room operator station 4', type: 'hmi', zone: 'z-ctl', ip: '10.20.1.14', vendor: 'ABB', model: '800xA Operator Workplace (Dell OptiPlex XE4)', version: '6.1.1', manned: false } },
  { line: 7, asset: { id: 'gd-4001d', name: 'GD-4001D compressor house gas detector', type: 'sensor', zone: 'z-field', ip: '10.40.1.74', vendor: 'Det-Tronics', model: 'PointWatch Eclipse PIRECL', version: '3.2', manned: false } },
  { line: 8, asset: { id: 'portable-hart-communicator-ams-trex-instrument-workshop', name: 'Portable HART communicator (AMS Trex, instrument workshop)', type: 'ews', zone: 'z-ops', vendor: 'Emerson', model: 'AMS Trex', version: '4.3', manned: false } },
];
const UPDATES = [
  { line: 2, id: 'fw-sis-a', matchedBy: 'id', changes: [{ field: 'version', from: 'HiSecOS 04.6.00', to: 'HiSecOS 04.6.01' }] },
  { line: 3, id: 'fw-sis-b', matchedBy: 'ip', changes: [{ field: 'version', from: 'HiSecOS 04.6.00', to: 'HiSecOS 04.6.01' }] },
  { line: 5, id: 'hmi-03', matchedBy: 'name', changes: [{ field: 'version', from: '6.1.1', to: '6.1.2' }] },
];

describe('POST /api/inventory with the reference plant register', () => {
  it('dry run: matched by id, IP and name, new assets placed by IP and by subnet; nothing written', async () => {
    const before = await snapshot(ctx.db);
    const { status, body } = await post(fixture('reference-plant-inventory.csv'), { dryRun: true });
    expect(status).toBe(200);
    expect(body).toEqual({
      dryRun: true, applied: false, rows: 8, created: NEW_ASSETS, updated: UPDATES,
      unchanged: [{ line: 4, id: 'pt-1001a', matchedBy: 'ip' }, { line: 9, id: 'dcs-ctl-01', matchedBy: 'ip' }],
      problems: [], import: null, message: 'Dry run: 3 new, 3 updated, 2 unchanged; nothing written.',
    });
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('applies through one merge import: the new assets exist, the updated ones changed, the rest of the site kept', async () => {
    const { status, body } = await post(fixture('reference-plant-inventory.csv'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: true, message: 'Imported: 3 new, 3 updated, 2 unchanged.', import: { mode: 'merge' } });
    const site = await exportSite(ctx.db);
    const byId = new Map(site.assets.map((a) => [a.id, a]));
    for (const { asset } of NEW_ASSETS) expect(byId.get(asset.id)).toEqual(asset);
    expect(['fw-sis-a', 'fw-sis-b', 'hmi-03'].map((id) => byId.get(id)?.version)).toEqual(['HiSecOS 04.6.01', 'HiSecOS 04.6.01', '6.1.2']);
    expect(byId.get('hmi-03')).toMatchObject({ manned: true, zone: 'z-ctl', ip: '10.20.1.13' });
    expect(site.assets).toHaveLength(plant().assets.length + 3);
    expect(site.flows).toHaveLength(plant().flows.length);
    // Importing the same file again changes nothing.
    const again = await post(fixture('reference-plant-inventory.csv'));
    expect(again.body).toMatchObject({ applied: false, created: [], updated: [], message: 'Imported: 0 new, 0 updated, 8 unchanged.' });
    await loadSite(ctx.db, plant());
  });
});

describe('broken inventories', () => {
  it('every row problem at its line and column; the file is refused and the graph unchanged', async () => {
    const before = await snapshot(ctx.db);
    const { status, body } = await post(fixture('broken-inventory.csv'));
    expect(status).toBe(422);
    expect(body.message).toBe('The inventory was refused, nothing was written: 8 row problems.');
    expect(body.errors).toEqual([
      { path: 'line 2', message: "cannot place a new asset: no zone or subnet given, and IP 192.168.50.10 is in no zone's CIDR" },
      { path: 'line 3, column "IP Address"', message: '"10.20.1.300" is not an IPv4 address' },
      { path: 'line 4, column "Device Type"', message: '"Coffee Machine" is neither an asset type nor one of the mapping\'s types' },
      { path: 'line 6', message: 'the same asset ("hmi-01") as line 5' },
      { path: 'line 7', message: '9 fields where the header has 8' },
      { path: 'line 8, column "Subnet"', message: "subnet 10.99.1.0/24 is inside no zone's CIDR" },
      { path: 'line 9, column "IP Address"', message: 'IP 10.21.0.253 belongs to asset "fw-sis-b", not to "fw-sis-a"' },
      { path: 'line 10, column "Device Type"', message: 'a new asset needs a type: map a type column or set defaultType in the mapping' },
    ]);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('the dry run of a broken file lists the same problems with a 200 and writes nothing', async () => {
    const { status, body } = await post(fixture('broken-inventory.csv'), { dryRun: true });
    expect(status).toBe(200);
    expect(body.problems).toHaveLength(8);
    expect(body.message).toBe('Dry run: 0 new, 0 updated, 1 unchanged; 8 row problems, so the import would be refused.');
  });

  it('a bad row at line 9,000 of a generated register refuses the whole file', async () => {
    const before = await snapshot(ctx.db);
    const rows = ['Tag,Device Name,IP Address,Vendor,Model,Firmware,Device Type,Subnet'];
    for (let i = 2; i <= 9_100; i++) {
      rows.push(i === 9_000 ? ',Detector 09000,10.40.300.1,Det-Tronics,PointWatch Eclipse PIRECL,3.2,Gas Detector,' : `,Detector ${String(i).padStart(5, '0')},,Det-Tronics,PointWatch Eclipse PIRECL,3.2,Gas Detector,10.40.1.0/24`);
    }
    const { status, body } = await post(rows.join('\n'));
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ path: 'line 9000, column "IP Address"', message: '"10.40.300.1" is not an IPv4 address' }]);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('a mapping naming a column the header lacks is a problem at line 1; a mapping without id, ip or name is a 422', async () => {
    const { status, body } = await post(fixture('reference-plant-inventory.csv').replace('IP Address', 'Address'));
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ path: 'line 1, column "IP Address"', message: 'the mapping\'s column "IP Address" (for ip) is not in the header ("Tag", "Device Name", "Address", "Vendor", "Model", "Firmware", "Device Type", "Subnet")' }]);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/inventory', payload: { csv: 'a\n1', mapping: { columns: { vendor: 'a' } } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ path: 'body.mapping.columns', message: 'map at least one of id, ip or name: rows are matched to assets by them' }]);
  });
});
