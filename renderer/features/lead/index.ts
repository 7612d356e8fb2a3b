import './lead.css';
export { LeadView } from './components/LeadView';
export type { LeadMonitorControls } from './components/MonitorBar';
export { LeadTabs } from './components/LeadTabs';
export { selectIsLead, useLeadStore, wallboardDeltaReceived, wallboardRequested } from './lead-store';
