// Choose a document by typing part of its title or 文号 (or its number): for relations (修改、废止、
// 替代), for the policy an interpretation explains, for a gazette issue. Searches the staff list API,
// so it offers only documents the user may see.
import { useEffect, useRef, useState } from 'react';
import { Select, Tag } from 'antd';
import { api, query } from '../api';
import { STATUS_LABELS } from '../documentLabels';

export interface PickedDocument {
  id: number;
  title: string;
  docNumber: string;
  status: keyof typeof STATUS_LABELS;
  orgName: string;
  publishedVersion: number | null;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null, doc?: PickedDocument) => void;
  /** Only documents with a public version (relations, gazette). */
  publishedOnly?: boolean;
  /** Only this organization's documents. */
  orgId?: number;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
}

function label(d: PickedDocument) {
  return (
    <span>
      {d.title}
      {d.docNumber ? `（${d.docNumber}）` : ''} <Tag>{STATUS_LABELS[d.status]}</Tag>
      <span style={{ color: '#888' }}>
        {d.orgName} · 编号 {d.id}
      </span>
    </span>
  );
}

export function DocumentPicker({ value, onChange, publishedOnly, orgId, placeholder = '输入标题、文号或编号搜索', disabled, ...aria }: Props) {
  const [docs, setDocs] = useState<PickedDocument[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef('');

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      latest.current = q;
      setLoading(true);
      try {
        const list = await api.get<{ items: PickedDocument[] }>(`/documents${query({ q: q.trim(), orgId, pageSize: 20 })}`);
        let found = list.items;
        // A number typed is also a document number.
        if (/^\d+$/.test(q.trim())) {
          const byId = await api.get<PickedDocument>(`/documents/${q.trim()}`).catch(() => null);
          if (byId && !found.some((d) => d.id === byId.id)) found = [byId, ...found];
        }
        if (latest.current === q) setDocs(publishedOnly ? found.filter((d) => d.publishedVersion !== null) : found);
      } finally {
        setLoading(false);
      }
    }, 250);
  };

  // Show the chosen document's title, not its bare number, when the form opens with a value.
  useEffect(() => {
    if (value && !docs.some((d) => d.id === value)) {
      api
        .get<PickedDocument>(`/documents/${value}`)
        .then((d) => setDocs((prev) => (prev.some((p) => p.id === d.id) ? prev : [d, ...prev])))
        .catch(() => {});
    }
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select<number>
      {...aria}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      loading={loading}
      disabled={disabled}
      notFoundContent={loading ? '搜索中…' : '没有找到，请换个关键词'}
      onFocus={() => docs.length || search('')}
      onChange={(id) => onChange?.(id ?? null, docs.find((d) => d.id === id))}
      options={docs.map((d) => ({ value: d.id, label: label(d) }))}
      style={{ width: '100%' }}
    />
  );
}
