import './lead.css';
export { LeadView } from './components/LeadView';
export { LeadTabs } from './components/LeadTabs';
export { selectIsLead, useLeadStore, wallboardDeltaReceived, wallboardRequested } from './lead-store';
