// 录入往年报告 (#/reports/entered): a past year's report published elsewhere (on paper, on the old
// site), typed into the same grid or loaded from a JSON file in the shape `gongkai report annual
// --format json` writes (tables; sections and publishedOn when the file has them), so that the first
// report written here is checked against last year's 结转下年度 and problems. Saved as published.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Select, Space, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { TEXT_SECTION_KEYS } from '../../../../src/domain/annual-report-draft';
import { api } from '../../api';
import { isoDay } from '../../format';
import { navigate } from '../../router';
import { blankTables, missingFigures, setFigure, tablesFrom } from './figures';
import { ReportBody } from './ReportBody';
import { lastYear, yearOptions } from './shared';
import type { ReportDetail, Sections, Tables } from './types';
import { spinnerWhile } from '../../spinner';

/** The sections a file holds as text. */
function sectionsFrom(data: Record<string, unknown>): Sections {
  const given = (data.sections ?? {}) as Record<string, unknown>;
  return Object.fromEntries(TEXT_SECTION_KEYS.flatMap((k) => (typeof given[k] === 'string' ? [[k, given[k]]] : [])));
}

/** The day a file says the report was published: `publishedOn` of an import file, `publishedAt` of the portal's JSON. */
function publishedDay(data: Record<string, unknown>): Dayjs | null {
  if (typeof data.publishedOn === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(data.publishedOn) && dayjs(data.publishedOn).isValid() ? dayjs(data.publishedOn) : null;
  if (typeof data.publishedAt !== 'string' || Number.isNaN(Date.parse(data.publishedAt))) return null;
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(data.publishedAt)));
}

export function EnterReportPage() {
  const { message, modal } = App.useApp();
  // In the first year of use, the report before the one now due.
  const [year, setYear] = useState(lastYear() - 1);
  const [publishedOn, setPublishedOn] = useState<Dayjs | null>(null);
  const [tables, setTables] = useState<Tables>(blankTables);
  const [sections, setSections] = useState<Sections>({});
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (file: File) => {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(await file.text());
      if (!data || typeof data !== 'object' || typeof data.tables !== 'object') throw new Error('no tables');
    } catch {
      message.error(`${file.name} 不是年度报告的 JSON 文件（应含 tables，即 gongkai report annual --format json 输出的格式）`);
      return false;
    }
    const next = tablesFrom(data.tables);
    setTables(next);
    setSections(sectionsFrom(data));
    if (typeof data.year === 'number') setYear(data.year);
    const published = publishedDay(data);
    if (published) setPublishedOn(published);
    const missing = missingFigures(next).length;
    setLoaded(`已读取 ${file.name}${missing ? `，其中 ${missing} 个数字缺失，请补填` : ''}。请逐项核对后保存。`);
    // The file is read here, never uploaded.
    return false;
  };

  const submit = () => {
    const missing = missingFigures(tables);
    if (!publishedOn) return void message.error('请选择报告的发布日期');
    if (missing.length) {
      const names = missing.slice(0, 3).map((f) => `「${f.label}」`).join('、');
      return void message.error(`${names}${missing.length > 3 ? `等 ${missing.length} 项` : ''}未填写，没有的请填 0`);
    }
    modal.confirm({
      title: '录入往年报告',
      content: `${year}年度报告将按已于${publishedOn.format('YYYY年M月D日')}发布保存，保存后不能再修改。确定吗？`,
      okText: '保存',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          const r = await api.post<ReportDetail>('/annual-reports/entered', { year, publishedOn: isoDay(publishedOn), tables, sections });
          const { errors, warnings } = r.validation;
          message.success(`已录入${r.title}${errors.length || warnings.length ? `，检查发现 ${errors.length} 处错误、${warnings.length} 项提示（按发布时原样保存）` : ''}`);
          navigate(`/reports/${r.id}`);
        } catch (err) {
          message.error((err as Error).message);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Card title="录入往年报告" extra={<a href="#/reports">返回年度报告列表</a>}>
      <Typography.Paragraph>
        录入本单位已在别处发布的往年年度报告（按发布时的原样），系统据此核对下一年度报告的“上年结转”和问题改进情况。可逐项填写，也可读取年度报告的
        JSON 文件（本系统导出或门户网站“下载数据”的格式）后逐项核对。
      </Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="报告年度" htmlFor="entered-year">
          <Select id="entered-year" value={year} onChange={setYear} options={yearOptions(lastYear(), 15)} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="发布日期" htmlFor="entered-published-on" required>
          <DatePicker
            id="entered-published-on"
            value={publishedOn}
            onChange={setPublishedOn}
            format="YYYY年M月D日"
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.year() <= year}
          />
        </Form.Item>
        <Form.Item>
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={load}>
            <Button>读取 JSON 文件</Button>
          </Upload>
        </Form.Item>
      </Form>
      {loaded ? <Alert type="info" showIcon title={loaded} style={{ marginBottom: 16 }} data-testid="entered-loaded" /> : null}
      <ReportBody
        tables={tables}
        sections={sections}
        editable="all"
        onFigure={(at, v) => setTables((t) => setFigure(t, at, v))}
        onText={(key, text) => setSections((s) => ({ ...s, [key]: text }))}
      />
      <Space>
        <Button type="primary" loading={spinnerWhile(busy)} onClick={submit}>
          保存为已发布报告
        </Button>
        <Button onClick={() => navigate('/reports')}>取消</Button>
      </Space>
    </Card>
  );
}
