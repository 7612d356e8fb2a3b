import './agent-state.css';
export { AgentStateControl } from './components/AgentStateControl';
export {
  agentCallEnded,
  agentCallStarted,
  agentConfigured,
  agentStateForReload,
  agentStateRestored,
  answerForIncomingCall,
  notReadySet,
  phoneReachabilityChanged,
  readySet,
  reasonPickerToggled,
  useAgentStore,
} from './agent-store';
