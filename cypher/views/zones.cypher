// description: Zones for the graph views, with how many assets each holds per type (zone
//   summaries show these when a large view is collapsed). Null ids means every zone.
// mode: read
// params:
//   $ids: list<string>|null — zone ids to return; null for all
// returns:
//   props: map — stored zone properties
//   assetCount: integer — assets IN_ZONE
//   typeCounts: list<map> — {type, count} ordered by type
MATCH (z:Zone)
WHERE $ids IS NULL OR z.id IN $ids
WITH z ORDER BY z.purdueLevel DESC, z.id
RETURN properties(z) AS props,
  COUNT { (z)<-[:IN_ZONE]-(:Asset) } AS assetCount,
  COLLECT { MATCH (z)<-[:IN_ZONE]-(a:Asset)
            WITH a.type AS type, count(*) AS n
            RETURN {type: type, count: n} ORDER BY type } AS typeCounts
