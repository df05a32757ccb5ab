// 发布检查规则: the sensitive words and serious wording errors every draft is checked against.
import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { api } from '../api';

interface Rules {
  sensitiveWords: string[];
  wordingErrors: { wrong: string; right: string }[];
}

export function CheckRulesPage() {
  const { message } = App.useApp();
  const [rules, setRules] = useState<Rules | null>(null);

  useEffect(() => {
    api.get<Rules>('/settings/check-rules').then(setRules, (err: Error) => message.error(err.message));
  }, [message]);

  if (!rules) return null;
  const setError = (i: number, patch: Partial<Rules['wordingErrors'][number]>) =>
    setRules({ ...rules, wordingErrors: rules.wordingErrors.map((e, j) => (j === i ? { ...e, ...patch } : e)) });

  const save = async () => {
    try {
      setRules(await api.put<Rules>('/settings/check-rules', rules));
      message.success('发布检查规则已保存');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card title="发布检查规则" extra={<Button type="primary" onClick={save}>保存</Button>}>
      <Typography.Paragraph type="secondary">
        每份文件提交审核和发布前都会检查：身份证号、手机号、银行卡号和密级标志由系统识别；下面的敏感词给出提示，错误表述阻止发布。
      </Typography.Paragraph>
      <Typography.Title level={5}>敏感词（提示）</Typography.Title>
      <Select
        mode="tags"
        style={{ width: '100%' }}
        value={rules.sensitiveWords}
        onChange={(sensitiveWords) => setRules({ ...rules, sensitiveWords })}
        tokenSeparators={[',', '，', '、']}
        aria-label="敏感词"
        placeholder="输入后回车添加"
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        严重错误表述（阻止发布）
      </Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={rules.wordingErrors}
        columns={[
          { title: '错误表述', render: (_, e, i) => <Input value={e.wrong} onChange={(ev) => setError(i, { wrong: ev.target.value })} aria-label="错误表述" /> },
          { title: '正确表述', render: (_, e, i) => <Input value={e.right} onChange={(ev) => setError(i, { right: ev.target.value })} aria-label="正确表述" /> },
          { title: '', width: 80, render: (_, __, i) => <a onClick={() => setRules({ ...rules, wordingErrors: rules.wordingErrors.filter((_, j) => j !== i) })}>删除</a> },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={() => setRules({ ...rules, wordingErrors: [...rules.wordingErrors, { wrong: '', right: '' }] })}>添加一条</Button>
      </Space>
    </Card>
  );
}
