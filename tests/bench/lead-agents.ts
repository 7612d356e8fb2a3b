/**
 * The lead bench's simulated agents, in a process of their own so the platform's CPU is measured
 * without them: each signs in once, then on "go <count> <perSecond>" from stdin pushes that many
 * agent_state changes spread over the agents, and prints "done <ms>".
 */
import { createInterface } from 'node:readline';
import { platformSignIn, pushAgentState } from '../harness/platform-http';

const [url, countText] = process.argv.slice(2);
const agents = Array.from({ length: Number(countText) }, (_, index) => `B${String(index + 1).padStart(4, '0')}`);
const STATES = [
  { state: 'ready', reason: null },
  { state: 'on-call', reason: null },
  { state: 'wrap-up', reason: null },
  { state: 'not-ready', reason: '小休' },
] as const;

const tokens: string[] = [];
for (const agentId of agents) tokens.push((await platformSignIn(url!, agentId, 'bench1234')).token);
console.log('ready');

const push = async (index: number, step: number): Promise<void> => {
  const agent = index % agents.length;
  const { state, reason } = STATES[(step + agent) % STATES.length]!;
  const response = await pushAgentState(url!, tokens[agent]!, {
    agentId: agents[agent]!,
    state,
    reason,
    extension: String(5000 + agent),
  });
  if (!response.ok) throw new Error(`push: ${response.status}`);
};

let step = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const [command, count, perSecond] = line.split(' ');
  if (command !== 'go') continue;
  const started = performance.now();
  const gapMs = 1000 / Number(perSecond);
  const pending: Promise<void>[] = [];
  for (let index = 0; index < Number(count); index += 1) {
    // Paced by the clock, not by the answers: a slow platform gets the same load, not less.
    const due = started + index * gapMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(push(index, step));
    if (index % agents.length === agents.length - 1) step += 1;
  }
  await Promise.all(pending);
  step += 1;
  console.log(`done ${Math.round(performance.now() - started)}`);
}
