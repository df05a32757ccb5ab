// One record of the API a screen shows (a consultation, a meeting, a decision …): loaded when its
// address is known and reloaded on demand (or shown as a change's answer returned it); the server's
// refusal shown in its own words.
import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { api } from '../api';

export function useRecord<T>(path: string | null) {
  const { message } = App.useApp();
  const [data, setData] = useState<T | null>(null);
  const load = useCallback(async () => {
    if (path === null) return;
    try {
      setData(await api.get<T>(path));
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [path, message]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, load, show: setData };
}
