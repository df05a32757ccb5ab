import { describe, expect, it } from 'vitest';
import { checkAnnualReport, mentionsLastYear, type RecordedFigures } from './annual-report-check.js';
import { hongzeReport } from '../../test/fixtures/annual-report/hongze.js';

const messages = (issues: { message: string }[]) => issues.map((i) => i.message);

describe('the 洪泽区 reports as printed', () => {
  it('2024: no errors, alone or against 2023 (its 上年结转 matches 2023’s 结转下年度)', () => {
    const alone = checkAnnualReport({ year: 2024, report: hongzeReport(2024) });
    expect(alone).toEqual({ errors: [], warnings: [] });
    const followed = checkAnnualReport({ year: 2024, report: hongzeReport(2024), lastYear: hongzeReport(2023) });
    expect(followed.errors).toEqual([]);
    // Its 五 lists 2024's problems and 2025's plans, and never says what became of 2023's.
    expect(messages(followed.warnings)).toEqual([
      '五、存在的主要问题及改进情况：没有写2023年年报所列问题的改进情况（未提到“上年度”“上一年”“去年”或“2023年”），请补充',
    ]);
  });

  it('2023: table 四 as printed is wrong — 总计 0 under 维持 10 and 纠正 1, and under 复议后起诉 维持 5', () => {
    const { errors, warnings } = checkAnnualReport({ year: 2023, report: hongzeReport(2023) });
    expect(errors).toEqual([
      {
        section: 'appeals', row: 'reconsideration', column: 'total',
        message: '四、政府信息公开行政复议、行政诉讼情况：「行政复议」的「总计」应为结果维持、结果纠正、其他结果、尚未审结之和 11，现为 0',
      },
      {
        section: 'appeals', row: 'litigationAfterReconsideration', column: 'total',
        message: '四、政府信息公开行政复议、行政诉讼情况：「行政诉讼（复议后起诉）」的「总计」应为结果维持、结果纠正、其他结果、尚未审结之和 5，现为 0',
      },
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('table 三', () => {
  it('this year’s 上年结转 must equal last year’s 结转下年度, column by column', () => {
    const last = hongzeReport(2023);
    // Suppose 2023 had carried two cases from people into 2024 (and so answered two fewer).
    last.tables.applications.carriedOut.person = 2;
    last.tables.applications.carriedOut.total = 2;
    const { errors } = checkAnnualReport({ year: 2024, report: hongzeReport(2024), lastYear: last });
    expect(errors).toEqual([
      {
        section: 'applications', row: 'carriedIn', column: 'person',
        message: '三、收到和处理政府信息公开申请情况：「二、上年结转政府信息公开申请数量」「自然人」为 0，与2023年年报「四、结转下年度继续办理」的 2 不一致',
      },
      {
        section: 'applications', row: 'carriedIn', column: 'total',
        message: '三、收到和处理政府信息公开申请情况：「二、上年结转政府信息公开申请数量」「总计」为 0，与2023年年报「四、结转下年度继续办理」的 2 不一致',
      },
    ]);
  });

  it('the 总计 column must add up the applicant columns in every row', () => {
    const report = hongzeReport(2024);
    report.tables.applications['withheld.security_stability'].business = 1;
    const { errors } = checkAnnualReport({ year: 2024, report });
    // The business column now also fails its own sums; the 总计 column names the row.
    expect(errors[0]).toEqual({
      section: 'applications', row: 'withheld.security_stability', column: 'total',
      message: '三、收到和处理政府信息公开申请情况：「（三）不予公开 3.危及“三安全一稳定”」的「总计」应为各类申请人之和 2，现为 1',
    });
    expect(messages(errors).slice(1)).toEqual([
      '三、收到和处理政府信息公开申请情况：「商业企业」列的「（七）总计」应为各项办理结果之和 1，现为 0',
    ]);
  });

  it('（七）总计 must add up the outcome rows, and 一 + 二 = （七）总计 + 四 in every column', () => {
    const report = hongzeReport(2024);
    const t = report.tables.applications;
    // One more 予以公开 without touching the totals: （七）总计 no longer adds up.
    t.disclosed.person = 51;
    t.disclosed.total = 51;
    expect(messages(checkAnnualReport({ year: 2024, report }).errors)).toEqual([
      '三、收到和处理政府信息公开申请情况：「自然人」列的「（七）总计」应为各项办理结果之和 96，现为 95',
      '三、收到和处理政府信息公开申请情况：「总计」列的「（七）总计」应为各项办理结果之和 96，现为 95',
    ]);
    // And with （七）总计 corrected, the balance of received and handled is off by one.
    t.total.person = 96;
    t.total.total = 96;
    expect(messages(checkAnnualReport({ year: 2024, report }).errors)).toEqual([
      '三、收到和处理政府信息公开申请情况：「自然人」列本年新收 95 件加上年结转 0 件，共 95 件，应等于办理结果总计 96 件加结转下年度 0 件，现为 96 件',
      '三、收到和处理政府信息公开申请情况：「总计」列本年新收 95 件加上年结转 0 件，共 95 件，应等于办理结果总计 96 件加结转下年度 0 件，现为 96 件',
    ]);
  });

  it('every figure is a non-negative whole number, and none is left out', () => {
    const report = hongzeReport(2024);
    const t = report.tables.applications as unknown as Record<string, Record<string, unknown>>;
    t.received.person = -1;
    t.received.business = 1.5;
    t['unavailable.not_held'].person = '31';
    t['not_processed.repeated'].other = null;
    delete t.carriedOut;
    expect(messages(checkAnnualReport({ year: 2024, report }).errors)).toEqual([
      '三、收到和处理政府信息公开申请情况：「一、本年新收政府信息公开申请数量」「自然人」应为非负整数，现为 -1',
      '三、收到和处理政府信息公开申请情况：「一、本年新收政府信息公开申请数量」「商业企业」应为非负整数，现为 1.5',
      '三、收到和处理政府信息公开申请情况：「（四）无法提供 1.本机关不掌握相关政府信息」「自然人」应为非负整数，现为 "31"',
      '三、收到和处理政府信息公开申请情况：「（五）不予处理 2.重复申请」「其他」未填写（没有的填 0）',
      '三、收到和处理政府信息公开申请情况：「四、结转下年度继续办理」行未填写',
    ]);
  });
});

describe('table 四 and table 二', () => {
  it('refuses negative or fractional appeal counts', () => {
    const report = hongzeReport(2024);
    report.tables.appeals.litigationDirect.pending = -1;
    expect(messages(checkAnnualReport({ year: 2024, report }).errors)).toEqual([
      '四、政府信息公开行政复议、行政诉讼情况：「行政诉讼（未经复议直接起诉）」「尚未审结」应为非负整数，现为 -1',
    ]);
  });

  it('requires the figures from other systems to be entered; the fee amount may have decimals', () => {
    const report = hongzeReport(2024);
    report.tables.proactive.licensing = null;
    report.tables.proactive.feesTenThousandYuan = 7730.28;
    report.tables.proactive.regulations.made = 0.5;
    expect(messages(checkAnnualReport({ year: 2024, report }).errors)).toEqual([
      '二、主动公开政府信息情况：第二十条第（一）项「规章」「本年制发件数」应为非负整数，现为 0.5',
      '二、主动公开政府信息情况：第二十条第（五）项「行政许可」「本年处理决定数量」未填写（没有的填 0）',
    ]);
    report.tables.proactive.regulations.made = 0;
    report.tables.proactive.licensing = 0;
    report.tables.proactive.feesTenThousandYuan = -3;
    expect(messages(checkAnnualReport({ year: 2024, report }).errors)).toEqual([
      '二、主动公开政府信息情况：第二十条第（八）项「行政事业性收费」「本年收费金额（单位：万元）」应为非负数，现为 -3',
    ]);
  });

  it('warns (never blocks) when 现行有效 does not follow from what was made and repealed', () => {
    const report = hongzeReport(2024);
    const last = hongzeReport(2023);
    // 2023's 5 in force + 3 made − 0 repealed = 8, as printed: nothing to say.
    expect(checkAnnualReport({ year: 2024, report, lastYear: last }).warnings.filter((w) => w.section === 'proactive')).toEqual([]);
    // Fewer (files lapse at the end of their validity period): normal. More: cannot come from anywhere.
    report.tables.proactive.normativeDocuments.inForce = 6;
    expect(checkAnnualReport({ year: 2024, report, lastYear: last }).warnings.filter((w) => w.section === 'proactive')).toEqual([]);
    report.tables.proactive.normativeDocuments = { made: 3, repealed: 9, inForce: 2 };
    const result = checkAnnualReport({ year: 2024, report, lastYear: last });
    expect(result.errors).toEqual([]);
    expect(messages(result.warnings.filter((w) => w.section === 'proactive'))).toEqual([
      '二、主动公开政府信息情况：「行政规范性文件」本年制发 3 件，多于现行有效 2 件；只有本年制发的文件年内又废止、失效或尚未施行时才会如此，请核对',
      '二、主动公开政府信息情况：「行政规范性文件」本年废止 9 件，多于2023年年报的现行有效 5 件加本年制发 3 件，请核对',
    ]);
    report.tables.proactive.normativeDocuments = { made: 3, repealed: 0, inForce: 9 };
    expect(messages(checkAnnualReport({ year: 2024, report, lastYear: last }).warnings.filter((w) => w.section === 'proactive'))).toEqual([
      '二、主动公开政府信息情况：「行政规范性文件」现行有效 9 件，多于2023年年报的现行有效 5 件加本年制发 3 件减本年废止 0 件（8 件），请核对',
    ]);
  });
});

describe('against what the system recorded', () => {
  const recordedAsEntered = (): RecordedFigures => {
    const { tables } = hongzeReport(2024);
    return { ...tables, proactive: { ...tables.proactive, licensing: null, penalties: null, enforcement: null, feesTenThousandYuan: null } };
  };

  it('says nothing when the entered figures are what the system counted', () => {
    expect(checkAnnualReport({ year: 2024, report: hongzeReport(2024), recorded: recordedAsEntered() })).toEqual({ errors: [], warnings: [] });
  });

  it('warns where a figure is 0 but the system recorded cases, and where it is not 0 but the system has none', () => {
    const recorded = recordedAsEntered();
    recorded.applications!['withheld.third_party'].person = 2;
    recorded.applications!['not_processed.petition_complaint'].person = 0;
    recorded.appeals!.reconsideration.pending = 1;
    recorded.proactive!.normativeDocuments = { made: 3, repealed: 1, inForce: 8 };
    recorded.proactive!.licensing = 0; // a figure entered by hand is compared only when the system has one
    const { errors, warnings } = checkAnnualReport({ year: 2024, report: hongzeReport(2024), recorded });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.section, w.row, w.column, w.message])).toEqual([
      ['proactive', 'normativeDocuments', 'repealed', '二、主动公开政府信息情况：第二十条第（一）项「行政规范性文件」「本年废止件数」填写为 0，但系统记录有 1，请核对'],
      ['proactive', 'licensing', 'decisions', '二、主动公开政府信息情况：第二十条第（五）项「行政许可」「本年处理决定数量」填写为 9487，但系统中没有记录，请核对'],
      ['applications', 'withheld.third_party', 'person', '三、收到和处理政府信息公开申请情况：「（三）不予公开 4.保护第三方合法权益」「自然人」填写为 0，但系统记录有 2，请核对'],
      ['applications', 'not_processed.petition_complaint', 'person', '三、收到和处理政府信息公开申请情况：「（五）不予处理 1.信访举报投诉类申请」「自然人」填写为 1，但系统中没有记录，请核对'],
      ['appeals', 'reconsideration', 'pending', '四、政府信息公开行政复议、行政诉讼情况：「行政复议」「尚未审结」填写为 0，但系统记录有 1，请核对'],
    ]);
  });
});

describe('section 五 follows up last year’s problems', () => {
  const withProblems = (problems: string) => ({ ...hongzeReport(2024), sections: { ...hongzeReport(2024).sections, problems } });
  const check = (problems: string) => messages(checkAnnualReport({ year: 2024, report: withProblems(problems), lastYear: hongzeReport(2023) }).warnings);

  it('warns when it is empty, even without last year’s report', () => {
    expect(messages(checkAnnualReport({ year: 2024, report: withProblems(' \n ') }).warnings)).toEqual(['五、存在的主要问题及改进情况：尚未填写；应写明存在的主要问题和改进情况']);
  });

  it('warns when it repeats last year’s text', () => {
    expect(check(hongzeReport(2023).sections.problems)).toEqual(['五、存在的主要问题及改进情况：与2023年年报的内容相同，请按本年情况填写']);
  });

  it('is satisfied when it says what became of last year’s problems', () => {
    expect(check('针对上年度报告提出的依申请公开规范性问题，已修订答复书模板。2024年仍存在……')).toEqual([]);
    expect(mentionsLastYear('去年提出的问题已整改', 2024)).toBe(true);
    expect(mentionsLastYear('2023年年报指出的问题已整改', 2024)).toBe(true);
    expect(mentionsLastYear('2024年，全区仍存在一些不足', 2024)).toBe(false);
  });
});
