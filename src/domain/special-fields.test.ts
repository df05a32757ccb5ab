import { describe, expect, it } from 'vitest';
import { fieldsForKinds, specialFieldRows, validateSpecialFields } from './special-fields.js';

describe('special fields', () => {
  it('asks nothing of a document in ordinary columns, and drops stray fields', () => {
    expect(validateSpecialFields([], { planPeriod: '2021—2025' })).toEqual({ ok: true, fields: {} });
    expect(validateSpecialFields(['general'], undefined)).toEqual({ ok: true, fields: {} });
  });

  it('requires a plan category and a period, and normalizes the period', () => {
    expect(validateSpecialFields(['plan'], { planCategory: '发展规划', planPeriod: ' 2026-2030 ' })).toEqual({ ok: true, fields: { planCategory: '发展规划', planPeriod: '2026—2030' } });
    expect(validateSpecialFields(['plan'], { planCategory: '发展规划', planPeriod: '2021至2025' })).toMatchObject({ fields: { planPeriod: '2021—2025' } });
    expect(validateSpecialFields(['plan'], { planPeriod: '2026—2030' })).toEqual({ ok: false, message: '请填写“规划类别”（规划信息栏目的文件必填）' });
    expect(validateSpecialFields(['plan'], { planCategory: '五年规划', planPeriod: '2026—2030' })).toMatchObject({ ok: false, message: expect.stringContaining('发展规划、专项规划') });
    expect(validateSpecialFields(['plan'], { planCategory: '专项规划', planPeriod: '十四五' })).toMatchObject({ ok: false, message: expect.stringContaining('2021—2025') });
    expect(validateSpecialFields(['plan'], { planCategory: '专项规划', planPeriod: '2030—2026' })).toMatchObject({ ok: false, message: expect.stringContaining('晚于') });
  });

  it('requires year, kind and body of a budget', () => {
    expect(validateSpecialFields(['budget'], { fiscalYear: '2026年', budgetCategory: '预算', budgetEntity: '部门' })).toEqual({
      ok: true,
      fields: { fiscalYear: '2026', budgetCategory: '预算', budgetEntity: '部门' },
    });
    expect(validateSpecialFields(['budget'], { fiscalYear: '26', budgetCategory: '预算', budgetEntity: '部门' })).toMatchObject({ ok: false, message: expect.stringContaining('年度') });
    expect(validateSpecialFields(['budget'], { fiscalYear: '2026', budgetCategory: '“三公”经费' })).toMatchObject({ ok: false, message: expect.stringContaining('主体') });
  });

  it('requires name and stage of a project, and fields of every kind the document is in', () => {
    const project = { projectName: '县道X201改建工程', projectStage: '批准结果' };
    expect(validateSpecialFields(['project'], project)).toEqual({ ok: true, fields: project });
    expect(validateSpecialFields(['project'], { ...project, projectStage: '开工' })).toMatchObject({ ok: false, message: expect.stringContaining('竣工验收') });
    expect(validateSpecialFields(['project', 'plan', 'project'], project)).toMatchObject({ ok: false, message: expect.stringContaining('规划类别') });
    expect(fieldsForKinds(['project', 'project']).map((f) => f.key)).toEqual(['projectName', 'projectStage']);
  });

  it('shows the fields with their Chinese labels', () => {
    expect(specialFieldRows({ planPeriod: '2026—2030', planCategory: '发展规划', other: 'x' })).toEqual([
      ['规划类别', '发展规划'],
      ['规划期', '2026—2030'],
    ]);
    expect(specialFieldRows(null)).toEqual([]);
  });
});
