// What both decision screens share: the record (useRecord), and the dialogs' way of sending a change —
// on success the dialog closes and the record reloads; a refusal is thrown back to the dialog, which
// shows it in the server's words.
import { App } from 'antd';
import { useRecord } from '../../../hooks/useRecord';
import type { RunChange } from './ItemDialog';

export function useLoaded<T>(path: string, closeDialog: () => void) {
  const { message } = App.useApp();
  const { data, load } = useRecord<T>(path);
  const fromDialog: RunChange = async (change, done) => {
    await change();
    message.success(done);
    closeDialog();
    await load();
  };
  return { data, load, fromDialog };
}
