import { t } from '../../../shared/i18n/t';
import { useNow } from '../../../shared/use-now';
import { useLeadStore, wallboardRequested } from '../lead-store';
import { AgentGrid } from './AgentGrid';
import { HallChart } from './HallChart';
import { HelpRequests } from './HelpRequests';
import { type LeadMonitorControls, MonitorBar } from './MonitorBar';
import { QueueTiles } from './QueueTiles';

/** The team lead's hall: the wallboard's tiles, the shift's chart, the team's agents. */
export const LeadView = ({ fullScreen = false, monitor }: { fullScreen?: boolean; monitor?: LeadMonitorControls }) => {
  const board = useLeadStore((state) => state.board);
  const error = useLeadStore((state) => state.error);
  const definitions = useLeadStore((state) => state.definitions);
  const team = useLeadStore((state) => state.access.team);
  const now = useNow(1000);
  if (!board)
    return (
      <section className="lead-view lead-view--empty" aria-label={t('lead.title')}>
        <p role={error ? 'alert' : undefined}>{error ?? t('lead.loading')}</p>
        <button type="button" onClick={() => void wallboardRequested()}>
          {t('lead.retry')}
        </button>
      </section>
    );
  return (
    <section className={`lead-view${fullScreen ? ' lead-view--wall' : ''}`} aria-label={t('lead.title')}>
      <header className="lead-view__head">
        <h2>{fullScreen ? t('lead.wall.title') : t('lead.title.team', { team: team ?? t('lead.allTeams') })}</h2>
        {board.feedUp ? null : (
          <span className="lead-view__feed" role="status">
            {t('lead.feedDown')}
          </span>
        )}
        {fullScreen ? null : (
          // window.open, not a link: the new window inherits this tab's session (the shell's token).
          <button type="button" className="lead-view__wall-link" onClick={() => window.open('?view=wallboard', '_blank')}>
            {t('lead.wall.open')}
          </button>
        )}
      </header>
      {monitor ? <MonitorBar monitor={monitor} /> : null}
      {fullScreen ? null : <HelpRequests requests={board.help} agents={board.agents} now={now} monitor={monitor} />}
      <QueueTiles board={board} definitions={definitions} now={now} />
      <HallChart buckets={board.buckets} settings={board.settings} />
      {fullScreen ? null : <AgentGrid agents={board.agents} now={now} monitor={monitor} />}
    </section>
  );
};
