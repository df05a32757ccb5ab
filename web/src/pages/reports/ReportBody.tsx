// A report's six sections in the format's order, as a draft, a report typed in or a published report
// shows them: sections 一, 五 and 六 as text (boxes while written, paragraphs once published), tables
// 二, 三 and 四 as the format's grid with the figures that may be typed as number boxes.
import type { ReactNode } from 'react';
import { Input, Typography } from 'antd';
import { SECTION_KEYS, SECTION_TITLES, type TextSectionKey } from '../../../../src/domain/annual-report-format';
import { TEXT_SECTION_KEYS } from '../../../../src/domain/annual-report-draft';
import { reportGrids, sectionParagraphs } from '../../../../src/features/annual-report/report-grid';
import type { FigureAt } from './figures';
import { ReportTables, type Editable } from './ReportTables';
import type { Sections, Tables } from './types';

const HINTS: Record<TextSectionKey, string> = {
  overview: '概述本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况。',
  problems: '写明本年存在的主要问题和改进措施，并逐项说明上一年度报告所列问题的改进情况。',
  other: '写明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，以及其他需要报告的事项。',
};

const isText = (key: string): key is TextSectionKey => (TEXT_SECTION_KEYS as readonly string[]).includes(key);

function TextSection({ section, sections, onChange }: { section: TextSectionKey; sections: Sections; onChange?(text: string): void }) {
  const id = `report-section-${section}`;
  if (!onChange) {
    return (
      <>
        {sectionParagraphs(sections[section]).map((p, i) => (
          <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
        ))}
      </>
    );
  }
  return (
    <>
      <Typography.Paragraph id={`${id}-hint`}>
        {HINTS[section]}
      </Typography.Paragraph>
      <Input.TextArea
        id={id}
        aria-label={SECTION_TITLES[section]}
        aria-describedby={`${id}-hint`}
        autoSize={{ minRows: 4, maxRows: 20 }}
        maxLength={20000}
        value={sections[section] ?? ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

interface Props {
  tables: Tables;
  sections: Sections;
  /** Which figures take input; with 'none' the text is read-only too. */
  editable: Editable;
  onFigure(at: FigureAt, value: number | null): void;
  onText(section: TextSectionKey, text: string): void;
  /** Shown above table 二 (what to type, how to correct). */
  proactiveNote?: ReactNode;
}

export function ReportBody({ tables, sections, editable, onFigure, onText, proactiveNote }: Props) {
  const grids = reportGrids(tables);
  const writing = editable !== 'none';
  return (
    <>
      {SECTION_KEYS.map((key) => (
        <section key={key} aria-labelledby={`section-${key}`} style={{ marginBottom: 24 }}>
          <Typography.Title level={4} id={`section-${key}`}>
            {SECTION_TITLES[key]}
          </Typography.Title>
          {isText(key) ? (
            <TextSection section={key} sections={sections} onChange={writing ? (text) => onText(key, text) : undefined} />
          ) : (
            <>
              {key === 'proactive' ? proactiveNote : null}
              <ReportTables grids={grids[key]} tables={tables} editable={editable} onChange={writing ? onFigure : undefined} />
            </>
          )}
        </section>
      ))}
    </>
  );
}
