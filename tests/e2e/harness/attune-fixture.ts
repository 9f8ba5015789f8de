// Playwright fixture that runs the real renderer against the real main-process IPC code in this Node
// process: the built UI is served over http, `page.exposeBinding` stands in for ipcMain/ipcRenderer,
// and an init script assembles `window.attune` from the contract's method list as the preload does.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { devServerPages, isAppPageUrl } from '../../../src/main/app/app-pages';
import { createAttuneHandlers, type AttuneServices } from '../../../src/main/ipc/attune-handlers';
import { createValidatedDispatcher } from '../../../src/main/ipc/validated-dispatch';
import { analyzeCallFile } from '../../../src/main/services/call-file-analysis';
import { ATTUNE_CHANNEL_PREFIX, ATTUNE_IPC_METHODS, type AgentChannel } from '../../../src/shared/ipc-contract';
import { startRendererServer } from './renderer-server';

/** Page-global name of the binding behind `attune:<method>`. */
const BINDING_PREFIX = '__attuneIpc_';

export interface AnalyzeCall {
  path: string;
  agentChannel: AgentChannel | undefined;
}

export interface AttuneHarness {
  page: Page;
  /** What the next `chooseCallFile()` resolves to (the "user" picks this file in the dialog). */
  setChosenFile(path: string | null): void;
  /** `pathForDroppedFile(file)` answers `<dropDir>/<file.name>`; put files to drop here. */
  dropDir: string;
  /** Every call that reached the analysis service, after validation. */
  serviceCalls: readonly AnalyzeCall[];
  /** Problems the page reported: uncaught errors and CSP violations. Checked empty after each test. */
  pageProblems: readonly string[];
  /**
   * Holds every analysis at the service's door until the returned function is called, so a test can
   * observe the "analysing" state without racing a fast analysis.
   */
  holdAnalyses(): () => void;
}

interface WorkerFixtures {
  rendererUrl: string;
}

export const test = base.extend<{ attune: AttuneHarness }, WorkerFixtures>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  attune: async ({ page, rendererUrl }, use) => {
    const dropDir = await mkdtemp(join(tmpdir(), 'attune-e2e-drop-'));
    const serviceCalls: AnalyzeCall[] = [];
    const pageProblems: string[] = [];
    let chosenFile: string | null = null;
    let analysisGate: Promise<void> = Promise.resolve();

    const services: AttuneServices = {
      analyzeCallFile: async (path, options) => {
        serviceCalls.push({ path, agentChannel: options?.agentChannel });
        await analysisGate;
        return analyzeCallFile(path, options);
      },
      chooseCallFile: () => Promise.resolve(chosenFile),
      logError: (message, error) => pageProblems.push(`main logged: ${message}: ${String(error)}`),
    };
    // The very code main registers with ipcMain: zod validation, then the handlers.
    const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
    const appPages = devServerPages(rendererUrl);

    for (const method of ATTUNE_IPC_METHODS) {
      await page.exposeBinding(`${BINDING_PREFIX}${method}`, (source, ...rawArgs: unknown[]) => {
        // Mirrors register-handlers.ts: only the app's own pages may call main.
        if (!isAppPageUrl(source.frame.url(), appPages)) throw new Error(`Refused ${ATTUNE_CHANNEL_PREFIX}${method} from ${source.frame.url()}`);
        return dispatch(method, rawArgs);
      });
    }

    await page.addInitScript(
      ({ methods, bindingPrefix, channelPrefix, dropDirectory, separator }) => {
        type Binding = (...args: unknown[]) => Promise<unknown>;
        // `globalThis` is the page's window; the test project has no DOM lib to name it.
        const bindings = globalThis as unknown as Record<string, Binding | undefined>;
        // Same shape as createIpcClient in the contract: one forwarding function per method, sent to
        // `attune:<method>` (here: the binding of that name) with the arguments untouched.
        const invoke = (channel: string, args: unknown[]): Promise<unknown> => {
          const binding = bindings[bindingPrefix + channel.slice(channelPrefix.length)];
          if (!binding) return Promise.reject(new Error(`no handler for ${channel}`));
          return binding(...args);
        };
        const bridge: Record<string, unknown> = {};
        for (const method of methods) bridge[method] = (...args: unknown[]) => invoke(channelPrefix + method, args);
        bridge['pathForDroppedFile'] = (file: File) => `${dropDirectory}${separator}${file.name}`;
        // contextBridge exposes a frozen, non-writable object; so does this.
        Object.defineProperty(globalThis, 'attune', { value: Object.freeze(bridge), writable: false, configurable: false });
      },
      { methods: [...ATTUNE_IPC_METHODS], bindingPrefix: BINDING_PREFIX, channelPrefix: ATTUNE_CHANNEL_PREFIX, dropDirectory: dropDir, separator: sep },
    );

    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
    });

    await page.goto(rendererUrl);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    await use({
      page,
      setChosenFile: (path) => {
        chosenFile = path;
      },
      dropDir,
      serviceCalls,
      pageProblems,
      holdAnalyses: () => {
        let release = (): void => {};
        analysisGate = new Promise<void>((resolveGate) => {
          release = resolveGate;
        });
        return () => {
          release();
          analysisGate = Promise.resolve();
        };
      },
    });

    expect(pageProblems, 'the page reported errors or CSP violations').toEqual([]);
    await rm(dropDir, { recursive: true, force: true });
  },
});

export { expect };
