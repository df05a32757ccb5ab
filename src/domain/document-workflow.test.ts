import { describe, expect, it } from 'vitest';
import { DOCUMENT_TRANSITIONS, editProblem, reviseProblem, transitionProblem } from './document-workflow.js';

describe('document workflow', () => {
  it('follows draft → submitted → reviewed → approved → published', () => {
    expect(transitionProblem('draft', 'submit')).toBeNull();
    expect(transitionProblem('submitted', 'approve')).toBeNull();
    expect(transitionProblem('reviewed', 'secrecy_approve')).toBeNull();
    expect(transitionProblem('approved', 'publish')).toBeNull();
    expect(transitionProblem('published', 'withdraw')).toBeNull();
  });

  it('refuses skipping the secrecy review or publishing a draft', () => {
    expect(transitionProblem('submitted', 'publish')).toBe('“待审核”状态的文件不能发布');
    expect(transitionProblem('reviewed', 'publish')).toBe('“待保密审查”状态的文件不能发布');
    expect(transitionProblem('draft', 'approve')).toBe('“草稿”状态的文件不能审核通过');
  });

  it('gives each step to its role', () => {
    expect(DOCUMENT_TRANSITIONS.submit.roles).toEqual(['editor']);
    expect(DOCUMENT_TRANSITIONS.secrecy_approve.roles).toEqual(['secrecy_reviewer']);
    expect(DOCUMENT_TRANSITIONS.publish.roles).not.toContain('editor');
  });

  it('edits only drafts and revises only published or withdrawn documents', () => {
    expect(editProblem('draft')).toBeNull();
    expect(editProblem('published')).toContain('发起修订');
    expect(reviseProblem('published')).toBeNull();
    expect(reviseProblem('submitted')).not.toBeNull();
  });
});
