// The adoption report (意见采纳情况): a summary and 公布采纳情况, which the server refuses before the
// close or while comments wait for moderation or a disposition (its message shows); once out, the
// portal page. And the final document, chosen from those published, once it is issued.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Space, Typography } from 'antd';
import { consultationHref, documentHref } from '../../../../../src/portal/links';
import { api } from '../../../api';
import { DocumentPicker } from '../../../components/DocumentPicker';
import { chineseDate } from '../../../format';
import type { Consultation } from './types';

export function ReportTab({ c, reload }: { c: Consultation; reload: () => Promise<void> }) {
  const { modal } = App.useApp();
  const [summary, setSummary] = useState(c.reportSummary);
  const [error, setError] = useState<string | null>(null);
  const [doc, setDoc] = useState<number | null>(c.documentId);
  const [docError, setDocError] = useState<string | null>(null);

  const publish = async () => {
    setError(null);
    if (!summary.trim()) return setError('请填写采纳情况说明（收到意见的总体情况、主要意见及采纳情况）');
    try {
      await api.post(`/consultations/${c.id}/report`, { summary });
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const link = async () => {
    if (!doc) return;
    setDocError(null);
    try {
      await api.post(`/consultations/${c.id}/document`, { documentId: doc });
      await reload();
    } catch (err) {
      setDocError((err as Error).message);
    }
  };

  return (
    <>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'due', label: '公布期限', children: <span data-testid="report-due">{`${chineseDate(c.reportDue)}（征求意见结束后一个月内）`}{c.reportOverdue ? '，已逾期' : ''}</span> },
          ...(c.reportPublishedOn ? [{ key: 'on', label: '公布日期', children: chineseDate(c.reportPublishedOn) }] : []),
        ]}
      />
      {c.reportPublishedOn ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="report-summary">
            {c.reportSummary}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <a href={`${consultationHref(c.id)}#report`} target="_blank" rel="noreferrer">
              在门户查看采纳情况
            </a>
          </Typography.Paragraph>
        </>
      ) : c.canManage ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label htmlFor="report-summary">采纳情况说明</label>
          <Typography.Text type="secondary">收到意见的总体情况、主要意见及采纳情况；各条意见的采纳情况和理由随说明一并公开，不公开提意见人的姓名和联系方式。</Typography.Text>
          <Input.TextArea id="report-summary" rows={6} maxLength={20_000} value={summary} onChange={(e) => setSummary(e.target.value)} />
          {error ? <Alert type="error" showIcon title={error} role="alert" data-testid="report-error" /> : null}
          <div>
            <Button type="primary" onClick={() => modal.confirm({ title: '公布采纳情况', content: '公布后意见的处理不能再修改。确定公布吗？', okText: '确定', cancelText: '取消', onOk: publish })}>
              公布采纳情况
            </Button>
          </div>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">尚未公布采纳情况。</Typography.Paragraph>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        正式印发的文件
      </Typography.Title>
      {c.documentId ? (
        <Typography.Paragraph>
          <a href={documentHref(c.documentId)} target="_blank" rel="noreferrer">
            在门户查看正式文件
          </a>
        </Typography.Paragraph>
      ) : null}
      {c.canManage ? (
        <>
          <Typography.Paragraph type="secondary">文件正式印发后，选择政策文件库中已发布的文件，门户网站的征求意见页面将链接到该文件。</Typography.Paragraph>
          <Space wrap style={{ width: '100%' }}>
            <div style={{ width: 460 }}>
              <DocumentPicker publishedOnly value={doc} onChange={(v) => setDoc(v)} aria-label="正式印发的文件" placeholder="输入标题或文号，搜索已发布的文件" />
            </div>
            <Button disabled={!doc || doc === c.documentId} onClick={link}>
              关联文件
            </Button>
          </Space>
          {docError ? <Alert type="error" showIcon title={docError} role="alert" style={{ marginTop: 8 }} /> : null}
        </>
      ) : c.documentId ? null : (
        <Typography.Paragraph type="secondary">尚未关联正式文件。</Typography.Paragraph>
      )}
    </>
  );
}
