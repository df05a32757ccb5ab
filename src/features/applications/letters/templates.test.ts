// The letters' texts without a database: every default template fills from a case, the fill refuses
// unknown and missing placeholders, an edited template keeps the layout's first and last lines, the
// default 机关代字 abbreviates an organization's name.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.js';
import { OUTCOME_KEYS, type OutcomeKey } from '../../../domain/application-outcomes.js';
import { LETTER_KINDS, type LetterKind } from '../schema.js';
import { letterNumber, numberPrefix, orgAbbreviation } from './numbering.js';
import { sampleCase, sampleExtra } from './sample.js';
import { defaultTemplate, fillTemplate, KIND_PLACEHOLDERS, placeholdersIn, replyGroupOf, TemplateError, templateProblems } from './templates.js';
import { letterValues, LetterInputError, requestText, type LetterExtra } from './values.js';

// Plain weekdays are enough here: the calendar's own tests cover holidays.
const addWorkingDays = (from: string, n: number) => addDays(from, Math.ceil((n * 7) / 5));
const org = { name: '示例县教育局', address: '示例县城关镇文昌路18号', phone: '0000-62100021', reviewBody: '示例县人民政府' };
const TODAY = '2026-03-20';

function fill(kind: LetterKind, outcome = '', extra?: LetterExtra): string[] {
  const kase = sampleCase('jyj', TODAY, addWorkingDays, kind, outcome);
  const values = letterValues({ kind, kase, org, extra: extra ?? sampleExtra(kase.outcome), issuedOn: TODAY, addWorkingDays });
  return fillTemplate(defaultTemplate(kind, kase.outcome ?? '').body, values, KIND_PLACEHOLDERS[kind]);
}

describe('the default templates', () => {
  it.each(LETTER_KINDS.filter((k) => k !== 'reply'))('%s fills: addressee first, agency and date last, no placeholder left', (kind) => {
    const ps = fill(kind);
    expect(ps[0]).toMatch(/：$/);
    expect(ps.at(-2)).toBe('示例县教育局');
    expect(ps.at(-1)).toBe('2026年3月20日');
    expect(ps.join('\n')).not.toMatch(/\{\{|\}\}/);
    expect(ps.join('')).toContain('2026-jyj-0001');
  });

  it.each(OUTCOME_KEYS)('the reply for %s fills with the remedies, the basis and the delivery', (outcome: OutcomeKey) => {
    const text = fill('reply', outcome).join('\n');
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toMatch(/^张三：/);
    expect(text).toContain('2026年3月13日'); // received seven days before
    expect(text).toContain('“三公”经费');
    expect(text).toContain('60日内向示例县人民政府申请行政复议');
    expect(text).toContain('6个月内');
    expect(text).toMatch(/所依据的条款：|根据《中华人民共和国政府信息公开条例》第十五条的规定不予公开/);
    expect(text).toMatch(/电子邮件/);
  });

  it('a consultation letter goes to the third party and never names the applicant', () => {
    const ps = fill('consultation_letter');
    expect(ps[0]).toBe('示例县某某建材有限公司：');
    expect(ps.join('')).not.toContain('张三');
    expect(ps.join('')).toContain('15个工作日内');
    expect(ps.join('')).toContain('逾期未提出意见的，由本机关依照');
    expect(KIND_PLACEHOLDERS.consultation_letter).not.toContain('applicant');
  });

  it('a fee notice states scheme, amount, basis, how to pay and the period', () => {
    const text = fill('fee_notice').join('');
    expect(text).toContain('计收方式：按件计收');
    expect(text).toContain('第 12 件申请');
    expect(text).toContain('人民币100元');
    expect(text).toContain('《政府信息公开信息处理费管理办法》第三条、第四条');
    expect(text).toContain('缴费方式：');
    expect(text).toContain('20个工作日内');
  });

  it('a correction notice names what to correct, the period in working days and the consequence', () => {
    const text = fill('correction_notice').join('');
    expect(text).toContain('请您对下列事项作出补正：请写明所需政府信息的名称');
    expect(text).toContain('15个工作日内');
    expect(text).toContain('视为放弃申请');
  });

  it('an extension notice states the reason and the new due date, and needs an approved extension', () => {
    const text = fill('extension_notice').join('');
    expect(text).toContain('因所申请的信息涉及多个内设机构');
    expect(text).toContain('延长20个工作日');
    const kase = { ...sampleCase('jyj', TODAY, addWorkingDays, 'acknowledgement', ''), clock: null };
    expect(() => letterValues({ kind: 'extension_notice', kase, org, extra: sampleExtra(null), issuedOn: TODAY, addWorkingDays })).toThrow(LetterInputError);
  });

  it('部分公开 needs the withheld part and its article; 其他处理 needs the facts', () => {
    const kase = sampleCase('jyj', TODAY, addWorkingDays, 'reply', 'partly_disclosed');
    const values = (extra: LetterExtra) => letterValues({ kind: 'reply', kase, org, extra, issuedOn: TODAY, addWorkingDays });
    expect(() => values({ basis: '《中华人民共和国政府信息公开条例》第十五条' })).toThrow('部分公开须写明不予公开的内容');
    expect(() => values({ withheldPart: '银行账户' })).toThrow('部分公开须写明不予公开部分所依据的具体条款');
    const other = sampleCase('jyj', TODAY, addWorkingDays, 'reply', 'other.other');
    expect(() => letterValues({ kind: 'reply', kase: other, org, extra: { basis: 'x' }, issuedOn: TODAY, addWorkingDays })).toThrow('须写明处理的事实和理由');
  });

  it('what was asked: title and number first, then the description', () => {
    expect(requestText({ docTitle: '示例县教育经费预算', docNumber: '示教〔2025〕3号', description: '全文。' })).toBe('《示例县教育经费预算》（示教〔2025〕3号），全文');
    expect(requestText({ docTitle: '', docNumber: '', description: '学校名单；' })).toBe('学校名单');
  });
});

describe('fillTemplate', () => {
  it('fills and drops lines left empty', () => {
    expect(fillTemplate('{{applicant}}：\n{{details}}\n正文', { applicant: '张三', details: '' })).toEqual(['张三：', '正文']);
  });

  it('refuses a placeholder with no value, naming it in Chinese', () => {
    expect(() => fillTemplate('{{applicant}}：{{due_date}}', { applicant: '张三' })).toThrow(TemplateError);
    expect(() => fillTemplate('{{applicant}}：{{due_date}}', { applicant: '张三' })).toThrow('模板中的占位符缺少内容：{{due_date}}（答复期限届满日）');
  });

  it('refuses an unknown placeholder, and one the kind may not use', () => {
    expect(() => fillTemplate('{{applicant_id}}', { applicant: '张三' })).toThrow('模板中有未知的占位符：{{applicant_id}}');
    expect(() => fillTemplate('{{ 姓名 }}', {})).toThrow('未知的占位符');
    expect(() => fillTemplate('{{applicant}}', { applicant: '张三' }, KIND_PLACEHOLDERS.consultation_letter)).toThrow('{{applicant}}');
  });

  it('lists the placeholders a body uses', () => {
    expect(placeholdersIn('{{a}}{{b}}{{a}}')).toEqual(['a', 'b']);
  });
});

describe('templateProblems', () => {
  const ok = { title: '告知书', body: '{{applicant}}：\n正文\n{{agency}}\n{{issued_date}}' };
  it('accepts the defaults and a minimal template', () => {
    expect(templateProblems('acknowledgement', ok)).toEqual([]);
    for (const kind of LETTER_KINDS) expect(templateProblems(kind, defaultTemplate(kind, kind === 'reply' ? 'withheld' : ''))).toEqual([]);
  });
  it('keeps the layout: addressee first, agency and date last', () => {
    expect(templateProblems('acknowledgement', { title: '告知书', body: '正文\n正文\n{{issued_date}}\n{{agency}}' })).toEqual([
      '第一行应为称呼，以冒号结尾（如 {{applicant}}：）',
      '倒数第二行应为署名 {{agency}}',
      '最后一行应为日期 {{issued_date}}',
    ]);
    expect(templateProblems('consultation_letter', ok)[0]).toContain('征求第三方意见函中不能使用这些占位符：{{applicant}}');
  });
});

describe('文号', () => {
  it.each([
    ['示例县教育局', '示教'],
    ['示例县人民政府', '示政'],
    ['示例县人民政府办公室', '示政办'],
    ['示例县东山镇人民政府', '东政'],
    ['示例县市场监督管理局', '示市'],
    ['示例县住房和城乡建设局', '示住'],
  ])('%s abbreviates to %s', (name, abbr) => expect(orgAbbreviation(name)).toBe(abbr));

  it('is 代字〔year〕serial号, the template prefix replacing the default', () => {
    expect(letterNumber(numberPrefix('', '示例县教育局', 'reply'), 2026, 3)).toBe('示教依复〔2026〕3号');
    expect(letterNumber(numberPrefix('示教信公', '示例县教育局', 'reply'), 2026, 12)).toBe('示教信公〔2026〕12号');
    expect(replyGroupOf('withheld.third_party')).toBe('withheld');
  });
});
