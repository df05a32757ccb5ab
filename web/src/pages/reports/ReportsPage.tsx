// 年度报告 in the workbench: #/reports (the list, and every report's status for a government),
// #/reports/entered (录入往年报告), #/reports/ID (one report).
import { useRoute } from '../../router';
import { EnterReportPage } from './EnterReport';
import { ReportListPage } from './ReportList';
import { ReportPage } from './ReportPage';

export function ReportsPage() {
  const route = useRoute();
  const id = route.match(/^\/reports\/(\d+)$/);
  if (id) return <ReportPage key={id[1]} id={Number(id[1])} />;
  if (route === '/reports/entered') return <EnterReportPage />;
  return <ReportListPage />;
}
