import { useState } from 'preact/hooks';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { Draft } from '../shared/protocol/messages';
import type { ReportView } from '../shared/protocol/ui-replies';
import { submitReport } from './submit-step';

export interface Submission {
  sending: boolean;
  /** Why the last submit failed, as the form shows it. */
  error: string | null;
  /** The stored report once the submit went through: the form gives way to the done view. */
  sent: ReportView | null;
  submit(draft: Draft): Promise<void>;
}

/** The submit step: one send at a time, its refusal kept for the form to show. */
export function useSubmit(client: BackgroundClient): Submission {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<ReportView | null>(null);
  async function submit(draft: Draft) {
    setSending(true);
    setError(null);
    const outcome = await submitReport(client, draft);
    if (outcome.ok) setSent(outcome.record);
    else setError(outcome.error);
    setSending(false);
  }
  return { sending, error, sent, submit };
}
