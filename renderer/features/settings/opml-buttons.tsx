import { useRef, useState } from 'react';
import { api, errorText } from '../../api';
import { ExportIcon, ImportIcon } from '../../components/icons';
import { useToast } from '../../components/toast-context';
import { saveTextFile } from '../../lib/save-file';

/** Import OPML (a file input behind a button) and Export OPML (a Blob download). */
export function OpmlButtons({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const [status, setStatus] = useState('');

  const importFile = async (file: File) => {
    setStatus(`Importing ${file.name}…`);
    try {
      const result = await api.importOpml({ content: await file.text() });
      const parts = [
        `${result.added} ${result.added === 1 ? 'show' : 'shows'} added`,
        result.skipped > 0 ? `${result.skipped} already subscribed` : '',
        result.failed.length > 0 ? `${result.failed.length} could not be read` : '',
      ].filter(Boolean);
      setStatus(`Imported: ${parts.join(', ')}.${result.added > 0 ? ' They refresh in the background.' : ''}`);
      onImported();
    } catch (failure) {
      setStatus(`Couldn't import ${file.name}: ${errorText(failure)}`);
    }
  };

  const exportFile = async () => {
    try {
      const file = await api.exportOpml({});
      saveTextFile(file.fileName, file.mimeType, file.content);
      setStatus(`Saved ${file.fileName}`);
    } catch (failure) {
      toast({ text: `Couldn't export: ${errorText(failure)}` });
    }
  };

  return (
    <div className="settings-field settings-field--stack">
      <span className="settings-field__label">Subscriptions (OPML)</span>
      <div className="settings-buttons">
        <button type="button" className="button button--small" onClick={() => input.current?.click()}>
          <ImportIcon />
          Import OPML
        </button>
        <button type="button" className="button button--small" onClick={() => void exportFile()}>
          <ExportIcon />
          Export OPML
        </button>
        <input
          ref={input}
          type="file"
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p className="settings-field__help" role="status">
        {status || 'Move your shows between Earmark and other podcast apps.'}
      </p>
    </div>
  );
}
