// description: The status of assessable requirements in one domain (DOMAIN.md §5.2.2–5.2.3, §5.5a),
//   with the "why". Direct: from the controls that satisfy it and cover the domain — none → gap,
//   all implemented → met, any implemented or partial → partial, else not-met. With no direct
//   control: projected through one hop of mappings, read both ways (a mapping read from its `to`
//   end has subset and superset swapped), from sources that have a direct control in the domain
//   in a framework scoping it; equal/superset carry the source's status, subset/intersect at most
//   partial; the best fully covering source wins, else the best capped one; ties go to the
//   stronger mapping, then the lower mapping id. Only requirements of frameworks scoping the
//   domain are evaluated.
//   Plan: every target and every candidate source goes through the same direct-status subquery,
//   one row each, so the rule is written once; a source is expanded only from its target.
// mode: read
// params:
//   $domain: string — IT or OT
//   $framework: string|null — one framework's assessable requirements; null for all
//   $requirements: list<string>|null — only these requirements (assessable or not); null for all assessable ones
//   $effective: map — "control|domain" → effective status, for every control and domain it covers
//   $why: boolean — also list every candidate and the controls behind each source; false: the
//     status, the direct controls and the chosen mapping only (what summaries need)
// returns:
//   requirement: string; framework: string; ref: string; title: string; parent: string|null
//   noPartial: boolean
//   status: string — met | partial | not-met | gap
//   source: string — direct | projected | none
//   controls: list<string> — the direct controls (covering the domain), sorted
//   chosen: map|null — the source it was projected from (as in candidates)
//   candidates: list<map> — {mapping, source, relationship (source → target), strength,
//     sourceStatus, sourceControls, full, projected}, by mapping id
MATCH (f:Framework)<-[:PART_OF]-(t:Requirement)
WHERE ($framework IS NULL OR f.id = $framework) AND $domain IN f.domains
  AND CASE WHEN $requirements IS NULL THEN t.assessable ELSE t.id IN $requirements END
CALL (t) {
  RETURN t AS s, null AS m, null AS relationship
  UNION
  MATCH (t)<-[:MAPS_TO]-(m:Mapping)-[:MAPS_FROM]->(s:Requirement)-[:PART_OF]->(sf:Framework)
  WHERE $domain IN sf.domains AND s <> t
  RETURN s, m, m.relationship AS relationship
  UNION
  MATCH (t)<-[:MAPS_FROM]-(m:Mapping)-[:MAPS_TO]->(s:Requirement)-[:PART_OF]->(sf:Framework)
  WHERE $domain IN sf.domains AND s <> t
  RETURN s, m, CASE m.relationship WHEN 'subset' THEN 'superset' WHEN 'superset' THEN 'subset' ELSE m.relationship END AS relationship
}
CALL (s) {
  OPTIONAL MATCH (c:Control)-[:SATISFIES]->(s)
  WHERE $effective[c.id + '|' + $domain] IS NOT NULL
  WITH c ORDER BY c.id
  WITH collect(c.id) AS controls, collect($effective[c.id + '|' + $domain]) AS statuses
  RETURN controls, CASE
    WHEN size(statuses) = 0 THEN 'gap'
    WHEN all(x IN statuses WHERE x = 'implemented') THEN 'met'
    WHEN any(x IN statuses WHERE x IN ['implemented', 'partial']) THEN 'partial'
    ELSE 'not-met'
  END AS status
}
WITH f, t, m, s, relationship, controls, status, relationship IN ['equal', 'superset'] AS full
ORDER BY m.id
WITH f, t,
  head(collect(CASE WHEN m IS NULL THEN {controls: controls, status: status} END)) AS direct,
  collect(CASE WHEN m IS NOT NULL AND size(controls) > 0 THEN {
    mapping: m.id, source: s.id, relationship: relationship, strength: m.strength, sourceStatus: status,
    sourceControls: controls, full: full, projected: CASE WHEN full OR status = 'not-met' THEN status ELSE 'partial' END
  } END) AS candidates
WITH f, t, direct, candidates, [c IN candidates WHERE c.full] AS fullSources,
  {gap: 0, `not-met`: 1, partial: 2, met: 3} AS rank
WITH f, t, direct, candidates, rank, CASE WHEN size(fullSources) > 0 THEN fullSources ELSE candidates END AS pool
WITH f, t, direct, candidates, reduce(best = null, c IN pool |
    CASE WHEN best IS NULL OR rank[c.projected] > rank[best.projected]
      OR (rank[c.projected] = rank[best.projected] AND c.strength > best.strength) THEN c ELSE best END) AS chosen
WITH f, t, direct, candidates, CASE WHEN size(direct.controls) > 0 THEN null ELSE chosen END AS chosen
RETURN t.id AS requirement, f.id AS framework, t.ref AS ref, t.title AS title,
  COLLECT { MATCH (t)-[:CHILD_OF]->(p:Requirement) RETURN p.id }[0] AS parent, coalesce(t.noPartial, false) AS noPartial,
  CASE WHEN size(direct.controls) > 0 THEN direct.status WHEN chosen IS NULL THEN 'gap' ELSE chosen.projected END AS status,
  CASE WHEN size(direct.controls) > 0 THEN 'direct' WHEN chosen IS NULL THEN 'none' ELSE 'projected' END AS source,
  direct.controls AS controls, CASE WHEN $why THEN chosen ELSE chosen {.*, sourceControls: []} END AS chosen,
  CASE WHEN size(direct.controls) > 0 OR NOT $why THEN [] ELSE candidates END AS candidates
ORDER BY requirement
