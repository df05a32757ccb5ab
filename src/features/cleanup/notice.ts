// The result notice of a clean-up campaign (清理结果的通知): the four lists as tables, as county
// governments publish them.
import { formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { CLEANUP_DECISION_LABELS, resultLists } from '../../domain/cleanup.js';
import type { CampaignFile } from './files.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CHINESE_NUMBERS = ['一', '二', '三', '四'];

export function noticeTitle(orgName: string, campaignTitle: string): string {
  return `${orgName}关于公布${campaignTitle.replace(/结果$/, '')}结果的通知`;
}

export function noticeSummary(campaignTitle: string, files: CampaignFile[]): string {
  const counts = resultLists(files).map((l) => `${l.label} ${l.files.length} 件`).join('，');
  return `公布${campaignTitle}结果：共清理文件 ${files.length} 件，其中${counts}。`;
}

export function noticeBody(campaignTitle: string, files: CampaignFile[], effectiveOn: IsoDate): string {
  const lists = resultLists(files);
  const intro =
    `<p>各乡镇人民政府，县政府各部门：</p>` +
    `<p>根据行政规范性文件管理的有关规定，经${esc(campaignTitle)}，现将清理结果公布如下：</p>` +
    `<p>${lists.map((l, i) => `${CHINESE_NUMBERS[i]}、${l.label}的文件 ${l.files.length} 件`).join('；')}。</p>` +
    `<p>决定废止和宣布失效的文件，自${formatChineseDate(effectiveOn)}起不再执行；决定继续有效的文件继续执行；拟修改的文件由起草单位按程序修改后重新发布。</p>`;
  const tables = lists
    .map((l, i) => {
      const rows = l.files.length
        ? l.files
            .map((f, n) => `<tr><td>${n + 1}</td><td>${esc(f.title)}</td><td>${esc(f.docNumber || '—')}</td><td>${esc(f.issuer)}</td><td>${esc(f.note || '—')}</td></tr>`)
            .join('')
        : '<tr><td colspan="5">无</td></tr>';
      return (
        `<h2>附件${i + 1}：${CLEANUP_DECISION_LABELS[l.decision]}的文件目录</h2>` +
        `<table><thead><tr><th scope="col">序号</th><th scope="col">文件名称</th><th scope="col">文号</th><th scope="col">发文机关</th><th scope="col">说明</th></tr></thead><tbody>${rows}</tbody></table>`
      );
    })
    .join('');
  return intro + tables;
}
