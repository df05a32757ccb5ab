// The decision of a reply letter in the letter's own words, one per outcome of table 三. The words
// follow the article each outcome rests on (src/domain/application-outcomes.ts lists the articles):
// 第三十六条 (the kinds of reply), 第十四—十六条 (what is withheld), 第三十七条 (区分处理),
// 第三十八条 (no new information made), 第三十九条 (petitions, publications), 第三十五条 (excessive),
// 第三十条 (correction), 第四十二条 and 收费办法 (fees). A sentence follows "经审查，" in the template.
import type { OutcomeKey } from '../../../domain/application-outcomes.js';

export const DECISION_TEXT: Readonly<Record<OutcomeKey, string>> = {
  disclosed: '您申请获取的政府信息属于公开范围，本机关决定予以公开',
  partly_disclosed: '您申请获取的政府信息中含有不应当公开的内容，能够作区分处理，本机关决定部分公开',
  'withheld.state_secret': '您申请获取的政府信息属于依法确定为国家秘密的政府信息，本机关决定不予公开',
  'withheld.prohibited_by_law': '您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开',
  'withheld.security_stability': '您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开',
  'withheld.third_party': '您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开',
  'withheld.internal_affairs': '您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，本机关决定不予公开',
  'withheld.process_info': '您申请获取的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开',
  'withheld.enforcement_file': '您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开',
  'withheld.inquiry_matter': '您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请您依照有关法律、行政法规的规定办理',
  'unavailable.not_held': '本机关未制作或者获取您申请的政府信息，无法提供',
  'unavailable.needs_creation': '您申请获取的信息需要本机关对现有政府信息进行加工、分析后另行制作，本机关不予提供',
  'unavailable.still_unclear': '经补正后，您的申请内容仍不明确，本机关无法确定您申请的政府信息，无法提供',
  'not_processed.petition_complaint': '您以政府信息公开申请的形式提出的事项属于信访、投诉、举报，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出',
  'not_processed.repeated': '本机关已就您申请公开的相同政府信息作出答复，您重复申请公开相同政府信息，本机关不予重复处理',
  'not_processed.publication': '您申请获取的是政府公报、报刊、书籍等公开出版物，本机关不作为政府信息公开申请处理，您可以通过公开出版物的发行渠道获取',
  'not_processed.excessive': '您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理，决定不予处理',
  'not_processed.confirmation': '您的申请是要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理',
  'other.no_correction': '本机关已向您发出补正申请告知书，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请',
  'other.unpaid_fee': '本机关已向您发出收取信息处理费通知书，您逾期未按通知要求缴纳费用，视为放弃申请，本机关不再处理该政府信息公开申请',
  // 其他处理: the handler states the facts (extra.details) — no sentence of ours fits every case.
  'other.other': '',
};
