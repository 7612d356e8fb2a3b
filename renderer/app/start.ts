import type { DeskApi } from '../../preload/contract';
import { t } from '../shared/i18n/t';
import { connectDesk } from '../shared/desk/desk-client';
import {
  answerCited,
  callLinked,
  callerAskedForPrivacy,
  callerNumberKnown,
  intakeStarted,
  requestDraftOpened,
  useIntakeStore,
} from '../features/intake';
import { internetQueueChanged, useInternetStore } from '../features/internet';
import { wallboardDeltaReceived, wallboardRequested } from '../features/lead';
import { helpChanged, helpLoaded } from '../features/help';
import { myFiguresRequested } from '../features/figures';
import { callerRegionKnown, importProgressed, kbStarted, orderContextChanged, useKbStore } from '../features/kb';
import {
  agentCallEnded,
  agentCallStarted,
  agentConfigured,
  answerForIncomingCall,
  phoneReachabilityChanged,
  useAgentStore,
} from '../features/agent-state';
import {
  type CallLights,
  answerClicked,
  callLights,
  callerIdentified,
  createSipJsEngine,
  dialRequested,
  hangupClicked,
  holdToggled,
  muteToggled,
  phoneStarted,
  sameLights,
  usePhoneStore,
} from '../features/phone';
import { headsetStarted, headsetStatusChanged } from '../features/headset';
import { lockStarted } from '../features/lock';
import { callRang, callerOrdersChanged, useScreenPopStore } from '../features/screen-pop';
import { loadSettings, settingsChanged } from '../features/settings';
import { syncStarted, syncStatusChanged, useSyncStore } from '../features/sync';
import { trainingOrderSubmitted } from '../features/training';
import { appInfoLoaded, linkChanged, startFailed, useAppStore } from './app-store';
import { watchConnectPolicy } from './connect-policy';
import { connectIdleLock } from './idle-lock';

/** A ringing call, real or training, pops the caller's history: the features meet here, not in each other. */
const connectRingToScreenPop = (): void => {
  usePhoneStore.subscribe((state, previous) => {
    if (state.incoming && state.incoming !== previous.incoming) {
      void callRang(state.incoming);
      void callLinked(state.incoming.id);
    }
  });
  // The bar shows the number exactly as the caller panel does (normalised, masked when it must be).
  useScreenPopStore.subscribe((state, previous) => {
    if (!state.ringId || state.status === previous.status) return;
    if (state.status === 'shown' && state.pop) {
      const { number } = state.pop;
      callerIdentified(state.ringId, number.kind === 'withheld' ? t('screenPop.withheld') : number.display);
      if (state.pop.privacyRequested) callerAskedForPrivacy(state.ringId);
    } else if (state.status === 'error') callerIdentified(state.ringId, null);
  });
  // The caller's number goes into the intake form once known, unless it is masked (confidential).
  useScreenPopStore.subscribe((state, previous) => {
    const number = state.pop?.number;
    if (
      state.pop !== previous.pop &&
      state.ringId &&
      number &&
      !number.masked &&
      (number.kind === 'mobile' || number.kind === 'landline')
    ) {
      callerNumberKnown(state.ringId, number.display);
    }
  });
};

/**
 * The headset and the phone meet here: its buttons act as the agent's clicks would, and its
 * lights follow the calls on screen (including calls answered or ended by mouse or keyboard).
 */
const connectHeadsetToPhone = (api: DeskApi): void => {
  let sent: CallLights | null = null;
  const send = (): void => {
    const lights = callLights(Object.values(usePhoneStore.getState().calls).map((call) => call.state));
    if (sent && sameLights(sent, lights)) return;
    sent = lights;
    void api.headset.callState(lights);
  };
  usePhoneStore.subscribe((state, previous) => {
    if (state.calls !== previous.calls) send();
  });
  api.on('headset.status', (status) => {
    headsetStatusChanged(status);
    // A headset plugged in (again) gets the lights of what is on screen now.
    if (status.state === 'connected') {
      sent = null;
      send();
    }
  });
  api.on('headset.request', ({ request }) => {
    if (request === 'answer') answerClicked();
    else if (request === 'hangup') hangupClicked();
    else if (request === 'toggleMute') muteToggled();
    else void holdToggled();
  });
};

/** The encyclopedia and the intake form meet here: citations go into the reply, the order being typed suggests entries. */
const connectKbToIntake = (): void => {
  useKbStore.subscribe((state, previous) => {
    if (state.citation && state.citation !== previous.citation) answerCited(state.citation);
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  useIntakeStore.subscribe((state, previous) => {
    const form = state.draft?.form;
    const before = previous.draft?.form;
    if (
      !form ||
      (before && form.categoryCode === before.categoryCode && form.title === before.title && form.content === before.content)
    )
      return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const categoryName = state.reference?.categories.find((category) => category.code === form.categoryCode)?.name ?? '';
      void orderContextChanged({ categoryName, text: `${form.title} ${form.content}` });
    }, 500);
  });
  // A finished sync may have brought encyclopedia entries: the panel's count and filters follow.
  useSyncStore.subscribe((state, previous) => {
    if (state.status?.lastSuccessAt !== previous.status?.lastSuccessAt) void kbStarted();
  });
  useScreenPopStore.subscribe((state, previous) => {
    if (state.pop !== previous.pop) callerRegionKnown(state.pop?.caller?.regionCode ?? null);
  });
};

/**
 * Internet requests meet the intake here: a taken request opens as its draft; a submitted one leaves
 * the queue. The queue follows the platform's live channel and the sign-in.
 */
const connectInternetToIntake = (): void => {
  useInternetStore.subscribe((state, previous) => {
    if (state.takenDraft && state.takenDraft !== previous.takenDraft) void requestDraftOpened(state.takenDraft.callRef);
    if (state.dialRequest && state.dialRequest !== previous.dialRequest) void dialRequested(state.dialRequest.number);
  });
  useIntakeStore.subscribe((state, previous) => {
    if (state.submitted && state.submitted !== previous.submitted) void internetQueueChanged();
  });
  useSyncStore.subscribe((state, previous) => {
    if (state.status?.state !== previous.status?.state && state.status?.state === 'online') void internetQueueChanged();
  });
};

/** The team-lead view follows the sign-in: a lead's snapshot when the platform is reached, deltas after. */
const connectSyncToLead = (): void => {
  useSyncStore.subscribe((state, previous) => {
    if (state.status?.state !== previous.status?.state && state.status?.state === 'online') void wallboardRequested();
  });
};

/** The agent state takes its reasons, wrap-up time and refusal code from the phone preferences. */
const connectPhoneToAgent = (): void => {
  usePhoneStore.subscribe((state, previous) => {
    const prefs = state.preferences;
    if (prefs && prefs !== previous.preferences) {
      agentConfigured({
        notReadyReasons: prefs.notReadyReasons,
        wrapUpSeconds: prefs.wrapUpSeconds,
        notReadyResponse: prefs.notReadyResponse,
      });
    }
  });
};

/** Registered or not is part of what the platform knows of the agent (a lapsed registration takes no calls). */
const connectRegistrationToAgent = (): void => {
  usePhoneStore.subscribe((state, previous) => {
    const registered = state.registration.kind === 'registered';
    if (registered !== (previous.registration.kind === 'registered')) phoneReachabilityChanged(registered);
  });
};

/** The agent's own figures follow their day: a call answered, a wrap-up done, an order submitted. */
const connectAgentToFigures = (): void => {
  useAgentStore.subscribe((state, previous) => {
    if (state.state.kind !== previous.state.kind) void myFiguresRequested();
  });
  useIntakeStore.subscribe((state, previous) => {
    if (state.submitted && state.submitted.workOrderId !== previous.submitted?.workOrderId) void myFiguresRequested();
  });
};

/** On a training profile every submitted order is scored against the scenario its call played. */
const connectIntakeToTraining = (): void => {
  useIntakeStore.subscribe((state, previous) => {
    const submitted = state.submitted;
    if (!submitted || submitted.workOrderId === previous.submitted?.workOrderId) return;
    if (useAppStore.getState().info?.profileKind === 'training') void trainingOrderSubmitted(submitted.workOrderId);
  });
};

/** The phone asks the agent state whether a call may ring, and tells it when calls start and end. */
const startPhone = async (): Promise<void> => {
  const info = useAppStore.getState().info;
  // Until main says what profile this is, no INVITE may be taken as a citizen's or a trainee's.
  if (!info) return;
  const inboundPurpose = info.profileKind === 'training' ? 'training' : 'citizen';
  await phoneStarted(createSipJsEngine({ inboundPurpose }), {
    answerForIncomingCall,
    callStarted: agentCallStarted,
    callEnded: agentCallEnded,
  });
};

/**
 * 大屏: the wallboard alone, fed by the same services. No phone, headset, lock or intake: a second
 * registration of the lead's extension from the wall would split their calls between two screens.
 */
export const startWallDisplay = async (): Promise<void> => {
  connectSyncToLead();
  try {
    const { desk, transport } = connectDesk((status) => {
      linkChanged(status);
      if (status === 'open') void wallboardRequested();
    });
    if (transport === 'electron') linkChanged('electron');
    desk.on('sync.status', syncStatusChanged);
    desk.on('lead.wallboard', wallboardDeltaReceived);
    const info = await desk.app.info();
    if (!info.ok) {
      startFailed(info.error.message);
      return;
    }
    appInfoLoaded(info.value);
    await Promise.all([syncStarted(), wallboardRequested()]);
  } catch (error) {
    startFailed(error instanceof Error ? error.message : String(error));
  }
};

/** Wires the transport to the stores; the only place that knows every feature's start-up action. */
export const startConsole = async (): Promise<void> => {
  connectRingToScreenPop();
  connectKbToIntake();
  connectPhoneToAgent();
  connectRegistrationToAgent();
  connectIntakeToTraining();
  connectInternetToIntake();
  connectSyncToLead();
  connectAgentToFigures();
  watchConnectPolicy();
  connectIdleLock();
  try {
    const { desk, transport } = connectDesk((status) => {
      linkChanged(status);
      // After a reconnect main may have changed underneath us (another tab saved settings).
      if (status === 'open') {
        void loadSettings();
        void lockStarted();
      }
    });
    if (transport === 'electron') linkChanged('electron');
    desk.on('settings.changed', (view) => {
      settingsChanged(view);
      // New servers, extension or password: register again with them.
      void startPhone();
    });
    desk.on('kb.importProgress', importProgressed);
    desk.on('sync.status', syncStatusChanged);
    desk.on('history.ordersChanged', ({ callerIds }) => void callerOrdersChanged(callerIds));
    desk.on('internet.changed', () => void internetQueueChanged());
    desk.on('lead.wallboard', wallboardDeltaReceived);
    desk.on('help.changed', helpChanged);
    connectHeadsetToPhone(desk);
    const info = await desk.app.info();
    if (!info.ok) {
      startFailed(info.error.message);
      return;
    }
    appInfoLoaded(info.value);
    await Promise.all([loadSettings(), lockStarted()]);
    await Promise.all([intakeStarted(), kbStarted(), syncStarted(), headsetStarted(), startPhone(), helpLoaded()]);
  } catch (error) {
    startFailed(error instanceof Error ? error.message : String(error));
  }
};
