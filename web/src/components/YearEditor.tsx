// Editing a year's arrangement: one row per listed day (holiday or 调休 working day).
import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { HolidayDay } from '../types';

// Suggestions only: the State Council's notices sometimes combine holidays (中秋节、国庆节).
const NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '中秋节、国庆节'].map((n) => ({ value: n }));

export function YearEditor(props: { year: number; days: HolidayDay[]; note: string; onSave(days: HolidayDay[], note: string): void; onCancel(): void }) {
  const [rows, setRows] = useState(props.days.map((d, i) => ({ ...d, key: i })));
  const [note, setNote] = useState(props.note);
  const update = (key: number, patch: Partial<HolidayDay>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => setRows((rs) => [...rs, { key: Date.now(), name: '元旦', date: `${props.year}-01-01`, isOffDay: true }]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '日期',
            render: (_, r) => <DatePicker value={dayjs(r.date)} allowClear={false} onChange={(d) => d && update(r.key, { date: d.format('YYYY-MM-DD') })} />,
          },
          {
            title: '节日',
            render: (_, r) => <AutoComplete value={r.name} style={{ width: 160 }} options={NAMES} onChange={(name: string) => update(r.key, { name })} aria-label="节日名称" />,
          },
          {
            title: '安排',
            render: (_, r) => (
              <Select
                value={r.isOffDay ? 'off' : 'on'}
                style={{ width: 120 }}
                options={[{ value: 'off', label: '休息' }, { value: 'on', label: '调休上班' }]}
                onChange={(v) => update(r.key, { isOffDay: v === 'off' })}
              />
            ),
          },
          { title: '', render: (_, r) => <a onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>删除</a> },
        ]}
      />
      <Button onClick={add}>添加一天</Button>
      <Input.TextArea placeholder="修改说明（如：依据国办发明电〔2025〕×号更正）" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      <Space>
        <Button type="primary" onClick={() => props.onSave(rows.map(({ key: _key, ...d }) => d), note)}>
          保存
        </Button>
        <Button onClick={props.onCancel}>取消</Button>
      </Space>
    </Space>
  );
}
