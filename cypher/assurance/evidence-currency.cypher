// description: Evidence currency as of a date (DOMAIN.md §5.3): the latest revision by collection
//   date decides; expiresOn = collected + refreshDays (calendar days); expired when before asOf,
//   due when asOf ≤ expiresOn ≤ asOf + 30 days (expiring on asOf is due), fresh after that,
//   absent with no revision. latestCollectedOn is derived on every write (site/to-graph.ts).
// mode: read
// params:
//   $asOf: string — YYYY-MM-DD
//   $evidence: list<string>|null — evidence ids; null for every item
//   $controls: list<string>|null — only evidence supporting one of these controls; null for any
// returns:
//   evidence: string; name: string; kind: string; source: string
//   domains: list<string> — the domains it covers
//   refreshDays: integer
//   supports: list<string> — the controls it supports, sorted
//   latestCollectedOn: string|null; latestSha256: string|null
//   expiresOn: string|null
//   currency: string — fresh | due | expired | absent
// Plan: by control, an index seek per id (a list of a thousand ids tested per item cost 25 ms).
CALL () {
  MATCH (e:Evidence)
  WHERE $controls IS NULL
  RETURN e
  UNION
  UNWIND coalesce($controls, []) AS id
  MATCH (:Control {id: id})<-[:SUPPORTS]-(e:Evidence)
  RETURN e
}
WITH e WHERE $evidence IS NULL OR e.id IN $evidence
WITH e, CASE WHEN e.latestCollectedOn IS NULL THEN null ELSE date(e.latestCollectedOn) + duration({days: e.refreshDays}) END AS expires
RETURN e.id AS evidence, e.name AS name, e.kind AS kind, e.source AS source, e.domains AS domains,
  e.refreshDays AS refreshDays,
  COLLECT { MATCH (e)-[:SUPPORTS]->(c:Control) RETURN c.id ORDER BY c.id } AS supports,
  e.latestCollectedOn AS latestCollectedOn, e.latestSha256 AS latestSha256,
  toString(expires) AS expiresOn,
  CASE
    WHEN expires IS NULL THEN 'absent'
    WHEN expires < date($asOf) THEN 'expired'
    WHEN expires <= date($asOf) + duration({days: 30}) THEN 'due'
    ELSE 'fresh'
  END AS currency
ORDER BY evidence
