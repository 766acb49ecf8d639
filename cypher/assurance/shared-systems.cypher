// description: Shared systems (DOMAIN.md §5.5): assets in a Purdue 3.5 zone, and endpoints of a
//   flow whose other endpoint's zone is of the other domain, each with why.
//   Plan: a flow between zones of different domains crosses a conduit between zones of different
//   domains (its VIA chain links its ends' zones: the site's validation keeps it so), so only the
//   flows through those few conduits are tested; every flow is tested once.
// mode: read
// params:
//   $assets: list<string>|null — only these assets; null for the whole estate
// returns:
//   asset: string; name: string; zone: string
//   reasons: list<map> — {kind: purdue-3.5 | cross-domain-flow, zone, flow, other, otherDomain}
CALL () {
  MATCH (a:Asset)-[:IN_ZONE]->(z:Zone)
  WHERE z.purdueLevel = 3.5 AND ($assets IS NULL OR a.id IN $assets)
  RETURN a, {kind: 'purdue-3.5', zone: z.id, flow: null, other: null, otherDomain: null} AS reason
  UNION
  MATCH (za:Zone)<-[:CONNECTS]-(c:Conduit)-[:CONNECTS]->(zb:Zone)
  WHERE za.domain < zb.domain
  MATCH (c)<-[:VIA]-(f:Flow)
  WITH DISTINCT f
  MATCH (az:Zone)<-[:IN_ZONE]-(a:Asset)<-[:FROM|TO]-(f)-[:FROM|TO]->(b:Asset)-[:IN_ZONE]->(bz:Zone)
  WHERE ($assets IS NULL OR a.id IN $assets) AND a <> b AND az.domain <> bz.domain
  RETURN a, {kind: 'cross-domain-flow', zone: null, flow: f.id, other: b.id, otherDomain: bz.domain} AS reason
}
WITH a, reason ORDER BY reason.kind DESC, reason.flow
WITH a, collect(reason) AS reasons
RETURN a.id AS asset, a.name AS name, COLLECT { MATCH (a)-[:IN_ZONE]->(z:Zone) RETURN z.id }[0] AS zone, reasons
ORDER BY asset
