// description: Assets matching a patch selector's vendor and/or model (exact, case-sensitive);
//   the version comparison happens in TypeScript, where dotted versions compare part by part.
// mode: read
// params:
//   $vendor: string|null — vendor, null for any
//   $model: string|null — model, null for any
// returns:
//   id: string; version: string|null
MATCH (a:Asset)
WHERE ($vendor IS NULL OR a.vendor = $vendor) AND ($model IS NULL OR a.model = $model)
RETURN a.id AS id, a.version AS version
ORDER BY id
