// description: Every SIF's safety path as id lists (DOMAIN.md "safety path"): its elements; the
//   flows it depends on directly or through a procedure that backs it up; the conduits those
//   flows cross; the assets on them (endpoints, routing devices, firewalls enforcing the
//   conduits); and every zone any of these touch. The graph views invert it to say which SIFs
//   depend on an element. Expansion is anchored on each SIF and bounded by its own path.
// mode: read
// returns:
//   id: string — SIF id
//   sil: integer — its SIL
//   elements: list<string> — element asset ids
//   flows: list<string> — flow ids, sorted
//   conduits: list<string> — conduit ids crossed
//   pathAssets: list<string> — flow endpoints, routing devices and enforcing firewalls
//   zones: list<string> — zones of elements and path assets, and the ends of crossed conduits
MATCH (s:SIF)
WITH s,
  COLLECT { MATCH (s)-[:DEPENDS_ON]->(f:Flow) RETURN f.id } +
  COLLECT { MATCH (p:Procedure)-[:BACKS_UP]->(s) MATCH (p)-[:DEPENDS_ON]->(f:Flow) RETURN f.id } AS flowIds
WITH s, COLLECT { UNWIND flowIds AS id RETURN DISTINCT id ORDER BY id } AS flows
WITH s, flows,
  COLLECT { MATCH (s)-[:HAS_ELEMENT]->(a:Asset) RETURN DISTINCT a.id } AS elements,
  COLLECT { UNWIND flows AS id MATCH (:Flow {id: id})-[:VIA]->(c:Conduit) RETURN DISTINCT c.id } AS conduits,
  COLLECT { UNWIND flows AS id MATCH (:Flow {id: id})-[:FROM|TO|ROUTES_THROUGH]->(a:Asset) RETURN a.id AS aid
            UNION
            UNWIND flows AS id MATCH (:Flow {id: id})-[:VIA]->(:Conduit)-[:ENFORCED_BY]->(a:Asset) RETURN a.id AS aid } AS pathAssets
RETURN s.id AS id, s.sil AS sil, elements, flows, conduits, pathAssets,
  COLLECT { UNWIND elements + pathAssets AS aid MATCH (:Asset {id: aid})-[:IN_ZONE]->(z:Zone) RETURN z.id AS zid
            UNION
            UNWIND conduits AS cid MATCH (:Conduit {id: cid})-[:CONNECTS]->(z:Zone) RETURN z.id AS zid } AS zones
ORDER BY s.sil DESC, s.id
