// What the downloader reports for one module while it works; kept in memory (the bytes themselves are in
// Dexie), so every screen showing that module sees the same progress.
export type DownloadStatus =
  | { phase: 'downloading'; received: number; total: number }
  /** The connection dropped: the bytes received are kept and the download resumes from there. */
  | { phase: 'interrupted'; received: number; total: number }
  | { phase: 'quota'; received: number; total: number; message: string }
  | { phase: 'failed'; received: number; total: number; reason: string };
