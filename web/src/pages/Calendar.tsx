// 工作日历: the year's arrangement at a glance, the working-day calculator, and (administrators)
// entering or correcting a year.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, InputNumber, Row, Select, Space, Spin, Table, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, query } from '../api';
import { YearEditor } from '../components/YearEditor';
import { MonthGrid, type DayInfo } from '../components/MonthGrid';
import { chineseDate, chineseDateTime, isoDay } from '../format';
import { useSession } from '../session';
import type { HolidayDay } from '../types';

interface YearSummary {
  year: number;
  source: 'shipped' | 'admin';
  offDays: number;
  makeupWorkdays: number;
  note: string;
  updatedAt: string;
}

interface Result {
  date: string;
  text: string;
  missingYears: number[];
}

export function CalendarPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [year, setYear] = useState(dayjs().year());
  // The days with the year they belong to: another year's days are never drawn under this year's title.
  const [days, setDays] = useState<{ year: number; items: DayInfo[] } | null>(null);
  const shownYear = useRef(year);
  shownYear.current = year;
  const [years, setYears] = useState<YearSummary[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [editing, setEditing] = useState<{ days: HolidayDay[]; note: string } | null>(null);
  const manage = can('calendar.manage');

  const load = useCallback(async () => {
    const [d, y] = await Promise.all([
      api.get<{ items: DayInfo[] }>(`/calendar/days${query({ from: `${year}-01-01`, to: `${year}-12-31` })}`),
      api.get<{ items: YearSummary[] }>('/calendar/years'),
    ]);
    // A slower answer for a year no longer chosen is dropped.
    if (shownYear.current === year) setDays({ year, items: d.items });
    setYears(y.items);
  }, [year]);

  useEffect(() => {
    load().catch((err: Error) => message.error(err.message));
  }, [load, message]);

  const compute = async (v: { from: Dayjs; days: number }) => {
    try {
      setResult(await api.get<Result>(`/calendar/add-working-days${query({ from: isoDay(v.from), days: v.days })}`));
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const startEdit = async () => {
    try {
      const y = await api.get<{ days: HolidayDay[]; note: string }>(`/calendar/years/${year}`);
      setEditing({ days: y.days, note: y.note ?? '' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setEditing({ days: [], note: '' }); // a year not entered yet
      else message.error((err as Error).message);
    }
  };

  /** PUTs one year's arrangement; the server's message (listing the problems) is shown as is. */
  const save = async (body: unknown, targetYear: number, errorPrefix = '') => {
    try {
      await api.put(`/calendar/years/${targetYear}`, body);
      message.success(`${targetYear} 年节假日安排已保存`);
      setEditing(null);
      setYear(targetYear);
      await load();
    } catch (err) {
      message.error(`${errorPrefix}${(err as Error).message}`);
    }
  };

  const importFile = async (file: File) => {
    let data: { year?: unknown };
    try {
      data = JSON.parse(await file.text());
    } catch {
      message.error('导入失败：文件不是有效的 JSON');
      return false;
    }
    if (typeof data?.year !== 'number' || !Number.isInteger(data.year)) message.error('导入失败：文件缺少有效的 year 字段');
    else await save(data, data.year, '导入失败：');
    return false;
  };

  const thisYear = dayjs().year();
  const lastYear = Math.max(thisYear + 1, ...years.map((y) => y.year));
  const yearOptions = Array.from({ length: lastYear - 2007 + 1 }, (_, i) => ({ value: 2007 + i, label: `${2007 + i} 年` }));
  const shown = years.find((y) => y.year === year);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="工作日历"
        extra={
          <Space>
            <Select value={year} onChange={(y: number) => { setEditing(null); setYear(y); }} options={yearOptions} style={{ width: 110 }} aria-label="年份" />
            {manage ? <Button onClick={() => void startEdit()}>编辑本年安排</Button> : null}
            {manage ? (
              <Upload accept=".json,application/json" showUploadList={false} beforeUpload={importFile}>
                <Button>导入 JSON 文件</Button>
              </Upload>
            ) : null}
          </Space>
        }
      >
        {!shown ? <Alert type="warning" showIcon title={`${year} 年的节假日安排尚未录入，周末以外均按工作日计算`} style={{ marginBottom: 12 }} /> : null}
        <Space style={{ marginBottom: 12 }}>
          <Tag color="red">休 法定节假日</Tag>
          <Tag color="orange">班 调休上班</Tag>
          <Tag>周末</Tag>
        </Space>
        {editing ? (
          <YearEditor year={year} days={editing.days} note={editing.note} onSave={(d, note) => void save({ days: d, note }, year)} onCancel={() => setEditing(null)} />
        ) : (
          days?.year === year ? <MonthGrid year={year} days={days.items} /> : <Spin />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="工作日计算（起算当日不计入）">
            <Form layout="inline" name="working-days" onFinish={compute} initialValues={{ days: 20 }}>
              <Form.Item label="起算日期" name="from" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item label="工作日数" name="days" rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                计算
              </Button>
            </Form>
            {result ? (
              <div style={{ marginTop: 16 }}>
                <p style={{ fontSize: 20, fontWeight: 600 }} data-testid="working-days-result">
                  {chineseDate(result.date)}
                </p>
                <p>{result.text}</p>
                {result.missingYears.length ? <Alert type="warning" showIcon title={`${result.missingYears.join('、')} 年的节假日安排尚未发布，按普通周末计算`} /> : null}
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="已录入的年度安排">
            <Table<YearSummary>
              rowKey="year"
              size="small"
              dataSource={[...years].reverse()}
              pagination={{ pageSize: 8 }}
              columns={[
                { title: '年份', dataIndex: 'year' },
                { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'admin' ? <Tag color="blue">管理员更正</Tag> : <Tag>内置</Tag>) },
                { title: '休息日数', dataIndex: 'offDays' },
                { title: '调休上班数', dataIndex: 'makeupWorkdays' },
                { title: '说明', dataIndex: 'note' },
                { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => chineseDateTime(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
