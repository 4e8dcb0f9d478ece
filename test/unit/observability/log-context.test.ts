import { Writable } from 'node:stream';
import { withLogContext } from '../../../src/observability/log-context';
import { createLogger } from '../../../src/observability/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('log lines carry the id of the turn or job they belong to', () => {
  it('adds the ids to every line inside the work, however deep, and nothing outside it', async () => {
    const { lines, logger } = capture();
    const deep = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ component: 'x' }).info('inside');
    };
    await withLogContext({ turnId: 't-1' }, async () => {
      logger.info('start');
      await deep();
      await withLogContext({ jobId: 'j-9' }, async () => logger.info('nested'));
    });
    logger.info('outside');
    expect(lines.map((l) => [l.msg, l.turnId, l.jobId])).toEqual([
      ['start', 't-1', undefined],
      ['inside', 't-1', undefined],
      ['nested', 't-1', 'j-9'],
      ['outside', undefined, undefined],
    ]);
  });

  it('keeps concurrent turns apart', async () => {
    const { lines, logger } = capture();
    const turn = (id: string, delay: number) =>
      withLogContext({ turnId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        logger.info(id);
      });
    await Promise.all([turn('a', 20), turn('b', 5)]);
    expect(lines.map((l) => [l.msg, l.turnId])).toEqual([
      ['b', 'b'],
      ['a', 'a'],
    ]);
  });
});
