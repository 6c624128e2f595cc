import { policyJson } from '../shared/managed-settings';
import { policyFingerprint } from '../shared/protocol/scan-replies';
import { POLICY_CHANGED } from '../shared/protocol/block-scan-limits';
import { readManaged } from './settings-store';

/*
 * The policy pages scan under, as this worker last read it. Chromium can take seconds to answer the
 * first read where there is no policy, so neither a plan nor a page's first requests wait for it.
 */

/** The policy as last read, once a read has answered. */
let managed: { value: unknown } | undefined;

/**
 * Whether a plan named no policy because this worker had not read it yet. A policy that then turns up
 * makes the worker refuse the pages' requests and ask every tab to start again.
 */
let plannedWithoutPolicy = false;

const NO_POLICY = policyFingerprint(policyJson(undefined));

/** The policy a new plan names: the one last read, or none (remembered) while none has been read. */
export function policyForPlan(): unknown {
  if (!managed) plannedWithoutPolicy = true;
  return managed ? managed.value : undefined;
}

/**
 * The policy to scan under, when it is the page's. A page starts without waiting for its policy
 * and restarts when one turns up, so "none" is answered at once while this worker has not read the
 * policy yet either; a page that has a policy waits for this worker's read, which the browser has
 * answered for the page.
 */
export async function policyFor(pagePolicy: string): Promise<unknown> {
  if (!managed && pagePolicy === NO_POLICY) return undefined;
  const value = managed ? managed.value : await readManaged();
  if (policyFingerprint(policyJson(value)) !== pagePolicy) throw new Error(POLICY_CHANGED);
  return value;
}

/**
 * Keeps a policy just read. Says whether the pages must start again: plans handed out before this
 * read named no policy, and a page that has finished scanning (or was told not to) would never be
 * refused.
 */
export function rememberPolicy(value: unknown): boolean {
  managed = { value };
  const restart = plannedWithoutPolicy && policyFingerprint(policyJson(value)) !== NO_POLICY;
  plannedWithoutPolicy = false;
  return restart;
}

/** The policy changed: unknown until the next read answers. */
export function forgetPolicy(): void {
  managed = undefined;
}
