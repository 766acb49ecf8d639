// description: What the API shows about an asset beside its document: the flows that start, end
//   or route through it, its roles in SIFs, and the conduits it enforces.
// mode: read
// params:
//   $id: string — asset id
// returns:
//   flows: list<map> — {id, direction: from|to|routes}, by flow id
//   sifs: list<map> — {id, sil, role, group}, by SIF id
//   enforces: list<string> — conduit ids, sorted
MATCH (a:Asset {id: $id})
RETURN
  COLLECT { MATCH (f:Flow)-[r:FROM|TO|ROUTES_THROUGH]->(a)
            RETURN {id: f.id, direction: CASE type(r) WHEN 'FROM' THEN 'from' WHEN 'TO' THEN 'to' ELSE 'routes' END}
            ORDER BY f.id } AS flows,
  COLLECT { MATCH (s:SIF)-[e:HAS_ELEMENT]->(a) RETURN {id: s.id, sil: s.sil, role: e.role, group: e.group} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (c:Conduit)-[:ENFORCED_BY]->(a) RETURN c.id ORDER BY c.id } AS enforces
