import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { ReportView } from '../shared/protocol/ui-replies';

const POLL_MS = 500;
const POLL_FOR_MS = 30_000;

/** Follows a just-sent report until it settles, so the form can show the receipt or the reason. */
export function useDelivery(client: BackgroundClient, sent: ReportView | null): ReportView | null {
  const [latest, setLatest] = useState<ReportView | null>(null);
  useEffect(() => {
    if (!sent || !['queued', 'sending'].includes(sent.status)) return;
    const started = Date.now();
    const timer = setInterval(() => {
      void client.call({ type: 'history/get', id: sent.id }).then((record) => {
        if (!record) return;
        setLatest(record);
        if (!['queued', 'sending'].includes(record.status) || Date.now() - started > POLL_FOR_MS) clearInterval(timer);
      }, () => clearInterval(timer));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [sent]);
  return latest;
}
