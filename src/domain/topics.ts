// 主题分类: the two-level subject classification of the gov.cn 国务院政策文件库 (RULES.md §3),
// shown as '综合政务\政务公开'. Codes are ours and stable: two digits for the first level, two more
// for the second ('02.01').

export interface Topic {
  code: string;
  name: string;
  /** '综合政务\政务公开' for a second-level topic, the name for a first-level one. */
  path: string;
  parent?: string;
}

const LIST: [string, string[]][] = [
  ['国务院组织机构', ['国务院组成部门', '国务院直属特设机构', '国务院直属机构', '国务院办事机构', '国务院直属事业单位', '国务院部委管理的国家局', '其他']],
  ['综合政务', ['政务公开', '政务督查', '电子政务', '应急管理', '文秘工作', '参事、文史', '行政监察', '其他']],
  ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '节能与资源综合利用', '物价', '统计', '国有资产监管', '其他']],
  ['财政、金融、审计', ['财政', '税务', '银行', '保险', '证券', '外汇', '审计', '其他']],
  ['国土资源、能源', ['土地', '矿产', '海洋', '测绘', '气象、水文', '煤炭', '石油与天然气', '电力', '核能', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '扶贫', '其他']],
  ['工业、交通', ['工业', '信息产业（含电信）', '公路', '铁路', '水运', '民航', '邮政', '其他']],
  ['商贸、海关、旅游', ['国内贸易（含供销）', '对外经贸合作', '海关', '旅游', '其他']],
  ['市场监管、安全生产监管', ['市场监管', '食品药品监管', '安全生产监管', '其他']],
  ['城乡建设、环境保护', ['城市规划', '城乡建设（含住房）', '节能减排', '环境监测、保护与治理', '其他']],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '广播、电影、电视', '新闻出版', '文物', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '公务员管理', '其他']],
  ['公安、安全、司法', ['公安', '安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['社会福利', '减灾救灾', '行政区划与地名', '社团管理', '优抚安置', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务', '其他']],
  ['对外事务', ['外交、外事', '其他']],
  ['港澳台侨工作', ['港澳工作', '台湾工作', '侨务工作', '其他']],
  ['国防', ['国防动员', '其他']],
  ['其他', ['其他']],
];

const two = (n: number) => String(n).padStart(2, '0');

export const TOPICS: readonly Topic[] = LIST.flatMap(([name, children], i) => {
  const code = two(i + 1);
  return [
    { code, name, path: name },
    ...children.map((child, j) => ({ code: `${code}.${two(j + 1)}`, name: child, path: `${name}\\${child}`, parent: code })),
  ];
});

const byCode = new Map(TOPICS.map((t) => [t.code, t]));
const byPath = new Map(TOPICS.map((t) => [t.path, t]));

/** By code ('02.01') or by path ('综合政务\政务公开', also with '/'). */
export function findTopic(codeOrPath: string): Topic | undefined {
  const key = codeOrPath.trim();
  return byCode.get(key) ?? byPath.get(key.replace(/\s*[/／]\s*/g, '\\'));
}

export function topicTree(): { code: string; name: string; children: { code: string; name: string }[] }[] {
  return TOPICS.filter((t) => !t.parent).map((t) => ({
    code: t.code,
    name: t.name,
    children: TOPICS.filter((c) => c.parent === t.code).map((c) => ({ code: c.code, name: c.name })),
  }));
}
