// What both decision screens share: the record loaded from the API (the server's error shown when it
// refuses), and the dialogs' way of sending a change — on success the dialog closes and the record
// reloads; a refusal is thrown back to the dialog, which shows it in the server's words.
import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { api } from '../../../api';
import type { RunChange } from './ItemDialog';

export function useLoaded<T>(path: string, closeDialog: () => void) {
  const { message } = App.useApp();
  const [data, setData] = useState<T | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api.get<T>(path));
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [path, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const fromDialog: RunChange = async (change, done) => {
    await change();
    message.success(done);
    closeDialog();
    await load();
  };
  return { data, load, fromDialog };
}
