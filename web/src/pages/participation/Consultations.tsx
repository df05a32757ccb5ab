// Placeholder until the screen lands (issue #7).
import { Typography } from 'antd';

export function ConsultationsPage() {
  return <Typography.Paragraph>建设中</Typography.Paragraph>;
}
