// description: Appends what one revision changed, an entity per row: before and after hold only
//   the fields that changed (the whole document for a create or a delete), as JSON text.
// mode: write
// params:
//   $rows: list<map> — {revision, seq, collection, entity, op: create|update|delete, before: string|null, after: string|null}
// returns: nothing
UNWIND $rows AS row
CREATE (e:JournalEntry)
SET e = row
