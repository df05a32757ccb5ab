import { describe, expect, it } from 'vitest';
import { checkText, DEFAULT_CHECK_RULES, hasBlocking, htmlToPlainText } from './text-checks.js';

const rules = DEFAULT_CHECK_RULES;
const codes = (text: string, field = 'body') => checkText({ [field]: text }, rules).map((f) => f.code);

describe('personal data', () => {
  it('finds a valid ID number, masks it, and says where', () => {
    const text = '经核实，申请人张某（身份证号码：11010519491231002X）已办理登记。';
    const [f] = checkText({ body: text }, rules);
    expect(f).toMatchObject({ code: 'id_number', severity: 'block', field: 'body', index: text.indexOf('1101') });
    expect(f.message).toContain('正文第 17 字处'); // 经核实，申请人张某（身份证号码： is 16 characters
    expect(f.message).toContain('110105********002X');
    expect(f.message + f.excerpt).not.toContain('11010519491231002X');
  });

  it('ignores 18-character codes that are not valid ID numbers: credit codes, wrong check digits, dates', () => {
    expect(codes('统一社会信用代码：91330382MA2H8XKQ3T，成立日期20210315。')).toEqual([]);
    expect(codes('编号 110101199003077777 不是有效身份证号。')).toEqual([]);
    expect(codes('文号：乐政办发〔2021〕19号，索引号 jyj/2024-00017。')).toEqual([]);
  });

  it('finds mobile numbers in common layouts, never office phones', () => {
    expect(codes('联系人：王丽，手机：13800138000。')).toEqual(['mobile']);
    expect(codes('手机 138 0013 8000 或 139-1234-5678')).toEqual(['mobile', 'mobile']);
    expect(codes('联系电话：0000-62100021，传真：0577-62100009，热线 12345。')).toEqual([]);
    const [f] = checkText({ body: '电话13800138000' }, rules);
    expect(f.excerpt).toBe('电话138****8000');
  });

  it('finds bank card numbers by the Luhn check, grouped or not', () => {
    expect(codes('补贴发放至账户 6222021234567890128。')).toEqual(['bank_card']);
    expect(codes('账号 6222 0212 3456 7890 128')).toEqual(['bank_card']);
    expect(codes('项目编号 6222021234567890123')).toEqual([]); // fails Luhn
    const [f] = checkText({ body: '卡号6222021234567890128' }, rules);
    expect(f.message).toContain('6222***********0128');
  });
});

describe('excerpts', () => {
  it('never show personal data, not even a neighbour of the finding', () => {
    const text = '张某（身份证号码11010519491231002X，手机13800138000，卡号6222021234567890128）秘密★1年';
    const findings = checkText({ body: text }, rules);
    expect(findings.map((f) => f.code)).toEqual(['id_number', 'mobile', 'bank_card', 'secrecy_mark']);
    for (const f of findings) {
      const shown = f.excerpt + f.message;
      expect(shown).not.toContain('11010519491231002X');
      expect(shown).not.toContain('13800138000');
      expect(shown).not.toContain('0013');
      expect(shown).not.toContain('6222021234567890128');
      expect(shown).not.toMatch(/\d{7,}/);
    }
    expect(findings[3].excerpt).toContain('秘密★1年');
  });
});

describe('secrecy marks', () => {
  it.each(['秘密★1年', '机密★', '★绝密', '绝密★10年'])('blocks the mark %s', (mark) => {
    expect(codes(`${mark}\n示例县关于……的通知`)).toContain('secrecy_mark');
  });

  it('blocks 绝密/机密 standing as a mark at the start of a line, and 内部 markings', () => {
    expect(codes('机密\n关于……的报告')).toEqual(['secrecy_mark']);
    expect(codes('本材料为内部资料，注意保存。')).toEqual(['secrecy_mark']);
  });

  it('does not flag ordinary legal wording', () => {
    expect(codes('依据条例第十四条，涉及国家秘密的政府信息不予公开；涉及商业秘密、个人隐私的，不得公开。')).toEqual([]);
    expect(codes('村民委员会选举实行秘密投票，保守机密是每个公民的义务。')).toEqual([]);
  });
});

describe('words', () => {
  it('warns on sensitive words and blocks serious wording errors', () => {
    const findings = checkText({ title: '国务院办公室关于印发……的通知（内部讨论稿）' }, rules);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['wording_error', 'block'],
      ['sensitive_word', 'warn'],
    ]);
    expect(findings[0].message).toBe('标题第 1 字处“国务院办公室”疑为错误表述，应为“国务院办公厅”');
    expect(hasBlocking(findings)).toBe(true);
    expect(hasBlocking(findings.slice(1))).toBe(false);
  });

  it('does not flag the correct form when the wrong one is part of it', () => {
    const r = { sensitiveWords: [], wordingErrors: [{ wrong: '国务院办', right: '国务院办公厅' }] };
    expect(checkText({ body: '根据国务院办公厅通知' }, r)).toEqual([]);
    expect(checkText({ body: '根据国务院办通知' }, r).map((f) => f.code)).toEqual(['wording_error']);
  });

  it('uses the rules it is given', () => {
    expect(checkText({ body: '示例词出现' }, { sensitiveWords: ['示例词'], wordingErrors: [] }).map((f) => f.code)).toEqual(['sensitive_word']);
  });

  it('sorts by field and position', () => {
    const f = checkText({ title: '手机13800138000', body: '国务院办公室，内部资料' }, rules);
    expect(f.map((x) => `${x.field}:${x.index}`)).toEqual(['body:0', 'body:7', 'title:2']);
  });
});

describe('htmlToPlainText', () => {
  it('removes tags and scripts, decodes entities, keeps paragraphs apart', () => {
    const html = '<p>各单位：</p><p>现将&ldquo;办法&rdquo;印发给你们&nbsp;&amp;&#x4E00;&#19968;</p><script>x()</script><br>请遵照执行。';
    expect(htmlToPlainText(html)).toBe('各单位：\n现将&ldquo;办法&rdquo;印发给你们 &一一\n请遵照执行。');
  });
});
