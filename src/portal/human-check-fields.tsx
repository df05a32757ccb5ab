// The human check as a form shows it (src/portal/human-check.ts): the question in words, the answer
// field with its hint and error, the token, and the honeypot people never see. Shared by every
// public form, so each reads the same to a screen reader and posts the same fields.
import { HONEYPOT, type Challenge } from './human-check.js';

export function HumanCheckFields({ challenge, error }: { challenge: Challenge; error?: string }) {
  const described = ['f-answer-hint', error ? 'f-answer-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={error ? 'group human-check has-error' : 'group human-check'}>
      <legend>验证</legend>
      <div class="field">
        <label for="f-answer">
          {challenge.question}
          <span class="req">（必填）</span>
        </label>
        <p id="f-answer-hint" class="hint">
          请填写答案，用数字或汉字均可，如 12 或 十二。
        </p>
        {error ? (
          <p id="f-answer-error" class="field-error">
            {error}
          </p>
        ) : null}
        <input id="f-answer" name="answer" type="text" inputMode="numeric" autoComplete="off" maxLength={4} required aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
        <input type="hidden" name="challenge" value={challenge.token} />
      </div>
      {/* Filled only by robots: people never see it (hidden by the stylesheet, and so from screen readers). */}
      <div class="hp">
        <label for="f-homepage">网址（请勿填写）</label>
        <input id="f-homepage" name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </fieldset>
  );
}
