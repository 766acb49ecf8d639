// description: Everything a SIF needs to act (DOMAIN.md "safety path"): its elements, the flows
//   it depends on directly and through procedures that back it up, the conduits those flows
//   cross in order, the firewalls enforcing them, the devices they route through, and the zones
//   of all of these. Bounded expansion from one anchored SIF.
// mode: read
// params:
//   $id: string — SIF id
// returns:
//   elements: list<map> — {asset, name, type, zone, role, group, voting}
//   flows: list<map> — {id, from, to, protocol, port, via: [conduit], routesThrough: [asset], viaProcedure: id|null}
//   conduits: list<map> — {id, zones: [zone, zone], firewalls: [asset]}
//   procedures: list<string> — procedures backing the SIF up
//   zones: list<string> — every zone touched, sorted
MATCH (s:SIF {id: $id})
CALL (s) {
  MATCH (s)-[e:HAS_ELEMENT]->(a:Asset)-[:IN_ZONE]->(z:Zone)
  WITH a, e, z ORDER BY e.groupSeq, e.seq
  RETURN collect({asset: a.id, name: a.name, type: a.type, zone: z.id, role: e.role, group: e.group, voting: e.voting}) AS elements
}
CALL (s) {
  OPTIONAL MATCH (s)-[:DEPENDS_ON]->(direct:Flow)
  WITH s, collect(DISTINCT {flow: direct, proc: null}) AS directs
  OPTIONAL MATCH (p:Procedure)-[:BACKS_UP]->(s)
  OPTIONAL MATCH (p)-[:DEPENDS_ON]->(viaProc:Flow)
  WITH directs, collect(DISTINCT {flow: viaProc, proc: p.id}) AS indirect, collect(DISTINCT p.id) AS procedures
  UNWIND directs + indirect AS dep
  WITH dep, procedures WHERE dep.flow IS NOT NULL
  WITH dep.flow AS f, min(dep.proc) AS viaProcedure, procedures
  MATCH (src:Asset)<-[:FROM]-(f)-[:TO]->(dst:Asset)
  WITH f, src, dst, viaProcedure, procedures,
    COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via,
    COLLECT { MATCH (f)-[t:ROUTES_THROUGH]->(r:Asset) RETURN r.id ORDER BY t.seq } AS routesThrough
  ORDER BY f.id
  RETURN collect({id: f.id, from: src.id, to: dst.id, protocol: f.protocol, port: f.port, via: via,
                  routesThrough: routesThrough, viaProcedure: viaProcedure}) AS flows,
         head(collect(procedures)) AS procedures
}
CALL (flows) {
  UNWIND flows AS f
  UNWIND f.via AS cid
  WITH DISTINCT cid
  MATCH (c:Conduit {id: cid})
  RETURN collect({id: c.id,
    zones: COLLECT { MATCH (c)-[e:CONNECTS]->(z:Zone) RETURN z.id ORDER BY e.end },
    firewalls: COLLECT { MATCH (c)-[e:ENFORCED_BY]->(fw:Asset) RETURN fw.id ORDER BY e.seq }}) AS conduits
}
CALL (elements, flows, conduits) {
  UNWIND elements AS e
  RETURN collect(DISTINCT e.zone) AS elementZones
}
CALL (flows) {
  UNWIND flows AS f
  UNWIND [f.from, f.to] + f.routesThrough AS aid
  MATCH (:Asset {id: aid})-[:IN_ZONE]->(z:Zone)
  RETURN collect(DISTINCT z.id) AS flowZones
}
WITH elements, flows, conduits, procedures,
  elementZones + flowZones + reduce(acc = [], c IN conduits | acc + c.zones) AS touched
RETURN elements, flows, conduits, coalesce(procedures, []) AS procedures,
  COLLECT { UNWIND touched AS z RETURN DISTINCT z ORDER BY z } AS zones
