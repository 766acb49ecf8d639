// description: SIFs whose safety path crosses one of the given zones (DOMAIN.md §5.6 safety
//   exposure): a zone of one of its elements, of an endpoint or routing device of a flow it or a
//   procedure backing it up depends on, or a zone a conduit such a flow crosses connects.
// mode: read
// params:
//   $zones: map — zone id → true for the zones asked about (a map: a membership test per row)
// returns:
//   sif: string; name: string; sil: integer
//   zones: list<string> — the given zones its path crosses, sorted
MATCH (s:SIF)
CALL (s) {
  MATCH (s)-[:HAS_ELEMENT]->(:Asset)-[:IN_ZONE]->(z:Zone)
  RETURN z
  UNION
  MATCH (s)-[:DEPENDS_ON]->(:Flow)-[:FROM|TO|ROUTES_THROUGH]->(:Asset)-[:IN_ZONE]->(z:Zone)
  RETURN z
  UNION
  MATCH (s)<-[:BACKS_UP]-(:Procedure)-[:DEPENDS_ON]->(:Flow)-[:FROM|TO|ROUTES_THROUGH]->(:Asset)-[:IN_ZONE]->(z:Zone)
  RETURN z
  UNION
  MATCH (s)-[:DEPENDS_ON]->(:Flow)-[:VIA]->(:Conduit)-[:CONNECTS]->(z:Zone)
  RETURN z
  UNION
  MATCH (s)<-[:BACKS_UP]-(:Procedure)-[:DEPENDS_ON]->(:Flow)-[:VIA]->(:Conduit)-[:CONNECTS]->(z:Zone)
  RETURN z
}
WITH s, z WHERE $zones[z.id] = true
WITH s, z ORDER BY z.id
RETURN s.id AS sif, s.name AS name, s.sil AS sil, collect(z.id) AS zones
ORDER BY sif
