// description: The frameworks loaded, each with its scope, rating model, how many requirements
//   it has and how many are assessed, and the profiles set against it.
// mode: read
// params:
//   $framework: string|null — one framework; null for all
// returns:
//   framework: string; name: string; version: string; kind: string; ratingModel: string
//   domains: list<string>; securityLevels: boolean; sources: list<string>; licence: string
//   requirements: integer; assessable: integer
//   profiles: list<map> — {profile, name}, by id
MATCH (f:Framework)
WHERE $framework IS NULL OR f.id = $framework
RETURN f.id AS framework, f.name AS name, f.version AS version, f.kind AS kind, f.ratingModel AS ratingModel,
  f.domains AS domains, coalesce(f.securityLevels, false) AS securityLevels, f.sources AS sources, f.licence AS licence,
  COUNT { (f)<-[:PART_OF]-(:Requirement) } AS requirements,
  COUNT { (f)<-[:PART_OF]-(r:Requirement) WHERE r.assessable } AS assessable,
  COLLECT { MATCH (f)<-[:PROFILE_OF]-(p:Profile) RETURN {profile: p.id, name: p.name} AS p ORDER BY p.profile } AS profiles
ORDER BY framework
