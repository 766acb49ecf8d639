// description: Invariant: no relationship between two site entities is stored twice (same type,
//   same properties). Concurrent whole-site rewrites once doubled every relationship of a site.
// mode: read
// returns:
//   id: string — the start entity
//   detail: string — the duplicated relationship
MATCH (a:SiteEntity)-[r]->(b:SiteEntity)
WITH a, b, type(r) AS type, properties(r) AS props, count(*) AS copies
WHERE copies > 1
RETURN a.id AS id, type + ' to ' + b.id + ' stored ' + copies + ' times' AS detail
