export { AgentStateControl } from './components/AgentStateControl';
export {
  agentCallEnded,
  agentCallStarted,
  agentConfigured,
  answerForIncomingCall,
  notReadySet,
  readySet,
  reasonPickerToggled,
  useAgentStore,
} from './agent-store';
