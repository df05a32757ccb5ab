// One annual report (#/reports/ID): the six sections in the format's order — tables 二, 三 and 四 with
// the national format's labels, sections 一, 五 and 六 as text. On a draft, staff type the figures
// from other systems, may correct computed ones, rewrite the text, save, run the checks, refresh the
// draft from the data; the office head publishes it (never with errors; warnings confirmed). A
// published report is read-only, with its portal page and Word file.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Modal, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { TEXT_SECTION_KEYS } from '../../../../src/domain/annual-report-draft';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { setFigure, tablesPatch } from './figures';
import { ReportBody } from './ReportBody';
import { Findings, portalPage, portalWord, ProgressTag } from './shared';
import type { DraftResult, ReportDetail, ReportIssue, Sections, Tables } from './types';
import { spinnerWhile } from '../../spinner';

const HAND_NOTE =
  '底色为黄色的数字（行政许可、行政处罚、行政强制的本年处理决定数量和行政事业性收费金额）来自其他业务系统，请按实际填写，没有的填 0。其他数字由系统按已记录的文件、申请和复议诉讼计算。';

function IssueList({ issues }: { issues: readonly ReportIssue[] }) {
  return (
    <ol style={{ paddingLeft: 20 }}>
      {issues.map((i, n) => (
        <li key={n}>{i.message}</li>
      ))}
    </ol>
  );
}

export function ReportPage({ id }: { id: number }) {
  const { message, modal } = App.useApp();
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [tables, setTables] = useState<Tables | null>(null);
  const [sections, setSections] = useState<Sections>({});
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [rewrite, setRewrite] = useState(false);

  /** Shows the report as the server has it, edits dropped. */
  const show = useCallback((r: ReportDetail) => {
    setReport(r);
    setTables(r.tables);
    setSections(r.sections);
  }, []);

  useEffect(() => {
    api.get<ReportDetail>(`/annual-reports/${id}`).then(show, (err: Error) => setRefusal(err.message));
  }, [id, show]);

  if (refusal) return <Alert type="error" showIcon title={refusal} />;
  if (!report || !tables) return <Card loading />;

  const editing = report.canEdit;
  const { patch, emptied } = tablesPatch(report.tables, tables);
  const changedSections = TEXT_SECTION_KEYS.filter((k) => (sections[k] ?? '') !== (report.sections[k] ?? ''));
  const dirty = patch !== null || emptied.length > 0 || changedSections.length > 0;

  /** Runs a change; its answer is the report as it now stands. */
  const run = async (change: () => Promise<ReportDetail>, done?: string) => {
    setBusy(true);
    try {
      show(await change());
      if (done) message.success(done);
      return true;
    } catch (err) {
      message.error((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (emptied.length) {
      const names = emptied.slice(0, 3).map((f) => `「${f.label}」`).join('、');
      message.error(`${names}${emptied.length > 3 ? `等 ${emptied.length} 项` : ''}不能为空，没有的请填 0`);
      return;
    }
    const body = {
      ...(patch ? { tables: patch } : {}),
      ...(changedSections.length ? { sections: Object.fromEntries(changedSections.map((k) => [k, sections[k] ?? ''])) } : {}),
    };
    await run(() => api.patch<ReportDetail>(`/annual-reports/${id}`, body), '已保存，并已重新检查');
  };

  const check = () => run(() => api.post<ReportDetail>(`/annual-reports/${id}/check`), '检查完成');

  const refresh = async () => {
    setBusy(true);
    try {
      const result = await api.post<DraftResult>('/annual-reports/drafts', { orgId: report.org.id, year: report.year, rewriteSections: rewrite });
      show(result.report);
      setRefreshing(false);
      message.success(`已按最新数据重新生成草稿，${result.changed.length} 项数字有变化${rewrite ? '，第一、五、六部分文字已重写' : ''}`);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // The checks run again first, so the office head decides on the report as it stands.
  const publish = async () => {
    setBusy(true);
    let checked: ReportDetail;
    try {
      checked = await api.post<ReportDetail>(`/annual-reports/${id}/check`);
      show(checked);
    } catch (err) {
      message.error((err as Error).message);
      return;
    } finally {
      setBusy(false);
    }
    const { errors, warnings } = checked.validation;
    if (errors.length) {
      modal.error({ title: '年度报告有错误，不能发布', width: 640, content: <><p>请改正以下 {errors.length} 处错误后再发布：</p><IssueList issues={errors} /></>, okText: '知道了' });
      return;
    }
    modal.confirm({
      title: '发布年度报告',
      width: 640,
      content: warnings.length ? (
        <>
          <p>检查有以下 {warnings.length} 项提示。请逐项核对，确认无误后再发布：</p>
          <IssueList issues={warnings} />
          <p>发布后报告在门户网站“政府信息公开工作年度报告”栏目公开，不能再修改。</p>
        </>
      ) : (
        '发布后报告在门户网站“政府信息公开工作年度报告”栏目公开，不能再修改。确定发布吗？'
      ),
      okText: warnings.length ? '已核对提示，发布' : '发布',
      cancelText: '取消',
      onOk: async () => {
        await run(() => api.post<ReportDetail>(`/annual-reports/${id}/publish`, { confirmWarnings: warnings.length > 0 }), '年度报告已发布');
      },
    });
  };

  const later = (button: React.ReactElement) => (dirty ? <Tooltip title="请先保存修改">{button}</Tooltip> : button);

  return (
    <Card
      title={report.title}
      extra={
        <Space>
          <ProgressTag progress={report.status} />
          {report.source === 'entered' ? <Tag>录入的往年报告</Tag> : null}
          <a href="#/reports">返回年度报告列表</a>
        </Space>
      }
    >
      {report.status === 'published' ? (
        <Alert
          type="success"
          showIcon
          data-testid="report-published"
          title={`本报告已于${chineseDate(report.publishedOn)}发布，不能再修改。`}
          description={
            <Space wrap>
              <a href={portalPage(report.org.code, report.year)} target="_blank" rel="noreferrer">
                在门户网站查看
              </a>
              <a href={portalWord(report.org.code, report.year)} download>
                下载 Word 文件
              </a>
            </Space>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}

      {editing ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button type="primary" disabled={!dirty} loading={spinnerWhile(busy)} onClick={() => void save()}>
            保存修改
          </Button>
          <Button disabled={!dirty || busy} onClick={() => show(report)}>
            放弃修改
          </Button>
          {later(
            <Button disabled={dirty || busy} onClick={() => void check()}>
              检查
            </Button>,
          )}
          {later(
            <Button disabled={dirty || busy} onClick={() => setRefreshing(true)}>
              重新生成草稿
            </Button>,
          )}
          {report.canPublish
            ? later(
                <Button type="primary" disabled={dirty || busy} onClick={() => void publish()}>
                  发布
                </Button>,
              )
            : null}
        </Space>
      ) : null}
      {dirty ? <Alert type="info" showIcon title="有尚未保存的修改。" style={{ marginBottom: 16 }} /> : null}

      <section aria-labelledby="report-checks" style={{ marginBottom: 24 }}>
        <Typography.Title level={4} id="report-checks">
          检查结果
        </Typography.Title>
        <Findings errors={report.validation.errors} warnings={report.validation.warnings} />
      </section>

      <ReportBody
        tables={tables}
        sections={sections}
        editable={!editing ? 'none' : correcting ? 'all' : 'hand'}
        onFigure={(at, value) => setTables((t) => setFigure(t!, at, value))}
        onText={(key, text) => setSections((s) => ({ ...s, [key]: text }))}
        proactiveNote={
          editing ? (
            <Space orientation="vertical" style={{ marginBottom: 12 }}>
              <Typography.Text>{HAND_NOTE}</Typography.Text>
              <Space>
                <Switch checked={correcting} onChange={setCorrecting} aria-label="更正系统计算的数字" />
                <span>更正系统计算的数字（重新生成草稿时按最新数据重算）</span>
              </Space>
            </Space>
          ) : null
        }
      />

      <Modal
        title="重新生成草稿"
        open={refreshing}
        okText="重新生成"
        cancelText="取消"
        okButtonProps={{ loading: spinnerWhile(busy) }}
        onOk={() => void refresh()}
        onCancel={() => setRefreshing(false)}
      >
        <Typography.Paragraph>
          按系统中的最新数据重新计算表二至表四。已填写的行政许可、行政处罚、行政强制和收费金额保留；更正过的计算数字按最新数据重算。
        </Typography.Paragraph>
        <Checkbox checked={rewrite} onChange={(e) => setRewrite(e.target.checked)}>
          同时按最新数据重写第一、五、六部分文字（已修改的文字将被替换）
        </Checkbox>
      </Modal>
    </Card>
  );
}
