import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import { ReportForm } from './report-form';
import { lazyView } from './lazy-view';
import { askFirstPage } from './history-first-page';

// The history's code (its list, the report detail, the export) is loaded when it is first shown.
const HistoryList = lazyView(() => import('./history-list').then((module) => module.HistoryList));

type View = 'report' | 'history';

export function App({ client, targetTab }: { client: BackgroundClient; targetTab: Promise<number | null> }) {
  const [view, setViewState] = useState<View>(() => {
    if (new URLSearchParams(location.search).get('view') !== 'history') return 'report';
    // Opened on the history: its code and its first page are asked for side by side, at once.
    HistoryList.preload();
    askFirstPage(client);
    return 'history';
  });
  // Opened on the history, the form (and its screenshot) is not made until it is asked for.
  const [formMounted, setFormMounted] = useState(view === 'report');
  const setView = (next: View) => {
    if (next === 'report') setFormMounted(true);
    setViewState(next);
  };
  return (
    <>
      <header class="app-header">
        <h1>{t('extName')}</h1>
        <div class="tabs" role="tablist" aria-label={t('popupViews')}>
          <button role="tab" id="tab-report" aria-controls="panel" aria-selected={view === 'report'} onClick={() => setView('report')}>
            {t('viewReport')}
          </button>
          <button role="tab" id="tab-history" aria-controls="panel" aria-selected={view === 'history'} onClick={() => setView('history')}>
            {t('viewHistory')}
          </button>
        </div>
      </header>
      <main id="panel" role="tabpanel" aria-labelledby={view === 'report' ? 'tab-report' : 'tab-history'}>
        {/* The form stays mounted while the history shows, so a half-written report is not lost. */}
        {formMounted && (
          <div hidden={view !== 'report'}>
            <ReportForm client={client} targetTab={targetTab} onShowHistory={() => setView('history')} />
          </div>
        )}
        {view === 'history' && <HistoryList client={client} />}
      </main>
    </>
  );
}
