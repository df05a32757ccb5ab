// A consultation's phase as a coloured tag, with the days left while open.
import { Tag } from 'antd';
import type { ConsultationPhase } from '../../../../../src/domain/consultation';

const COLORS: Readonly<Record<ConsultationPhase, string>> = { draft: 'default', upcoming: 'blue', open: 'green', closed: 'orange', reported: 'success' };

export function PhaseTag({ c }: { c: { phase: ConsultationPhase; phaseLabel: string; daysLeft: number | null } }) {
  return (
    <Tag color={COLORS[c.phase]} data-testid="phase">
      {c.phase === 'open' && c.daysLeft !== null ? `${c.phaseLabel}，还剩 ${c.daysLeft} 天` : c.phaseLabel}
    </Tag>
  );
}
