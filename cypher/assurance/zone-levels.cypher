// description: Each zone's capability security level from the controls (DOMAIN.md §5.4). An SR/RE
//   (an assessable requirement with slFrom, in a framework with securityLevels) is covered for
//   zone Z when a control satisfying it applies to Z itself or site-wide (no APPLIES_TO) and is
//   effectively implemented for OT; a control applied only to assets or conduits of Z does not
//   cover Z. SL-C(Z, FR) is the highest s in 0..4 with every member of the FR with slFrom ≤ s
//   covered, i.e. the lowest slFrom among the uncovered minus one (4 when all are covered).
//   Plan: the gated requirements, less those site-wide controls cover, are read once; per zone
//   only the controls applied to it are expanded and only the rest is tested against them.
// mode: read
// params:
//   $zones: list<string>|null — zone ids; null for every zone
//   $effective: map — "control|domain" → effective status, for every control and domain it covers
// returns:
//   zone: string; name: string; domain: string; purdueLevel: number; safety: boolean
//   slTarget: integer; slAchieved: integer
//   vector: list<map> — per FR by id: {fr, ref, slC, uncertainBy: uncovered members flagged uncertain}
//   slC: integer — the vector's minimum (0 with no security-level framework)
//   gaps: list<string> — uncovered members with slFrom ≤ SL-T, sorted
//   slANotSupported: boolean — the declared SL-A is above SL-C
CALL () {
  MATCH (:Framework {securityLevels: true})<-[:PART_OF]-(r:Requirement)-[:CHILD_OF*0..]->(root:Requirement)
  WHERE r.assessable AND r.slFrom IS NOT NULL AND NOT (root)-[:CHILD_OF]->()
  WITH r, root ORDER BY r.id
  RETURN collect({id: r.id, slFrom: r.slFrom, uncertain: r.uncertain IS NOT NULL, fr: root.id, ref: root.ref}) AS gated
}
CALL (gated) {
  MATCH (c:Control)-[:SATISFIES]->(r:Requirement)
  WHERE r.slFrom IS NOT NULL AND $effective[c.id + '|OT'] = 'implemented' AND NOT (c)-[:APPLIES_TO]->()
  WITH collect(DISTINCT r.id) AS siteWide
  // What site-wide controls leave uncovered, once for every zone.
  RETURN [g IN gated WHERE NOT g.id IN siteWide] AS open
}
MATCH (z:Zone)
WHERE $zones IS NULL OR z.id IN $zones
CALL (z) {
  MATCH (z)<-[:APPLIES_TO]-(c:Control)-[:SATISFIES]->(r:Requirement)
  WHERE r.slFrom IS NOT NULL AND $effective[c.id + '|OT'] = 'implemented'
  RETURN collect(DISTINCT r.id) AS local
}
CALL (z, open, local) {
  UNWIND open AS g
  WITH g WHERE NOT g.id IN local
  WITH g.fr AS fr, collect(g) AS uncovered
  RETURN collect({fr: fr, lowest: reduce(lo = 5, u IN uncovered | CASE WHEN u.slFrom < lo THEN u.slFrom ELSE lo END),
    uncertainBy: [u IN uncovered WHERE u.uncertain | u.id], gaps: [u IN uncovered WHERE u.slFrom <= z.slTarget | u.id]}) AS byFr
}
WITH z, byFr, COLLECT { UNWIND gated AS g WITH DISTINCT g.fr AS fr, g.ref AS ref RETURN {fr: fr, ref: ref} ORDER BY fr } AS frs
WITH z, [f IN frs | {fr: f.fr, ref: f.ref,
    slC: coalesce([b IN byFr WHERE b.fr = f.fr | b.lowest][0], 5) - 1,
    uncertainBy: coalesce([b IN byFr WHERE b.fr = f.fr | b.uncertainBy][0], [])}] AS vector,
  COLLECT { UNWIND byFr AS b UNWIND b.gaps AS gap RETURN gap ORDER BY gap } AS gaps
WITH z, vector, gaps, CASE WHEN size(vector) = 0 THEN 0 ELSE reduce(lo = 4, v IN vector | CASE WHEN v.slC < lo THEN v.slC ELSE lo END) END AS slC
RETURN z.id AS zone, z.name AS name, z.domain AS domain, z.purdueLevel AS purdueLevel, coalesce(z.safety, false) AS safety,
  z.slTarget AS slTarget, z.slAchieved AS slAchieved, vector, slC, gaps, z.slAchieved > slC AS slANotSupported
ORDER BY zone
