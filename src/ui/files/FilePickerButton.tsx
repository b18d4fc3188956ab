import { useId } from 'react';

interface FilePickerButtonProps {
  /** The button's text and the input's accessible name, e.g. "Open FCS files…". */
  label: string;
  accept?: string;
  multiple?: boolean;
  primary?: boolean;
  onFiles(files: File[]): void;
}

/** A button that opens the system file picker; picking the same file again works (the input is cleared). */
export function FilePickerButton({ label, accept, multiple = false, primary = false, onFiles }: FilePickerButtonProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={primary ? 'button primary' : 'button'}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        className="visually-hidden"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
