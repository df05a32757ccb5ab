// The demo government: a fictional county (示例县) with its departments and townships. Codes are
// short pinyin initials, as many county sites use in their paths.
import type { OrgKind } from '../features/orgs/schema.js';

export interface DemoOrg {
  code: string;
  name: string;
  kind: OrgKind;
  /** Code of the parent; the government itself has none. */
  parent?: string;
  officeName?: string;
  address?: string;
  phone?: string;
}

export const DEMO_ROOT = 'sxx';

export const demoOrganizations: DemoOrg[] = [
  { code: DEMO_ROOT, name: '示例县人民政府', kind: 'government', officeName: '示例县人民政府办公室（县政务公开办公室）', address: '示例县城关镇人民路1号', phone: '0000-62100001' },
  { code: 'zfb', name: '示例县人民政府办公室', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇人民路1号', phone: '0000-62100002' },
  { code: 'fgj', name: '示例县发展和改革局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇人民路3号', phone: '0000-62100011' },
  { code: 'jyj', name: '示例县教育局', kind: 'department', parent: DEMO_ROOT, officeName: '示例县教育局办公室', address: '示例县城关镇文昌路18号', phone: '0000-62100021' },
  { code: 'gaj', name: '示例县公安局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇平安路2号', phone: '0000-62100031' },
  { code: 'mzj', name: '示例县民政局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇民生路6号', phone: '0000-62100041' },
  { code: 'sfj', name: '示例县司法局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇法治路8号', phone: '0000-62100051' },
  { code: 'czj', name: '示例县财政局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇人民路5号', phone: '0000-62100061' },
  { code: 'rsj', name: '示例县人力资源和社会保障局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇就业路10号', phone: '0000-62100071' },
  { code: 'zrj', name: '示例县自然资源和规划局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇国土路12号', phone: '0000-62100081' },
  { code: 'zjj', name: '示例县住房和城乡建设局', kind: 'department', parent: DEMO_ROOT, officeName: '示例县住房和城乡建设局办公室', address: '示例县城关镇建设路20号', phone: '0000-62100091' },
  { code: 'jtj', name: '示例县交通运输局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇通达路9号', phone: '0000-62100101' },
  { code: 'nyj', name: '示例县农业农村局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇丰收路15号', phone: '0000-62100111' },
  { code: 'wjj', name: '示例县卫生健康局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇康宁路7号', phone: '0000-62100121' },
  { code: 'scj', name: '示例县市场监督管理局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇商贸路11号', phone: '0000-62100131' },
  { code: 'yjj', name: '示例县应急管理局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇安澜路4号', phone: '0000-62100141' },
  { code: 'ybj', name: '示例县医疗保障局', kind: 'department', parent: DEMO_ROOT, address: '示例县城关镇康宁路9号', phone: '0000-62100151' },
  { code: 'cgz', name: '示例县城关镇人民政府', kind: 'township', parent: DEMO_ROOT, address: '示例县城关镇解放街26号', phone: '0000-62200001' },
  { code: 'dsz', name: '示例县东山镇人民政府', kind: 'township', parent: DEMO_ROOT, address: '示例县东山镇东山大道1号', phone: '0000-62300001' },
  { code: 'nhz', name: '示例县南湖镇人民政府', kind: 'township', parent: DEMO_ROOT, address: '示例县南湖镇湖滨路8号', phone: '0000-62400001' },
  { code: 'xhx', name: '示例县西河乡人民政府', kind: 'township', parent: DEMO_ROOT, address: '示例县西河乡河西街3号', phone: '0000-62500001' },
  { code: 'blx', name: '示例县北岭乡人民政府', kind: 'township', parent: DEMO_ROOT, address: '示例县北岭乡岭北路5号', phone: '0000-62600001' },
  { code: 'cgz-cd', name: '城关镇城东社区居民委员会', kind: 'village', parent: 'cgz', address: '示例县城关镇东门街12号', phone: '0000-62200101' },
];
