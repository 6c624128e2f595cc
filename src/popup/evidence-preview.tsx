import { useEffect, useState } from 'preact/hooks';
import { readPart } from './read-part';
import { t } from '../shared/i18n';
import { base64ToBytes } from '../shared/base64';
import type { HeldCapture } from '../shared/protocol/messages';

/**
 * Reads the captured part straight from the extension's own database (same origin, read only):
 * large evidence never rides on messages (docs/ARCHITECTURE.md, style).
 */
export function usePartUrl(partId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!partId) {
      setUrl(null);
      return;
    }
    let objectUrl: string | null = null;
    let live = true;
    void readPart(partId).then((part) => {
      if (!live || !part) return;
      objectUrl = URL.createObjectURL(part.blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [partId]);
  return url;
}

/**
 * A capture as the form holds it, in its own memory: shown from there, and `stored` once the worker
 * has kept it (a category other than child sexual abuse is known, draft-state.ts).
 */
export function useHeldUrl(item: Pick<HeldCapture, 'partId' | 'data' | 'mediaType'> | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const partId = item?.partId ?? null;
  useEffect(() => {
    if (!item) {
      setUrl(null);
      return;
    }
    const objectUrl = URL.createObjectURL(new Blob([base64ToBytes(item.data) as Uint8Array<ArrayBuffer>], { type: item.mediaType }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [partId]);
  return url;
}

export interface EvidenceItem {
  partId: string;
  bytes: number;
  sha256: string;
}

export type HeldItem = HeldCapture & { stored: boolean };

export function EvidencePreview(props: {
  id: string;
  label: string;
  item: HeldItem;
  included: boolean;
  onToggle: (included: boolean) => void;
  image: boolean;
}) {
  const url = useHeldUrl(props.image ? props.item : null);
  return (
    <div class="evidence" data-part={props.id} data-stored={props.item.stored ? 'true' : 'false'}>
      <label class="inline">
        <input type="checkbox" id={`include-${props.id}`} checked={props.included} onChange={(e) => props.onToggle(e.currentTarget.checked)} />
        {props.label}
      </label>
      <div class="meta">
        {t('evidenceSize', [formatBytes(props.item.bytes)])} · SHA-256 <span class="receipt">{props.item.sha256.slice(0, 16)}…</span>
      </div>
      {props.image && url && <img src={url} alt={t('evidencePreviewAlt', [props.label])} />}
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type ShotVariant = 'visible' | 'listing' | 'full-page';
export type Shot = HeldItem & { variant: ShotVariant };

const SHOT_LABEL: Record<ShotVariant, string> = { visible: 'evidenceScreenshot', listing: 'shotListing', 'full-page': 'shotFullPage' };
const SHOT_CHOICE: Record<ShotVariant, string> = { visible: 'shotVisible', listing: 'shotListing', 'full-page': 'shotFullPage' };

/** One screenshot leaves with a report (protocol v1 has one `screenshot` part): the reporter picks which. */
export function ScreenshotPicker(props: {
  shots: readonly Shot[];
  chosen: string | null;
  onChoose: (partId: string) => void;
  included: boolean;
  onToggle: (included: boolean) => void;
}) {
  const chosen = props.shots.find((shot) => shot.partId === props.chosen) ?? props.shots[0];
  if (!chosen) return null;
  if (props.shots.length === 1) {
    return <EvidencePreview id="screenshot" label={t(SHOT_LABEL[chosen.variant])} item={chosen} included={props.included} onToggle={props.onToggle} image />;
  }
  return (
    <div>
      <fieldset class="shots">
        <legend>{t('whichScreenshot')}</legend>
        {props.shots.map((shot) => (
          <label class="inline" key={shot.partId}>
            <input type="radio" name="shot" value={shot.variant} checked={shot.partId === chosen.partId} onChange={() => props.onChoose(shot.partId)} />
            {t(SHOT_CHOICE[shot.variant])} ({formatBytes(shot.bytes)})
          </label>
        ))}
      </fieldset>
      <EvidencePreview id="screenshot" label={t('includeChosenScreenshot')} item={chosen} included={props.included} onToggle={props.onToggle} image />
    </div>
  );
}
