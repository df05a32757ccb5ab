import { describe, expect, it } from 'vitest';
import { convertibleChars, findDocNumbers, hasConvertible, indexTerms, normalizeText, parseQuery, SENTENCE_END, snippet, tsvectorLiteral } from './search-text.js';

describe('normalizeText', () => {
  it('turns Traditional script into Simplified', () => {
    expect(normalizeText('衢州市人民政府辦公室關於印發政務公開工作要點的通知')).toBe('衢州市人民政府办公室关于印发政务公开工作要点的通知');
  });
  it('turns full-width letters and digits half-width, and lower-cases', () => {
    expect(normalizeText('ＡＰＰ　２０２１年')).toBe('app 2021年');
  });
  it.each([
    '乐政办发〔2021〕19号',
    '乐政办发[2021]19号',
    '乐政办发［2021］19号',
    '乐政办发(2021)19号',
    '乐政办发（2021）19号',
    '乐政办发【2021】19号',
    '乐政办发2021年19号',
    '乐政办发 2021 19号',
    '乐政办发〔2021〕第19号',
    '乐政办发（２０２１）１９号',
  ])('unifies the doc number %s', (form) => {
    expect(normalizeText(form)).toBe('乐政办发〔2021〕19号');
  });
  it('finds doc numbers in a text', () => {
    expect(findDocNumbers(normalizeText('根据浙政办发[2020]5号和衢政办函（2021）13号文件'))).toEqual(['浙政办发〔2020〕5号', '衢政办函〔2021〕13号']);
  });
});

describe('indexTerms', () => {
  it('keeps government terms whole, with their parts at the same position', () => {
    const terms = indexTerms('关于印发政务公开工作要点的通知');
    const at = (lexeme: string) => terms.find((t) => t.lexeme === lexeme)?.pos;
    expect(at('政务公开')).toBeDefined();
    expect(at('政务')).toBe(at('政务公开'));
    expect(at('公开')).toBe(at('政务公开'));
    expect(at('要点')).toBe(at('工作要点'));
  });
  it('indexes Traditional text under Simplified lexemes, and doc numbers whole', () => {
    const lexemes = indexTerms('衢州市政務公開 衢政办发（2021）13号').map((t) => t.lexeme);
    expect(lexemes).toContain('政务公开');
    expect(lexemes).toContain('衢政办发〔2021〕13号');
  });
});

describe('tsvectorLiteral', () => {
  it('weights each field, and positions run on across fields', () => {
    const v = tsvectorLiteral([
      { text: '政务公开', weight: 'A' },
      { text: "公开 it's", weight: 'D' },
    ]);
    expect(v).toContain("'政务公开':1A");
    expect(v).toMatch(/'公开':1A,3D/);
    expect(v).toContain("'it':4D");
  });
});

describe('parseQuery', () => {
  it('matches a government term whole or by its parts', () => {
    expect(parseQuery('政務公開').tsquery).toBe("( '政务公开' | ( '政务' & '公开' ) )");
  });
  it('looks a doc number up in whatever brackets it was typed', () => {
    const q = parseQuery('乐政办发[2021]19号');
    expect(q.docNumbers).toEqual(['乐政办发〔2021〕19号']);
    expect(q.tsquery).toBe("'乐政办发〔2021〕19号'");
  });
  it('drops question words from colloquial questions', () => {
    const q = parseQuery('怎么申请政府信息公开？');
    expect(q.tsquery).not.toContain('怎么');
    expect(q.terms).toEqual(['申请', '政府信息公开']);
  });
  it('keeps a quoted phrase in order and ANDs the words', () => {
    expect(parseQuery('“政务公开 要点” 衢州').tsquery).toBe("( '政务公开' <-> '要点' ) & '衢州'");
  });
  it('matches a trailing Latin or numeric word by prefix', () => {
    expect(parseQuery('12345 热线 app').tsquery).toContain("'app':*");
  });
  it('relaxes to any word of the cut, so a question typed without spaces can fall back too', () => {
    expect(parseQuery('孩子几岁上小学').anyTsquery).toBe("'孩子' | '几岁' | '小学'");
    expect(parseQuery('政務公開 “工作要点”').anyTsquery).toBe("'工作要点' | ( '政务公开' | ( '政务' & '公开' ) )");
    expect(parseQuery('低保').anyTsquery).toBeNull();
  });
  it('has nothing to search when only stop words and punctuation are left', () => {
    expect(parseQuery('的 了 ？？').tsquery).toBeNull();
    expect(parseQuery('').tsquery).toBeNull();
  });
});

describe('snippet', () => {
  it('marks the query terms in the original script around the best passage', () => {
    const parts = snippet('衢州市人民政府辦公室關於印發政務公開工作要點的通知。', ['政务公开', '要点']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['政務公開', '要點']);
    expect(parts.map((p) => p.text).join('')).toBe('衢州市人民政府辦公室關於印發政務公開工作要點的通知。');
  });
  it('cuts a long text to the passage with the hits', () => {
    const text = `${'无关内容。'.repeat(100)}本通知所称低保，是指最低生活保障。${'其他内容。'.repeat(100)}`;
    const parts = snippet(text, ['低保'], 60);
    const shown = parts.map((p) => p.text).join('');
    expect(shown).toContain('低保');
    expect(shown.length).toBeLessThanOrEqual(64);
    expect(parts[0].text).toBe('…');
  });
});

describe('the characters Traditional → Simplified conversion changes', () => {
  it('are all in resources/search/convertible-chars.txt (regenerate it after upgrading opencc-js)', async () => {
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(new URL('../../resources/search/convertible-chars.txt', import.meta.url), 'utf8');
    expect([...file].sort().join('')).toBe(convertibleChars().sort().join(''));
  });

  it('so text without them is left as it is, and text with them is converted', () => {
    expect(hasConvertible('示例县人民政府关于做好义务教育招生工作的通知')).toBe(false);
    expect(hasConvertible('衢州市人民政府辦公室')).toBe(true);
    expect(normalizeText('衢州市人民政府辦公室關於政務公開')).toBe('衢州市人民政府办公室关于政务公开');
  });

  it('include those a phrase changes though they do not change alone, so 一目瞭然 is found as 一目了然', () => {
    expect(hasConvertible('政策一目瞭然')).toBe(true);
    expect(normalizeText('政策一目瞭然，群众不瞭解的及时解答')).toBe('政策一目了然,群众不了解的及时解答');
    expect(normalizeText('切勿意志消沈')).toBe('切勿意志消沉');
    // The characters alone stay as they are: 沈阳 is a city, 覆盖 a word.
    expect(normalizeText('沈阳市覆盖')).toBe('沈阳市覆盖');
  });

  it('never span a sentence end, so only the sentences holding one are converted, each on its own', async () => {
    const OpenCC = await import('opencc-js');
    const { from, to } = OpenCC.Locale;
    const phrases = [...from.hk, ...from.tw, ...to.cn].flatMap((dicts) => dicts.flatMap((entries: string) => entries.split('|').map((e: string) => e.slice(0, e.indexOf(' ')))));
    expect(phrases.length).toBeGreaterThan(5_000);
    expect(phrases.filter((p) => [...SENTENCE_END].some((end) => p.includes(end)))).toEqual([]);
    const whole = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const text = '各部門應當顯著提高政務公開質量。本辦法自公布之日起施行；\n原辦法同時廢止！群众不瞭解的及时解答？示例县人民政府';
    expect(normalizeText(text)).toBe(whole(OpenCC.Converter({ from: 'hk', to: 'cn' })(text)).replace(/[；！？]/g, (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  });
});
