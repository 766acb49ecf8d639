// description: Invariant: a rule that names an asset or a zone holds that asset's address or that
//   zone's CIDR as its integer range (impact queries compare only the ranges).
// mode: read
// returns:
//   id: string — the rule
//   detail: string — which range is stale
MATCH (r:FirewallRule)
UNWIND [['source', r.srcAsset, r.srcZone, r.srcLo, r.srcHi], ['destination', r.dstAsset, r.dstZone, r.dstLo, r.dstHi]] AS end
OPTIONAL MATCH (a:Asset {id: end[1]})
OPTIONAL MATCH (z:Zone {id: end[2]})
WITH r, end, CASE WHEN a IS NOT NULL THEN [a.ipInt, a.ipInt] WHEN z IS NOT NULL THEN [z.cidrLo, z.cidrHi] END AS expected
WHERE expected IS NOT NULL AND (expected[0] <> end[3] OR expected[1] <> end[4])
RETURN r.id AS id, end[0] + ' range ' + toInteger(end[3]) + '-' + toInteger(end[4]) + ' is not ' + coalesce(end[1], end[2]) + "'s " + toInteger(expected[0]) + '-' + toInteger(expected[1]) AS detail
