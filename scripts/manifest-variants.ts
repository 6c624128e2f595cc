/** Derives the per-browser manifests from the one source manifest (docs/ARCHITECTURE.md, style). */
type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: unknown;
  permissions?: string[];
  optional_permissions?: string[];
  storage?: unknown;
};

/** Permissions one browser knows and the other rejects or ignores with a warning. */
const CHROME_ONLY_PERMISSIONS = new Set(['offscreen', 'pageCapture']);

export function chromeManifest(source: Manifest): Manifest {
  const manifest = structuredClone(source);
  const worker = manifest.background?.service_worker;
  manifest.background = { service_worker: worker ?? 'background.js' };
  delete manifest.browser_specific_settings;
  return manifest;
}

export function firefoxManifest(source: Manifest): Manifest {
  const manifest = structuredClone(source);
  const scripts = manifest.background?.scripts ?? ['background.js'];
  manifest.background = { scripts };
  manifest.permissions = (manifest.permissions ?? []).filter((permission) => !CHROME_ONLY_PERMISSIONS.has(permission));
  const optional = (manifest.optional_permissions ?? []).filter((permission) => !CHROME_ONLY_PERMISSIONS.has(permission));
  if (optional.length > 0) manifest.optional_permissions = optional;
  else delete manifest.optional_permissions;
  // Firefox takes managed values from policies.json (3rdparty.Extensions), not from a schema file.
  delete manifest.storage;
  return manifest;
}
