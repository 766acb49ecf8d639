// `npm run audit -- verify|head|list`: checks the audit chain (exit 0 when it holds, 2 at the first
// entry that does not chain), prints the chain head to keep outside the database, or lists entries.
// Straight on the database, or through a running server with --url and a token.
import { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { auditHead, listAudit } from '../audit/audit-log.js';
import { verifyChain, type VerifyReport } from '../audit/verify.js';
import { fail, runCli } from './cli-support.js';
import { askServer, onDatabase, refuser, tokenOption } from './cli-remote.js';

const KeptHead = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) });

function formatVerify(report: VerifyReport): string {
  const kept = report.kept ? `\n${report.kept.ok ? 'Kept head holds' : 'Kept head FAILS'}: ${report.kept.message}.` : '';
  if (report.ok) return `The audit chain holds: ${report.checked} entries; head ${report.head.seq} ${report.head.hash}.${kept}\n`;
  const broken = report.firstBreak ? `The audit chain is broken at entry ${report.firstBreak.seq} (${report.firstBreak.kind}): ${report.firstBreak.message}.\n` +
    `Entries 1–${report.checked} chain.` : `The audit chain holds (${report.checked} entries).`;
  return `${broken}${kept}\n`;
}

const get = <T>(url: string, path: string, subject: string) => askServer<T>(url, path, { method: 'GET' }, refuser(subject));

async function main(argv: string[]): Promise<number> {
  let chosen: ((url: string | undefined, json: boolean) => Promise<number>) | undefined;
  const program = new Command('audit')
    .description('Verify the hash-chained audit log, export its head, or list entries.')
    .option('--url <url>', 'a running Interlock server; without it, read Neo4j directly')
    .addOption(tokenOption())
    .option('--json', 'print the answer as JSON');
  const print = (json: boolean, answer: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : text);

  program.command('verify').description('walk the chain; exit 2 at the first entry that does not chain')
    .option('--head <file>', 'also check a chain head kept earlier (the JSON `head` printed)')
    .action((o: { head?: string }) => {
      chosen = async (url, json) => {
        const kept = o.head ? KeptHead.safeParse(JSON.parse(readFileSync(o.head, 'utf8'))) : undefined;
        if (kept && !kept.success) fail(`${o.head}: not a chain head ({"seq": …, "hash": …}).`);
        const query = kept?.success ? `?seq=${kept.data.seq}&hash=${kept.data.hash}` : '';
        const report = url
          ? await get<VerifyReport>(url, `/api/audit/verify${query}`, 'the audit chain could not be verified')
          : await onDatabase('the audit chain could not be verified', (db) => verifyChain(db, kept?.success ? kept.data : undefined));
        print(json, report, formatVerify(report));
        return report.ok ? 0 : 2;
      };
    });
  program.command('head').description('print the chain head (keep it outside the database)')
    .option('--out <file>', 'also write it to this file').action((o: { out?: string }) => {
      chosen = async (url) => {
        const head = url ? await get<unknown>(url, '/api/audit/head', 'the chain head could not be read') : await onDatabase('the chain head could not be read', auditHead);
        const text = `${JSON.stringify(head, null, 2)}\n`;
        if (o.out) writeFileSync(o.out, text);
        process.stdout.write(text);
        return 0;
      };
    });
  program.command('list').description('entries, newest first')
    .option('--actor <name>', 'only this actor').option('--action <prefix>', 'only actions starting with this (auth:, site:, user:)')
    .option('--limit <n>', 'at most this many', '50').action((o: { actor?: string; action?: string; limit: string }) => {
      chosen = async (url, json) => {
        const filter = { ...(o.actor ? { actor: o.actor } : {}), ...(o.action ? { action: o.action } : {}), limit: z.coerce.number().int().min(1).max(500).parse(o.limit) };
        const page = url
          ? await get<Awaited<ReturnType<typeof listAudit>>>(url, `/api/audit?${new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]))}`, 'the audit log could not be read')
          : await onDatabase('the audit log could not be read', (db) => listAudit(db, filter));
        print(json, page, page.entries.map((e) => `${String(e.seq).padStart(6)} ${e.at} ${e.actor.padEnd(20)} ${e.outcome === 'refused' ? 'REFUSED ' : ''}${e.action} ${e.target} ${typeof e.details === 'string' ? e.details : JSON.stringify(e.details)}\n`).join(''));
        return 0;
      };
    });
  await program.parseAsync(argv);
  if (!chosen) {
    program.outputHelp();
    return 1;
  }
  const opts = program.opts<{ url?: string; json?: boolean }>();
  return chosen(opts.url, opts.json ?? false);
}

runCli(() => main(process.argv));
