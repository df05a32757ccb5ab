import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { SessionProvider } from './session';

// Someone who asked their system for less motion (vestibular disorders, distraction) gets dialogs,
// menus and messages that appear and go without animating (WCAG 2.3.3).
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#9e1b1b', motion: !reducedMotion } }}>
    <AntApp>
      <SessionProvider>
        <App />
      </SessionProvider>
    </AntApp>
  </ConfigProvider>,
);
