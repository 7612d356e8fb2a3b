/**
 * A training scenario's citizen on the phone: its turns spoken by espeak-ng, calling a console
 * through the lab PBX. The INVITE names the scenario (X-Minsheng-Scenario), which only a console
 * on a training profile reads.
 */
import type { Scenario } from '../../../main/training/domain/scenario';
import { LAB_HOST, LAB_UDP_PORT } from '../lab';
import { type CitizenCall, placeCitizenCall } from './citizen-call';
import type { TurnTakingOptions } from './turn-taking';
import { MANDARIN, phoneFrames, synthesise, type Voice } from './voice';

export const SCENARIO_HEADER = 'x-minsheng-scenario';
const NUDGE = '喂？您好，能听到我说话吗？';

const voiceOf = (scenario: Scenario): Voice =>
  /女士|阿姨|奶奶|小姐/.test(scenario.persona.name) ? { ...MANDARIN, pitch: 65 } : { ...MANDARIN, pitch: 35 };

/** Synthesises the scenario's turns (cached), then rings `target`. */
export const callAsCitizen = async (
  scenario: Scenario,
  options: {
    target: string;
    pbx?: { host: string; port: number };
    turnTaking?: TurnTakingOptions;
    ringTimeoutMs?: number;
    onHeard?: (level: number, atMs: number) => void;
  },
): Promise<CitizenCall> => {
  const voice = voiceOf(scenario);
  const turns = await Promise.all(scenario.turns.map(async (text) => phoneFrames(await synthesise(text, voice))));
  const nudge = phoneFrames(await synthesise(NUDGE, voice));
  return placeCitizenCall({
    pbx: options.pbx ?? { host: LAB_HOST, port: LAB_UDP_PORT },
    target: options.target,
    caller: { number: scenario.persona.number },
    headers: [[SCENARIO_HEADER, scenario.id]],
    turns,
    nudge,
    ...(options.turnTaking ? { turnTaking: options.turnTaking } : {}),
    ...(options.ringTimeoutMs ? { ringTimeoutMs: options.ringTimeoutMs } : {}),
    ...(options.onHeard ? { onHeard: options.onHeard } : {}),
  });
};
