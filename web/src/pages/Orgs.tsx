// 机构管理: the organization tree and the 公开指南 data of each organization.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Tree } from 'antd';
import { api } from '../api';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { buildOrgTree } from '../orgTree';
import { useSession } from '../session';
import type { Org } from '../types';

const GUIDE_FIELDS: [keyof Org, string][] = [
  ['officeName', '公开工作机构名称'],
  ['address', '办公地址'],
  ['postcode', '邮政编码'],
  ['officeHours', '办公时间'],
  ['phone', '联系电话'],
  ['fax', '传真'],
  ['email', '电子邮箱'],
  ['website', '网址'],
  ['guideNote', '指南补充说明'],
];

type Editing = { mode: 'create'; parentId: number } | { mode: 'edit'; org: Org } | null;

export function OrgsPage() {
  const { orgs, meta, can, reloadOrgs } = useSession();
  const { message } = App.useApp();
  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = orgs.find((o) => o.id === selectedId) ?? orgs[0];
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm();
  const kindLabel = (k: string) => meta.orgKinds.find((o) => o.value === k)?.label ?? k;

  const open = (e: Editing) => {
    setEditing(e);
    form.resetFields();
    if (e?.mode === 'edit') form.setFieldsValue(e.org);
    if (e?.mode === 'create') form.setFieldsValue({ parentId: e.parentId, kind: 'department', sortOrder: 0 });
  };

  const setExemption = async (org: Org, on: boolean) => {
    try {
      await api.patch<Org>(`/orgs/${org.id}`, { interpretationExemptionAllowed: on });
      // Reload first: the message tells the user the switch now shows the saved state.
      await reloadOrgs();
      message.success(on ? '已允许写明理由后不同步发布解读' : '已要求规范性文件与解读同步发布');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const save = async () => {
    const values = await form.validateFields();
    try {
      const saved =
        editing?.mode === 'edit' ? await api.patch<Org>(`/orgs/${editing.org.id}`, values) : await api.post<Org>('/orgs', values);
      message.success(editing?.mode === 'edit' ? '机构已保存' : '机构已创建');
      setEditing(null);
      await reloadOrgs();
      setSelectedId(saved.id);
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={9}>
        <Card title="机构">
          {tree.length ? (
            <Tree treeData={tree} defaultExpandAll selectedKeys={selected ? [selected.id] : []} onSelect={(keys) => keys[0] && setSelectedId(Number(keys[0]))} />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} md={15}>
        {selected ? (
          <Card
            title={selected.name}
            extra={
              can('org.manage') ? (
                <Space>
                  <Button onClick={() => open({ mode: 'edit', org: selected })}>编辑</Button>
                  <Button type="primary" onClick={() => open({ mode: 'create', parentId: selected.id })}>
                    新建下级机构
                  </Button>
                </Space>
              ) : null
            }
          >
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="机构代码">{selected.code}</Descriptions.Item>
              <Descriptions.Item label="类型">{kindLabel(selected.kind)}</Descriptions.Item>
              <Descriptions.Item label="索引号规则">{selected.indexPattern || '默认：{orgCode}/{YYYY}-{NNNNN}'}</Descriptions.Item>
              {selected.kind === 'government' ? (
                <Descriptions.Item label="解读同步发布">
                  <Space>
                    <Switch
                      id="interpretation-exemption"
                      checked={selected.interpretationExemptionAllowed}
                      disabled={!can('org.exemption_setting')}
                      onChange={(on) => void setExemption(selected, on)}
                    />
                    <label htmlFor="interpretation-exemption">允许规范性文件不同步发布解读（须写明理由）</label>
                  </Space>
                </Descriptions.Item>
              ) : null}
              {GUIDE_FIELDS.map(([field, label]) => (
                <Descriptions.Item key={field} label={label}>
                  {String(selected[field] || '—')}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <p style={{ marginTop: 12 }}>
              <a href={`/zfxxgk/orgs/${encodeURIComponent(selected.code)}`} target="_blank" rel="noreferrer">
                查看门户上的公开指南
              </a>
            </p>
          </Card>
        ) : null}
      </Col>
      <Modal
        title={editing?.mode === 'edit' ? '编辑机构' : '新建机构'}
        open={editing !== null}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="org">
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="机构代码" name="code" rules={[{ required: true, message: '请输入机构代码' }, { pattern: /^[A-Za-z0-9_-]+$/, message: '只能包含字母、数字、-、_' }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
                <Select options={meta.orgKinds} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入机构名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          {editing?.mode === 'create' || (editing?.mode === 'edit' && editing.org.parentId !== null) ? (
            <Form.Item label="上级机构" name="parentId" rules={[{ required: true, message: '请选择上级机构' }]}>
              <OrgTreeSelect />
            </Form.Item>
          ) : null}
          <Form.Item label="排序" name="sortOrder">
            <InputNumber min={0} max={100000} />
          </Form.Item>
          <Form.Item label="索引号规则" name="indexPattern" extra="留空使用默认规则 {orgCode}/{YYYY}-{NNNNN}；可用 {orgCode} {YYYY} {YY} {MM} {topicCode} 和一个流水号 {NNNNN}">
            <Input maxLength={60} placeholder="{orgCode}/{YYYY}-{NNNNN}" />
          </Form.Item>
          {GUIDE_FIELDS.map(([field, label]) => (
            <Form.Item key={field} label={label} name={field} rules={field === 'postcode' ? [{ pattern: /^([0-9]{6})?$/, message: '邮政编码为 6 位数字' }] : []}>
              {field === 'guideNote' ? <Input.TextArea rows={3} maxLength={5000} /> : <Input maxLength={200} />}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Row>
  );
}
