// 依申请公开转主动公开 on the case page (issue #5 item 8, 条例第四十四条): how many other applicants of
// the same government asked for nearly the same information in the past year (a hint, shown when
// there are any), and, for a case replied 予以公开 or 部分公开, the step that starts a document draft
// of the case's organization from it — done once; afterwards the case links to the draft.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { navigate } from '../../router';
import { FormModal, toBody, type FormDialog } from './CaseActions';
import type { CaseDetail, SameRequests } from './types';

/** Only information given out can be published (the server says the same: proactive.ts). */
const PROMOTABLE = ['disclosed', 'partly_disclosed'];
const REPLIED = ['replied', 'closed', 'archived'];

export const documentDraftRoute = (documentId: number) => `/documents/${documentId}`;

function proactiveDialog(kase: CaseDetail, done: (documentId: number) => void): FormDialog {
  return {
    name: 'make-proactive',
    label: '转为主动公开',
    title: `转为主动公开（${kase.number}）`,
    intro: `条例第四十四条：多个申请人就相同政府信息提出公开申请，且该政府信息属于可以公开的，可以纳入主动公开的范围。将以所申请信息的名称在${kase.orgName}起草一份主动公开的文件，经审核后发布${kase.outcome === 'partly_disclosed' ? '（部分公开的，仅限已公开的部分）' : ''}。每件申请只能转一次。`,
    fields: [
      {
        name: 'title',
        label: '文件标题',
        type: 'text',
        max: 200,
        // The free description may name the applicant: without the information's name, staff write a title.
        required: !kase.docTitle,
        initial: kase.docTitle || undefined,
        placeholder: kase.docTitle ? undefined : '申请未写明所需信息的名称，请填写文件标题',
      },
      { name: 'note', label: '说明（记入办理过程）', type: 'textarea', max: 1000 },
    ],
    send: async (values) => {
      const { result } = await api.post<{ result: { documentId: number } }>(`/applications/${kase.id}/make-proactive`, toBody(values));
      done(result.documentId);
    },
  };
}

export function ProactiveCard({ kase }: { kase: CaseDetail }) {
  const { message } = App.useApp();
  const [same, setSame] = useState<SameRequests | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dialog, setDialog] = useState<FormDialog | null>(null);

  useEffect(() => {
    api.get<SameRequests>(`/applications/${kase.id}/same-requests`).then(
      (s) => {
        setSame(s);
        setRefusal(null);
      },
      (err: Error) => setRefusal(err.message),
    );
  }, [kase.id]);

  const made = kase.timeline.find((e) => e.kind === 'made_proactive');
  const promotable = REPLIED.includes(kase.status) && kase.outcome !== null && PROMOTABLE.includes(kase.outcome);
  const asked = same !== null && same.applications > 0;
  if (!made && !promotable && !asked && !refusal) return null;

  const start = () =>
    setDialog(
      proactiveDialog(kase, (documentId) => {
        setDialog(null);
        void message.success('已起草主动公开的文件，请在信息发布中完善后送审');
        navigate(documentDraftRoute(documentId));
      }),
    );

  return (
    <Card title="依申请公开转主动公开" size="small" data-testid="proactive">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        {refusal ? <Alert type="warning" showIcon message={`未能查询内容相近的申请：${refusal}`} /> : null}
        {asked ? (
          <Alert
            type="info"
            showIcon
            data-testid="same-requests"
            message={same.message}
            description={
              <Space direction="vertical" size={2}>
                <Typography.Text type="secondary">依据：{same.rule}</Typography.Text>
                {same.byOrg.length > 1 ? <span>{same.byOrg.map((o) => `${o.orgName} ${o.count} 件`).join('；')}</span> : null}
                {same.cases.map((c) => (
                  <span key={c.id}>
                    <a href={`#/applications/${c.id}`}>{c.number}</a>（{c.orgName}，{chineseDate(c.receivedOn)}收到，相似度 {Math.round(c.score * 100)}%{c.outcome ? `，${c.outcome}` : ''}）
                  </span>
                ))}
              </Space>
            }
          />
        ) : null}
        {made ? (
          <span data-testid="proactive-draft">
            已于{chineseDate(made.on)}转为主动公开：
            <a href={`#${documentDraftRoute(made.data.documentId as number)}`}>《{String(made.data.title)}》</a>
          </span>
        ) : promotable && kase.permissions.handle ? (
          <Space wrap>
            <Button onClick={start}>转为主动公开</Button>
            <Typography.Text type="secondary">以所申请的信息起草一份主动公开的文件。</Typography.Text>
          </Space>
        ) : null}
      </Space>
      <FormModal dialog={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}
