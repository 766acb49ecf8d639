// Every validation rule of site-schema.ts and validate-site.ts, each provoked by a one-line change
// to the mini site and answered with the exact {path, message} list; then the same errors through
// POST /api/import, which must leave the graph exactly as it was.
import { describe, expect, it } from 'vitest';
import { validateSite, type ValidationError } from '../server/model/validate-site.js';
import { useApp } from './helpers/app.js';
import { snapshot } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';

// The document is mutated freely, including into shapes the types forbid.
// biome-ignore lint/suspicious/noExplicitAny: the document is mutated into shapes the types forbid
type Doc = Record<string, any>;

function errorsAfter(mutate: (doc: Doc) => void): ValidationError[] {
  const doc = miniSite() as Doc;
  mutate(doc);
  const result = validateSite(doc);
  return result.ok ? [] : result.errors;
}

const e = (path: string, message: string): ValidationError => ({ path, message });
const NOT_EXIST = (kind: string, id: string) => `${kind} "${id}" does not exist.`;

interface Case {
  name: string;
  mutate: (doc: Doc) => void;
  errors: ValidationError[];
}

const cases = (list: Case[]) => {
  for (const c of list) it(c.name, () => expect(errorsAfter(c.mutate)).toEqual(c.errors));
};

it('the mini site itself is valid', () => {
  expect(validateSite(miniSite()).ok).toBe(true);
});

describe('document shape (zod)', () => cases([
  {
    name: 'a number out of range names its path',
    mutate: (d) => { d.zones[0].slTarget = 5; },
    errors: [e('zones[0].slTarget', 'Too big: expected number to be <=4')],
  },
  {
    name: 'a missing required field',
    mutate: (d) => { delete d.assets[0].name; },
    errors: [e('assets[0].name', 'Invalid input: expected string, received undefined')],
  },
  {
    name: 'an unknown field (objects are strict, so typos are caught)',
    mutate: (d) => { d.zones[0].colour = 'red'; },
    errors: [e('zones[0]', 'Unrecognized key: "colour"')],
  },
  {
    name: 'an unknown top-level collection and a collection of the wrong type',
    mutate: (d) => { d.zone = []; d.evidence = {}; },
    errors: [e('evidence', 'Invalid input: expected array, received object'), e('(document)', 'Unrecognized key: "zone"')],
  },
  {
    name: 'a malformed id',
    mutate: (d) => { d.roles[1].id = 'bad id!'; },
    errors: [e('roles[1].id', 'must be 1–128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit')],
  },
  {
    name: 'an enum value (domain)',
    mutate: (d) => { d.zones[0].domain = 'XX'; },
    errors: [e('zones[0].domain', 'Invalid option: expected one of "IT"|"OT"')],
  },
  {
    name: 'an enum value (risk register) and an integer field given a fraction',
    mutate: (d) => { d.risks[0].register = 'BOTH'; d.risks[0].likelihood = 2.5; },
    errors: [
      e('risks[0].register', 'Invalid option: expected one of "IT"|"OT"|"JOINT"'),
      e('risks[0].likelihood', 'Invalid input: expected int, received number'),
    ],
  },
  {
    name: 'a Purdue level that does not exist',
    mutate: (d) => { d.zones[0].purdueLevel = 2.5; },
    errors: [e('zones[0].purdueLevel', 'must be a Purdue level: 0, 1, 2, 3, 3.5 (DMZ), 4 or 5')],
  },
  {
    name: 'a malformed CIDR',
    mutate: (d) => { d.zones[0].cidr = '10.3.0/24'; },
    errors: [e('zones[0].cidr', 'must be an IPv4 CIDR such as 10.30.0.0/24 with no host bits set')],
  },
  {
    name: 'a CIDR with host bits set',
    mutate: (d) => { d.zones[0].cidr = '10.3.0.1/24'; },
    errors: [e('zones[0].cidr', 'must be an IPv4 CIDR such as 10.30.0.0/24 with no host bits set')],
  },
  {
    name: 'a malformed IP address',
    mutate: (d) => { d.assets[0].ip = '10.3.0.256'; },
    errors: [e('assets[0].ip', 'must be an IPv4 address such as 10.30.1.10')],
  },
  {
    name: 'a malformed rule port range',
    mutate: (d) => { d.conduits[0].rules[0].ports = '80-20'; },
    errors: [e('conduits[0].rules[0].ports', 'must be a port 1–65535, a range "a-b" with a ≤ b, or "any"')],
  },
  {
    name: 'a rule endpoint string that is not an address',
    mutate: (d) => { d.conduits[0].rules[0].src = '10.0.0.300'; },
    errors: [e('conduits[0].rules[0].src', 'must be "any", an IPv4 address, a CIDR, { asset: <id> } or { zone: <id> }')],
  },
  {
    name: 'a rule endpoint CIDR with host bits set',
    mutate: (d) => { d.conduits[0].rules[0].src = '10.0.0.1/24'; },
    errors: [e('conduits[0].rules[0].src', 'must be "any", an IPv4 address or a CIDR')],
  },
  {
    name: 'a rule endpoint object of neither form',
    mutate: (d) => { d.conduits[0].rules[0].dst = { host: 'hist' }; },
    errors: [e('conduits[0].rules[0].dst', 'must be "any", an IPv4 address, a CIDR, { asset: <id> } or { zone: <id> }')],
  },
  {
    name: 'a flow port that is not a whole number',
    mutate: (d) => { d.flows[4].port = 1.5; },
    errors: [e('flows[4].port', 'must be a whole number')],
  },
  {
    name: 'a voting string that is not MooN',
    mutate: (d) => { d.sifs[0].groups[0].voting = 'two of three'; },
    errors: [e('sifs[0].groups[0].voting', 'must be MooN such as 1oo1, 1oo2 or 2oo3')],
  },
  {
    name: 'a SIF without element groups, and a SIL out of range',
    mutate: (d) => { d.sifs[1].groups = []; d.sifs[1].sil = 5; },
    errors: [e('sifs[1].sil', 'Too big: expected number to be <=4'), e('sifs[1].groups', 'a SIF needs at least one element group')],
  },
  {
    name: 'a conduit with one zone',
    mutate: (d) => { d.conduits[0].zones = ['z-ops']; },
    errors: [e('conduits[0].zones', 'Too small: expected array to have >=2 items')],
  },
]));

describe('addresses', () => cases([
  {
    name: 'an IP outside its zone\'s CIDR',
    mutate: (d) => { d.assets[0].ip = '10.9.0.20'; },
    errors: [e('assets[0].ip', 'IP 10.9.0.20 is outside its zone "z-ops" (10.3.0.0/24).')],
  },
  {
    name: 'a duplicate IP',
    mutate: (d) => { d.assets[1].ip = '10.3.0.20'; },
    errors: [e('assets[1].ip', 'IP 10.3.0.20 is already the address of asset "hist".')],
  },
  {
    name: 'an asset in an unknown zone',
    mutate: (d) => { d.assets[8].zone = 'z-ghost'; },
    errors: [e('assets[8].zone', NOT_EXIST('zone', 'z-ghost'))],
  },
]));

describe('ids', () => cases([
  {
    name: 'an id used by two kinds',
    mutate: (d) => { d.roles[1].id = 'z-ops'; },
    errors: [e('roles[1].id', 'id "z-ops" is already used by a zone; every id must be unique.')],
  },
  {
    name: 'a rule id that is an asset id',
    mutate: (d) => { d.conduits[0].rules[0].id = 'hist'; },
    errors: [e('conduits[0].rules[0].id', 'id "hist" is already used by an asset; every id must be unique.')],
  },
  {
    name: 'a rule id used on two conduits',
    mutate: (d) => { d.conduits[2].rules[0].id = 'r-esd'; },
    errors: [e('conduits[2].rules[0].id', 'id "r-esd" is already used by a firewall rule; every id must be unique.')],
  },
]));

describe('conduits and rules', () => cases([
  {
    name: 'a duplicate rule seq on one conduit',
    mutate: (d) => { d.conduits[0].rules[1].seq = 10; },
    errors: [e('conduits[0].rules[1].seq', 'seq 10 is already used by rule "r-ops-opc" on this conduit; first match wins, so order must be unambiguous.')],
  },
  {
    name: 'a rule naming an unknown asset and an unknown zone',
    mutate: (d) => { d.conduits[0].rules[0].src = { asset: 'ghost' }; d.conduits[0].rules[0].dst = { zone: 'z-ghost' }; },
    errors: [e('conduits[0].rules[0].src.asset', NOT_EXIST('asset', 'ghost')), e('conduits[0].rules[0].dst.zone', NOT_EXIST('zone', 'z-ghost'))],
  },
  {
    name: 'a rule naming an asset without an IP and a zone without a CIDR',
    mutate: (d) => { d.conduits[0].rules[0].src = { asset: 'pt1' }; d.conduits[0].rules[0].dst = { zone: 'z-field' }; },
    errors: [
      e('conduits[0].rules[0].src.asset', 'asset "pt1" has no IP address, so a rule cannot match it.'),
      e('conduits[0].rules[0].dst.zone', 'zone "z-field" has no cidr, so a rule cannot match it.'),
    ],
  },
  {
    name: 'an icmp rule with ports',
    mutate: (d) => { d.conduits[0].rules[0].protocol = 'icmp'; },
    errors: [e('conduits[0].rules[0].ports', 'an icmp rule has no ports; leave ports out or write "any".')],
  },
  {
    name: 'a conduit joining a zone to itself (and the flow through it no longer chains)',
    mutate: (d) => { d.conduits[2].zones = ['z-ctl', 'z-ctl']; },
    errors: [
      e('conduits[2].zones', 'a conduit must connect two different zones.'),
      e('flows[2].via[0]', 'conduit "c-ctl-sis-b" connects z-ctl and z-ctl, not zone "z-sis" where the flow is at this point.'),
    ],
  },
  {
    name: 'a conduit to an unknown zone',
    mutate: (d) => { d.conduits.push({ id: 'c-new', name: 'New', zones: ['z-ops', 'z-ghost'], slTarget: 2 }); },
    errors: [e('conduits[3].zones[1]', NOT_EXIST('zone', 'z-ghost'))],
  },
  {
    name: 'a conduit enforced by an asset that is not a firewall, and by an unknown asset',
    mutate: (d) => { d.conduits[0].firewalls = ['hist', 'fw-ghost']; },
    errors: [
      // Every reference is resolved first, then what a resolved one must also be.
      e('conduits[0].firewalls[1]', NOT_EXIST('asset', 'fw-ghost')),
      e('conduits[0].firewalls[0]', 'asset "hist" is a historian; a conduit is enforced by a firewall, data diode or router.'),
    ],
  },
]));

describe('flows', () => cases([
  {
    name: 'a via chain broken at index 2 (names the conduit and the zone the flow is in)',
    mutate: (d) => { d.flows[3].via = ['c-ops-ctl', 'c-ops-ctl', 'c-ctl-sis']; },
    errors: [e('flows[3].via[2]', 'conduit "c-ctl-sis" connects z-ctl and z-sis, not zone "z-ops" where the flow is at this point.')],
  },
  {
    name: 'a via chain broken at its first conduit',
    mutate: (d) => { d.flows[3].via = ['c-ctl-sis', 'c-ops-ctl']; },
    errors: [e('flows[3].via[0]', 'conduit "c-ctl-sis" connects z-ctl and z-sis, not zone "z-ops" where the flow is at this point.')],
  },
  {
    name: 'a via chain ending in the wrong zone',
    mutate: (d) => { d.flows[4].via = ['c-ops-ctl', 'c-ctl-sis']; },
    errors: [e('flows[4].via', 'the conduits end in zone "z-sis" but the destination "dcs" is in zone "z-ctl".')],
  },
  {
    name: 'a flow between zones that crosses no conduit',
    mutate: (d) => { d.flows[4].via = []; },
    errors: [e('flows[4].via', 'the flow goes from zone "z-ops" to zone "z-ctl" but crosses no conduit; list the conduits in crossing order.')],
  },
  {
    name: 'a flow via an unknown conduit',
    mutate: (d) => { d.flows[4].via = ['c-ghost']; },
    errors: [e('flows[4].via[0]', NOT_EXIST('conduit', 'c-ghost'))],
  },
  {
    name: 'a tcp flow without a port',
    mutate: (d) => { delete d.flows[4].port; },
    errors: [e('flows[4].port', 'a tcp flow needs a port.')],
  },
  {
    name: 'an icmp flow with a port',
    mutate: (d) => { d.flows[4].protocol = 'icmp'; },
    errors: [e('flows[4].port', 'an icmp flow has no port.')],
  },
  {
    name: 'a flow from an asset to itself',
    mutate: (d) => { d.flows[4].to = 'hist'; d.flows[4].via = []; },
    errors: [e('flows[4].to', 'a flow cannot go from an asset to itself.')],
  },
  {
    name: 'a flow from an unknown asset, routed through an unknown switch',
    mutate: (d) => { d.flows[4].from = 'ghost'; d.flows[0].routesThrough = ['sw-ghost']; },
    errors: [e('flows[0].routesThrough[0]', NOT_EXIST('asset', 'sw-ghost')), e('flows[4].from', NOT_EXIST('asset', 'ghost'))],
  },
  {
    name: 'a firewalled flow from an asset without an IP (the rule naming it fails too)',
    mutate: (d) => { delete d.assets[0].ip; },
    errors: [
      e('conduits[0].rules[0].src.asset', 'asset "hist" has no IP address, so a rule cannot match it.'),
      e('flows[4].from', 'asset "hist" has no IP address, so this flow cannot cross a firewalled conduit.'),
    ],
  },
]));

describe('SIFs', () => cases([
  {
    name: 'voting with M greater than N',
    mutate: (d) => { d.sifs[0].groups[1].voting = '2oo1'; },
    errors: [e('sifs[0].groups[1].voting', '2oo1: M must not exceed N.')],
  },
  {
    name: 'voting whose N differs from the group size',
    mutate: (d) => { d.sifs[0].groups[0].voting = '2oo4'; },
    errors: [e('sifs[0].groups[0].voting', '2oo4 needs 4 elements but the group has 3.')],
  },
  {
    name: 'a duplicate group id',
    mutate: (d) => { d.sifs[0].groups[2].id = 'sensors'; },
    errors: [e('sifs[0].groups[2].id', 'group "sensors" appears twice in this SIF.')],
  },
  {
    name: 'an element listed twice in a group',
    mutate: (d) => { d.sifs[0].groups[0].elements = ['pt1', 'pt1', 'pt3']; },
    errors: [e('sifs[0].groups[0].elements', 'an element is listed twice in this group.')],
  },
  {
    name: 'an unknown element and an unknown flow',
    mutate: (d) => { d.sifs[0].groups[0].elements[2] = 'pt-ghost'; d.sifs[0].dependsOn = ['f-ghost']; },
    errors: [e('sifs[0].groups[0].elements[2]', NOT_EXIST('asset', 'pt-ghost')), e('sifs[0].dependsOn[0]', NOT_EXIST('flow', 'f-ghost'))],
  },
]));

describe('procedures and roles', () => cases([
  {
    name: 'maxSeconds below nominalSeconds',
    mutate: (d) => { d.procedures[0].maxSeconds = 30; },
    errors: [e('procedures[0].maxSeconds', 'maxSeconds (30) is below nominalSeconds (40): the procedure could never complete in time.')],
  },
  {
    name: 'unknown asset, flow, role and SIF references',
    mutate: (d) => Object.assign(d.procedures[0], { uses: ['hmi', 'hmi-ghost'], dependsOn: ['f-ghost'], performedBy: ['role-ghost'], backsUp: ['sif-ghost'] }),
    errors: [
      e('procedures[0].uses[1]', NOT_EXIST('asset', 'hmi-ghost')),
      e('procedures[0].dependsOn[0]', NOT_EXIST('flow', 'f-ghost')),
      e('procedures[0].performedBy[0]', NOT_EXIST('role', 'role-ghost')),
      e('procedures[0].backsUp[0]', NOT_EXIST('SIF', 'sif-ghost')),
    ],
  },
  {
    name: 'a role accessing an unknown asset',
    mutate: (d) => { d.roles[0].accesses = ['ghost']; },
    errors: [e('roles[0].accesses[0]', NOT_EXIST('asset', 'ghost'))],
  },
]));

describe('governance', () => cases([
  {
    name: 'a requirement of an unknown framework',
    mutate: (d) => { d.requirements[0].framework = 'nist-csf'; },
    errors: [e('requirements[0].framework', NOT_EXIST('framework', 'nist-csf'))],
  },
  {
    name: 'a mapping of a requirement to itself, and one to an unknown requirement',
    mutate: (d) => {
      d.mappings = [
        { id: 'm-self', from: 'iso-a8-20', to: 'iso-a8-20', relationship: 'equal', strength: 10, rationale: 'same', basis: 'interlock-judgement' },
        { id: 'm-ghost', from: 'iso-a8-20', to: 'iec-sr-5-1', relationship: 'intersect', strength: 5, rationale: 'related', basis: 'interlock-judgement' },
      ];
    },
    errors: [e('mappings[0].to', 'a requirement cannot be mapped to itself.'), e('mappings[1].to', NOT_EXIST('requirement', 'iec-sr-5-1'))],
  },
  {
    name: 'a parent in another framework, and a control satisfying a requirement that only groups others',
    mutate: (d) => {
      d.frameworks.push({ ...d.frameworks[0], id: 'caf', name: 'CAF' });
      d.requirements.push({ id: 'caf-b', framework: 'caf', ref: 'B', title: 'Protecting', assessable: false });
      d.requirements[0].parent = 'caf-b';
      d.controls[0].satisfies = ['caf-b'];
    },
    errors: [
      e('requirements[0].parent', 'parent "caf-b" belongs to another framework.'),
      e('controls[0].satisfies[0]', 'requirement "caf-b" is not assessed (it groups others); satisfy the requirements under it.'),
    ],
  },
  {
    name: 'a profile target outside its framework, and an OT control assessed for IT',
    mutate: (d) => {
      d.profiles = [{ id: 'p-1', name: 'Baseline', framework: 'iso27001', description: 'Targets', basis: 'interlock-judgement', targets: { 'iso-a8-20': 'achieved', 'ctl-seg': 'achieved' } }];
      d.controls[0].domain = 'OT';
    },
    errors: [
      e('profiles[0].targets.ctl-seg', '"ctl-seg" is a control, not a requirement.'),
      e('controls[0].assessment.IT', 'an OT control cannot be assessed for IT.'),
    ],
  },
  {
    name: 'a control satisfying, applying to and mitigating unknown entities',
    mutate: (d) => Object.assign(d.controls[0], { satisfies: ['req-ghost'], appliesTo: ['c-ctl-sis', 'ghost'], mitigates: ['risk-ghost'] }),
    errors: [
      e('controls[0].satisfies[0]', NOT_EXIST('requirement', 'req-ghost')),
      e('controls[0].appliesTo[1]', NOT_EXIST('asset, zone or conduit', 'ghost')),
      e('controls[0].mitigates[0]', NOT_EXIST('risk', 'risk-ghost')),
    ],
  },
  {
    name: 'a reference to an entity of the wrong kind names what it is',
    mutate: (d) => {
      d.controls[0].appliesTo = ['f-esd'];
      d.assets.find((a: Doc) => a.id === 'hmi').zone = 'ls1';
    },
    errors: [
      e('assets[7].zone', '"ls1" is an asset, not a zone.'),
      e('controls[0].appliesTo[0]', '"f-esd" is a flow, not an asset, zone or conduit.'),
    ],
  },
  {
    name: 'evidence with a bad hash, an impossible date and an unknown control',
    mutate: (d) => Object.assign(d.evidence[0], { revisions: [{ sha256: 'A'.repeat(64), collectedOn: '2026-02-30', addedBy: 'x' }], supports: ['ctl-ghost'] }),
    errors: [
      e('evidence[0].revisions[0].collectedOn', 'must be a real calendar date'),
      e('evidence[0].revisions[0].sha256', 'must be a SHA-256 hex digest (64 lowercase hex characters)'),
      e('evidence[0].supports[0]', NOT_EXIST('control', 'ctl-ghost')),
    ],
  },
  {
    // Regression: an unparseable date used to throw inside the check (RangeError → HTTP 500).
    name: 'evidence dated in another format',
    mutate: (d) => { d.evidence[0].revisions[0].collectedOn = '10/01/2026'; },
    errors: [e('evidence[0].revisions[0].collectedOn', 'must be a date YYYY-MM-DD')],
  },
  {
    name: 'evidence covering a domain none of its controls covers',
    mutate: (d) => { d.controls[0].domain = 'IT'; delete d.controls[0].assessment.OT; },
    errors: [e('evidence[0].domains', 'the evidence covers OT but none of the controls it supports does.')],
  },
  {
    name: 'a risk affecting an unknown entity',
    mutate: (d) => { d.risks[0].affects = ['z-sis', 'ghost']; },
    errors: [e('risks[0].affects[1]', NOT_EXIST('asset or zone', 'ghost'))],
  },
]));

describe('reporting', () => {
  it('reports every problem of a document at once, shape and references together', () => {
    const errors = errorsAfter((d) => {
      d.zones[0].slTarget = 9;
      d.assets[1].ip = '10.3.0.20';
      d.conduits[0].rules[1].seq = 10;
      d.flows[4].via = [];
      d.sifs[0].groups[0].voting = '2oo4';
      d.procedures[0].maxSeconds = 1;
      d.evidence[0].revisions[0].collectedOn = '2026-02-30';
      d.risks[0].affects = ['ghost'];
    });
    expect(errors).toEqual([
      e('zones[0].slTarget', 'Too big: expected number to be <=4'),
      e('evidence[0].revisions[0].collectedOn', 'must be a real calendar date'),
      e('conduits[0].rules[1].seq', 'seq 10 is already used by rule "r-ops-opc" on this conduit; first match wins, so order must be unambiguous.'),
      e('assets[1].ip', 'IP 10.3.0.20 is already the address of asset "hist".'),
      e('flows[4].via', 'the flow goes from zone "z-ops" to zone "z-ctl" but crosses no conduit; list the conduits in crossing order.'),
      e('sifs[0].groups[0].voting', '2oo4 needs 4 elements but the group has 3.'),
      e('procedures[0].maxSeconds', 'maxSeconds (1) is below nominalSeconds (40): the procedure could never complete in time.'),
      e('risks[0].affects[0]', NOT_EXIST('asset or zone', 'ghost')),
    ]);
  });

  it('answers a document that is not an object with one error on the document', () => {
    expect(validateSite('zones: []')).toEqual({ ok: false, total: 1, breaksSchema: true, errors: [e('(document)', 'Invalid input: expected object, received string')] });
    expect(validateSite(null)).toEqual({ ok: false, total: 1, breaksSchema: true, errors: [e('(document)', 'Invalid input: expected object, received null')] });
  });
});

describe('through POST /api/import', () => {
  const ctx = useApp(miniSite);

  const rejected = async (doc: unknown, url = '/api/import') => {
    const before = await snapshot(ctx.db);
    const res = await ctx.app.inject({ method: 'POST', url, payload: doc as object });
    expect(await snapshot(ctx.db)).toEqual(before);
    return { status: res.statusCode, body: res.json() };
  };
  const mutated = (mutate: (d: Doc) => void) => {
    const doc = miniSite() as Doc;
    mutate(doc);
    return doc;
  };

  it('answers 422 INTERLOCK_INCONSISTENT_SITE with every error when the document matches the schema but breaks its rules, and changes nothing', async () => {
    const doc = mutated((d) => {
      d.zones[0].cidr = '10.3.0.1/24';
      d.flows[3].via = ['c-ops-ctl', 'c-ops-ctl', 'c-ctl-sis'];
      d.sifs[0].groups[1].voting = '2oo1';
    });
    expect(await rejected(doc)).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        code: 'INTERLOCK_INCONSISTENT_SITE',
        message: 'The site document has 3 problems.',
        total: 3,
        errors: [
          e('zones[0].cidr', 'must be an IPv4 CIDR such as 10.30.0.0/24 with no host bits set'),
          e('flows[3].via[2]', 'conduit "c-ctl-sis" connects z-ctl and z-sis, not zone "z-ops" where the flow is at this point.'),
          e('sifs[0].groups[1].voting', '2oo1: M must not exceed N.'),
        ],
      },
    });
  });

  it('answers 400 INTERLOCK_INVALID_SITE, not 500, for a date in another format (the schema states the format), with every other problem too', async () => {
    const { status, body } = await rejected(mutated((d) => {
      d.evidence[0].revisions[0].collectedOn = '10/01/2026';
      d.zones[0].cidr = '10.3.0.1/24';
    }));
    expect(status).toBe(400);
    expect(body.code).toBe('INTERLOCK_INVALID_SITE');
    expect(body.errors).toEqual([
      e('zones[0].cidr', 'must be an IPv4 CIDR such as 10.30.0.0/24 with no host bits set'),
      e('evidence[0].revisions[0].collectedOn', 'must be a date YYYY-MM-DD'),
    ]);
  });

  it('rejects an empty-site replace that has dangling references, and a body that is not an object', async () => {
    expect((await rejected({ assets: [{ id: 'a1', name: 'A', type: 'hmi', zone: 'z-ctl' }] })).body.errors)
      .toEqual([e('assets[0].zone', NOT_EXIST('zone', 'z-ctl'))]);
    const list = await rejected([1, 2]);
    expect(list.status).toBe(400);
    expect(list.body.errors).toEqual([e('(document)', 'Invalid input: expected object, received array')]);
  });

  it('in merge mode names stored entities that a change breaks by id', async () => {
    const zone = { ...(miniSite().zones![0] as Doc), cidr: '10.9.0.0/24' };
    const { status, body } = await rejected({ zones: [zone] }, '/api/import?mode=merge');
    expect(status).toBe(422);
    expect(body.code).toBe('INTERLOCK_INCONSISTENT_SITE');
    expect(body.errors).toEqual([
      e('assets[id=hist].ip', '(stored entity) IP 10.3.0.20 is outside its zone "z-ops" (10.9.0.0/24).'),
      e('assets[id=ntp].ip', '(stored entity) IP 10.3.0.5 is outside its zone "z-ops" (10.9.0.0/24).'),
    ]);
  });
});
