import { describe, it, expect } from 'vitest';
import { SCREENING_DEFAULTS, screenApplication, screeningSettingsProblems, textSimilarity } from './application-screening.js';
import type { EarlierApplication, ScreeningInput } from './application-screening.js';

const ASK = '申请公开乐清市城南街道2023年度房屋征收补偿安置方案及其批准文件';

function earlier(id: number, applicantKey: string, receivedOn: string, text = `申请公开第${id}号会议纪要`, replied = false): EarlierApplication {
  return { id, applicantKey, receivedOn, text, outcome: replied ? 'disclosed' : null };
}

function screen(partial: Partial<ScreeningInput>) {
  return screenApplication({ applicantKey: 'A', receivedOn: '2024-03-15', text: ASK, earlier: [], ...partial });
}

describe('textSimilarity', () => {
  it('scores near-duplicates high and different requests low, ignoring script, punctuation and boilerplate', () => {
    expect(textSimilarity(ASK, ASK)).toBeCloseTo(1, 10);
    expect(textSimilarity(ASK, '申請公開樂清市城南街道2023年度房屋徵收補償安置方案及其批准文件')).toBeCloseTo(1, 10);
    expect(textSimilarity(ASK, '申请公开乐清市城南街道2023年度房屋征收补偿安置方案和批准文件')).toBeGreaterThan(0.9);
    expect(textSimilarity(ASK, '请提供城南街道2023年房屋征收补偿安置方案、批准文件。')).toBeGreaterThan(0.7);
    expect(textSimilarity(ASK, '申请公开乐清市2024年财政预算执行情况报告')).toBeLessThan(0.3);
    expect(textSimilarity('', ASK)).toBe(0);
  });
});

describe('counts in the month and quarter', () => {
  it('count the applicant’s applications of the calendar month and quarter, this one included, not others’', () => {
    const r = screen({
      earlier: [
        earlier(1, 'A', '2024-03-01'),
        earlier(2, 'A', '2024-03-15'),
        earlier(3, 'A', '2024-02-29'),
        earlier(4, 'A', '2024-01-02'),
        earlier(5, 'A', '2023-12-31'),
        earlier(6, 'B', '2024-03-10'),
        earlier(7, 'A', '2024-04-01'), // after this one: not counted
      ],
    });
    expect(r.countInMonth).toBe(3);
    expect(r.countInQuarter).toBe(5);
    expect(r.hints).toEqual([]);
  });

  it('point out an 11th application in the month, citing 第三十五条 and the fee rules, as a possibility', () => {
    const r = screen({ earlier: Array.from({ length: 10 }, (_, i) => earlier(i + 1, 'A', `2024-03-${String(i + 1).padStart(2, '0')}`)) });
    expect(r.countInMonth).toBe(11);
    const h = r.hints.find((x) => x.kind === 'frequency')!;
    expect(h.rule).toBe('《中华人民共和国政府信息公开条例》第三十五条、第四十二条，《政府信息公开信息处理费管理办法》第四条');
    expect(h.outcome).toBe('not_processed.excessive');
    expect(h.message).toContain('本月已提出 11 件申请、本季度 11 件');
    expect(h.message).toContain('由承办人判断');
  });

  it('point out a 31st application in the quarter even when the month is quiet', () => {
    const spread = Array.from({ length: 30 }, (_, i) => earlier(i + 1, 'A', i < 15 ? '2024-01-10' : '2024-02-10'));
    const r = screen({ earlier: spread });
    expect([r.countInMonth, r.countInQuarter]).toEqual([1, 31]);
    expect(r.hints.map((h) => h.kind)).toEqual(['frequency']);
  });
});

describe('near-duplicates', () => {
  it('the same applicant asking again for what was answered: 第三十六条第（六）项 may apply', () => {
    const r = screen({ earlier: [earlier(9, 'A', '2024-02-01', '申请公开乐清市城南街道2023年度房屋征收补偿安置方案和批准文件', true)] });
    expect(r.similar).toEqual([{ id: 9, sameApplicant: true, receivedOn: '2024-02-01', score: 0.91, sharedDocNumbers: [], numbersDiffer: false, replied: true }]);
    const h = r.hints.find((x) => x.kind === 'repeated')!;
    expect(h.rule).toBe('《中华人民共和国政府信息公开条例》第三十六条第（六）项');
    expect(h.outcome).toBe('not_processed.repeated');
    expect(h.message).toContain('可能适用不予重复处理');
  });

  it('one still open suggests handling them together; different years are pointed out', () => {
    const r = screen({ earlier: [earlier(9, 'A', '2024-03-01', '申请公开乐清市城南街道2022年度房屋征收补偿安置方案及其批准文件')] });
    expect(r.similar[0]).toMatchObject({ id: 9, replied: false, numbersDiffer: true });
    const h = r.hints.find((x) => x.kind === 'repeated')!;
    expect(h.message).toContain('尚在办理中的 1 件申请');
    expect(h.message).toContain('其中 1 件所列年份或编号不同，可能并非相同信息。');
  });

  it('other applicants asking for the same information suggest making it proactive (第四十四条)', () => {
    const r = screen({
      earlier: [
        earlier(11, 'B', '2024-01-05', '请提供城南街道2023年房屋征收补偿安置方案、批准文件。'),
        earlier(12, 'C', '2024-02-05', ASK),
        earlier(13, 'D', '2024-02-06', '申请公开乐清市2024年财政预算执行情况报告'),
      ],
    });
    expect(r.similar.map((x) => x.id)).toEqual([12, 11]);
    const h = r.hints.find((x) => x.kind === 'same_information')!;
    expect(h.rule).toBe('《中华人民共和国政府信息公开条例》第四十四条第一款');
    expect(h.similar!.map((x) => x.id)).toEqual([12, 11]);
    expect(r.hints.some((x) => x.kind === 'repeated')).toBe(false);
  });

  it('a shared doc number lists an application even when the wording differs', () => {
    const r = screen({
      text: '请公开乐政办发[2021]19号文件全文',
      earlier: [earlier(21, 'B', '2024-01-05', '申请公开《乐清市人民政府办公室关于印发……的通知》（乐政办发〔2021〕19号）')],
    });
    expect(r.similar[0]!.sharedDocNumbers).toEqual(['乐政办发〔2021〕19号']);
    expect(r.similar[0]!.score).toBeLessThan(SCREENING_DEFAULTS.similarityThreshold);
  });

  it('lists at most maxSimilar, most similar first', () => {
    const many = Array.from({ length: 15 }, (_, i) => earlier(i + 1, 'B', '2024-01-05', ASK));
    expect(screen({ earlier: many }).similar).toHaveLength(10);
  });
});

describe('content hints', () => {
  it('petition-like wording: 第三十九条第一款 may apply, worded as a possibility', () => {
    const r = screen({ text: '本人多次投诉小区违建无果，要求查处相关责任人并赔偿损失，请公开处理结果' });
    const h = r.hints.find((x) => x.kind === 'petition_complaint')!;
    expect(h.terms).toEqual(['投诉', '要求查处', '赔偿']);
    expect(h.rule).toBe('《中华人民共和国政府信息公开条例》第三十九条第一款');
    expect(h.outcome).toBe('not_processed.petition_complaint');
    expect(h.message).toContain('可能适用不作为政府信息公开申请处理');
    expect(h.message).toContain('由承办人判断');
  });

  it('publications, registers and confirmations each cite their rule', () => {
    const r = screen({ text: '请提供2023年全部政府公报纸质版，以及某公司的工商登记资料，并对我持有的批复加盖公章确认' });
    const byKind = Object.fromEntries(r.hints.map((h) => [h.kind, h]));
    expect(byKind.publication!.rule).toBe('《中华人民共和国政府信息公开条例》第三十九条第二款');
    expect(byKind.inquiry_matter!.rule).toBe('《中华人民共和国政府信息公开条例》第三十六条第（七）项');
    expect(byKind.inquiry_matter!.outcome).toBe('withheld.inquiry_matter');
    expect(byKind.confirmation!.outcome).toBe('not_processed.confirmation');
    expect(byKind.confirmation!.terms).toEqual(['加盖公章']);
  });

  it('finds words in Traditional script too, and nothing in a plain request', () => {
    expect(screen({ text: '要求依法查處並賠償' }).hints.map((h) => h.kind)).toEqual(['petition_complaint']);
    expect(screen({}).hints).toEqual([]);
  });

  it('uses the term lists given as settings', () => {
    const settings = { ...SCREENING_DEFAULTS, petitionTerms: ['讨说法'] };
    const r = screenApplication({ applicantKey: 'A', receivedOn: '2024-03-15', text: '我要讨说法', earlier: [] }, settings);
    expect(r.hints.map((h) => h.terms)).toEqual([['讨说法']]);
  });
});

describe('settings', () => {
  it('checks them', () => {
    expect(screeningSettingsProblems(SCREENING_DEFAULTS)).toEqual([]);
    expect(screeningSettingsProblems({ ...SCREENING_DEFAULTS, similarityThreshold: 1.2, maxSimilar: 0 })).toEqual([
      '相似度阈值须大于 0 且不超过 1：1.2',
      '列出的相似申请数须为正整数：0',
    ]);
    expect(() => screen({ receivedOn: '2024-13-01' })).toThrow('收到申请之日不是有效日期：2024-13-01');
  });
});
