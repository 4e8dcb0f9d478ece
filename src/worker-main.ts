import { runProcess } from './process-runner';

/** `npm run worker`: only the reminder worker, for deployments that scale it apart from the web. */
void runProcess({ ROLE: 'worker' });
