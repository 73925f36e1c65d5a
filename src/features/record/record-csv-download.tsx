import { useId } from 'react';
import type { CpdRecord } from '../../shared/progress/cpd-record';
import { downloadCsv } from './download-csv';
import { useIncludeReflections } from './use-include-reflections';

type Props = {
  /** Null while the record is read: the button waits, as it does for the stored choice. */
  record: CpdRecord | null;
  label: string;
  buttonClassName: string;
  /** Said next to the button: what the file is for, in this screen's words. */
  about?: string;
};

/**
 * "Download CSV" with the learner's choice to include their reflection notes. Notes are private, so the
 * file leaves them out unless the box is ticked; the hint says what ticking adds.
 */
export function RecordCsvDownload({ record, label, buttonClassName, about }: Props) {
  const [include, choose] = useIncludeReflections();
  const id = useId();
  return (
    <div className="no-print">
      <div className="field field--stacked">
        <label>
          <input
            type="checkbox"
            checked={include ?? false}
            disabled={include === undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => choose(e.target.checked)}
          />{' '}
          Include my reflections
        </label>
        <p id={`${id}-hint`} className="meta">
          Adds the notes you wrote to reflection prompts: each as a row of its own, and your answers about
          what you will change and the impact it had in those columns of the lesson or session. Left unticked,
          the file has none of your notes.
        </p>
      </div>
      <p>
        <button
          type="button"
          className={buttonClassName}
          disabled={record === null || include === undefined}
          onClick={() => record && downloadCsv(record, { includeReflections: include === true })}
        >
          {label}
        </button>
        {about && (
          <>
            {' '}
            <span className="meta">{about}</span>
          </>
        )}
      </p>
    </div>
  );
}
