import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import './accessibility.css';
import { SessionProvider } from './session';

// Someone who asked their system for less motion (vestibular disorders, distraction) gets dialogs,
// menus and messages that appear and go without animating (WCAG 2.3.3).
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

dayjs.locale('zh-cn');

// antd's default text colours fall short of the 4.5:1 contrast WCAG 2.1 AA asks of text (axe finds them
// in e2e/workbench-accessibility.test.ts): the link blue (#1677ff), the grey of descriptions and
// placeholders and of an empty table, and the status colours on their pale backgrounds; the coloured tags'
// text is in accessibility.css. These are the palettes' darker shades, each at least 4.5:1 where used.
const accessibleText = {
  colorLink: '#0958d9',
  colorInfo: '#0958d9',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#cf1322',
  // Their pale backgrounds as antd's defaults: derived from the darker seeds they would go grey.
  colorSuccessBg: '#f6ffed',
  colorInfoBg: '#e6f4ff',
  colorWarningBg: '#fff7e6',
  colorErrorBg: '#fff2f0',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#9e1b1b', ...accessibleText, motion: !reducedMotion }, components: { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' } } }}>
    <AntApp>
      <SessionProvider>
        <App />
      </SessionProvider>
    </AntApp>
  </ConfigProvider>,
);
