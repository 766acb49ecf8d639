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
  OPTIONAL MATCH (n)<-[:IN_ZONE]-(member:Asset) WHERE n:Zone
  WITH k, collect(DISTINCT n.id) AS affects, collect(DISTINCT CASE WHEN n:Asset THEN n ELSE member END) AS assets,
    collect(DISTINCT CASE WHEN n:Zone THEN n END) AS zonesNamed
  CALL (assets) {
    UNWIND assets AS a
    MATCH (a)-[:IN_ZONE]->(az:Zone)
    WITH a, az, a.id AS id ORDER BY id
    RETURN collect(a.id) AS affectedAssets, collect(DISTINCT az) AS assetZones,
      [x IN collect({a: a.id, az: az, sif: EXISTS { (a)<-[:HAS_ELEMENT]-(:SIF) },
        shared: az.purdueLevel = 3.5 OR EXISTS { MATCH (a)<-[:FROM|TO]-(:Flow)-[:FROM|TO]->(b:Asset)-[:IN_ZONE]->(bz:Zone) WHERE b <> a AND bz.domain <> az.domain }})] AS facts
  }
  WITH affects, affectedAssets, facts, COLLECT { UNWIND zonesNamed + assetZones AS z RETURN DISTINCT z } AS touched
  RETURN affects, affectedAssets,
    [d IN ['IT', 'OT'] WHERE any(z IN touched WHERE z.domain = d)] AS affectedDomains,
    [f IN facts WHERE f.shared | f.a] AS sharedSystems,
    COLLECT { UNWIND touched AS z WITH z WHERE z.safety RETURN z.id ORDER BY z.id }
      + [f IN facts WHERE f.sif OR f.az.safety | f.a] AS safetyTargets
}
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
