import './help.css';
export { HelpButton } from './components/HelpButton';
export { helpChanged, helpDialogOpened, helpLoaded, useHelpStore } from './help-store';
