import { useEffect } from 'react';
import { t } from '../../../shared/i18n/t';
import { myFiguresRequested, useFiguresStore } from '../figures-store';

const REFRESH_MS = 30_000;
const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const clock = (seconds: number | null): string =>
  seconds === null ? '—' : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/** The agent's own day in five figures, each with its definition on hover. */
export const MyFigures = () => {
  const figures = useFiguresStore((state) => state.figures);
  useEffect(() => {
    void myFiguresRequested();
    const timer = setInterval(() => void myFiguresRequested(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (!figures) return null;
  const items: { key: string; label: string; value: string }[] = [
    { key: 'answeredCalls', label: t('figures.answered'), value: String(figures.answered) },
    { key: 'averageTalkSeconds', label: t('figures.talk'), value: clock(figures.averageTalkSeconds) },
    { key: 'averageWrapUpSeconds', label: t('figures.wrapUp'), value: clock(figures.averageWrapUpSeconds) },
    { key: 'onlineResolutionRate', label: t('figures.online'), value: percent(figures.onlineResolutionRate) },
    { key: 'onTimeResolutionRate', label: t('figures.onTime'), value: percent(figures.onTimeResolutionRate) },
  ];
  return (
    <section className="my-figures" aria-label={t('figures.title')}>
      <h3>{t('figures.title')}</h3>
      <dl>
        {items.map((item) => (
          <div key={item.key} title={figures.definitions[item.key]} data-testid={`my-${item.key}`}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};
