// pdf.js's worker code, loaded on the main thread by pdfPages.ts (the package ships no types for it).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
