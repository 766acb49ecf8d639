// description: The control-level inconsistencies (DOMAIN.md §5.2.6, §5.5a), listed, never hidden:
//   a domain a control covers with no assessment (NOT-ASSESSED); a BOTH control whose effective IT
//   and OT statuses differ; a BOTH control whose IT and OT maturities differ by 2 or more (both
//   assessed).
// mode: read
// params:
//   $effective: map — "control|domain" → effective status, for every control and domain it covers
// returns:
//   control: string
//   unassessed: list<string> — domains it covers without an assessment
//   statuses: map|null — {IT, OT} effective statuses of a BOTH control when they differ
//   maturities: map|null — {IT, OT} of a BOTH control when they differ by 2 or more
MATCH (c:Control)
WITH c,
  [d IN ['IT', 'OT'] WHERE (c.domain = d OR c.domain = 'BOTH') AND CASE d WHEN 'IT' THEN c.itStatus ELSE c.otStatus END IS NULL] AS unassessed,
  CASE WHEN c.domain = 'BOTH' AND $effective[c.id + '|IT'] <> $effective[c.id + '|OT']
    THEN {IT: $effective[c.id + '|IT'], OT: $effective[c.id + '|OT']} END AS statuses,
  CASE WHEN c.domain = 'BOTH' AND abs(c.itMaturity - c.otMaturity) >= 2 THEN {IT: c.itMaturity, OT: c.otMaturity} END AS maturities
WHERE size(unassessed) > 0 OR statuses IS NOT NULL OR maturities IS NOT NULL
RETURN c.id AS control, unassessed, statuses, maturities
ORDER BY control
