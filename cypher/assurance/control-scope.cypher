// description: Where each control of the baseline applies and what it serves: the frameworks of
//   the requirements it satisfies directly, how many requirements that is, the zones, assets and
//   conduits it is applied to (none: site-wide), and the risks it mitigates. For the explorer's
//   control table and a control's detail; no status here (assurance/control-statuses has those).
// mode: read
// params:
//   $controls: list<string>|null — control ids; null for every control
// returns:
//   control: string
//   frameworks: list<string> — framework ids of the requirements it satisfies, sorted
//   requirements: integer — how many requirements it satisfies
//   appliesTo: list<map> — {id, kind} with kind zone | asset | conduit, sorted by id; empty: site-wide
//   mitigates: list<string> — risk ids, sorted
MATCH (c:Control)
WHERE $controls IS NULL OR c.id IN $controls
RETURN c.id AS control,
  COLLECT { MATCH (c)-[:SATISFIES]->(:Requirement)-[:PART_OF]->(f:Framework) RETURN DISTINCT f.id AS f ORDER BY f } AS frameworks,
  COUNT { (c)-[:SATISFIES]->(:Requirement) } AS requirements,
  COLLECT {
    MATCH (c)-[:APPLIES_TO]->(t)
    RETURN {id: t.id, kind: CASE WHEN t:Zone THEN 'zone' WHEN t:Asset THEN 'asset' ELSE 'conduit' END} AS t ORDER BY t.id
  } AS appliesTo,
  COLLECT { MATCH (c)-[:MITIGATES]->(r:Risk) RETURN r.id AS r ORDER BY r } AS mitigates
ORDER BY control
