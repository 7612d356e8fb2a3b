import { useEffect } from 'react';
import type { LiveWallboard } from '../domain/wallboard-state';
import { markTilesPainted } from '../../../shared/perf-marks';
import { countLevel, serviceLevel } from '../domain/tile-levels';
import { t } from '../../../shared/i18n/t';

const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const seconds = (value: number | null): string => (value === null ? '—' : `${value.toFixed(1)} 秒`);
const waitFor = (since: number | null, now: number): number =>
  since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));

const Tile = ({
  label,
  value,
  level = 'ok',
  definition,
  testId,
}: {
  label: string;
  value: string;
  level?: 'ok' | 'warn' | 'bad';
  definition?: string | undefined;
  testId: string;
}) => (
  <div className={`lead-tile lead-tile--${level}`} title={definition} data-testid={testId} aria-label={`${label} ${value}`}>
    <span className="lead-tile__label">{label}</span>
    <span className="lead-tile__value">{value}</span>
  </div>
);

/** The hall's figures in the sliding window; the waits count up between deltas from `now`. */
export const QueueTiles = ({
  board,
  definitions,
  now,
}: {
  board: LiveWallboard;
  definitions: Readonly<Record<string, string>>;
  now: number;
}) => {
  const { queue, settings } = board;
  useEffect(() => markTilesPainted({ offered: queue.offered, waiting: queue.waiting }), [queue]);
  const longest = waitFor(queue.oldestWaitingSince, now);
  return (
    <section className="lead-tiles" aria-label={t('lead.tiles', { hours: settings.windowHours })}>
      <Tile
        testId="tile-waiting"
        label={t('lead.waiting')}
        value={String(queue.waiting)}
        level={countLevel(queue.waiting, [3, 10])}
      />
      <Tile
        testId="tile-longest"
        label={t('lead.longest')}
        value={`${longest} 秒`}
        level={countLevel(longest, [20, settings.answerWithinSeconds])}
      />
      <Tile testId="tile-offered" label={t('lead.offered')} value={String(queue.offered)} />
      <Tile testId="tile-answered" label={t('lead.answered')} value={String(queue.answered)} />
      <Tile
        testId="tile-abandoned"
        label={t('lead.abandoned')}
        value={t('lead.abandoned.value', { all: queue.abandoned, short: queue.shortAbandoned })}
        definition={t('lead.abandoned.definition', { seconds: settings.shortAbandonSeconds })}
      />
      <Tile
        testId="tile-answer-rate"
        label={t('lead.answerRate')}
        value={percent(queue.answerRate)}
        definition={definitions.answerRate}
      />
      <Tile
        testId="tile-service-level"
        label={t('lead.serviceLevel', { seconds: settings.answerWithinSeconds })}
        value={`${percent(queue.answeredWithinRate)} / ${Math.round(settings.serviceLevelTarget * 100)}%`}
        level={serviceLevel(queue.answeredWithinRate, settings)}
        definition={definitions.answeredWithinRate}
      />
      <Tile
        testId="tile-wait"
        label={t('lead.averageWait')}
        value={seconds(queue.averageWaitSeconds)}
        definition={definitions.averageWaitSeconds}
      />
      <Tile
        testId="tile-handling"
        label={t('lead.averageHandling')}
        value={seconds(queue.averageHandlingSeconds)}
        definition={definitions.averageHandlingSeconds}
      />
      <Tile
        testId="tile-online"
        label={t('lead.onlineResolution')}
        value={percent(queue.onlineResolutionRate)}
        definition={definitions.onlineResolutionRate}
      />
      <Tile
        testId="tile-on-time"
        label={t('lead.onTime')}
        value={percent(queue.onTimeResolutionRate)}
        definition={definitions.onTimeResolutionRate}
      />
      <div className="lead-tile lead-tile--states" data-testid="tile-states">
        <span className="lead-tile__label">{t('lead.agentsByState')}</span>
        <span className="lead-tile__states">
          {(['ready', 'on-call', 'wrap-up', 'not-ready'] as const).map((state) => (
            <span key={state} className={`lead-state lead-state--${state}`}>
              {t(`lead.state.${state}`)} {queue.agentsByState[state] ?? 0}
            </span>
          ))}
        </span>
      </div>
    </section>
  );
};
