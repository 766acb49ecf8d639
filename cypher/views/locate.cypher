// description: The zone each given id sits in, for the explorer to stand a summarised zone in for
//   path members it does not show: an asset gives its zone, a zone itself. Ids that are neither
//   give no row. Each id is an index seek on the unique ids of Asset and Zone.
// mode: read
// params:
//   $ids: list<string> — asset or zone ids, distinct
// returns:
//   id: string — an id asked for
//   zone: string — the zone it sits in (itself for a zone)
UNWIND $ids AS id
CALL (id) {
  MATCH (:Asset {id: id})-[:IN_ZONE]->(z:Zone) RETURN z.id AS zone
  UNION
  MATCH (z:Zone {id: id}) RETURN z.id AS zone
}
RETURN id, zone
