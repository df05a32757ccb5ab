// What the decisions API returns to the workbench (src/features/decisions/decisions.ts).
import type { StageKind } from '../../../../../src/domain/decision';

export const decisionsRoute = '/participation/decisions';
export const catalogRoute = (id: number) => `${decisionsRoute}/catalogs/${id}`;
export const decisionRoute = (id: number) => `${decisionsRoute}/${id}`;

export interface CatalogRow {
  id: number;
  org: { id: number; name: string };
  year: number;
  title: string;
  published: boolean;
  publishedOn: string | null;
  items: number;
  canManage: boolean;
}

export interface ItemRow {
  id: number;
  seq: number;
  name: string;
  undertakingOrg: { id: number; name: string };
  basis: string;
  plannedTime: string;
  removed: boolean;
  removalReason: string;
  removedOn: string | null;
  currentStage: StageKind | null;
  standing: string;
  canRecord: boolean;
}

export interface Change {
  id: number;
  decisionId: number;
  reason: string;
  lines: string[];
  changedOn: string;
  item?: string;
}

export interface Catalog extends Omit<CatalogRow, 'items' | 'org'> {
  org: { id: number; code: string; name: string };
  note: string;
  items: ItemRow[];
  changes: Change[];
}

export interface Stage {
  id: number;
  kind: StageKind;
  label: string;
  startedOn: string;
  endedOn: string | null;
  summary: string;
  isPublic: boolean;
  document: { id: number; title: string } | null;
}

export interface Decision extends ItemRow {
  catalog: { id: number; year: number; title: string; published: boolean; org: { id: number; name: string } };
  consultation: { id: number; title: string } | null;
  document: { id: number; title: string } | null;
  stages: Stage[];
  changes: Change[];
  canManage: boolean;
}
