// description: What the API shows about a zone beside its document: its assets and its conduits
//   with the zone at their other end.
// mode: read
// params:
//   $id: string — zone id
// returns:
//   assets: list<map> — {id, name, type, ip (absent when it has none)}, by id
//   conduits: list<map> — {id, name, otherZone}, by id
MATCH (z:Zone {id: $id})
RETURN
  COLLECT { MATCH (z)<-[:IN_ZONE]-(a:Asset) RETURN a {.id, .name, .type, .ip} ORDER BY a.id } AS assets,
  COLLECT { MATCH (z)<-[:CONNECTS]-(c:Conduit)-[:CONNECTS]->(o:Zone) WHERE o <> z
            RETURN {id: c.id, name: c.name, otherZone: o.id} ORDER BY c.id } AS conduits
