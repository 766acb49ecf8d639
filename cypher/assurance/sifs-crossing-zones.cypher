// description: SIFs whose safety path crosses one of the given zones (DOMAIN.md §5.6 safety
//   exposure): a zone of one of its elements, of an endpoint or routing device of a flow it or a
//   procedure backing it up depends on, or a zone a conduit such a flow crosses connects.
// mode: read
// params:
//   $zones: map — zone id → true for the zones asked about (a map: a membership test per row)
// returns:
//   sif: string; name: string; sil: integer
//   zones: list<string> — the given zones its path crosses, sorted
CALL () {
  MATCH (s:SIF)-[:HAS_ELEMENT]->(:Asset)-[:IN_ZONE]->(z:Zone)
  WHERE $zones[z.id] = true
  RETURN s, z
  UNION
  // A flow's zones are read once, however many SIFs and procedures depend on it.
  MATCH (s:SIF)
  CALL (s) {
    MATCH (s)-[:DEPENDS_ON]->(f:Flow)
    RETURN f
    UNION
    MATCH (s)<-[:BACKS_UP]-(:Procedure)-[:DEPENDS_ON]->(f:Flow)
    RETURN f
  }
  WITH f, collect(s) AS sifs
  CALL (f) {
    MATCH (f)-[:FROM|TO|ROUTES_THROUGH]->(:Asset)-[:IN_ZONE]->(z:Zone)
    RETURN z
    UNION
    MATCH (f)-[:VIA]->(:Conduit)-[:CONNECTS]->(z:Zone)
    RETURN z
  }
  WITH sifs, z WHERE $zones[z.id] = true
  UNWIND sifs AS s
  RETURN s, z
}
WITH DISTINCT s, z ORDER BY z.id
RETURN s.id AS sif, s.name AS name, s.sil AS sil, collect(z.id) AS zones
ORDER BY sif
