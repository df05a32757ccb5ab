// The 年份 filter above a list kept by year (gazette issues, decision catalogues): the years there are,
// or all of them.
import { Select, Space } from 'antd';

export function YearFilter(props: { id: string; years: number[]; value: number | undefined; onChange(year: number | undefined): void }) {
  return (
    <Space style={{ marginBottom: 16 }}>
      <label htmlFor={props.id}>年份</label>
      <Select<number>
        id={props.id}
        allowClear
        placeholder="全部年份"
        style={{ width: 140 }}
        value={props.value}
        onChange={props.onChange}
        options={props.years.map((y) => ({ value: y, label: `${y}年` }))}
      />
    </Space>
  );
}
