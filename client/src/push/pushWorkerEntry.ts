// The service worker script itself (built to /push-worker.js by vite.worker.config.ts): it only installs the handlers.
import { installPushWorker, type PushWorkerScope } from './PushWorker';

installPushWorker(globalThis as unknown as PushWorkerScope);
