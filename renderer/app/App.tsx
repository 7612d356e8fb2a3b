import { AgentStateControl } from '../features/agent-state';
import { HeadsetIndicator } from '../features/headset';
import { IntakePanel, useIntakeStore } from '../features/intake';
import { KbPanel } from '../features/kb';
import { HelpButton } from '../features/help';
import { MyFigures } from '../features/figures';
import { LockButton, LockScreen, selectLocked, useLockStore } from '../features/lock';
import {
  type RegistrationDisplay,
  RegistrationStatus,
  SoftphoneBar,
  TrainingCallDialog,
  dialRequested,
  selectAnyCall,
  selectMainCall,
  usePhoneStore,
} from '../features/phone';
import { CallerPanel } from '../features/screen-pop';
import { InternetQueue } from '../features/internet';
import { LeadTabs, LeadView, useLeadStore } from '../features/lead';
import { useLeadMonitor } from './lead-monitor';
import {
  type PbxReadiness,
  SettingsDialog,
  SettingsNotice,
  SetupChecklist,
  pbxReadiness,
  settingsDialogOpened,
  useSettingsStore,
} from '../features/settings';
import { StatusBar } from '../features/status';
import { SyncIndicator, SyncPanel } from '../features/sync';
import { ScoreCardDialog, TrainingBanner, TrainingReportDialog } from '../features/training';
import { t } from '../shared/i18n/t';
import { useAppStore } from './app-store';
import { usePhoneShortcuts } from './phone-shortcuts';
import { ShortcutHelp } from './ShortcutHelp';
import { isWallDisplay } from './wall-display';

const REGISTRATION_FOR: Record<PbxReadiness, RegistrationDisplay> = {
  unconfigured: 'unconfigured',
  incomplete: 'incomplete',
  ready: 'offline',
};

const WALL_DISPLAY = isWallDisplay();

export const App = () => {
  const info = useAppStore((state) => state.info);
  const link = useAppStore((state) => state.link);
  const fatal = useAppStore((state) => state.fatal);
  const readiness = useSettingsStore((state) => pbxReadiness(state.view));
  const draftId = useIntakeStore((state) => state.draft?.id ?? null);
  const shortcuts = usePhoneStore((state) => state.preferences?.shortcuts);
  const locked = useLockStore(selectLocked);
  const call = usePhoneStore(selectAnyCall);
  // Locked, keys belong to the PIN field: 接听 then comes from the headset's button, as at a desk phone.
  usePhoneShortcuts(locked ? undefined : shortcuts);
  const hall = useLeadStore((state) => state.tab === 'hall');
  const leadMonitor = useLeadMonitor();
  const mainCall = usePhoneStore(selectMainCall);
  const helpCall =
    mainCall && (mainCall.purpose === 'citizen' || mainCall.purpose === 'outbound')
      ? { id: mainCall.id, inProgress: true }
      : null;

  if (fatal) {
    return (
      <div className="fatal" role="alert">
        {t('app.transport.failed', { reason: fatal })}
      </div>
    );
  }
  if (!info) return <div className="loading">{t('app.loading')}</div>;
  // Nothing of the console stays in the page while locked: no caller, order or answer to read.
  if (locked) return <LockScreen call={call} />;
  const training = info.profileKind === 'training';
  // 大屏: the hall's wall display is the same page at ?view=wallboard, the wallboard alone, full screen.
  if (WALL_DISPLAY) return <LeadView fullScreen />;

  return (
    <div className="console">
      <SoftphoneBar
        registration={REGISTRATION_FOR[readiness]}
        agentControl={
          <>
            <AgentStateControl shortcuts={shortcuts} />
            {training ? null : <HelpButton shortcut={shortcuts?.askLead} currentCall={helpCall} />}
          </>
        }
        onOpenSettings={settingsDialogOpened}
      />
      {training ? <TrainingBanner /> : null}
      {link === 'lost' ? (
        <div className="banner banner--error" role="alert">
          {t('app.transport.lost')}
        </div>
      ) : null}
      {training ? null : <LeadTabs />}
      {/* The desk stays mounted under the hall view: a draft being typed is not lost by a look at the hall. */}
      {hall && !training ? <LeadView monitor={leadMonitor} /> : null}
      <div className="workspace" hidden={hall && !training}>
        <div className="workspace__left">
          <CallerPanel onCallBack={(number) => void dialRequested(number)} />
          {training ? null : (
            // The queue and the agent's own figures share the lower part: the caller panel keeps its room.
            <div className="workspace__lower">
              <InternetQueue />
              <MyFigures />
            </div>
          )}
        </div>
        <IntakePanel banner={<SetupChecklist needsPlatform={!training} />} />
        <KbPanel draftId={draftId} />
      </div>
      <StatusBar
        pbx={<RegistrationStatus configured={REGISTRATION_FOR[readiness]} />}
        platform={training ? <span>{t('training.platform')}</span> : <SyncIndicator />}
        headset={<HeadsetIndicator />}
        lock={<LockButton />}
        transport={info.transport}
        version={info.version}
      />
      <SettingsDialog />
      <TrainingCallDialog />
      <ScoreCardDialog />
      <TrainingReportDialog />
      <SyncPanel />
      <SettingsNotice />
      <ShortcutHelp shortcuts={shortcuts} />
    </div>
  );
};
