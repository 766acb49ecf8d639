// description: How many safety paths an assessment examines: SIFs, safety-required flows and
//   procedures in the graph, reported with every answer so "no finding" says what was checked.
// mode: read
// returns:
//   sifs, flows, procedures: integer
RETURN COUNT { (:SIF) } AS sifs,
  COUNT { (f:Flow) WHERE f.safetyRequired } AS flows,
  COUNT { (:Procedure) } AS procedures
