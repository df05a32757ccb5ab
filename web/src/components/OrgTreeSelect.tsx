// One organization picker for every form and filter.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { buildOrgTree } from '../orgTree';
import { useSession } from '../session';

export function OrgTreeSelect(props: { value?: number | null; onChange?(v: number | undefined): void; placeholder?: string; allowClear?: boolean; id?: string; 'aria-label'?: string; style?: React.CSSProperties }) {
  const { orgs } = useSession();
  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      style={props.style ?? { width: '100%' }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v as number | undefined)}
      treeData={tree}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? '选择机构'}
    />
  );
}
