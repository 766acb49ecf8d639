// description: Risk position (DOMAIN.md §5.5, §5.5a): score = likelihood × impact, band (low 1–4,
//   medium 5–9, high 10–14, very-high 15–25); what each risk affects — the assets it names and
//   every asset of the zones it names, the domains of the zones touched, the shared systems among
//   them, its safety targets (SIF elements, safety zones touched, assets in safety zones); the
//   three flags; and, for a mitigate risk, the treatment: treated when it has mitigating controls
//   and each is effectively implemented in every affected domain it covers (a risk affecting
//   nothing checks every domain a control covers), else open.
// mode: read
// params:
//   $risks: list<string>|null — risk ids; null for every risk
//   $effective: map — "control|domain" → effective status, for every control and domain it covers
//   $shared: map — asset id → true for the shared systems (assurance/shared-systems)
// returns:
//   risk: string; title: string; register: string; owner: string; treatment: string
//   likelihood: integer; impact: integer; safetyConsequence: string
//   score: integer; band: string
//   affects: list<string> — the asset and zone ids it names, sorted
//   assetLists: list<list<string>> — per named entity, the assets it stands for
//   sharedLists: list<list<string>> — per named entity, the shared systems among them
//   safetyLists: list<list<string>> — per named entity, the SIF elements and assets in safety zones
//   affectedDomains: list<string> — the domains of the zones touched
//   safetyZones: list<string> — the safety zones touched, sorted
//   flags: list<string> — JOINT-OWNERSHIP-GAP, SAFETY-RISK-OUTSIDE-OT, SAFETY-CONSEQUENCE-UNDERSTATED
//   treatmentState: string|null — treated | open | null (not a mitigate risk)
//   checks: list<map> — {control, domain, effective} for each mitigating control and checked domain
MATCH (k:Risk)
WHERE $risks IS NULL OR k.id IN $risks
OPTIONAL MATCH (k)-[:AFFECTS]->(n)
// What a named asset or zone holds is read once, however many risks name it: every plant's
// enterprise zone is named by each enterprise-wide risk.
WITH n, collect(k) AS naming
OPTIONAL CALL (n) {
  MATCH (n:Asset)-[:IN_ZONE]->(z:Zone)
  RETURN [n.id] AS assets, [x IN [n.id] WHERE coalesce($shared[x], false)] AS shared,
    CASE WHEN z.safety OR EXISTS { (n)<-[:HAS_ELEMENT]-(:SIF) } THEN [n.id] ELSE [] END AS safety, z AS zone
  UNION
  MATCH (n:Zone)
  WITH n, COLLECT { MATCH (n)<-[:IN_ZONE]-(a:Asset) RETURN a.id } AS members
  RETURN members AS assets, [x IN members WHERE coalesce($shared[x], false)] AS shared,
    CASE WHEN n.safety THEN members ELSE COLLECT { MATCH (n)<-[:IN_ZONE]-(a:Asset) WHERE EXISTS { (a)<-[:HAS_ELEMENT]-(:SIF) } RETURN a.id } END AS safety,
    n AS zone
}
UNWIND naming AS k
WITH k, n, assets, shared, safety, zone ORDER BY n.id
// Lists of lists: flattened, de-duplicated and sorted by the caller (server/assurance/risks.ts).
WITH k, collect(n.id) AS affects, collect(assets) AS assetLists, collect(shared) AS sharedLists, collect(safety) AS safetyLists,
  collect(DISTINCT zone) AS touched
WITH k, affects, assetLists, sharedLists, safetyLists,
  [d IN ['IT', 'OT'] WHERE any(z IN touched WHERE z.domain = d)] AS affectedDomains,
  COLLECT { UNWIND touched AS z WITH z WHERE z.safety RETURN z.id ORDER BY z.id } AS safetyZones
CALL (k, affectedDomains) {
  OPTIONAL MATCH (c:Control)-[:MITIGATES]->(k)
  WITH c ORDER BY c.id
  WITH collect(c) AS mitigating, CASE WHEN size(affectedDomains) > 0 THEN affectedDomains ELSE ['IT', 'OT'] END AS domains
  RETURN size(mitigating) AS mitigating, reduce(acc = [], c IN mitigating | acc +
    [d IN domains WHERE $effective[c.id + '|' + d] IS NOT NULL | {control: c.id, domain: d, effective: $effective[c.id + '|' + d]}]) AS checks
}
WITH k, affects, assetLists, sharedLists, safetyLists, affectedDomains, safetyZones, mitigating, checks, k.likelihood * k.impact AS score
RETURN k.id AS risk, k.title AS title, k.register AS register, k.owner AS owner, k.treatment AS treatment,
  k.likelihood AS likelihood, k.impact AS impact, k.safetyConsequence AS safetyConsequence,
  score, CASE WHEN score <= 4 THEN 'low' WHEN score <= 9 THEN 'medium' WHEN score <= 14 THEN 'high' ELSE 'very-high' END AS band,
  affects, assetLists, sharedLists, safetyLists, affectedDomains, safetyZones,
  [flag IN [
    CASE WHEN any(l IN sharedLists WHERE size(l) > 0) AND k.register <> 'JOINT' THEN 'JOINT-OWNERSHIP-GAP' END,
    CASE WHEN k.safetyConsequence IN ['major', 'severe'] AND k.register = 'IT' THEN 'SAFETY-RISK-OUTSIDE-OT' END,
    CASE WHEN k.safetyConsequence = 'none' AND (size(safetyZones) > 0 OR any(l IN safetyLists WHERE size(l) > 0)) THEN 'SAFETY-CONSEQUENCE-UNDERSTATED' END
  ] WHERE flag IS NOT NULL] AS flags,
  CASE WHEN k.treatment <> 'mitigate' THEN null
    WHEN mitigating > 0 AND all(c IN checks WHERE c.effective = 'implemented') THEN 'treated' ELSE 'open' END AS treatmentState,
  CASE WHEN k.treatment = 'mitigate' THEN checks ELSE [] END AS checks
ORDER BY risk
