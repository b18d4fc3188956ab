import { useRef } from 'react';

interface FilePickerButtonProps {
  /** The button's text and the file input's accessible name, e.g. "Open FCS files…". */
  label: string;
  accept?: string;
  multiple?: boolean;
  /** Pick a folder: every file inside it (and its subfolders) is passed on. */
  folder?: boolean;
  primary?: boolean;
  onFiles(files: File[]): void;
}

/**
 * A real button that opens the system file picker (the input itself is not displayed, so nothing invisible sits
 * over the page); picking the same file again works (the input is cleared).
 */
export function FilePickerButton({ label, accept, multiple = false, folder = false, primary = false, onFiles }: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={primary ? 'button primary' : 'button'} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={label}
        accept={accept}
        multiple={multiple || folder}
        {...(folder ? { webkitdirectory: '' } : {})}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
