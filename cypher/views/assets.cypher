// description: Assets for the graph views, restricted to some zones and/or some ids (null means
//   no restriction on that side).
// mode: read
// params:
//   $zones: list<string>|null — zone ids whose assets to return; null for every zone
//   $ids: list<string>|null — asset ids to return; null for every asset
// returns:
//   props: map — stored asset properties
//   zone: string — the id of its zone
MATCH (a:Asset)-[:IN_ZONE]->(z:Zone)
WHERE ($ids IS NULL OR a.id IN $ids)
  AND ($zones IS NULL OR z.id IN $zones)
RETURN properties(a) AS props, z.id AS zone
ORDER BY a.id
