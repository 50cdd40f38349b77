/** "Import notes": pick an Earmark JSON export; notes already here are skipped, and the result is said in words. */
import { useRef, useState } from 'react';
import { api, errorText } from '../../api';
import { ImportIcon } from '../../components/icons';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function importResultText({ added, skipped }: { added: number; skipped: number }): string {
  if (added === 0 && skipped === 0) return 'That file has no notes to import.';
  const parts = [`Imported ${plural(added, 'note', 'notes')}`];
  if (skipped > 0) parts.push(`${skipped} already there`);
  return parts.join(', ');
}

export function ImportNotes() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage({ text: `Importing ${file.name}…` });
    try {
      const result = await api.importNotes({ content: await file.text() });
      setMessage({ text: importResultText(result) });
    } catch (failure) {
      setMessage({ text: `Couldn't import ${file.name}: ${errorText(failure)}`, error: true });
    } finally {
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  return (
    <div className="import-notes">
      <button type="button" className="button" onClick={() => inputRef.current?.click()}>
        <ImportIcon />
        Import notes
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => void onFile(event.currentTarget.files?.[0])}
      />
      <p className={`import-notes__result${message?.error ? ' import-notes__result--error' : ''}`} role="status">
        {message?.text}
      </p>
    </div>
  );
}
