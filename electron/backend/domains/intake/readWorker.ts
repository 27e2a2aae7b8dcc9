/**
 * The read worker: converts and structures customer documents (readFile.ts) off the dispatcher
 * thread, one request at a time. Started by readClient.ts; bundled as readWorker.cjs for the app.
 */
import { serveRequests } from '../../infra/workerThread';
import { readDocument } from './readFile';

serveRequests(readDocument);
