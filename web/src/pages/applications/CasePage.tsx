// One application (#/applications/ID): the header with the day received and the due date explained,
// the applicant (for the staff who handle it), the screening hints, the timeline, the letters, and
// the steps open to the user — each recorded by the API, after which the letter it calls for is
// offered; what follows a reply (转主动公开, 复议/诉讼) and the case file's export.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { LETTER_KIND_LABELS } from '../../../../src/features/applications/letters/templates';
import { api } from '../../api';
import { chineseDate, chineseDateTime } from '../../format';
import { useSession } from '../../session';
import { ActionBar, ActionModal, availableActions, transferReceipt, type ActionDone, type CaseAction } from './CaseActions';
import { IssueLetterModal, ShowLetterModal } from './LetterModal';
import { AppealsCard } from './Appeals';
import { ProactiveCard } from './Proactive';
import { DueDate, caseFileUrl, dataText, letterDocxUrl, useApplicationOptions } from './shared';
import type { CaseDetail, LetterKind } from './types';

const PAUSE_ENDS: Record<string, string> = { answered: '已答复', expired: '期满', paid: '已缴费', open: '进行中' };

const STAFF_FACTS: [key: string, label: string][] = [
  ['party', '对象'],
  ['subject', '事项'],
  ['gist', '答复要点'],
  ['parties', '会商单位'],
  ['reason', '理由'],
];

/** Facts for staff that the event's note leaves out (who was consulted and what they said). */
function staffDetails(e: { note: string; data: Record<string, unknown> }): string {
  return STAFF_FACTS.map(([key, label]) => [label, dataText(e.data, key)])
    .filter(([, v]) => v && !e.note.includes(v))
    .map(([label, v]) => `${label}：${v}`)
    .join('；');
}

function ClockCard({ kase }: { kase: CaseDetail }) {
  const clock = kase.clock;
  if (!clock) return null;
  const d = clock.deadlines;
  const deadlines = [
    (kase.status === 'registered' || kase.status === 'in_progress') && !d.correctionLastDay ? ['补正通知最迟发出日', d.correctionNoticeLastDay] : null,
    d.correctionLastDay ? ['申请人补正截止日', d.correctionLastDay] : null,
    d.feePaymentLastDay ? ['缴费截止日', d.feePaymentLastDay] : null,
    ...d.consultations.map((c) => [`${c.party ?? (c.kind === 'third_party' ? '第三方' : '其他行政机关')}提出意见截止日`, c.lastDay]),
  ].filter((x): x is string[] => x !== null);
  return (
    <Card title="答复期限的计算" size="small" data-testid="clock">
      {clock.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
      ))}
      <Timeline items={clock.steps.map((s) => ({ color: s.kind === 'due' ? 'red' : s.kind === 'pause' ? 'blue' : 'gray', children: s.text }))} />
      {clock.pauses.length ? (
        <Table
          size="small"
          rowKey={(p) => `${p.kind}-${p.from}`}
          pagination={false}
          dataSource={clock.pauses}
          style={{ marginBottom: 12 }}
          columns={[
            { title: '不计入期间', dataIndex: 'label' },
            { title: '起', dataIndex: 'from', render: (v: string) => chineseDate(v) },
            { title: '止', dataIndex: 'to', render: (v: string) => chineseDate(v) },
            { title: '工作日', dataIndex: 'workingDays' },
            { title: '状态', dataIndex: 'end', render: (v: string) => PAUSE_ENDS[v] ?? v },
          ]}
        />
      ) : null}
      {deadlines.length ? (
        <Descriptions size="small" column={1} bordered>
          {deadlines.map(([label, day]) => (
            <Descriptions.Item key={label} label={label}>
              {chineseDate(day)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </Card>
  );
}

function ApplicantCard({ kase, labelOf }: { kase: CaseDetail; labelOf: (list: 'forms' | 'delivery', v: string) => string }) {
  const a = kase.applicant;
  const rows: [string, string | undefined][] = a
    ? [
        ['申请人', a.name],
        ['证件类型', a.idType],
        ['证件号码', a.idNumber],
        ['统一社会信用代码', a.creditCode],
        ['法定代表人或者负责人', a.legalRepresentative],
        ['联系人', a.contactName],
        ['联系电话', a.phone],
        ['电子邮箱', a.email],
        ['通信地址', a.address],
        ['邮政编码', a.postcode],
      ]
    : [];
  return (
    <Card title="申请人与申请内容" size="small">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="申请人类型">{kase.applicantKindLabel}</Descriptions.Item>
        {rows
          .filter(([, v]) => v)
          .map(([label, v]) => (
            <Descriptions.Item key={label} label={label}>
              {v}
            </Descriptions.Item>
          ))}
        {kase.docTitle ? <Descriptions.Item label="所需信息的名称">{kase.docTitle}</Descriptions.Item> : null}
        {kase.docNumber ? <Descriptions.Item label="所需信息的文号">{kase.docNumber}</Descriptions.Item> : null}
        <Descriptions.Item label="内容描述">{kase.description}</Descriptions.Item>
        {kase.purpose ? <Descriptions.Item label="用途">{kase.purpose}</Descriptions.Item> : null}
        <Descriptions.Item label="提供形式">{kase.forms.map((f) => labelOf('forms', f)).join('、')}</Descriptions.Item>
        <Descriptions.Item label="获取方式">{kase.delivery.map((f) => labelOf('delivery', f)).join('、')}</Descriptions.Item>
      </Descriptions>
      {a ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          申请人的身份和联系方式仅受理机关的承办人员可见。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function ScreeningCard({ kase }: { kase: CaseDetail }) {
  const s = kase.screening;
  return (
    <Card title="甄别提示" size="small" data-testid="screening">
      <Typography.Paragraph>
        该申请人本月申请 <strong>{s.countInMonth}</strong> 件、本季度 <strong>{s.countInQuarter}</strong> 件（均含本件）。
      </Typography.Paragraph>
      {s.hints.length ? (
        <List
          size="small"
          dataSource={s.hints}
          renderItem={(h) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <span>
                  <Tag color="gold">提示</Tag>
                  {h.message}
                </span>
                <Typography.Text type="secondary">可能适用：{h.rule}</Typography.Text>
                {h.terms?.length ? <Typography.Text type="secondary">相关词语：{h.terms.join('、')}</Typography.Text> : null}
                {h.similar?.map((x) => (
                  <span key={x.id}>
                    <a href={`#/applications/${x.id}`}>{x.number || `申请 ${x.id}`}</a>（相似度 {Math.round(x.score * 100)}%{x.sameApplicant ? '，同一申请人' : '，其他申请人'}）
                  </span>
                ))}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">没有需要注意的情形。</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        以上仅为提示，是否适用由承办人依法判断。
      </Typography.Paragraph>
    </Card>
  );
}

export function CasePage({ id }: { id: number }) {
  const { user } = useSession();
  const { modal } = App.useApp();
  const { options, staff } = useApplicationOptions(user?.id);
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [offer, setOffer] = useState<LetterKind | null>(null);
  const [issuing, setIssuing] = useState<LetterKind | null>(null);
  const [reading, setReading] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setKase(await api.get<CaseDetail>(`/applications/${id}`));
    } catch (err) {
      setRefusal((err as Error).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const closeReading = useCallback(() => setReading(null), []);

  if (refusal) return <Result status="403" title="不能打开该申请" subTitle={refusal} extra={<a href="#/applications">返回收件箱</a>} />;
  if (!kase || !options || !user) return <Card loading />;

  const actions = availableActions(kase, options, staff, user.id);
  // Lapses the received-on rule recorded (a letter confirmed later than the day it arrived).
  const receivedWarnings = (kase.timeline.find((e) => e.kind === 'received')?.data.warnings as string[] | undefined) ?? [];
  const labelOf = (list: 'forms' | 'delivery', v: string) => options[list].find((o) => o.value === v)?.label ?? v;
  const done = async ({ action: a, values, result }: ActionDone) => {
    setAction(null);
    const letter = typeof a.letter === 'function' ? a.letter(values) : (a.letter ?? null);
    setOffer(letter);
    const moved = a.key === 'transfer' ? transferReceipt(result.result) : null;
    if (moved) {
      modal.success({
        title: `已转送，新申请编号 ${moved.number}`,
        content: `请告知申请人新的申请编号和查询码：${moved.queryCode}（查询码只显示这一次）。收到申请之日不变：${chineseDate(moved.receivedOn)}。`,
        okText: '知道了',
      });
    }
    await load();
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>申请 {kase.number}</span>
            <Tag color="blue" data-testid="case-status">
              {kase.statusLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space size={16}>
            {kase.permissions.handle ? (
              <a href={caseFileUrl(kase.id)} download data-testid="case-file">
                导出卷宗
              </a>
            ) : null}
            <a href="#/applications">返回收件箱</a>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="受理机关">{kase.orgName}</Descriptions.Item>
          <Descriptions.Item label="申请渠道">{kase.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="收到申请之日">{chineseDate(kase.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            <span data-testid="due-date">
              <DueDate dueOn={kase.dueOn} light={kase.trafficLight} clockState={kase.clockState} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="承办人">{kase.assigneeName ?? '未分配'}</Descriptions.Item>
          <Descriptions.Item label="办理结果">
            {kase.outcomeLabel ? `${kase.outcomeLabel}${kase.outcomeBasis ? `（依据：${kase.outcomeBasis}）` : ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="收到申请之日的确定" span={2}>
            {kase.receivedExplanation}
            {receivedWarnings.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} style={{ marginTop: 8 }} />
            ))}
          </Descriptions.Item>
          {kase.transferredFrom ? (
            <Descriptions.Item label="转来自" span={2}>
              <a href={`#/applications/${kase.transferredFrom.id}`}>{kase.transferredFrom.number}</a>
            </Descriptions.Item>
          ) : null}
          {kase.transferredTo ? (
            <Descriptions.Item label="已转送" span={2}>
              <a href={`#/applications/${kase.transferredTo.id}`}>{kase.transferredTo.number}</a>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <ActionBar actions={actions} onPick={setAction} />
        </div>
        {offer ? (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            message={`已登记。可以生成${LETTER_KIND_LABELS[offer]}。`}
            action={
              <Button type="primary" size="small" onClick={() => setIssuing(offer)}>
                生成{LETTER_KIND_LABELS[offer]}
              </Button>
            }
            closable
            onClose={() => setOffer(null)}
          />
        ) : null}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ClockCard kase={kase} />
            <ApplicantCard kase={kase} labelOf={labelOf} />
            <ScreeningCard kase={kase} />
            <ProactiveCard kase={kase} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title="文书"
              size="small"
              data-testid="letters"
              extra={
                kase.permissions.handle && kase.status !== 'archived' ? (
                  <Button size="small" onClick={() => setIssuing(offer ?? 'acknowledgement')}>
                    出具文书
                  </Button>
                ) : null
              }
            >
              {kase.letters.length ? (
                <List
                  size="small"
                  dataSource={kase.letters}
                  renderItem={(l) => (
                    <List.Item
                      actions={
                        kase.permissions.handle
                          ? [
                              <a key="view" onClick={() => setReading(l.id)}>
                                查看
                              </a>,
                              <a key="docx" href={letterDocxUrl(l.id)} download>
                                下载 Word
                              </a>,
                            ]
                          : []
                      }
                    >
                      <Space direction="vertical" size={0}>
                        <span>
                          {l.title} <Tag>{l.toApplicant ? '致申请人' : '致第三方'}</Tag>
                        </span>
                        <Typography.Text type="secondary">
                          {l.number}　{chineseDate(l.issuedOn)}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未出具文书" />
              )}
            </Card>
            <Card title="办理过程" size="small" data-testid="timeline">
              <Timeline
                items={[...kase.timeline].reverse().map((e) => ({
                  color: e.internal ? 'gray' : 'blue',
                  children: (
                    <Space direction="vertical" size={0}>
                      <span>
                        <strong>{chineseDate(e.on)}</strong> <span>{e.label}</span> {e.internal ? <Tag>内部</Tag> : null}
                        <Typography.Text type="secondary">
                          {' '}
                          {e.actorName}，{chineseDateTime(e.at)}登记
                        </Typography.Text>
                      </span>
                      {e.note ? <span>{e.note}</span> : null}
                      {staffDetails(e) ? <Typography.Text type="secondary">{staffDetails(e)}</Typography.Text> : null}
                    </Space>
                  ),
                }))}
              />
            </Card>
            <AppealsCard kase={kase} onChanged={load} />
          </Space>
        </Col>
      </Row>

      <ActionModal kase={kase} action={action} onClose={() => setAction(null)} onDone={(d) => void done(d)} />
      <IssueLetterModal
        kase={kase}
        kind={issuing}
        options={options}
        onClose={() => setIssuing(null)}
        onIssued={() => {
          setOffer(null);
          void load();
        }}
      />
      <ShowLetterModal letterId={reading} onClose={closeReading} />
    </Space>
  );
}
