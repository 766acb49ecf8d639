// description: How many safety paths an assessment examines: SIFs, safety-required flows and
//   procedures in the graph, reported with every answer so "no finding" says what was checked.
//   Plan: label counts come from the count store; safety-required flows from the
//   flow_safety_required index (a seek, not a scan of every flow: 3–5 ms at 100,000 assets).
// mode: read
// returns:
//   sifs, flows, procedures: integer
RETURN COUNT { (:SIF) } AS sifs,
  COUNT { (f:Flow {safetyRequired: true}) } AS flows,
  COUNT { (:Procedure) } AS procedures
