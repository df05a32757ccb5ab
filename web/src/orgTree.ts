// Turns the flat organization list into a tree for antd's Tree and TreeSelect.
import type { Org } from './types';

export interface OrgNode {
  key: number;
  value: number;
  title: string;
  org: Org;
  children: OrgNode[];
}

export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(orgs.map((o) => [o.id, { key: o.id, value: o.id, title: o.name, org: o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const o of orgs) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId === null ? undefined : nodes.get(o.parentId);
    // An organization whose parent is outside the user's scope is a root of the visible tree.
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.org.sortOrder - b.org.sortOrder || a.org.id - b.org.id);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
