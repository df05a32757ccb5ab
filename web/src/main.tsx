import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { SessionProvider } from './session';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#9e1b1b' } }}>
    <AntApp>
      <SessionProvider>
        <App />
      </SessionProvider>
    </AntApp>
  </ConfigProvider>,
);
