// description: One zone with its assets and the conduits that connect it.
// mode: read
// params:
//   $id: string — zone id
// returns:
//   props: map — stored zone properties
//   assets: list<map> — {id, name, type, ip} ordered by id
//   conduits: list<map> — {id, name, otherZone} ordered by id
MATCH (z:Zone {id: $id})
RETURN properties(z) AS props,
  COLLECT { MATCH (z)<-[:IN_ZONE]-(a:Asset) RETURN a {.id, .name, .type, .ip} ORDER BY a.id } AS assets,
  COLLECT { MATCH (z)<-[:CONNECTS]-(c:Conduit)-[:CONNECTS]->(o:Zone) WHERE o <> z
            RETURN {id: c.id, name: c.name, otherZone: o.id} ORDER BY c.id } AS conduits
