// description: Each control's effective status and maturity in each domain it covers, without the
//   evidence behind them: what a framework summary, a requirement tree or a profile's conformance
//   reads (no "why"). The same rules as assurance/control-statuses (DOMAIN.md §5.2.1): unassessed
//   → not-implemented; implemented with no current evidence covering the domain → partial; and
//   evidence is current as in assurance/evidence-currency (§5.3): its expiry (latest collection +
//   refreshDays) is on or after asOf (fresh or due). test/assurance-property.test.ts holds the two
//   paths to the oracle on random baselines.
// mode: read
// params:
//   $asOf: string — YYYY-MM-DD
//   $controls: list<string>|null — control ids; null for every control
// returns:
//   control: string
//   domain: string — IT or OT, a domain the control covers
//   effective: string — implemented | partial | planned | not-implemented
//   maturity: integer|null — the assessment's maturity in the domain; null when not assessed there
// Plan: one index seek per id, and one existence check over the control's evidence: a summary of a
// thousand controls reads no evidence rows (control-statuses plus evidence-currency cost 3× more).
CALL () {
  MATCH (c:Control)
  WHERE $controls IS NULL
  RETURN c
  UNION
  UNWIND coalesce($controls, []) AS id
  MATCH (c:Control {id: id})
  RETURN c
}
UNWIND [d IN ['IT', 'OT'] WHERE c.domain = d OR c.domain = 'BOTH'] AS domain
WITH c, domain,
  CASE domain WHEN 'IT' THEN c.itStatus ELSE c.otStatus END AS status,
  CASE domain WHEN 'IT' THEN c.itMaturity ELSE c.otMaturity END AS maturity
WITH c, domain, status, maturity, EXISTS {
    MATCH (e:Evidence)-[:SUPPORTS]->(c)
    WHERE domain IN e.domains AND e.latestCollectedOn IS NOT NULL
      AND date(e.latestCollectedOn) + duration({days: e.refreshDays}) >= date($asOf)
  } AS evidenced
RETURN c.id AS control, domain,
  CASE
    WHEN status IS NULL THEN 'not-implemented'
    WHEN status = 'implemented' AND NOT evidenced THEN 'partial'
    ELSE status
  END AS effective,
  CASE WHEN status IS NULL THEN null ELSE maturity END AS maturity
