// Portal pages of the organizations: the 政府信息公开指南 (条例第十二条, RULES.md §3) of the
// government and of each department and township, and the list of them.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../errors.js';
import { Layout, renderPage, type PageContext } from '../../portal/layout.js';
import { pageContext } from '../../portal/page-context.js';
import { childOrgs, findOrgByCode, ORG_KIND_LABELS } from './organizations.js';
import type { Organization } from './schema.js';

export function Contact({ org }: { org: Organization }) {
  const rows: [string, string][] = [
    ['受理机构', org.officeName || org.name],
    ['办公地址', org.address],
    ['邮政编码', org.postcode],
    ['办公时间', org.officeHours],
    ['联系电话', org.phone],
    ['传真', org.fax],
    ['电子邮箱', org.email],
    ['网址', org.website],
  ];
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value || '—'}</dd>
        </>
      ))}
    </dl>
  );
}

/** The guide's text follows the structure most governments use since the 2019 条例. */
function Guide({ org, supervisor }: { org: Organization; supervisor: Organization }) {
  return (
    <>
      <p>
        为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。本指南每年更新，申请人可在本网站查阅。
      </p>
      {org.guideNote ? <p>{org.guideNote}</p> : null}
      <h2 id="proactive">一、主动公开</h2>
      <h3>（一）公开范围</h3>
      <p>
        {org.name}按照《条例》第十九条至第二十一条的规定，主动公开机构职能、规范性文件、规划计划、行政许可与行政处罚、财政预决算、重大建设项目、公共服务事项等政府信息，具体以本机构的政府信息公开目录为准。
      </p>
      <h3>（二）公开方式</h3>
      <p>通过本网站政府信息公开专栏、政府公报、新闻发布会以及政务新媒体等途径公开。</p>
      <h3>（三）公开时限</h3>
      <p>属于主动公开范围的政府信息，自该政府信息形成或者变更之日起 20 个工作日内予以公开（《条例》第二十六条）。</p>

      <h2 id="apply">二、依申请公开</h2>
      <h3>（一）受理机构</h3>
      <Contact org={org} />
      <h3>（二）提出申请</h3>
      <p>
        公民、法人或者其他组织可以通过互联网、信函、传真或当面提交等方式提出申请。申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。
      </p>
      <h3>（三）收到申请的时间</h3>
      <p>
        当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以双方确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。
      </p>
      <h3>（四）答复期限</h3>
      <p>
        能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日（《条例》第三十三条）。征求第三方和其他机关意见所需时间不计算在前述期限内。申请内容不明确的，将在收到申请之日起 7 个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。
      </p>
      <h3>（五）收费</h3>
      <p>
        依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》收取信息处理费（《条例》第四十二条）。
      </p>

      <h2 id="remedy">三、监督和救济</h2>
      <p>
        公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议（收到答复之日起 60 日内）或者提起行政诉讼（收到答复之日起 6 个月内）（《条例》第五十一条）。
      </p>
      <p>
        政府信息公开工作主管部门：{supervisor.officeName || supervisor.name}
        {supervisor.phone ? `，电话 ${supervisor.phone}` : ''}
        {supervisor.address ? `，地址 ${supervisor.address}` : ''}。
      </p>
    </>
  );
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const html = 'text/html; charset=utf-8';

  async function guidePage(page: PageContext, org: Organization, root: Organization) {
    const crumbs = [{ href: '/', label: '政府信息公开' }];
    if (org.id !== root.id) crumbs.push({ href: '/zfxxgk/orgs', label: '部门和乡镇' });
    return renderPage(
      <Layout page={page} title={`${org.name}政府信息公开指南`} breadcrumbs={crumbs}>
        <h1>{org.name}政府信息公开指南</h1>
        <Guide org={org} supervisor={root} />
      </Layout>,
    );
  }

  app.get('/zfxxgk/guide', { schema: { hide: true } }, async (request, reply) => {
    const page = await pageContext(request);
    if (!page.root) throw notFound('尚未设置政府机构');
    return reply.type(html).send(await guidePage(page, page.root, page.root));
  });

  app.get(
    '/zfxxgk/orgs/:code',
    { schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const [org, page] = await Promise.all([findOrgByCode(db, request.params.code), pageContext(request)]);
      if (!org || !page.root) throw notFound('找不到该机构');
      return reply.type(html).send(await guidePage(page, org, page.root));
    },
  );

  app.get('/zfxxgk/orgs', { schema: { hide: true } }, async (request, reply) => {
    const page = await pageContext(request);
    const units = page.root ? await childOrgs(db, page.root.id) : [];
    const groups = (['department', 'township', 'institution'] as const)
      .map((kind) => ({ kind, items: units.filter((u) => u.kind === kind) }))
      .filter((g) => g.items.length);
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title="部门和乡镇" breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
          <h1>部门和乡镇（街道）政府信息公开</h1>
          {groups.map((g) => (
            <section>
              <h2>{g.kind === 'township' ? '乡镇（街道）' : ORG_KIND_LABELS[g.kind]}</h2>
              <ul class="org-list">
                {g.items.map((o) => (
                  <li>
                    <a href={`/zfxxgk/orgs/${encodeURIComponent(o.code)}`}>{o.name}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </Layout>,
      ),
    );
  });
};

export default pages;
