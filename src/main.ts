import { runProcess } from './process-runner';

/** `npm start`: the bot (HTTP and, unless ROLE says otherwise, the reminder worker). */
void runProcess();
