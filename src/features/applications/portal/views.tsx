// What the applicant reads: the guide to applying, the form (with its privacy notice, human check
// and the published documents that may already answer the request), the receipt and the tracking
// page. Plain HTML forms: everything works without JavaScript; every field has its label, groups are
// fieldsets, and a refused form opens with a summary whose entries link to the fields.
import { readableDate } from '../../../portal/format.js';
import { APPLY, APPLY_CHECK, APPLY_FORM, TRACK, trackLetterHref } from '../../../portal/links.js';
import { Contact } from '../../orgs/pages.js';
import type { Organization } from '../../orgs/schema.js';
import { EVENT_KINDS } from '../events.js';
import type { applicationOptions } from '../options.js';
import type { trackApplication } from '../track.js';
import { APPLICANT_FILE_MAX_BYTES, MAX_APPLICANT_FILES } from './attachments.js';
import { FIELD_LABELS, type Draft, type FieldErrors, type FieldName } from './form.js';
import type { Challenge } from '../../../portal/human-check.js';
import { HumanCheckFields } from '../../../portal/human-check-fields.js';

export type Options = Awaited<ReturnType<typeof applicationOptions>>;
export type Tracked = Awaited<ReturnType<typeof trackApplication>>;

export interface Match {
  title: string;
  url: string;
  docNumber: string;
  orgName: string;
  publishedAt: Date;
}

const fieldId = (name: FieldName) => `f-${name}`;

function Required() {
  return <span class="req">（必填）</span>;
}

/** A field's error, referenced by the control's aria-describedby. */
function FieldError({ name, errors }: { name: FieldName; errors: FieldErrors }) {
  return errors[name] ? (
    <p id={`${fieldId(name)}-error`} class="field-error">
      {errors[name]}
    </p>
  ) : null;
}

function describedBy(name: FieldName, errors: FieldErrors, hint?: string) {
  return [hint ? `${fieldId(name)}-hint` : '', errors[name] ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
}

interface TextProps {
  name: FieldName & keyof Draft;
  draft: Draft;
  errors: FieldErrors;
  required?: boolean;
  hint?: string;
  type?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength: number;
  multiline?: boolean;
}

function TextField(p: TextProps) {
  const id = fieldId(p.name);
  const value = p.draft[p.name] as string;
  const attrs = {
    id,
    name: p.name,
    maxLength: p.maxLength,
    required: p.required,
    autoComplete: p.autoComplete,
    'aria-invalid': p.errors[p.name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(p.name, p.errors, p.hint),
  };
  return (
    <div class={p.errors[p.name] ? 'field has-error' : 'field'}>
      <label for={id}>
        {FIELD_LABELS[p.name]}
        {p.required ? <Required /> : null}
      </label>
      {p.hint ? (
        <p id={`${id}-hint`} class="hint">
          {p.hint}
        </p>
      ) : null}
      <FieldError name={p.name} errors={p.errors} />
      {p.multiline ? <textarea {...attrs} rows={5} value={value} /> : <input {...attrs} type={p.type ?? 'text'} inputMode={p.inputMode} value={value} />}
    </div>
  );
}

function Choices(p: { name: 'applicantKind' | 'forms' | 'delivery'; type: 'radio' | 'checkbox'; choices: { value: string; label: string }[]; draft: Draft; errors: FieldErrors; hint?: string }) {
  const chosen = ([] as string[]).concat(p.draft[p.name]);
  const error = p.errors[p.name];
  return (
    <fieldset class={error ? 'choices has-error' : 'choices'} aria-describedby={describedBy(p.name, p.errors, p.hint)}>
      <legend>
        {FIELD_LABELS[p.name]}
        <Required />
      </legend>
      {p.hint ? (
        <p id={`${fieldId(p.name)}-hint`} class="hint">
          {p.hint}
        </p>
      ) : null}
      <FieldError name={p.name} errors={p.errors} />
      {p.choices.map((c, i) => {
        const id = i === 0 ? fieldId(p.name) : `${fieldId(p.name)}-${c.value}`;
        return (
          <label for={id} class="choice">
            <input id={id} type={p.type} name={p.name} value={c.value} checked={chosen.includes(c.value)} />
            {c.label}
          </label>
        );
      })}
    </fieldset>
  );
}

function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors) as [FieldName | 'form', string][];
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">申请尚未提交，请修改以下 {entries.length} 处后重新提交</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{field === 'form' ? message : <a href={`#${fieldId(field)}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** 个人信息保护说明: what is collected, why, who sees it, how it is kept and for how long. */
export function PrivacyNotice() {
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">个人信息保护说明</h2>
      <dl>
        <dt>收集哪些信息</dt>
        <dd>
          自然人的姓名、证件类型和号码；法人或者其他组织的名称、统一社会信用代码、法定代表人或者负责人、联系人；联系电话、电子邮箱、通信地址和邮政编码；您上传的身份证明材料。
        </dd>
        <dt>为什么收集</dt>
        <dd>
          《中华人民共和国政府信息公开条例》第二十九条要求申请人提供姓名或者名称、身份证明和联系方式。这些信息只用于办理本申请：确认申请人身份，与您联系，向您送达告知书、答复书和所需的政府信息，以及依法统计同一申请人的申请数量（《政府信息公开信息处理费管理办法》）。不用于与本申请无关的其他目的。
        </dd>
        <dt>谁能看到</dt>
        <dd>
          只有受理机关办理本申请的工作人员和政府信息公开工作机构负责人能看到您的身份和联系方式；申请依法转送其他行政机关办理的，由该机关办理人员查看。法制审核人员、监督部门查看办理情况时看不到您的身份信息。依法办理行政复议、行政诉讼时，可能按规定提交有关机关。
        </dd>
        <dt>如何保存</dt>
        <dd>
          您的身份信息、联系方式和上传的材料在本系统中加密存储，不会出现在任何公开页面或系统日志中，也不会公开。查询码只保存其不可逆的摘要，工作人员也无法查看。
        </dd>
        <dt>保存多久</dt>
        <dd>申请办结后随申请案卷归档，按照国家档案管理规定的保管期限保存，期满后依规销毁。</dd>
        <dt>您的权利</dt>
        <dd>您可以向受理机关查阅、更正您提交的个人信息。不同意本说明的，可以改用信函、传真或者当面方式提出申请。</dd>
      </dl>
    </section>
  );
}

export interface FormProps {
  /** check: first the published documents are looked up; submit: the matches are shown and the application can go. */
  mode: 'check' | 'submit';
  draft: Draft;
  errors: FieldErrors;
  challenge: Challenge;
  csrf: string;
  options: Options;
  /** After the check: the published documents that may answer the request (null: not looked up on this page). */
  matches: Match[] | null;
  /** Files were chosen on the refused page and have to be chosen again (a browser never refills a file field). */
  filesDropped?: boolean;
}

function Agencies({ draft, errors, options }: Pick<FormProps, 'draft' | 'errors' | 'options'>) {
  const groups = [
    { label: '人民政府', kinds: ['government'] },
    { label: '政府部门', kinds: ['department'] },
    { label: '乡镇人民政府（街道办事处）', kinds: ['township'] },
  ];
  return (
    <div class={errors.orgId ? 'field has-error' : 'field'}>
      <label for={fieldId('orgId')}>
        {FIELD_LABELS.orgId}
        <Required />
      </label>
      <p id={`${fieldId('orgId')}-hint`} class="hint">
        向制作或者保存所需信息的行政机关提出申请。不清楚由哪个机关负责的，可以选择县人民政府。
      </p>
      <FieldError name="orgId" errors={errors} />
      <select id={fieldId('orgId')} name="orgId" required aria-invalid={errors.orgId ? 'true' : undefined} aria-describedby={describedBy('orgId', errors, 'hint')}>
        <option value="">请选择</option>
        {groups.map((g) => (
          <optgroup label={g.label}>
            {options.organizations
              .filter((o) => g.kinds.includes(o.kind))
              .map((o) => (
                <option value={String(o.id)} selected={draft.orgId === String(o.id)}>
                  {o.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function Matches({ matches }: { matches: Match[] }) {
  return (
    <section class="matches" aria-labelledby="matches-title">
      <h2 id="matches-title">已公开的政府信息</h2>
      {matches.length ? (
        <>
          <p>以下已经公开的政府信息可能就是您需要的（链接在新窗口打开，本页填写的内容不会丢失）。如果已能满足需要，就不必提交申请；如果不是，请继续提交。</p>
          <ol class="doc-list">
            {matches.map((m) => (
              <li>
                <a href={m.url} target="_blank" rel="noopener">
                  {m.title}
                  <span class="visually-hidden">（在新窗口打开）</span>
                </a>
                <p class="meta">
                  {m.docNumber ? <span>{m.docNumber}</span> : null}
                  <span>{m.orgName}</span>
                  <span>发布日期：{readableDate(m.publishedAt)}</span>
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>没有找到与您的申请内容相关的已公开政府信息。请核对下面的内容，然后提交申请。</p>
      )}
    </section>
  );
}

export function ApplicationForm(p: FormProps) {
  const { draft, errors, options } = p;
  const text = (name: TextProps['name'], maxLength: number, more: Partial<TextProps> = {}) => <TextField name={name} draft={draft} errors={errors} maxLength={maxLength} {...more} />;
  const submitting = p.mode === 'submit';
  return (
    <>
      <ErrorSummary errors={errors} />
      {p.matches ? <Matches matches={p.matches} /> : null}
      <form method="post" action={submitting ? APPLY_FORM : APPLY_CHECK} enctype={submitting ? 'multipart/form-data' : undefined} class="apply-form">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <p class="hint">标有“（必填）”的项目必须填写。申请人是公民的，填写“公民”一组；是法人或者其他组织的，填写“法人或者其他组织”一组。</p>
        <Agencies draft={draft} errors={errors} options={options} />
        <Choices name="applicantKind" type="radio" choices={options.applicantKinds.map((k) => ({ value: k.value, label: k.value === 'person' ? '公民（自然人）' : `法人或者其他组织：${k.label}` }))} draft={draft} errors={errors} />

        <fieldset class="group">
          <legend>申请人是公民的，请填写</legend>
          {text('personName', 50, { autoComplete: 'name' })}
          <div class={errors.idType ? 'field has-error' : 'field'}>
            <label for={fieldId('idType')}>{FIELD_LABELS.idType}</label>
            <FieldError name="idType" errors={errors} />
            <select id={fieldId('idType')} name="idType" aria-invalid={errors.idType ? 'true' : undefined} aria-describedby={describedBy('idType', errors)}>
              {options.idTypes.map((t) => (
                <option value={t.value} selected={draft.idType === t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {text('idNumber', 30, { autoComplete: 'off', hint: '居民身份证号码为 18 位，最后一位可能是 X' })}
        </fieldset>

        <fieldset class="group">
          <legend>申请人是法人或者其他组织的，请填写</legend>
          {text('orgName', 100, { autoComplete: 'organization' })}
          {text('creditCode', 18, { autoComplete: 'off', hint: '18 位，见营业执照或登记证书' })}
          {text('legalRepresentative', 50)}
          {text('contactName', 50)}
        </fieldset>

        <fieldset class="group">
          <legend>联系方式</legend>
          {text('phone', 30, { required: true, type: 'tel', autoComplete: 'tel', inputMode: 'tel' })}
          {text('email', 100, { type: 'email', autoComplete: 'email', hint: '选择以电子邮件获取信息的必填' })}
          {text('address', 200, { autoComplete: 'street-address', hint: '选择邮寄的必填' })}
          {text('postcode', 6, { autoComplete: 'postal-code', inputMode: 'numeric' })}
        </fieldset>

        <fieldset class="group">
          <legend>所需政府信息</legend>
          {text('description', 2000, { required: true, multiline: true, hint: '写明所需信息的内容，以及便于查找的特征，如制作机关、时间、地点、涉及的事项' })}
          {text('docTitle', 200, { hint: '知道文件名称的请填写' })}
          {text('docNumber', 100, { hint: '例如：示政发〔2025〕3号' })}
          {text('purpose', 500)}
        </fieldset>

        <Choices name="forms" type="checkbox" choices={options.forms} draft={draft} errors={errors} hint="可多选" />
        <Choices name="delivery" type="checkbox" choices={options.delivery} draft={draft} errors={errors} hint="可多选。“网上获取”即在本网站凭申请编号和查询码查看、下载答复" />

        {submitting ? (
          <fieldset class={errors.attachments ? 'group has-error' : 'group'} aria-describedby={describedBy('attachments', errors, 'hint')}>
            <legend>{FIELD_LABELS.attachments}（选填）</legend>
            <p id={`${fieldId('attachments')}-hint`} class="hint">
              身份证件或者营业执照的复印件、照片，委托他人申请的附授权委托书。PDF、JPG 或 PNG 格式，最多 {MAX_APPLICANT_FILES} 个，每个不超过 {APPLICANT_FILE_MAX_BYTES / 1024 / 1024} MB。未上传的，受理机关需要时会告知您补充。
            </p>
            {p.filesDropped ? <p class="notice">为保护您的信息，之前选择的文件没有保存，请重新选择。</p> : null}
            <FieldError name="attachments" errors={errors} />
            {Array.from({ length: MAX_APPLICANT_FILES }, (_, i) => (
              <div class="field">
                <label for={i === 0 ? fieldId('attachments') : `${fieldId('attachments')}-${i + 1}`}>文件{['一', '二', '三'][i]}</label>
                <input id={i === 0 ? fieldId('attachments') : `${fieldId('attachments')}-${i + 1}`} type="file" name="attachments" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
              </div>
            ))}
          </fieldset>
        ) : (
          <p class="hint">下一步将列出可能已经公开的相关信息，并可上传身份证明材料。</p>
        )}

        <PrivacyNotice />
        <div class={errors.consent ? 'field has-error' : 'field'}>
          <FieldError name="consent" errors={errors} />
          <label for={fieldId('consent')} class="choice">
            <input id={fieldId('consent')} type="checkbox" name="consent" value="yes" checked={draft.consent} required aria-describedby={describedBy('consent', errors)} />
            我已阅读并同意《个人信息保护说明》，同意受理机关为办理本申请处理上述个人信息
          </label>
        </div>

        <HumanCheckFields challenge={p.challenge} error={errors.answer} />

        <div class="actions">
          {submitting ? (
            <>
              <button type="submit">{p.matches?.length ? '仍要提交申请' : '提交申请'}</button>
              <button type="submit" class="secondary" formAction={APPLY_CHECK} formenctype="application/x-www-form-urlencoded">
                修改后重新查找已公开信息
              </button>
            </>
          ) : (
            <button type="submit">下一步：查找已公开的信息</button>
          )}
        </div>
      </form>
    </>
  );
}

export function ApplyGuide({ root, applyHref }: { root?: Organization; applyHref: string }) {
  return (
    <>
      <p>
        公民、法人或者其他组织可以向行政机关申请获取其制作或者保存的政府信息（《中华人民共和国政府信息公开条例》第二十七条）。在本网站提交申请不需要注册，全程免费，随时可以凭申请编号和查询码查看办理进度。
      </p>
      <p class="actions">
        <a class="button" href={applyHref}>
          在线提交申请
        </a>
        <a class="button secondary" href={TRACK}>
          查询办理进度
        </a>
      </p>
      <h2>可以申请什么</h2>
      <p>
        行政机关在履行行政管理职能过程中制作或者获取的、以一定形式记录、保存的信息。申请前可以先在<a href="/zfxxgk/search">本网站搜索</a>
        ，已经主动公开的信息可以直接查阅、下载。属于信访、投诉、举报的事项，或者要求行政机关为您制作、搜集、加工信息的，不属于政府信息公开申请，请通过相应渠道办理。
      </p>
      <h2>怎样申请</h2>
      <ol>
        <li>选择受理机关：向制作或者保存所需信息的行政机关提出。</li>
        <li>填写申请人信息和联系方式，写清所需信息的名称、文号或者便于查询的其他特征性描述（《条例》第二十九条）。</li>
        <li>选择所需信息的提供形式和获取方式；可以上传身份证明材料。</li>
        <li>提交前，系统会列出可能已经公开的相关信息供您查看。</li>
        <li>提交后，页面显示申请编号和查询码（只显示一次，请记下），凭二者查询办理进度、下载告知书和答复书。</li>
      </ol>
      <h2>办理期限</h2>
      <p>
        网上提交的申请，以双方确认之日为收到申请之日（《条例》第三十一条）；提交成功即时出具的回执就是受理机关的确认。能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长最长不超过 20 个工作日（第三十三条）。征求第三方或者其他机关意见的时间不计算在内。申请内容不明确的，受理机关在 7 个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（第三十条）。工作日不含法定节假日，含调休上班日，可以用<a href="/tools/working-days">工作日计算</a>
        推算。
      </p>
      <h2>收费</h2>
      <p>
        依申请提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以依照《政府信息公开信息处理费管理办法》收取信息处理费，并书面告知收费的依据、金额和缴费方式（第四十二条）。
      </p>
      <h2>受理机构</h2>
      {root ? <Contact org={root} /> : null}
      <p>
        也可以通过信函、传真或者当面提交申请。各部门、乡镇的受理机构和联系方式见<a href="/zfxxgk/orgs">部门和乡镇</a>的政府信息公开指南。
      </p>
      <h2>监督和救济</h2>
      <p>
        认为行政机关在政府信息公开工作中侵犯您合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）。
      </p>
    </>
  );
}

export function Receipt({ tracked, queryCode }: { tracked: Tracked; queryCode: string }) {
  const received = tracked.timeline.find((e) => e.label === EVENT_KINDS.received.label);
  return (
    <>
      <p class="success" role="status">
        您的申请已提交，{tracked.orgName}已收到。
      </p>
      <dl class="facts receipt">
        <dt>申请编号</dt>
        <dd class="code">{tracked.number}</dd>
        <dt>查询码</dt>
        <dd class="code">{queryCode}</dd>
        <dt>受理机关</dt>
        <dd>{tracked.orgName}</dd>
        <dt>收到申请之日</dt>
        <dd>{readableDate(tracked.receivedOn)}</dd>
        <dt>答复期限</dt>
        <dd>{readableDate(tracked.dueOn)}</dd>
      </dl>
      <p class="notice">
        <strong>请记下申请编号和查询码，或将本页截图保存。</strong>查询码只在这里显示一次，系统不保存查询码本身，丢失后无法找回；凭申请编号和查询码可以查询办理进度、下载告知书和答复书。
      </p>
      {received?.note ? (
        <>
          <h2>收到申请之日的确定</h2>
          <p>{received.note}</p>
        </>
      ) : null}
      <DueExplanation tracked={tracked} />
      <p>
        <a href={TRACK}>查询办理进度</a>
      </p>
    </>
  );
}

/** The letter a step produced, named beside it (downloaded from the list below). */
function StepLetter({ letter }: { letter?: { title: string; number: string } }) {
  return letter ? (
    <p class="meta">
      出具《{letter.title}》（{letter.number}），可在下方“告知书和答复书”中下载。
    </p>
  ) : null;
}

function DueExplanation({ tracked }: { tracked: Tracked }) {
  return tracked.dueExplanation.length ? (
    <>
      <h2>答复期限的计算</h2>
      <ol class="explanation">
        {tracked.dueExplanation.map((line) => (
          <li>{line}</li>
        ))}
      </ol>
    </>
  ) : null;
}

/** The number and the code as hidden fields: posted, never put in an address (which servers and browsers log). */
function Credentials({ number, code, csrf }: { number: string; code: string; csrf: string }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="code" value={code} />
    </>
  );
}

export function TrackForm({ csrf, number, error }: { csrf: string; number: string; error?: string }) {
  return (
    <form method="post" action={TRACK} class="apply-form track-form">
      {error ? (
        <p class="error-box" role="alert" id="track-error">
          {error}
        </p>
      ) : null}
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="field">
        <label for="t-number">
          申请编号
          <Required />
        </label>
        <input id="t-number" name="number" value={number} required maxLength={40} autoComplete="off" placeholder="如 2026-jyj-0001" aria-describedby={error ? 'track-error' : undefined} />
      </div>
      <div class="field">
        <label for="t-code">
          查询码
          <Required />
        </label>
        <input id="t-code" name="code" required maxLength={20} autoComplete="off" autoCapitalize="characters" aria-describedby={error ? 'track-error' : undefined} />
      </div>
      <div class="actions">
        <button type="submit">查询</button>
      </div>
    </form>
  );
}

export function TrackResult({ tracked, code, csrf }: { tracked: Tracked; code: string; csrf: string }) {
  return (
    <>
      <dl class="facts">
        <dt>申请编号</dt>
        <dd>{tracked.number}</dd>
        <dt>受理机关</dt>
        <dd>{tracked.orgName}</dd>
        <dt>提交方式</dt>
        <dd>{tracked.channelLabel}</dd>
        <dt>收到申请之日</dt>
        <dd>{readableDate(tracked.receivedOn)}</dd>
        <dt>办理状态</dt>
        <dd>
          <strong>{tracked.statusLabel}</strong>
        </dd>
        <dt>答复期限</dt>
        <dd>{readableDate(tracked.dueOn)}</dd>
        {tracked.outcome ? (
          <>
            <dt>办理结果</dt>
            <dd>
              {tracked.outcome.label}
              {tracked.outcome.basis ? `（${tracked.outcome.basis}）` : ''}
            </dd>
          </>
        ) : null}
        {tracked.repliedOn ? (
          <>
            <dt>答复日期</dt>
            <dd>{readableDate(tracked.repliedOn)}</dd>
          </>
        ) : null}
        {tracked.closedOn ? (
          <>
            <dt>办结日期</dt>
            <dd>{readableDate(tracked.closedOn)}</dd>
          </>
        ) : null}
      </dl>
      {tracked.transferredTo ? (
        <p class="notice">
          本申请已转送{tracked.transferredTo.orgName}办理，新的申请编号为 {tracked.transferredTo.number}，查询码另行告知。
        </p>
      ) : null}
      <DueExplanation tracked={tracked} />
      <h2>办理过程</h2>
      <ol class="timeline">
        {tracked.timeline.map((e) => (
          <li>
            <span class="date">{readableDate(e.on)}</span> <strong>{e.label}</strong>
            {e.note ? <p>{e.note}</p> : null}
            <StepLetter letter={tracked.letters.find((l) => l.id === e.letterId)} />
          </li>
        ))}
      </ol>
      <h2>告知书和答复书</h2>
      {tracked.letters.length ? (
        <ul class="doc-list letters">
          {tracked.letters.map((l) => (
            <li>
              <form method="post" action={trackLetterHref(l.id)}>
                <Credentials number={tracked.number} code={code} csrf={csrf} />
                <span class="letter-title">{l.title}</span>
                <p class="meta">
                  <span>{l.number}</span>
                  <span>{readableDate(l.issuedOn)}</span>
                </p>
                <button type="submit" aria-label={`下载（Word）：${l.title}`}>
                  下载（Word）
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无。受理机关出具告知书或答复书后，可以在这里下载。</p>
      )}
      <p>
        <a href={TRACK}>查询其他申请</a>　<a href={APPLY}>依申请公开</a>
      </p>
    </>
  );
}
