/**
 * Runs an import: reads the picked files, sends them to `sites.import` in batches that fit one
 * request (documents first), follows `job.progress`, and merges the batches' reports. The progress
 * bar appears only when the work takes longer than a second.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_UPLOAD_BASE64_CHARS, MAX_UPLOAD_FILES, type ImportReport, type IntakeProblem } from '../../../../../shared/api/sites';
import { call, subscribe } from '../../../api/client';
import { useBuilder } from '../state/siteStore';
import { batchesOf, inImportOrder, isClutter, toBase64, type PickedFile } from './readFiles';

/** One request stays well under browser mode's 64 MB body limit. */
const BATCH_BYTES = 24 * 1024 * 1024;
const MAX_FILE_BYTES = Math.floor((MAX_UPLOAD_BASE64_CHARS * 3) / 4);
const SHOW_PROGRESS_AFTER_MS = 1000;

export interface ImportProgress {
  /** 0..1 */
  fraction: number;
  /** The file being read or the backend's label. */
  label: string;
}

export interface ImportRun {
  busy: boolean;
  progress: ImportProgress | null;
  error: unknown;
  /** The files of a failed run, kept to try again. */
  failed: PickedFile[] | null;
  /** Files refused before sending (too large). */
  localProblems: IntakeProblem[];
}

const newJobId = () =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;

function merge(reports: ImportReport[], localProblems: IntakeProblem[]): ImportReport {
  const last = reports[reports.length - 1]!;
  return {
    ...last,
    problems: [...localProblems, ...reports.flatMap((r) => r.problems)],
    guesses: reports.flatMap((r) => r.guesses),
  };
}

export function useImport(enterpriseId: string) {
  const [run, setRun] = useState<ImportRun>({ busy: false, progress: null, error: null, failed: null, localProblems: [] });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const start = useCallback(
    async (picked: PickedFile[]) => {
      const material = inImportOrder(picked.filter((f) => !isClutter(f)));
      const tooLarge = material.filter((f) => f.file.size > MAX_FILE_BYTES);
      const files = material.filter((f) => f.file.size <= MAX_FILE_BYTES);
      const localProblems: IntakeProblem[] = tooLarge.map((f) => ({
        file: f.name,
        code: 'intake.file_too_large',
        message: 'File too large to upload.',
      }));
      const total = Math.max(1, files.length * 2);
      let done = 0;
      let visible = false;
      let label = '';
      const show = () => live.current && visible && setRun((r) => ({ ...r, progress: { fraction: Math.min(1, done / total), label } }));
      const timer = setTimeout(() => {
        visible = true;
        show();
      }, SHOW_PROGRESS_AFTER_MS);
      setRun({ busy: true, progress: null, error: null, failed: null, localProblems });

      const jobId = newJobId();
      let batchStart = 0;
      const stop = subscribe('job.progress', (p) => {
        if (p.jobId !== jobId) return;
        done = files.length + batchStart + p.done;
        label = p.label;
        show();
      });
      try {
        if (files.length === 0) throw Object.assign(new Error('nothing'), { localOnly: true });
        const reports: ImportReport[] = [];
        for (const batch of batchesOf(files, BATCH_BYTES, MAX_UPLOAD_FILES)) {
          const payload = [];
          for (const f of batch) {
            label = f.name;
            payload.push({ name: f.name.slice(0, 255), base64: await toBase64(f.file) });
            done++;
            show();
          }
          reports.push(await call('sites.import', { enterpriseId, files: payload, jobId }));
          batchStart += batch.length;
        }
        const report = merge(reports, localProblems);
        const site = await call('sites.get', { siteId: report.siteId });
        const store = useBuilder.getState();
        store.receive(site);
        store.setLastImport(report);
        if (live.current) setRun({ busy: false, progress: null, error: null, failed: null, localProblems });
      } catch (error) {
        const onlyLocal = (error as { localOnly?: boolean }).localOnly;
        if (live.current)
          setRun({ busy: false, progress: null, error: onlyLocal ? null : error, failed: onlyLocal ? null : picked, localProblems });
      } finally {
        clearTimeout(timer);
        stop();
      }
    },
    [enterpriseId],
  );

  return { run, start };
}
