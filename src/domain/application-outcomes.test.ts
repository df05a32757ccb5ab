import { describe, it, expect } from 'vitest';
import {
  APPLICANT_KINDS,
  APPLICANT_KIND_LABELS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABELS,
  INFORMATION_FORMS,
  OUTCOMES,
  OUTCOME_GROUPS,
  OUTCOME_KEYS,
  isApplicantKind,
  isDeliveryMethod,
  isInformationForm,
  isOrganization,
  isOutcomeKey,
  outcomesInGroup,
} from './application-outcomes.js';

describe('outcomes: the leaves of table 三 (RULES.md §2)', () => {
  it('are exactly the keys of RULES.md, in the table order', () => {
    expect([...OUTCOME_KEYS]).toEqual([
      'disclosed', 'partly_disclosed',
      'withheld.state_secret', 'withheld.prohibited_by_law', 'withheld.security_stability', 'withheld.third_party',
      'withheld.internal_affairs', 'withheld.process_info', 'withheld.enforcement_file', 'withheld.inquiry_matter',
      'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.still_unclear',
      'not_processed.petition_complaint', 'not_processed.repeated', 'not_processed.publication',
      'not_processed.excessive', 'not_processed.confirmation',
      'other.no_correction', 'other.unpaid_fee', 'other.other',
    ]);
    expect(Object.keys(OUTCOMES).sort()).toEqual([...OUTCOME_KEYS].sort());
    for (const k of OUTCOME_KEYS) expect(OUTCOMES[k].key).toBe(k);
  });

  it('fall into the six groups with the counts of table 三', () => {
    expect(OUTCOME_GROUPS.map((g) => g.group)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(OUTCOME_GROUPS.map((g) => outcomesInGroup(g.group).length)).toEqual([1, 1, 8, 3, 5, 3]);
    // Group order follows key order: walking the keys never goes back to an earlier group.
    const order = OUTCOME_KEYS.map((k) => OUTCOME_GROUPS.findIndex((g) => g.group === OUTCOMES[k].group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('carry the row labels of the 年报 as printed (hongze-2024 sample)', () => {
    expect(OUTCOMES.disclosed.reportLabel).toBe('（一）予以公开');
    expect(OUTCOMES.partly_disclosed.reportLabel).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(outcomesInGroup('三').map((o) => o.reportLabel)).toEqual([
      '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
      '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
    ]);
    expect(outcomesInGroup('四').map((o) => o.reportLabel)).toEqual([
      '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
    ]);
    expect(outcomesInGroup('五').map((o) => o.reportLabel)).toEqual([
      '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
    ]);
    expect(outcomesInGroup('六').map((o) => o.reportLabel)).toEqual([
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ]);
  });

  it('cite the articles RULES.md names for withheld and not-processed outcomes', () => {
    expect(OUTCOMES['withheld.state_secret'].articles).toContain('第十四条');
    expect(OUTCOMES['withheld.prohibited_by_law'].articles).toContain('第十四条');
    expect(OUTCOMES['withheld.security_stability'].articles).toContain('第十四条');
    expect(OUTCOMES['withheld.third_party'].articles).toContain('第十五条');
    for (const k of ['withheld.internal_affairs', 'withheld.process_info', 'withheld.enforcement_file'] as const) {
      expect(OUTCOMES[k].articles.some((a) => a.startsWith('第十六条'))).toBe(true);
    }
    expect(OUTCOMES['withheld.inquiry_matter'].articles).toEqual(['第三十六条第（七）项']);
    expect(OUTCOMES['not_processed.petition_complaint'].articles).toEqual(['第三十九条第一款']);
    expect(OUTCOMES['not_processed.publication'].articles).toEqual(['第三十九条第二款']);
    expect(OUTCOMES['not_processed.repeated'].articles).toEqual(['第三十六条第（六）项']);
    expect(OUTCOMES['not_processed.excessive'].articles).toEqual(['第三十五条']);
    expect(OUTCOMES.partly_disclosed.articles).toEqual(['第三十七条']);
    expect(OUTCOMES['unavailable.needs_creation'].articles).toEqual(['第三十八条']);
    expect(OUTCOMES['other.no_correction'].articles).toEqual(['第三十条']);
  });

  it('give every outcome but other.other a citation of the 条例 and every one a reply text', () => {
    for (const k of OUTCOME_KEYS) {
      const o = OUTCOMES[k];
      expect(o.reply.length, k).toBeGreaterThan(5);
      expect(o.shortLabel.length, k).toBeGreaterThan(1);
      if (k === 'other.other') {
        expect(o.legalBasis).toBe('');
        continue;
      }
      expect(o.legalBasis, k).toBe(`《中华人民共和国政府信息公开条例》${o.articles.join('、')}`);
    }
    expect(OUTCOMES['withheld.third_party'].legalBasis).toBe('《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项');
  });

  it('mark where the letter must name the withheld part, and the outcomes the applicant ended', () => {
    const withPart = OUTCOME_KEYS.filter((k) => OUTCOMES[k].statesWithheldPart);
    expect(withPart).toEqual(['partly_disclosed', ...outcomesInGroup('三').map((o) => o.key)]);
    expect(OUTCOME_KEYS.filter((k) => OUTCOMES[k].endsWithoutDecision)).toEqual(['other.no_correction', 'other.unpaid_fee']);
  });

  it('recognise keys', () => {
    expect(isOutcomeKey('withheld.third_party')).toBe(true);
    expect(isOutcomeKey('withheld')).toBe(false);
    expect(isOutcomeKey(undefined)).toBe(false);
  });
});

describe('applicant kinds: the columns of table 三', () => {
  it('are person and the five organization kinds with the report labels', () => {
    expect([...APPLICANT_KINDS]).toEqual(['person', 'business', 'research', 'nonprofit', 'legal_services', 'other']);
    expect(APPLICANT_KINDS.map((k) => APPLICANT_KIND_LABELS[k])).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(APPLICANT_KINDS.filter(isOrganization)).toEqual(['business', 'research', 'nonprofit', 'legal_services', 'other']);
    expect(isApplicantKind('legal_services')).toBe(true);
    expect(isApplicantKind('organization')).toBe(false);
  });
});

describe('forms and delivery methods', () => {
  it('are data with a Chinese label each', () => {
    for (const f of INFORMATION_FORMS) expect(INFORMATION_FORM_LABELS[f]).toMatch(/[\u4e00-\u9fff]/);
    for (const m of DELIVERY_METHODS) expect(DELIVERY_METHOD_LABELS[m]).toMatch(/[\u4e00-\u9fff]/);
    expect(INFORMATION_FORM_LABELS.paper).toBe('纸质文本');
    expect(DELIVERY_METHOD_LABELS.email).toBe('电子邮件');
    expect(DELIVERY_METHOD_LABELS.post).toBe('邮寄');
    expect(DELIVERY_METHOD_LABELS.pickup).toBe('自行领取');
    expect(isInformationForm('disc')).toBe(true);
    expect(isInformationForm('email')).toBe(false);
    expect(isDeliveryMethod('fax')).toBe(true);
    expect(isDeliveryMethod('paper')).toBe(false);
  });
});
