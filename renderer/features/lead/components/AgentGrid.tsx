import { useEffect, useRef, useState } from 'react';
import { measureGridPainted } from '../../../shared/perf-marks';
import type { HallAgent } from '../../../../preload/contract';
import { t } from '../../../shared/i18n/t';
import { agentAlerts } from '../domain/agent-alerts';
import {
  GRID_SORT_KEYS,
  type GridSortKey,
  averageHandlingSeconds,
  gridRows,
  onlineResolution,
  visibleRange,
} from '../domain/agent-grid';
import { gridFiltered, gridSorted, useLeadStore } from '../lead-store';
import { type LeadMonitorControls, MonitorButtons } from './MonitorBar';

const ROW_HEIGHT = 32;
const clock = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
};
const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

const Row = ({
  agent,
  now,
  top,
  monitor,
}: {
  agent: HallAgent;
  now: number;
  top: number;
  monitor: LeadMonitorControls | undefined;
}) => {
  const alerts = agentAlerts(agent, now);
  const handling = averageHandlingSeconds(agent);
  return (
    <div
      className={`lead-grid__row${alerts.length > 0 ? ' lead-grid__row--alert' : ''}`}
      role="row"
      data-agent={agent.agentId}
      style={{ top }}
    >
      <span role="cell">{agent.agentId}</span>
      <span role="cell" className={`lead-state lead-state--${agent.state}`}>
        {t(`lead.state.${agent.state}`)}
        {agent.reason ? `（${agent.reason}）` : ''}
      </span>
      <span role="cell">{clock(now - agent.since)}</span>
      <span role="cell">{agent.callSince === null ? '—' : `${clock(now - agent.callSince)} ${agent.callerMasked ?? ''}`}</span>
      <span role="cell">{agent.handled}</span>
      <span role="cell">{handling === null ? '—' : `${Math.round(handling)} 秒`}</span>
      <span role="cell">{percent(onlineResolution(agent))}</span>
      <span role="cell" className="lead-grid__alerts">
        {alerts.map((alert) => t(`lead.alert.${alert}`)).join('、')}
      </span>
      <span role="cell">{monitor ? <MonitorButtons agent={agent} monitor={monitor} /> : null}</span>
    </div>
  );
};

/**
 * Every agent of the team, virtualised (a provincial hall has hundreds): only the rows in view are
 * in the page. Keyboard: S cycles the sort, / jumps to the filter.
 */
export const AgentGrid = ({
  agents,
  now,
  monitor,
}: {
  agents: readonly HallAgent[];
  now: number;
  monitor?: LeadMonitorControls | undefined;
}) => {
  const sort = useLeadStore((state) => state.sort);
  const filter = useLeadStore((state) => state.filter);
  const [scrollTop, setScrollTop] = useState(0);
  const filterRef = useRef<HTMLInputElement>(null);
  const rows = gridRows(agents, { sort, filter, now });
  const height = 8 * ROW_HEIGHT;
  const { first, last } = visibleRange({ scrollTop, height, rowHeight: ROW_HEIGHT, count: rows.length });
  useEffect(measureGridPainted, [agents]);
  return (
    <section
      className="lead-grid"
      aria-label={t('lead.grid', { count: rows.length })}
      onKeyDown={(event) => {
        if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
        if (event.key === '/') {
          event.preventDefault();
          filterRef.current?.focus();
        } else if (event.key.toLowerCase() === 's') {
          const next = GRID_SORT_KEYS[(GRID_SORT_KEYS.indexOf(sort) + 1) % GRID_SORT_KEYS.length] ?? 'alerts';
          gridSorted(next);
        }
      }}
    >
      <div className="lead-grid__tools">
        <label>
          {t('lead.grid.filter')}
          <input
            ref={filterRef}
            value={filter}
            onChange={(event) => gridFiltered(event.target.value)}
            placeholder={t('lead.grid.filter.placeholder')}
          />
        </label>
        <label>
          {t('lead.grid.sort')}
          <select value={sort} onChange={(event) => gridSorted(event.target.value as GridSortKey)}>
            {GRID_SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`lead.grid.sort.${key}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lead-grid__head" role="row">
        {(['agent', 'state', 'inState', 'call', 'handled', 'handling', 'online', 'alerts', 'monitor'] as const).map((column) => (
          <span key={column} role="columnheader">
            {t(`lead.grid.column.${column}`)}
          </span>
        ))}
      </div>
      <div
        className="lead-grid__body"
        role="rowgroup"
        tabIndex={0}
        style={{ height }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div className="lead-grid__spacer" style={{ height: rows.length * ROW_HEIGHT }}>
          {rows.slice(first, last).map((agent, index) => (
            <Row key={agent.agentId} agent={agent} now={now} top={(first + index) * ROW_HEIGHT} monitor={monitor} />
          ))}
        </div>
      </div>
    </section>
  );
};
