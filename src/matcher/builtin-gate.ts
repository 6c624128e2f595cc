import { OFFER_GATE_MODEL } from '../phrases/offer-gate-model';
import { unpackGateModel, type OfferGateModel } from './offer-gate';
import { fromBase64 } from './table-pack';

let model: OfferGateModel | null | undefined;

/** The trained offer gate shipped with the extension (src/phrases/offer-gate-model.ts), unpacked on first use. */
export function builtinOfferGate(): OfferGateModel | null {
  model ??= OFFER_GATE_MODEL === null ? null : unpackGateModel(OFFER_GATE_MODEL, fromBase64);
  return model;
}
