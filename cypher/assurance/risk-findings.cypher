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
//   affectedAssets: list<string>; affectedDomains: list<string>; sharedSystems: list<string>
//   safetyTargets: list<string> — safety zones touched, then SIF elements and assets in safety zones
//   flags: list<string> — JOINT-OWNERSHIP-GAP, SAFETY-RISK-OUTSIDE-OT, SAFETY-CONSEQUENCE-UNDERSTATED
//   treatmentState: string|null — treated | open | null (not a mitigate risk)
//   checks: list<map> — {control, domain, effective} for each mitigating control and checked domain
MATCH (k:Risk)
WHERE $risks IS NULL OR k.id IN $risks
CALL (k) {
  OPTIONAL MATCH (k)-[:AFFECTS]->(n)
  WITH n ORDER BY n.id
  RETURN collect(n.id) AS affects, collect(CASE WHEN n:Zone THEN n END) AS zonesNamed
}
OPTIONAL CALL (k) {
  MATCH (k)-[:AFFECTS]->(a:Asset)
  RETURN a
  UNION
  MATCH (k)-[:AFFECTS]->(:Zone)<-[:IN_ZONE]-(a:Asset)
  RETURN a
}
// What an asset is (a SIF element, where) is read once however many risks affect it:
// every plant's enterprise zone is named by each enterprise-wide risk.
WITH a, collect({k: k, affects: affects, zonesNamed: zonesNamed}) AS named
OPTIONAL CALL (a) {
  MATCH (a)-[:IN_ZONE]->(az:Zone)
  RETURN az, EXISTS { (a)<-[:HAS_ELEMENT]-(:SIF) } AS sif,
    coalesce($shared[a.id], false) AS shared
}
UNWIND named AS r
WITH r.k AS k, r.affects AS affects, r.zonesNamed AS zonesNamed, a, az, sif, shared
ORDER BY a.id
WITH k, affects, zonesNamed, collect(a.id) AS affectedAssets, collect(DISTINCT az) AS assetZones,
  collect(CASE WHEN shared THEN a.id END) AS sharedSystems, collect(CASE WHEN sif OR az.safety THEN a.id END) AS safetyAssets
WITH k, affects, affectedAssets, sharedSystems, safetyAssets, COLLECT { UNWIND zonesNamed + assetZones AS z RETURN DISTINCT z } AS touched
WITH k, affects, affectedAssets, sharedSystems,
  [d IN ['IT', 'OT'] WHERE any(z IN touched WHERE z.domain = d)] AS affectedDomains,
  COLLECT { UNWIND touched AS z WITH z WHERE z.safety RETURN z.id ORDER BY z.id } + safetyAssets AS safetyTargets
CALL (k, affectedDomains) {
  OPTIONAL MATCH (c:Control)-[:MITIGATES]->(k)
  WITH c ORDER BY c.id
  WITH collect(c) AS mitigating, CASE WHEN size(affectedDomains) > 0 THEN affectedDomains ELSE ['IT', 'OT'] END AS domains
  RETURN size(mitigating) AS mitigating, reduce(acc = [], c IN mitigating | acc +
    [d IN domains WHERE $effective[c.id + '|' + d] IS NOT NULL | {control: c.id, domain: d, effective: $effective[c.id + '|' + d]}]) AS checks
}
WITH k, affects, affectedAssets, affectedDomains, sharedSystems, safetyTargets, mitigating, checks, k.likelihood * k.impact AS score
RETURN k.id AS risk, k.title AS title, k.register AS register, k.owner AS owner, k.treatment AS treatment,
  k.likelihood AS likelihood, k.impact AS impact, k.safetyConsequence AS safetyConsequence,
  score, CASE WHEN score <= 4 THEN 'low' WHEN score <= 9 THEN 'medium' WHEN score <= 14 THEN 'high' ELSE 'very-high' END AS band,
  affects, affectedAssets, affectedDomains, sharedSystems, safetyTargets,
  [flag IN [
    CASE WHEN size(sharedSystems) > 0 AND k.register <> 'JOINT' THEN 'JOINT-OWNERSHIP-GAP' END,
    CASE WHEN k.safetyConsequence IN ['major', 'severe'] AND k.register = 'IT' THEN 'SAFETY-RISK-OUTSIDE-OT' END,
    CASE WHEN k.safetyConsequence = 'none' AND size(safetyTargets) > 0 THEN 'SAFETY-CONSEQUENCE-UNDERSTATED' END
  ] WHERE flag IS NOT NULL] AS flags,
  CASE WHEN k.treatment <> 'mitigate' THEN null
    WHEN mitigating > 0 AND all(c IN checks WHERE c.effective = 'implemented') THEN 'treated' ELSE 'open' END AS treatmentState,
  CASE WHEN k.treatment = 'mitigate' THEN checks ELSE [] END AS checks
ORDER BY risk
