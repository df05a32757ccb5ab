// Fictional applicants and a registration helper for the applications tests (not shipped data).
import { expect } from 'vitest';
import { idCheckDigit } from '../../domain/id-number.js';
import type { TestClient } from '../../../test/app.js';

/** A valid 居民身份证号 (by its check digit) for a fictional person. */
export function testIdNumber(birth: string, seq: string): string {
  const first17 = `110101${birth}${seq}`;
  return first17 + idCheckDigit(first17);
}

export const ZHANG_SAN_ID = testIdNumber('19900101', '001');

export function personForm(orgId: number, over: Record<string, unknown> = {}) {
  return {
    orgId,
    applicantKind: 'person',
    applicant: { name: '张三', idType: '居民身份证', idNumber: ZHANG_SAN_ID, phone: '13800000000', email: 'zhangsan@example.com', address: '示例县城关镇幸福路1号' },
    description: '申请公开示例县2025年义务教育阶段学校招生划片方案',
    forms: ['electronic'],
    delivery: ['email'],
    ...over,
  };
}

export const ORG_FORM = {
  applicantKind: 'business',
  applicant: { name: '示例县某某建材有限公司', creditCode: '91110101MA00000018', legalRepresentative: '李四', contactName: '王五', phone: '0000-62109999', address: '示例县工业园区1号' },
  description: '申请公开示例县2025年建筑工地扬尘治理专项检查的结果',
  forms: ['paper'],
  delivery: ['post'],
};

/** Staff register an application that came in person on `on`; returns the created case's receipt. */
export async function registerInPerson(client: TestClient, orgId: number, on: string, over: Record<string, unknown> = {}) {
  const res = await client.send('POST', '/api/v1/applications/register', { ...personForm(orgId), channel: 'in_person', submittedOn: on, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string; queryCode: string; receivedOn: string; dueOn: string | null };
}

/** POST a fact about a case; expects success and returns the changed case. */
export async function fact(client: TestClient, id: number, path: string, body: Record<string, unknown> = {}) {
  const res = await client.send('POST', `/api/v1/applications/${id}/${path}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; status: string; dueOn: string | null; clockState: string; result?: unknown };
}
