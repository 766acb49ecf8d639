// description: Benchmark reference (a), not used by the product: an authentication-policy what-if
//   written as one would without Interlock's design. From every zone, asset and role in scope,
//   every path over the people side of the model (IN_ZONE, USES, PERFORMED_BY, ACCESSES,
//   BACKS_UP) up to six hops long to a procedure is enumerated; a procedure is reached when a
//   path has the shape [USES] (an asset in scope), [IN_ZONE, USES] (an asset of a zone in scope)
//   or [PERFORMED_BY] (a role in scope).
// mode: read
// params:
//   $zones: list<string> — zone ids in scope
//   $assets: list<string> — asset ids in scope
//   $roles: list<string> — role ids in scope
// returns:
//   procedure: string; emergency: boolean; nominalSeconds, maxSeconds: number
//   sifs: list<map> — {id, sil} of SIFs it backs up
//   manned: boolean — it uses an always-manned console in scope
CALL () {
  UNWIND $zones AS id MATCH (n:Zone {id: id}) RETURN n
  UNION
  UNWIND $assets AS id MATCH (n:Asset {id: id}) RETURN n
  UNION
  UNWIND $roles AS id MATCH (n:Role {id: id}) RETURN n
}
MATCH path = (n)-[:IN_ZONE|USES|PERFORMED_BY|ACCESSES|BACKS_UP*1..6]-(p:Procedure)
WITH p, nodes(path) AS ns, [r IN relationships(path) | type(r)] AS shape
WHERE shape IN [['USES'], ['IN_ZONE', 'USES'], ['PERFORMED_BY']]
WITH p, collect(CASE WHEN shape = ['USES'] THEN ns[0] WHEN shape = ['IN_ZONE', 'USES'] THEN ns[1] END) AS used
RETURN p.id AS procedure, coalesce(p.emergency, false) AS emergency, p.nominalSeconds AS nominalSeconds, p.maxSeconds AS maxSeconds,
  COLLECT { MATCH (p)-[:BACKS_UP]->(s:SIF) RETURN s {.id, .sil} } AS sifs,
  any(a IN used WHERE a.manned) AS manned
