import browser from 'webextension-polyfill';
import { routeMessage } from './router';
import { drainQueue, QUEUE_ALARM } from './queue';
import { sweepOrphanParts } from './part-store';

/*
 * Listeners only, registered synchronously at top level: MV3 wakes the worker for an event only if
 * its listener existed when the worker started (DESIGN.md §8). The work lives in the modules.
 */
browser.runtime.onMessage.addListener(routeMessage);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === QUEUE_ALARM) void drainQueue();
});

browser.runtime.onStartup.addListener(() => {
  void drainQueue();
  void sweepOrphanParts();
});

browser.runtime.onInstalled.addListener(() => {
  void drainQueue();
});

// No reliable `online` event reaches an extension worker, so it is one trigger among several.
self.addEventListener('online', () => void drainQueue());

void drainQueue();
