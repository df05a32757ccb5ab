// One decision catalogue in the workbench: its note, its items with their current stage (新增、修改、
// 调出 for the government's staff, each asking its reason once the catalogue is published), publishing,
// and the changes recorded since with their reasons.
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../../api';
import { useChangeRunner } from '../../../hooks/useChangeRunner';
import { chineseDate } from '../../../format';
import { ItemDialog, RemoveDialog } from './ItemDialog';
import { useLoaded } from './useLoaded';
import { decisionRoute, decisionsRoute, type Catalog, type ItemRow } from './types';

type Dialog = { kind: 'item'; item: ItemRow | null } | { kind: 'remove'; item: ItemRow } | null;

export function CatalogEditor({ id }: { id: number }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const { data: catalog, load, fromDialog } = useLoaded<Catalog>(`/decision-catalogs/${id}`, close);
  const [form] = Form.useForm();
  useEffect(() => {
    if (catalog) form.setFieldsValue({ note: catalog.note });
  }, [form, catalog]);
  const run = useChangeRunner(load);

  if (!catalog) return null;
  const c = catalog;

  return (
    <Card
      title={
        <Space wrap>
          <a href={`#${decisionsRoute}`}>决策事项目录</a>/<span>{c.title}</span>
          {c.published ? <Tag color="success">{chineseDate(c.publishedOn)}公布</Tag> : <Tag>未公布</Tag>}
        </Space>
      }
      extra={
        c.canManage ? (
          <Space>
            <Button onClick={() => setDialog({ kind: 'item', item: null })}>新增事项</Button>
            {c.published ? null : (
              <Popconfirm title="公布后目录向社会公开，事项的调整须说明理由。确定公布？" okText="公布" cancelText="取消" onConfirm={() => run(() => api.post(`/decision-catalogs/${id}/publish`), '已公布')}>
                <Button type="primary">公布目录</Button>
              </Popconfirm>
            )}
          </Space>
        ) : null
      }
    >
      {c.published ? (
        <Typography.Paragraph>
          <a href={`/zfxxgk/zdjc/${c.org.code}/${c.year}`} target="_blank" rel="noreferrer">
            在门户查看
          </a>
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" disabled={!c.canManage} name="decision-catalog-note">
        <Form.Item name="note" label="目录说明">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        {c.canManage ? (
          <Form.Item>
            <Button onClick={async () => run(() => api.put(`/decision-catalogs/${id}`, { note: form.getFieldValue('note') ?? '' }), '已保存')}>保存说明</Button>
          </Form.Item>
        ) : null}
      </Form>
      <Table<ItemRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.items}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '尚未列入决策事项' }}
        rowClassName={(r) => (r.removed ? 'ant-table-row-disabled' : '')}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          {
            title: '决策事项',
            render: (_, r) => (
              <>
                <a href={`#${decisionRoute(r.id)}`}>{r.name}</a>
                {r.removed ? <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{`${chineseDate(r.removedOn)}调出：${r.removalReason}`}</Typography.Paragraph> : null}
              </>
            ),
          },
          { title: '承办单位', width: 180, render: (_, r) => r.undertakingOrg.name },
          { title: '决策依据', dataIndex: 'basis', width: 220, ellipsis: true },
          { title: '计划完成时间', dataIndex: 'plannedTime', width: 120 },
          { title: '当前阶段', width: 170, render: (_, r) => (r.removed ? <Tag>已调出目录</Tag> : r.standing) },
          {
            title: '操作',
            width: 150,
            render: (_, r) =>
              c.canManage && !r.removed ? (
                <Space size="small">
                  <Button size="small" aria-label={`修改“${r.name}”`} onClick={() => setDialog({ kind: 'item', item: r })}>
                    修改
                  </Button>
                  <Button size="small" danger aria-label={`${c.published ? '调出' : '删除'}“${r.name}”`} onClick={() => setDialog({ kind: 'remove', item: r })}>
                    {c.published ? '调出' : '删除'}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        调整记录
      </Typography.Title>
      <List
        size="small"
        dataSource={c.changes}
        locale={{ emptyText: c.published ? '目录公布后未作调整' : '目录公布后的调整将记录在此' }}
        renderItem={(ch) => (
          <List.Item>
            <List.Item.Meta title={`${chineseDate(ch.changedOn)}　${ch.item ?? ''}`} description={<>{ch.lines.map((l) => <div key={l}>{l}</div>)}<div>调整理由：{ch.reason}</div></>} />
          </List.Item>
        )}
      />
      {dialog?.kind === 'item' ? <ItemDialog catalog={c} item={dialog.item} onDone={fromDialog} onCancel={close} /> : null}
      {dialog?.kind === 'remove' ? <RemoveDialog catalog={c} item={dialog.item} onDone={fromDialog} onCancel={close} /> : null}
    </Card>
  );
}
