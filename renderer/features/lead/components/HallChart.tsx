import type { HallBucket, HallSettings } from '../../../../preload/contract';
import { t } from '../../../shared/i18n/t';

const WIDTH = 480;
const HEIGHT = 120;
const time = (start: number) =>
  new Date(start).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** Calls per half hour (bars: offered, answered) and the service level (line) against its target. */
export const HallChart = ({ buckets, settings }: { buckets: readonly HallBucket[]; settings: HallSettings }) => {
  const slots = Math.max(1, buckets.length);
  const width = WIDTH / slots;
  const peak = Math.max(1, ...buckets.map((bucket) => bucket.offered));
  const y = (count: number) => HEIGHT - (count / peak) * (HEIGHT - 10);
  const levelY = (rate: number) => HEIGHT - rate * HEIGHT;
  const line = buckets
    .map((bucket, index) =>
      bucket.answeredWithinRate === null ? null : `${index * width + width / 2},${levelY(bucket.answeredWithinRate)}`,
    )
    .filter((point) => point !== null)
    .join(' ');
  return (
    <figure className="lead-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`}
        role="img"
        aria-label={t('lead.chart', { seconds: settings.answerWithinSeconds })}
      >
        <line
          className="lead-chart__target"
          x1={0}
          x2={WIDTH}
          y1={levelY(settings.serviceLevelTarget)}
          y2={levelY(settings.serviceLevelTarget)}
        />
        {buckets.map((bucket, index) => (
          <g key={bucket.start}>
            <rect
              className="lead-chart__offered"
              x={index * width + 2}
              width={width - 4}
              y={y(bucket.offered)}
              height={HEIGHT - y(bucket.offered)}
            >
              <title>
                {t('lead.chart.bucket', {
                  time: time(bucket.start),
                  offered: bucket.offered,
                  answered: bucket.answered,
                  abandoned: bucket.abandoned,
                })}
              </title>
            </rect>
            <rect
              className="lead-chart__answered"
              x={index * width + width / 4}
              width={width / 2}
              y={y(bucket.answered)}
              height={HEIGHT - y(bucket.answered)}
            />
            {index % Math.ceil(slots / 6) === 0 ? (
              <text className="lead-chart__axis" x={index * width + 2} y={HEIGHT + 13}>
                {time(bucket.start)}
              </text>
            ) : null}
          </g>
        ))}
        {line ? <polyline className="lead-chart__level" points={line} /> : null}
      </svg>
      <figcaption>
        {t('lead.chart.caption', {
          target: Math.round(settings.serviceLevelTarget * 100),
          seconds: settings.answerWithinSeconds,
        })}
      </figcaption>
    </figure>
  );
};
