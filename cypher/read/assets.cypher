// description: Assets filtered by zone, type and domain, and searched by id, name (case-insensitive
//   substring) or IP (exact address, or prefix such as "10.30."). Null filters match everything.
// mode: read
// params:
//   $zone: string|null — zone id
//   $type: string|null — asset type
//   $domain: string|null — IT or OT (the asset's zone's domain)
//   $q: string|null — search text, already lower-cased
//   $limit: integer — maximum rows
// returns:
//   props: map — stored asset properties
//   zone: string — zone id
MATCH (a:Asset)-[:IN_ZONE]->(z:Zone)
WHERE ($zone IS NULL OR z.id = $zone)
  AND ($type IS NULL OR a.type = $type)
  AND ($domain IS NULL OR z.domain = $domain)
  AND ($q IS NULL OR toLower(a.id) CONTAINS $q OR toLower(a.name) CONTAINS $q OR a.ip STARTS WITH $q)
RETURN properties(a) AS props, z.id AS zone
ORDER BY CASE WHEN $q IS NOT NULL AND (a.ip = $q OR toLower(a.id) = $q) THEN 0 ELSE 1 END, a.id
LIMIT toInteger($limit)
