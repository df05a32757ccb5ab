// One consultation in the workbench: the draft and its period (征求意见稿), hearings (听证会), the
// comments received (收到的意见, for those who handle them) and the adoption report with the final
// document (采纳情况). A new one (#/participation/new) shows the draft's form alone until saved.
import { useState } from 'react';
import { Card, Space, Tabs, Typography } from 'antd';
import { consultationHref } from '../../../../../src/portal/links';
import { useRecord } from '../../../hooks/useRecord';
import { CommentsTab } from './Comments';
import { DraftForm } from './DraftForm';
import { HearingsTab } from './Hearings';
import { PhaseTag } from './PhaseTag';
import { ReportTab } from './Report';
import type { Consultation } from './types';

export function ConsultationEditor({ id }: { id: number | null }) {
  const { data: c, load } = useRecord<Consultation>(id === null ? null : `/consultations/${id}`);
  const [tab, setTab] = useState('draft');

  const crumbs = (title: string) => (
    <Space wrap>
      <a href="#/participation">征求意见</a>/<span>{title}</span>
      {c ? <PhaseTag c={c} /> : null}
    </Space>
  );

  if (id === null) {
    return (
      <Card title={crumbs('新建征求意见')}>
        <DraftForm c={null} reload={load} />
      </Card>
    );
  }
  if (!c) return null;
  return (
    <Card
      title={crumbs(c.title)}
      extra={
        c.published ? (
          <a href={consultationHref(c.id)} target="_blank" rel="noreferrer">
            在门户查看
          </a>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">起草单位：{c.org.name}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'draft', label: '征求意见稿', children: <DraftForm c={c} reload={load} /> },
          { key: 'hearings', label: `听证会（${c.hearings.length}）`, children: <HearingsTab c={c} reload={load} /> },
          // Who sent a comment is personal data: only those who handle the comments see them.
          ...(c.canManage ? [{ key: 'comments', label: '收到的意见', children: <CommentsTab c={c} active={tab === 'comments'} reload={load} /> }] : []),
          { key: 'report', label: '采纳情况', children: <ReportTab c={c} reload={load} /> },
        ]}
      />
    </Card>
  );
}
