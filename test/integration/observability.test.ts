import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { ChannelSimulator } from '../support/channel-simulator';
import { LocalConnector } from '../support/local-connector';

describe('/metrics after real turns', () => {
  const connector = new LocalConnector();
  let bot: InProcessBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startInProcessBot();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('shows turns by channel, cases per step and open handoffs', async () => {
    const first = new ChannelSimulator(bot.url, connector);
    await first.send('merhaba');
    await first.send('Kabul ediyorum');
    const second = new ChannelSimulator(bot.url, connector);
    await second.send('merhaba');

    const text = await (await fetch(`${bot.url}/metrics`)).text();
    expect(text).toMatch(/iys_turns_total\{channel="emulator",outcome="ok"\} 3/);
    expect(text).toMatch(/iys_turn_duration_seconds_count\{channel="emulator"\} 3/);
    // Both customers are at the first step (one has accepted the notice, one not yet).
    expect(text).toMatch(/iys_cases\{step="preApplication"\} 2/);
    expect(text).toMatch(/iys_handoffs_open 0/);
  });
});
