// description: A profile's target rating per requirement (DOMAIN.md §5.2.4).
// mode: read
// params:
//   $profile: string — profile id
// returns:
//   profile: string; name: string; framework: string
//   targets: list<map> — {requirement, rating}, by requirement
MATCH (p:Profile {id: $profile})-[:PROFILE_OF]->(f:Framework)
RETURN p.id AS profile, p.name AS name, f.id AS framework,
  COLLECT { MATCH (p)-[t:TARGETS]->(r:Requirement) RETURN {requirement: r.id, rating: t.rating} AS x ORDER BY x.requirement } AS targets
