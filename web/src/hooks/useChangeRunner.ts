// Runs a change from a screen: reports success or the server's Chinese error, then reloads what the
// screen shows, so every button of an editor behaves the same way.
import { App } from 'antd';

export function useChangeRunner(reload: () => Promise<unknown>) {
  const { message } = App.useApp();
  return async (change: () => Promise<unknown>, done?: string) => {
    try {
      await change();
      if (done) message.success(done);
      await reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
}
