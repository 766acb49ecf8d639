// description: Each control's effective status in each domain it covers (DOMAIN.md §5.2.1, §5.5a):
//   the assessment for the domain; none → not-implemented ("unassessed"); implemented with no
//   current evidence covering the domain → partial ("unevidenced"). A control has no row for a
//   domain it does not cover. Currency comes from assurance/evidence-currency, passed in.
// mode: read
// params:
//   $controls: list<string>|null — control ids; null for every control
//   $current: map — evidence id → true for the items that are current (fresh or due) as of asOf
// returns:
//   control: string; name: string; category: string
//   controlDomain: string — IT, OT or BOTH
//   domain: string — IT or OT, a domain the control covers
//   assessed: map|null — {status, maturity, assessor, assessedOn}; null when not assessed there
//   evidence: list<string> — evidence supporting it that covers the domain, sorted
//   effective: string — implemented | partial | planned | not-implemented
//   downgrade: string|null — unassessed | unevidenced | null
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
WITH c, domain, CASE domain
    WHEN 'IT' THEN CASE WHEN c.itStatus IS NULL THEN null ELSE {status: c.itStatus, maturity: c.itMaturity, assessor: c.itAssessor, assessedOn: c.itAssessedOn} END
    ELSE CASE WHEN c.otStatus IS NULL THEN null ELSE {status: c.otStatus, maturity: c.otMaturity, assessor: c.otAssessor, assessedOn: c.otAssessedOn} END
  END AS assessed,
  COLLECT { MATCH (e:Evidence)-[:SUPPORTS]->(c) WHERE domain IN e.domains RETURN e.id ORDER BY e.id } AS evidence
WITH c, domain, assessed, evidence, any(e IN evidence WHERE coalesce($current[e], false)) AS evidenced
RETURN c.id AS control, c.name AS name, c.category AS category, c.domain AS controlDomain, domain, assessed, evidence,
  CASE
    WHEN assessed IS NULL THEN 'not-implemented'
    WHEN assessed.status = 'implemented' AND NOT evidenced THEN 'partial'
    ELSE assessed.status
  END AS effective,
  CASE
    WHEN assessed IS NULL THEN 'unassessed'
    WHEN assessed.status = 'implemented' AND NOT evidenced THEN 'unevidenced'
    ELSE null
  END AS downgrade
ORDER BY control, domain
