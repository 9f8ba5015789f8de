// App shell: sidebar navigation between the views, window-wide drop of recordings, the live call
// controller that outlives the Live view, and the stored call opened from the Library (replay).

import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { AgentChannel } from '../../shared/ipc-contract';
import { DropOverlay } from './components/DropOverlay';
import { attuneBridge } from './lib/attune-bridge';
import { useCallAnalysis } from './lib/use-call-analysis';
import { useCallImport } from './lib/use-call-import';
import { useFileDrop } from './lib/use-file-drop';
import { LiveCallController } from './live/live-call-controller';
import { AnalyseView } from './views/AnalyseView';
import { LibraryView } from './views/LibraryView';
import { LiveView } from './views/LiveView';
import { ReplayView } from './views/ReplayView';
import { SettingsView } from './views/SettingsView';
import { TrendsView } from './views/TrendsView';

type ViewId = 'analyse' | 'live' | 'library' | 'trends' | 'settings';

const NAVIGATION: ReadonlyArray<{ id: ViewId; label: string }> = [
  { id: 'analyse', label: 'Analyse' },
  { id: 'live', label: 'Live' },
  { id: 'library', label: 'Library' },
  { id: 'trends', label: 'Trends' },
  { id: 'settings', label: 'Settings' },
];

interface OpenCall {
  callId: number;
  atMs?: number;
}

function isWavFile(file: File): boolean {
  return /\.wav$/i.test(file.name);
}

export function App(): ReactElement {
  const [view, setView] = useState<ViewId>('analyse');
  const [agentChannel, setAgentChannel] = useState<AgentChannel>('left');
  // A stored call opened from the Library (a row, a search hit at its moment, a just-imported call).
  const [openCall, setOpenCall] = useState<OpenCall | null>(null);
  const openStoredCall = useCallback((callId: number, atMs?: number) => {
    setOpenCall(atMs === undefined ? { callId } : { callId, atMs });
    setView('library');
  }, []);
  const closeStoredCall = useCallback(() => setOpenCall(null), []);
  // The Library's import, here so that recordings dropped on the Library are imported, not analysed.
  const callImport = useCallImport(attuneBridge());
  const libraryListShowing = view === 'library' && openCall === null;
  const showView = (id: ViewId): void => {
    // The Library entry always leads back to the list, also from an open call.
    if (id === 'library') setOpenCall(null);
    setView(id);
  };
  const analysis = useCallAnalysis();
  // One live-call controller per window: a call keeps running while another view is shown.
  const [liveCall] = useState(() => new LiveCallController(attuneBridge()));
  useEffect(() => liveCall.connect(), [liveCall]);
  useEffect(
    () =>
      // The start/stop shortcut and tray item also bring the Live view up, so the agent sees the call.
      attuneBridge().onAppCommand((command) => {
        if (command === 'start-call' || command === 'stop-call') setView('live');
      }),
    [],
  );

  /** Files and folders dropped on the Library: imported as with "Import files…". */
  const importDropped = (files: File[]): void => {
    let paths: string[];
    try {
      paths = files.map((file) => attuneBridge().pathForDroppedFile(file));
    } catch (error) {
      callImport.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    // Files dragged from some apps (e.g. a browser download bar) have no path on disk.
    if (paths.some((path) => path === '')) {
      callImport.fail('Some of these files have no location on disk. Save them to a folder first, then drop them again.');
      return;
    }
    callImport.importPaths(paths);
  };

  const isDragging = useFileDrop((files) => {
    if (libraryListShowing) {
      importDropped(files);
      return;
    }
    // A drop anywhere else means "analyse this", whichever view is showing.
    setView('analyse');
    const [file] = files;
    if (!file) return;
    if (files.length > 1) {
      analysis.fail('Drop one recording at a time.');
      return;
    }
    if (!isWavFile(file)) {
      analysis.fail('Attune can only analyse WAV recordings (.wav).', file.name);
      return;
    }
    let path: string;
    try {
      path = attuneBridge().pathForDroppedFile(file);
    } catch (error) {
      analysis.fail(error instanceof Error ? error.message : String(error), file.name);
      return;
    }
    // Files dragged from some apps (e.g. a browser download bar) have no path on disk.
    if (path === '') {
      analysis.fail('This file has no location on disk. Save it to a folder first, then drop it again.', file.name);
      return;
    }
    analysis.analysePath(path, agentChannel);
  });

  const openRecording = (): void => {
    attuneBridge()
      .chooseCallFile()
      .then(
        (path) => {
          if (path !== null) analysis.analysePath(path, agentChannel);
        },
        (error: unknown) => analysis.fail(error instanceof Error ? error.message : String(error)),
      );
  };

  return (
    <div className="app-shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Attune
        </div>
        <ul className="nav-list">
          {NAVIGATION.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === item.id ? 'page' : undefined}
                data-testid={`nav-${item.id}`}
                onClick={() => showView(item.id)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
        <p className="sidebar-footnote">Recordings are analysed on this computer.</p>
      </nav>
      <main className="content">
        {view === 'analyse' && (
          <AnalyseView
            analysis={analysis}
            agentChannel={agentChannel}
            onAgentChannelChange={setAgentChannel}
            onOpenRecording={openRecording}
          />
        )}
        {view === 'live' && <LiveView controller={liveCall} bridge={attuneBridge()} />}
        {view === 'library' && openCall === null && <LibraryView bridge={attuneBridge()} callImport={callImport} onOpenCall={openStoredCall} />}
        {view === 'library' && openCall !== null && <OpenCallPage call={openCall} onBack={closeStoredCall} />}
        {view === 'trends' && <TrendsView bridge={attuneBridge()} />}
        {view === 'settings' && <SettingsView bridge={attuneBridge()} />}
      </main>
      {isDragging && <DropOverlay message={libraryListShowing ? 'Drop recordings or folders to import them into the library' : undefined} />}
    </div>
  );
}

/** A stored call opened from the Library, with the way back to the list. */
function OpenCallPage({ call, onBack }: { call: OpenCall; onBack: () => void }): ReactElement {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // Alt+← as in a browser; plain arrows belong to the replay (seeking).
      if (event.altKey && event.key === 'ArrowLeft') onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);
  return (
    <div className="open-call-page">
      <nav className="open-call-back" aria-label="Back">
        <button type="button" className="button button-quiet" onClick={onBack} data-testid="back-to-library">
          ← Library
        </button>
      </nav>
      {/* A new key per call and moment: a search hit in the same call seeks afresh. */}
      <ReplayView key={`${call.callId}@${call.atMs ?? ''}`} bridge={attuneBridge()} callId={call.callId} {...(call.atMs === undefined ? {} : { atMs: call.atMs })} />
    </div>
  );
}
