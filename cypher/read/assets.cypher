// description: Asset search for the API: filter by zone, type and domain, search by id, name
//   (substring, case-insensitive) or IP (exact or prefix); exact id/IP matches first. Returns ids
//   only (the documents come from site/entities).
// mode: read
// params:
//   $zone: string|null — zone id
//   $type: string|null — asset type
//   $domain: string|null — IT or OT (the zone's domain)
//   $q: string|null — lower-cased search text
//   $limit: integer — at most this many
// returns:
//   id: string — asset id
MATCH (a:Asset)-[:IN_ZONE]->(z:Zone)
WHERE ($zone IS NULL OR z.id = $zone)
  AND ($type IS NULL OR a.type = $type)
  AND ($domain IS NULL OR z.domain = $domain)
  AND ($q IS NULL OR toLower(a.id) CONTAINS $q OR toLower(a.name) CONTAINS $q OR a.ip STARTS WITH $q)
RETURN a.id AS id
ORDER BY CASE WHEN $q IS NOT NULL AND (a.ip = $q OR toLower(a.id) = $q) THEN 0 ELSE 1 END, a.id
LIMIT toInteger($limit)
