import scenarioFile from '../data/training/scenarios.json' with { type: 'json' };
import { type Scenario, scenarioFileSchema } from './domain/scenario';

/** The bundled scenarios, checked once: a broken file is a defect of this build, said plainly. */
export const bundledScenarios = (): readonly Scenario[] => {
  const parsed = scenarioFileSchema.safeParse(scenarioFile);
  if (!parsed.success) throw new Error(`培训场景文件无效：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
};
