import { describe, expect, it } from 'vitest';
import { metadataProblems, type DocumentMetadata } from './document-metadata.js';

const complete: DocumentMetadata = {
  title: '示例县人民政府关于印发示例县农村建房管理办法的通知',
  docNumber: '示政发〔2026〕5号',
  docType: 'normative',
  genre: '通知',
  topic: '10.02',
  summary: '规范农村村民住宅建设。',
  body: '<p>各乡镇人民政府……</p>',
  writtenOn: '2026-10-20',
  effectiveOn: '2026-12-01',
  expiresOn: '2031-11-30',
  formedOn: '2026-10-20',
  disclosure: 'proactive',
  disclosureReason: '',
  interpretationOf: null,
  interpretationForm: null,
};

const codes = (doc: Partial<DocumentMetadata>, on = '2026-11-23') => metadataProblems({ ...complete, ...doc }, on).map((p) => `${p.severity}:${p.field}`);

describe('metadata checks', () => {
  it('passes a complete normative document', () => {
    expect(codes({})).toEqual([]);
  });

  it('requires the policy-library fields of policy documents only', () => {
    expect(codes({ docNumber: '', genre: '', effectiveOn: null })).toEqual(['block:docNumber', 'block:genre', 'block:effectiveOn']);
    expect(codes({ docType: 'general', docNumber: '', genre: '', effectiveOn: null })).toEqual([]);
    expect(codes({ summary: '' })).toEqual(['warn:summary']);
  });

  it('requires the legal ground for a disclosure other than proactive, and keeps such documents off the portal', () => {
    expect(codes({ disclosure: 'withheld' })).toEqual(['block:disclosureReason', 'block:disclosure']);
    expect(codes({ disclosure: 'on_request', disclosureReason: '依据条例第十六条，属于过程性信息' })).toEqual(['block:disclosure']);
  });

  it('finds inconsistent dates', () => {
    expect(codes({ writtenOn: '2026-11-30' })).toContain('block:writtenOn');
    expect(codes({ effectiveOn: '2026-10-01' })).toContain('block:effectiveOn');
    expect(codes({ expiresOn: '2026-11-01' })).toEqual(['block:expiresOn', 'warn:expiresOn']);
    expect(codes({ formedOn: '2026-10-01' })).toEqual(['warn:formedOn']);
  });

  it('requires the form of an interpretation', () => {
    expect(codes({ interpretationOf: 3, docType: 'general' })).toEqual(['block:interpretationForm']);
    expect(codes({ interpretationOf: 3, docType: 'general', interpretationForm: 'qa' })).toEqual([]);
  });
});
