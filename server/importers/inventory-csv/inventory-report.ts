// An inventory answer as a plain-text report for a person (what `npm run import-inventory` prints). Pure.
import type { InventoryAnswer } from './inventory-answer.js';
import { problemPath } from './import-inventory.js';

export function formatInventoryReport(answer: InventoryAnswer): string {
  const out = [answer.message, ''];
  if (answer.created.length) {
    out.push(`New (${answer.created.length})`, ...answer.created.map((c) => `  line ${c.line}: ${c.asset.id} — ${c.asset.name} (${c.asset.type}) in ${c.asset.zone}${c.asset.ip ? `, ${c.asset.ip}` : ''}`), '');
  }
  if (answer.updated.length) {
    out.push(`Updated (${answer.updated.length})`);
    for (const u of answer.updated) out.push(`  line ${u.line}: ${u.id} (matched by ${u.matchedBy}): ${u.changes.map((c) => `${c.field} ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`).join('; ')}`);
    out.push('');
  }
  if (answer.unchanged.length) out.push(`Unchanged: ${answer.unchanged.length} row${answer.unchanged.length === 1 ? '' : 's'}`, '');
  if (answer.problems.length) out.push(`Problems (${answer.problems.length})`, ...answer.problems.map((p) => `  ${problemPath(p)}: ${p.reason}`));
  return `${out.join('\n').trimEnd()}\n`;
}
