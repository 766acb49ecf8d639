// description: One asset with its zone, the flows it takes part in, the SIFs it is an element of,
//   and the conduits it enforces.
// mode: read
// params:
//   $id: string — asset id
// returns:
//   props: map — stored asset properties
//   zone: string — zone id
//   flows: list<map> — {id, direction: from|to|routes} ordered by id
//   sifs: list<map> — {id, sil, role, group}
//   enforces: list<string> — conduit ids this firewall enforces
MATCH (a:Asset {id: $id})-[:IN_ZONE]->(z:Zone)
RETURN properties(a) AS props, z.id AS zone,
  COLLECT { MATCH (f:Flow)-[r:FROM|TO|ROUTES_THROUGH]->(a)
            RETURN {id: f.id, direction: CASE type(r) WHEN 'FROM' THEN 'from' WHEN 'TO' THEN 'to' ELSE 'routes' END}
            ORDER BY f.id } AS flows,
  COLLECT { MATCH (s:SIF)-[e:HAS_ELEMENT]->(a) RETURN {id: s.id, sil: s.sil, role: e.role, group: e.group} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (c:Conduit)-[:ENFORCED_BY]->(a) RETURN c.id ORDER BY c.id } AS enforces
