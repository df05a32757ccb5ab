// The `gongkai` command: run the server, migrate, seed demo data, manage organizations and users,
// and compute working days. Errors are printed in Chinese; the exit code is 1 for a refused
// operation and 2 for wrong usage.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from './config.js';
import { systemContext } from './context.js';
import type { Database } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { openPlatform } from './bootstrap.js';
import { AppError } from './errors.js';
import { isRole, ROLES } from './domain/policy.js';
import { WorkingCalendar } from './domain/calendar.js';
import { isIsoDate } from './domain/dates.js';
import { loadCalendar, saveYear } from './features/calendar/service.js';
import { shippedYears } from './features/calendar/shipped.js';
import { createOrg, findOrgByCode } from './features/orgs/organizations.js';
import { ORG_KINDS, type OrgKind } from './features/orgs/schema.js';
import { createUser } from './features/orgs/users.js';
import { importCommand } from './features/documents/import/command.js';
import { importApplicationsCommand } from './features/applications/import/command.js';
import { annualReportCommand, ReportUsageError, type AnnualReportOptions } from './features/annual-report/command.js';
import { importReportCommand, ReportFileError, type ImportReportOptions } from './features/annual-report/entered.js';
import { ManifestError, readManifest } from './features/documents/import/manifest.js';
import { reindexAll } from './features/search/reindex.js';
import { hasAnyOrganization, seedDemo } from './demo/seed.js';
import { DEMO_PASSWORD } from './demo/users.js';

class UsageError extends Error {}

/** Generated documents added to the demo government's own (src/demo/generated.ts). */
const DEMO_GENERATED = 3000;

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openPlatform(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/**
 * The calendar from the database (with administrators' corrections); if a running server holds the
 * embedded database, the shipped arrangements, with a note on stderr.
 */
async function withCalendar<T>(config: Config, fn: (calendar: WorkingCalendar) => T): Promise<T> {
  try {
    return await withDatabase(config, async ({ db }) => fn(await loadCalendar(db)));
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    process.stderr.write('注意：嵌入式数据库正被运行中的服务使用，本次按内置的国务院节假日安排计算（不含管理员的更正）。\n');
    return fn(new WorkingCalendar(shippedYears()));
  }
}

function printCredentials(users: { username: string; name: string; org: string }[]) {
  console.log('\n演示数据已创建。演示账号（密码均为 %s）：', DEMO_PASSWORD);
  for (const u of users) console.log(`  ${u.username.padEnd(14)} ${u.name}（${u.org}）`);
  console.log('');
}

async function serve(config: Config, demo: boolean) {
  const database = await openPlatform(config);
  if (demo && !(await hasAnyOrganization(database.db))) printCredentials(await seedDemo(database.db, { generated: DEMO_GENERATED }));
  const { buildApp } = await import('./server.js');
  const app = await buildApp({ config, database });
  const { startJobs } = await import('./jobs.js');
  const stopJobs = startJobs(database.db, app.log, () => app.pageCache.clear(), config.mail);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // A request that never ends must not keep the process alive for ever.
    setTimeout(() => {
      app.log.error('shutdown took over 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    // Fastify stops accepting connections, answers 503 to new requests on kept-alive sockets,
    // and resolves once every in-flight request has been answered.
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Gongkai 已启动：门户 http://${shown}:${config.port}/  工作台 http://${shown}:${config.port}/workbench/  （数据库：${database.kind}）`);
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`工作日天数应为 1 到 1000 之间的整数，实际为“${value}”`);
  return n;
}

function checkDate(value: string): string {
  if (!isIsoDate(value)) throw new UsageError(`日期无效：“${value}”，应为 YYYY-MM-DD`);
  return value;
}

export function buildProgram(config: Config): Command {
  const program = new Command('gongkai')
    .description('Gongkai 政务公开平台')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('serve')
    .description('启动服务（门户、工作台、API）')
    .option('--demo', '数据库为空时创建演示数据（示例县）')
    .action((opts: { demo?: boolean }) => serve(config, Boolean(opts.demo)));

  program
    .command('migrate')
    .description('执行数据库迁移（启动服务时也会自动执行）')
    .action(() => withDatabase(config, async (d) => console.log(`数据库迁移完成（${d.kind}）`)));

  program
    .command('seed-demo')
    .description('在空数据库中创建演示数据')
    .action(() =>
      withDatabase(config, async ({ db }) => {
        if (await hasAnyOrganization(db)) throw new AppError(409, 'conflict', '数据库中已有机构，不再创建演示数据');
        printCredentials(await seedDemo(db, { generated: DEMO_GENERATED }));
      }),
    );

  const org = program.command('org').description('机构管理');
  org
    .command('create')
    .description('新建机构')
    .requiredOption('--code <code>', '机构代码（字母、数字、-、_）')
    .requiredOption('--name <name>', '机构名称')
    .addOption(new Option('--kind <kind>', '机构类型').choices([...ORG_KINDS]).makeOptionMandatory())
    .option('--parent <code>', '上级机构代码（顶级机构不填）')
    .action((o: { code: string; name: string; kind: OrgKind; parent?: string }) =>
      withDatabase(config, async ({ db }) => {
        if (!/^[A-Za-z0-9_-]{1,40}$/.test(o.code)) throw new UsageError('机构代码只能包含字母、数字、-、_，最长 40 位');
        let parentId: number | null = null;
        if (o.parent) {
          const parent = await findOrgByCode(db, o.parent);
          if (!parent) throw new UsageError(`找不到上级机构：${o.parent}`);
          parentId = parent.id;
        }
        const created = await createOrg(db, systemContext, { code: o.code, name: o.name, kind: o.kind, parentId });
        console.log(`已创建机构 ${created.code}（${created.name}），id ${created.id}`);
      }),
    );

  const user = program.command('user').description('用户管理');
  user
    .command('create')
    .description('新建用户')
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--password <password>', '初始密码')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--org <code>', '所属机构代码')
    .requiredOption('--role <role...>', `角色，可多个（${ROLES.join(', ')}）`)
    .action((o: { username: string; password: string; name: string; org: string; role: string[] }) =>
      withDatabase(config, async ({ db }) => {
        const roles = o.role.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
        const bad = roles.filter((r) => !isRole(r));
        if (bad.length) throw new UsageError(`未知的角色：${bad.join('、')}；可选：${ROLES.join(', ')}`);
        const orgRow = await findOrgByCode(db, o.org);
        if (!orgRow) throw new UsageError(`找不到机构：${o.org}`);
        const created = await createUser(db, systemContext, { ...o, orgId: orgRow.id, roles });
        console.log(`已创建用户 ${created.username}（${created.name}，${created.orgName}）`);
      }),
    );

  const calendar = program.command('calendar').description('工作日历');
  calendar
    .command('add-working-days')
    .description('起算日期之后第 N 个工作日（起算当日不计入）')
    .requiredOption('--from <date>', '起算日期 YYYY-MM-DD')
    .requiredOption('--days <n>', '工作日天数')
    .option('--explain', '同时输出计算说明')
    .action((o: { from: string; days: string; explain?: boolean }) => {
      const from = checkDate(o.from);
      const days = parseDays(o.days);
      return withCalendar(config, (cal) => {
        const result = cal.addWorkingDays(from, days);
        console.log(result.date);
        if (o.explain) console.error(result.text);
        if (result.missingYears.length) {
          console.error(`注意：${result.missingYears.join('、')} 年的节假日安排尚未发布，按普通周末计算。`);
        }
      });
    });
  calendar
    .command('is-working-day')
    .description('是否为工作日（输出 true 或 false）')
    .argument('<date>', 'YYYY-MM-DD')
    .action((date: string) => withCalendar(config, (cal) => console.log(String(cal.isWorkingDay(checkDate(date))))));
  calendar
    .command('import')
    .description('导入一年的节假日安排（holiday-cn JSON 格式）')
    .argument('<file>', 'JSON 文件')
    .action((file: string) =>
      withDatabase(config, async ({ db }) => {
        let data: { year?: unknown; days?: unknown; papers?: unknown };
        try {
          data = JSON.parse(readFileSync(file, 'utf8'));
        } catch (err) {
          throw new UsageError(`无法读取 JSON 文件 ${file}：${(err as Error).message}`);
        }
        if (!Number.isInteger(data?.year)) throw new UsageError('文件缺少有效的 year 字段');
        const row = await saveYear(db, systemContext, data.year as number, {
          days: data.days as never,
          papers: (data.papers as string[]) ?? [],
          note: `命令行导入 ${file}`,
        });
        console.log(`已导入 ${row.year} 年节假日安排，共 ${row.days.length} 天`);
      }),
    );
  program
    .command('documents')
    .description('政府信息')
    .command('import')
    .description('导入已有文件：文件夹（含 manifest.json/.csv/.xlsx 与所列文件）或清单文件；重复运行不会重复导入')
    .argument('<source>', '文件夹或清单文件')
    .option('--dry-run', '只检查，不写入数据库')
    .option('--report <file>', '报告文件（CSV），默认 ./import-report-YYYYMMDD-HHMMSS.csv')
    .action(async (source: string, o: { dryRun?: boolean; report?: string }) => {
      const manifest = await readManifest(source).catch((err) => Promise.reject(err instanceof ManifestError ? new UsageError(err.message) : err));
      process.exitCode = await withDatabase(config, ({ db }) => importCommand(db, config, manifest, o));
    });
  program
    .command('search')
    .description('站内检索')
    .command('reindex')
    .description('按现行的规范化和分词规则重建全部检索条目（升级分词词典或繁简转换后运行）；已不公开的条目一并移除')
    .action(() =>
      withDatabase(config, async ({ db }) => {
        const started = Date.now();
        const r = await reindexAll(db, { onProgress: (n) => process.stderr.write(`已重建 ${n} 件文件\r`) });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`已重建检索条目：文件 ${r.documents} 件，问答 ${r.answers} 条；移除已不公开的条目 ${r.removed} 条（用时 ${seconds} 秒）`);
      }),
    );
  program
    .command('applications')
    .description('政府信息公开申请')
    .command('import')
    .description('导入历史申请（JSON Lines：每行一个对象，含 org、applicantKind、channel、receivedOn、closedOn、outcome，可选 serial、description）；无效的行逐行报告，其余在一个事务中导入')
    .argument('<file>', '.jsonl 文件')
    .option('--dry-run', '只检查，不写入数据库')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new UsageError(`无法读取文件 ${file}：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message}`);
      }
      process.exitCode = await withDatabase(config, ({ db }) => importApplicationsCommand(db, file, text, o));
    });
  program
    .command('report')
    .description('年度报告')
    .command('annual')
    .description('政府信息公开工作年度报告：按系统中的数据计算表二（规章、行政规范性文件）、表三（依申请公开）、表四（复议、诉讼）')
    .requiredOption('--org <code>', '机构代码（政府的报告包括其所属各机构）')
    .requiredOption('--year <yyyy>', '年度')
    .option('--format <format>', '输出格式：json、html 或 docx（Word）', 'json')
    .option('--out <file>', '写入文件（默认输出到屏幕；docx 必须指定）')
    .action(async (o: AnnualReportOptions) => {
      process.exitCode = await withDatabase(config, ({ db }) => annualReportCommand(db, o)).catch((err) => Promise.reject(err instanceof ReportUsageError ? new UsageError(err.message) : err));
    })
    // --org and --year are read by `annual` itself when given after `import` (commander's rule).
    .command('import <file>')
    .description('录入往年已在别处发布的年度报告（JSON，格式同 --format json 的输出；按已发布保存并列出检查结果）')
    .option('--org <code>', '机构代码')
    .option('--year <yyyy>', '年度')
    .option('--published-on <date>', '发布日期 YYYY-MM-DD（文件中有 publishedOn 时可省略）')
    .action(async (file: string, o: ImportReportOptions, cmd: Command) => {
      const options = { ...(cmd.parent?.opts() as ImportReportOptions), ...o };
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new UsageError(`无法读取文件 ${file}：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message}`);
      }
      process.exitCode = await withDatabase(config, ({ db }) => importReportCommand(db, options, file, text)).catch((err) => Promise.reject(err instanceof ReportFileError ? new UsageError(err.message) : err));
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const program = buildProgram(config);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
    if (err instanceof UsageError) {
      console.error(`错误：${err.message}`);
      process.exit(2);
    }
    if (err instanceof AppError || err instanceof DataDirLockedError) {
      console.error(`错误：${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
